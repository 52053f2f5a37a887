// The admin screens' API: a paired device AND a person session (routes/auth.ts) of the right role.
//   POST /api/admin/pairing-codes          admin    a code (+ QR on screen) for a new device, 10 minutes
//   GET  /api/admin/devices                admin    paired devices, last contact, revoked or not
//   POST /api/admin/devices/:id/revoke     admin    the device's next call is refused; it wipes itself
//   GET  /api/admin/people                 admin, manager
//   POST /api/admin/people                 admin, manager (a manager may not add an admin)
//   PATCH /api/admin/people/:id            admin, manager (a manager may not touch an admin)
//   GET  /api/admin/audit                  admin
//   GET  /api/admin/custody-chain          admin    walks the chain and the signatures
// People are records like any other: devices receive them (with their PIN hash) on their next pull.
import { Router } from 'express';
import { z } from 'zod';
import { newId } from '../../src/domain/ids';
import {
  AuditQuery,
  AuditResponse,
  ChainReport,
  CreatePairingCodeRequest,
  CreatePersonRequest,
  DeviceId,
  DeviceInfo,
  DeviceListResponse,
  Id,
  PairingCodeResponse,
  PeopleResponse,
  PersonSummary,
  UpdatePersonRequest,
  type Person,
} from '../../src/protocol/protocol';
import { hashPin } from '../../src/security/pin-hash';
import type { DeviceAuth } from '../auth/device-auth';
import { deviceOf, personOf } from '../auth/device-auth';
import { createPairingCode } from '../auth/pairing';
import { HttpError, validate } from '../http/errors';
import { errorResponses, openApiRegistry, registerSchema } from '../openapi';
import type { DeviceRecord } from '../storage/auth-store';
import type { Storage } from '../storage/storage';
import type { Notifier } from '../sync/notifier';
import { summarise } from './auth';

const schemas = {
  CreatePairingCodeRequest: registerSchema('CreatePairingCodeRequest', CreatePairingCodeRequest),
  PairingCodeResponse: registerSchema('PairingCodeResponse', PairingCodeResponse),
  DeviceListResponse: registerSchema('DeviceListResponse', DeviceListResponse),
  DeviceInfo: registerSchema('DeviceInfo', DeviceInfo),
  PeopleResponse: registerSchema('PeopleResponse', PeopleResponse),
  CreatePersonRequest: registerSchema('CreatePersonRequest', CreatePersonRequest),
  UpdatePersonRequest: registerSchema('UpdatePersonRequest', UpdatePersonRequest),
  PersonSummary: registerSchema('PersonSummary', PersonSummary),
  AuditResponse: registerSchema('AuditResponse', AuditResponse),
  ChainReport: registerSchema('ChainReport', ChainReport),
};
const json = (schema: z.ZodType) => ({ 'application/json': { schema } });
const ADMIN_ERRORS = errorResponses(400, 401, 403, 404, 409);
for (const [method, path, summary, response, body] of [
  ['post', '/api/admin/pairing-codes', 'A pairing code for a new device (admin)', schemas.PairingCodeResponse, schemas.CreatePairingCodeRequest],
  ['get', '/api/admin/devices', 'Paired devices with their last contact (admin)', schemas.DeviceListResponse, undefined],
  ['post', '/api/admin/devices/{id}/revoke', 'Remove a device from the workshop (admin)', schemas.DeviceInfo, undefined],
  ['get', '/api/admin/people', 'People, without their PIN hashes (admin, manager)', schemas.PeopleResponse, undefined],
  ['post', '/api/admin/people', 'Add a person with a PIN (admin; a manager may add anyone but an admin)', schemas.PersonSummary, schemas.CreatePersonRequest],
  ['patch', '/api/admin/people/{id}', 'Rename, change the role, (de)activate or set a new PIN (admin, manager)', schemas.PersonSummary, schemas.UpdatePersonRequest],
  ['get', '/api/admin/audit', 'The audit log, newest first (admin)', schemas.AuditResponse, undefined],
  ['get', '/api/admin/custody-chain', 'Walk the custody chain and its signatures (admin)', schemas.ChainReport, undefined],
] as const) {
  openApiRegistry.registerPath({
    method,
    path,
    summary,
    description: 'Needs x-loupe-device-token and x-loupe-person-token (POST /api/auth/session).',
    ...(body ? { request: { body: { content: json(body) } } } : {}),
    responses: { 200: { description: 'OK.', content: json(response) }, ...ADMIN_ERRORS },
  });
}

export function deviceInfo(device: DeviceRecord): DeviceInfo {
  return { id: device.id, name: device.name, kind: device.kind, prefix: device.prefix, pairedAt: device.pairedAt, pairedBy: device.pairedBy, lastContactAt: device.lastContactAt, revokedAt: device.revokedAt, revokedBy: device.revokedBy };
}

export interface AdminRouterOptions {
  storage: Storage;
  auth: DeviceAuth;
  notifier: Notifier;
}

const IdParams = z.object({ id: Id });
const DeviceParams = z.object({ id: DeviceId });

export function adminRouter({ storage, auth, notifier }: AdminRouterOptions): Router {
  const router = Router();
  const admin = auth.requirePerson(['admin']);
  const peopleManagers = auth.requirePerson(['admin', 'manager']);

  router.post('/admin/pairing-codes', admin, async (req, res) => {
    const request = validate(CreatePairingCodeRequest, req.body);
    const by = personOf(res);
    const outcome = await createPairingCode(storage, { ...request, createdBy: by.id });
    if (outcome === 'prefix_taken') throw new HttpError(409, 'conflict', `The job-number prefix ${request.prefix} is already used by a device.`);
    await storage.auth.appendAudit([{ kind: 'pairing_code_created', deviceId: deviceOf(res).id, personId: by.id, detail: { name: outcome.name, kind: outcome.kind, prefix: outcome.prefix } }]);
    res.status(201).json(outcome satisfies PairingCodeResponse);
  });

  router.get('/admin/devices', admin, async (_req, res) => {
    const body: DeviceListResponse = { devices: (await storage.auth.listDevices()).map(deviceInfo) };
    res.json(body);
  });

  router.post('/admin/devices/:id/revoke', admin, async (req, res) => {
    const { id } = validate(DeviceParams, req.params);
    const by = personOf(res);
    const before = await storage.auth.device(id);
    if (!before) throw new HttpError(404, 'not_found', 'No device with this id.');
    const device = (await storage.auth.revokeDevice(id, by.id, new Date().toISOString()))!;
    if (before.revokedAt === null) {
      await storage.auth.appendAudit([{ kind: 'device_revoked', deviceId: id, personId: by.id, detail: { name: device.name, fromDevice: deviceOf(res).id } }]);
    }
    res.json(deviceInfo(device));
  });

  router.get('/admin/people', peopleManagers, async (_req, res) => {
    const body: PeopleResponse = { people: (await storage.auth.people()).map(summarise) };
    res.json(body);
  });

  const publish = async (person: Person) => {
    const seq = await storage.auth.putPerson(person);
    notifier.notify(seq);
  };

  router.post('/admin/people', peopleManagers, async (req, res) => {
    const request = validate(CreatePersonRequest, req.body);
    const by = personOf(res);
    if (request.role === 'admin' && by.role !== 'admin') throw new HttpError(403, 'forbidden', 'Only an admin can add an admin.');
    const person: Person = { id: newId(), name: request.name, role: request.role, active: true, pinHash: await hashPin(request.pin) };
    await publish(person);
    await storage.auth.appendAudit([{ kind: 'person_created', deviceId: deviceOf(res).id, personId: by.id, detail: { person: person.id, name: person.name, role: person.role } }]);
    res.status(201).json(summarise(person));
  });

  router.patch('/admin/people/:id', peopleManagers, async (req, res) => {
    const { id } = validate(IdParams, req.params);
    const patch = validate(UpdatePersonRequest, req.body);
    const by = personOf(res);
    const current = await storage.auth.person(id);
    if (!current) throw new HttpError(404, 'not_found', 'No person with this id.');
    if (by.role !== 'admin' && (current.role === 'admin' || patch.role === 'admin')) throw new HttpError(403, 'forbidden', 'Only an admin can change an admin or make someone admin.');
    const next: Person = {
      ...current,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.pin !== undefined ? { pinHash: await hashPin(patch.pin) } : {}),
    };
    // The workshop must keep someone who can pair devices and manage people.
    const losesAdmin = current.role === 'admin' && current.active && (next.role !== 'admin' || !next.active);
    if (losesAdmin && !(await storage.auth.people()).some((p) => p.id !== id && p.role === 'admin' && p.active)) {
      throw new HttpError(409, 'conflict', 'This is the last active admin: add another admin first.');
    }
    await publish(next);
    if (patch.pin !== undefined || patch.active === false || patch.role !== undefined) await storage.auth.endPersonSessions(id);
    const changed = Object.keys(patch).map((key) => (key === 'pin' ? 'pin' : `${key}`)).join(',');
    await storage.auth.appendAudit([{ kind: 'person_changed', deviceId: deviceOf(res).id, personId: by.id, detail: { person: id, changed } }]);
    res.json(summarise(next));
  });

  router.get('/admin/audit', admin, async (req, res) => {
    const query = validate(AuditQuery, req.query);
    const body: AuditResponse = await storage.auth.listAudit(query);
    res.json(body);
  });

  router.get('/admin/custody-chain', admin, async (_req, res) => {
    const body: ChainReport = await storage.auth.verifyChain();
    res.json(body);
  });

  return router;
}
