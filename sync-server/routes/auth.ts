// Person sessions and the devices' own security reports (both need a paired device):
//   POST /api/auth/session       a person confirms their PIN with the server; answers a session
//                                token (30 minutes) that admin calls carry. Five wrong PINs lock
//                                the person out for a growing time (src/domain/lockout.ts), on
//                                the server as on the tablets. Rate limited.
//   POST /api/security/reports   what a tablet's lock screen saw offline: wrong PINs, lockouts.
import { Router, type RequestHandler } from 'express';
import { afterFailure, afterSuccess, lockedFor, triesLeft } from '../../src/domain/lockout';
import {
  PersonSessionRequest,
  PersonSessionResponse,
  SecurityReportRequest,
  type PersonSummary,
  type Person,
} from '../../src/protocol/protocol';
import { verifyPin } from '../../src/security/pin-hash';
import { deviceOf } from '../auth/device-auth';
import { newToken, sha256Hex } from '../auth/secrets';
import { HttpError, validate } from '../http/errors';
import { errorResponses, openApiRegistry, registerSchema } from '../openapi';
import type { NewAuditEntry } from '../storage/auth-store';
import type { Storage } from '../storage/storage';

export const PERSON_SESSION_TTL_MS = 30 * 60_000;

const SessionRequestSchema = registerSchema('PersonSessionRequest', PersonSessionRequest);
const SessionResponseSchema = registerSchema('PersonSessionResponse', PersonSessionResponse);
const ReportRequestSchema = registerSchema('SecurityReportRequest', SecurityReportRequest);

openApiRegistry.registerPath({
  method: 'post',
  path: '/api/auth/session',
  summary: 'Confirm a PIN with the server and open a 30-minute person session (admin screens)',
  description: 'Needs the device token. Wrong PINs count towards a lockout of that person (429 locked_out, details.retryAfterMs). Rate limited.',
  request: { body: { content: { 'application/json': { schema: SessionRequestSchema } } } },
  responses: {
    201: { description: 'A session token for the x-loupe-person-token header.', content: { 'application/json': { schema: SessionResponseSchema } } },
    ...errorResponses(400, 401, 403, 429),
  },
});
openApiRegistry.registerPath({
  method: 'post',
  path: '/api/security/reports',
  summary: "A tablet's wrong PINs and lockouts, for the audit log",
  request: { body: { content: { 'application/json': { schema: ReportRequestSchema } } } },
  responses: { 204: { description: 'Recorded (retries are harmless: each report id is kept once).' }, ...errorResponses(400, 401, 403, 429) },
});

export function summarise(person: Person): PersonSummary {
  const { pinHash, ...rest } = person;
  return { ...rest, hasPin: pinHash !== undefined };
}

export interface AuthRouterOptions {
  storage: Storage;
  limits: { pin: RequestHandler; reports: RequestHandler };
  now?: () => Date;
}

export function authRouter({ storage, limits, now = () => new Date() }: AuthRouterOptions): Router {
  const router = Router();

  router.post('/auth/session', limits.pin, async (req, res) => {
    const device = deviceOf(res);
    const { personId, pin } = validate(PersonSessionRequest, req.body);
    const at = now();
    const state = await storage.auth.pinLockout(personId);
    const wait = lockedFor(state, at.getTime());
    if (wait > 0) {
      throw new HttpError(429, 'locked_out', `Too many wrong PINs: try again in ${Math.ceil(wait / 1000)} s.`, undefined, { retryAfterMs: wait });
    }
    const person = await storage.auth.person(personId);
    const refused = () => new HttpError(401, 'unauthorized', 'This PIN is not right.');
    // Nobody to lock out: no row is written for an id that names no one (a flood of random ids stores nothing).
    if (!person) throw refused();
    const ok = person.active && person.pinHash !== undefined && (await verifyPin(pin, person.pinHash));
    if (!ok) {
      const next = afterFailure(state, at.getTime());
      await storage.auth.setPinLockout(personId, next);
      const entries: NewAuditEntry[] = [{ kind: 'person_session_failed', deviceId: device.id, personId }];
      if (next.lockedUntil !== null) entries.push({ kind: 'lockout', deviceId: device.id, personId, detail: { lockedUntil: new Date(next.lockedUntil).toISOString(), where: 'server' } });
      await storage.auth.appendAudit(entries, at.toISOString());
      if (next.lockedUntil !== null) throw new HttpError(429, 'locked_out', `Too many wrong PINs: try again in ${Math.ceil((next.lockedUntil - at.getTime()) / 1000)} s.`, undefined, { retryAfterMs: next.lockedUntil - at.getTime() });
      throw new HttpError(401, 'unauthorized', 'This PIN is not right.', undefined, { triesLeft: triesLeft(next) });
    }
    await storage.auth.setPinLockout(personId, afterSuccess());
    const token = newToken('lps');
    const expiresAt = new Date(at.getTime() + PERSON_SESSION_TTL_MS).toISOString();
    await storage.auth.openPersonSession({ tokenHash: sha256Hex(token), personId, deviceId: device.id, now: at.toISOString(), expiresAt });
    await storage.auth.appendAudit([{ kind: 'person_session_opened', deviceId: device.id, personId, detail: {} }], at.toISOString());
    const body: PersonSessionResponse = { token, expiresAt, person: summarise(person) };
    res.status(201).json(body);
  });

  router.post('/security/reports', limits.reports, async (req, res) => {
    const device = deviceOf(res);
    const { reports } = validate(SecurityReportRequest, req.body);
    await storage.auth.recordReports(
      device.id,
      reports.map((report) => ({ id: report.id, kind: report.kind, personId: report.personId, detail: { reportedAt: report.at, ...(report.lockedUntil ? { lockedUntil: report.lockedUntil } : {}) } })),
    );
    res.status(204).end();
  });

  return router;
}
