// First start and pairing, the two API calls a device makes before it has a token:
//   GET  /api/setup        is the workshop still waiting for its first admin?
//   POST /api/setup        the one-time link's token + workshop name + first admin (name, PIN):
//                          creates them and pairs this device (a manager device)
//   POST /api/pair         a pairing code from the admin screen + this device's public key:
//                          pairs this device and answers its token (shown once, stored hashed)
// Both POSTs are rate limited; no token ever reaches a log (sync-server/logger.ts).
import { Router, type RequestHandler } from 'express';
import { newId } from '../../src/domain/ids';
import { PairRequest, PairResponse, SetupRequest, SetupResponse, SetupStatusResponse, type Person } from '../../src/protocol/protocol';
import { hashPin } from '../../src/security/pin-hash';
import { newDeviceId, pairResponse, redeemPairingCode } from '../auth/pairing';
import { newToken, normalisePairingCode, sha256Hex } from '../auth/secrets';
import { HttpError, validate } from '../http/errors';
import { errorResponses, openApiRegistry, registerSchema } from '../openapi';
import type { Storage } from '../storage/storage';

const SetupStatusSchema = registerSchema('SetupStatusResponse', SetupStatusResponse);
const SetupRequestSchema = registerSchema('SetupRequest', SetupRequest);
const SetupResponseSchema = registerSchema('SetupResponse', SetupResponse);
const PairRequestSchema = registerSchema('PairRequest', PairRequest);
const PairResponseSchema = registerSchema('PairResponse', PairResponse);

openApiRegistry.registerPath({
  method: 'get',
  path: '/api/setup',
  summary: 'Whether the workshop still waits for its first admin',
  responses: { 200: { description: 'Setup state.', content: { 'application/json': { schema: SetupStatusSchema } } } },
});
openApiRegistry.registerPath({
  method: 'post',
  path: '/api/setup',
  summary: 'First start: create the workshop and its first admin, and pair this device',
  description: 'Needs the token of the one-time link the server printed at start. Rate limited.',
  request: { body: { content: { 'application/json': { schema: SetupRequestSchema } } } },
  responses: {
    201: { description: 'Set up; this device is paired (keep the token secret).', content: { 'application/json': { schema: SetupResponseSchema } } },
    ...errorResponses(400, 403, 409, 429),
  },
});
openApiRegistry.registerPath({
  method: 'post',
  path: '/api/pair',
  summary: 'Pair this device with a code from the admin screen',
  description: 'The code is single use and lives 10 minutes. Rate limited.',
  request: { body: { content: { 'application/json': { schema: PairRequestSchema } } } },
  responses: {
    201: { description: 'Paired (keep the token secret).', content: { 'application/json': { schema: PairResponseSchema } } },
    ...errorResponses(400, 429),
  },
});

export interface SetupRouterOptions {
  storage: Storage;
  limits: { setup: RequestHandler; pairing: RequestHandler };
}

export function setupRouter({ storage, limits }: SetupRouterOptions): Router {
  const router = Router();

  router.get('/setup', async (_req, res) => {
    const status = await storage.auth.setupStatus();
    const body: SetupStatusResponse = { needed: !status.done, ...(status.workshopName ? { workshopName: status.workshopName } : {}) };
    res.json(body);
  });

  router.post('/setup', limits.setup, async (req, res) => {
    const request = validate(SetupRequest, req.body);
    const now = new Date().toISOString();
    const admin: Person = { id: newId(), name: request.admin.name, role: 'admin', active: true, pinHash: await hashPin(request.admin.pin) };
    const token = newToken('lpd');
    const device = { id: newDeviceId(), name: request.device.name, kind: 'manager' as const, prefix: 'M01', tokenHash: sha256Hex(token), publicKey: request.device.publicKey };
    const outcome = await storage.auth.completeSetup({ tokenHash: sha256Hex(request.token), now, workshopName: request.workshopName, admin, device });
    if (outcome === 'done') throw new HttpError(409, 'setup_unavailable', 'This workshop is set up already: ask an admin to pair this device.');
    if (outcome === 'unknown') throw new HttpError(403, 'setup_unavailable', 'This setup link is not valid: use the latest link the server printed.');
    if (outcome === 'expired') throw new HttpError(403, 'setup_unavailable', 'This setup link has expired: restart the server for a new one.');
    const paired = (await storage.auth.device(device.id))!;
    const body: SetupResponse = { ...(await pairResponse(storage, paired, token)), adminId: admin.id };
    res.status(201).json(body);
  });

  router.post('/pair', limits.pairing, async (req, res) => {
    const request = validate(PairRequest, req.body);
    const code = normalisePairingCode(request.code);
    const refused = async () => {
      await storage.auth.appendAudit([{ kind: 'pairing_failed', detail: { address: req.ip ?? null } }]);
      return new HttpError(400, 'pairing_invalid', 'This pairing code is unknown, used or expired: ask an admin for a new one.');
    };
    if (!/^[2-9A-HJKMNP-Z]{8}$/.test(code)) throw await refused();
    const body = await redeemPairingCode(storage, code, request.publicKey);
    if (!body) throw await refused();
    const pairedBy = (await storage.auth.device(body.deviceId))?.pairedBy ?? null;
    await storage.auth.appendAudit([{ kind: 'device_paired', deviceId: body.deviceId, personId: pairedBy, detail: { name: body.name, kind: body.kind, prefix: body.prefix } }]);
    res.status(201).json(body);
  });

  return router;
}
