// Hostile and malformed calls to every endpoint (fast-check): bodies of any shape, odd ids in
// paths, junk in the security headers. The answer is always a 4xx with a clear code — never a
// 5xx, never a crash — and the workshop's data is exactly as before.
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CreatePairingCodeRequest,
  CreatePersonRequest,
  DEVICE_TOKEN_HEADER,
  ErrorBody,
  PERSON_TOKEN_HEADER,
  PROTOCOL_HEADER,
  PairRequest,
  PersonSessionRequest,
  PhotoHaveRequest,
  PushRequest,
  SecurityReportRequest,
  SetupRequest,
  UpdatePersonRequest,
} from '../../src/protocol/protocol';
import { securityWorld, type Identity, type SecurityWorld } from './security-world';
import { PEOPLE, snapshot } from './sync-fixtures';

let world: SecurityWorld;
let before: unknown;

async function state() {
  const storage = world.server.storage;
  return {
    records: await snapshot(storage),
    seq: await storage.currentSeq(),
    devices: await storage.auth.listDevices(),
    people: await storage.auth.people(),
    setup: await storage.auth.setupStatus(),
  };
}

beforeAll(async () => {
  // Generous limits: this is about what each call does, not how many (rate limits: security-flows).
  world = await securityWorld({ rateLimits: { pairing: 1e6, setup: 1e6, pin: 1e6, reports: 1e6 } });
  before = await state();
});
afterAll(() => world?.close());

/** Any JSON, objects with hostile keys, long and odd strings, deep nesting. */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'deviceId', 'mutations', 'code', 'token', 'pin', 'personId', 'name', 'role', 'kind', 'prefix', 'sha256', 'reports'), fc.jsonValue()),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('../../etc/passwd', '%00', '\u0000', '{"a":', 'null', '[]', '1e309', `${'['.repeat(5_000)}${']'.repeat(5_000)}`),
  fc.array(fc.jsonValue(), { maxLength: 600 }),
);

/** A body the endpoint's schema refuses (a valid one is a different test). */
const invalidFor = (schema: z.ZodType) => hostileJson.filter((value) => !schema.safeParse(value).success);

const pathSegment = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('..', '../../loupe.sqlite', '%2e%2e%2f', 'a'.repeat(300), 'dev-admin-000001', PEOPLE.admin.id)).map((s) => encodeURIComponent(s));

type Method = 'get' | 'post' | 'patch' | 'head';
interface Target {
  name: string;
  method: Method;
  path: fc.Arbitrary<string>;
  body?: fc.Arbitrary<unknown>;
  /** The identity whose headers go with it: deep enough to reach the body's validation. */
  as: Identity;
}

const fixed = (path: string) => fc.constant(path);
const TARGETS: Target[] = [
  { name: 'POST /api/setup', method: 'post', path: fixed('/api/setup'), body: invalidFor(SetupRequest), as: 'none' },
  { name: 'POST /api/pair', method: 'post', path: fixed('/api/pair'), body: invalidFor(PairRequest), as: 'none' },
  { name: 'POST /api/sync/push', method: 'post', path: fixed('/api/sync/push'), body: invalidFor(PushRequest), as: 'manager' },
  { name: 'GET /api/sync/pull', method: 'get', path: fc.tuple(fc.string({ maxLength: 300 }), fc.string({ maxLength: 20 })).map(([c, l]) => `/api/sync/pull?cursor=${encodeURIComponent(c)}&limit=${encodeURIComponent(l)}&limit=0`), as: 'manager' },
  { name: 'POST /api/photos/have', method: 'post', path: fixed('/api/photos/have'), body: invalidFor(PhotoHaveRequest), as: 'jeweler' },
  { name: 'GET /api/photos/:sha256', method: 'get', path: pathSegment.filter((s) => !/^[0-9a-f]{64}$/.test(s)).map((s) => `/api/photos/${s}`), as: 'jeweler' },
  { name: 'POST /api/auth/session', method: 'post', path: fixed('/api/auth/session'), body: invalidFor(PersonSessionRequest), as: 'manager' },
  { name: 'POST /api/security/reports', method: 'post', path: fixed('/api/security/reports'), body: invalidFor(SecurityReportRequest), as: 'jeweler' },
  { name: 'POST /api/admin/pairing-codes', method: 'post', path: fixed('/api/admin/pairing-codes'), body: invalidFor(CreatePairingCodeRequest), as: 'admin' },
  { name: 'POST /api/admin/devices/:id/revoke', method: 'post', path: pathSegment.filter((s) => !s.startsWith('dev-')).map((s) => `/api/admin/devices/${s}/revoke`), as: 'admin' },
  { name: 'POST /api/admin/people', method: 'post', path: fixed('/api/admin/people'), body: invalidFor(CreatePersonRequest), as: 'admin' },
  { name: 'PATCH /api/admin/people/:id', method: 'patch', path: pathSegment.map((s) => `/api/admin/people/${s}`), body: invalidFor(UpdatePersonRequest), as: 'admin' },
  { name: 'GET /api/admin/audit', method: 'get', path: fc.string({ maxLength: 100 }).map((s) => `/api/admin/audit?before=${encodeURIComponent(s)}&limit=${encodeURIComponent(s)}`), as: 'admin' },
];

function send(target: Target, path: string, body: unknown, headers: Record<string, string>) {
  const call = request(world.server.app)[target.method](path).set(headers);
  if (body === undefined) return call;
  // Strings go out as they are (JSON or not): what a broken or hostile client would send.
  if (typeof body === 'string') return call.set('Content-Type', 'application/json').send(body);
  if (typeof body !== 'object' || body === null) return call.set('Content-Type', 'application/json').send(JSON.stringify(body));
  return call.send(body as object);
}

function expectClearRefusal(res: request.Response, what: string) {
  expect(res.status, `${what} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  if (res.request.method !== 'HEAD') {
    const body = ErrorBody.safeParse(res.body);
    expect(body.success, `${what}: ${res.text.slice(0, 200)}`).toBe(true);
    expect(body.data!.error.message.length).toBeGreaterThan(0);
  }
}

describe.each(TARGETS)('$name, fuzzed', (target) => {
  it('answers every malformed or hostile body with a 4xx and its code', async () => {
    await fc.assert(
      fc.asyncProperty(target.path, target.body ?? fc.constant(undefined), async (path, body) => {
        const res = await send(target, path, body, world.headers[target.as]);
        expectClearRefusal(res, `${target.name} ${path} ${JSON.stringify(body)?.slice(0, 120)}`);
      }),
      { numRuns: 60 },
    );
  });

  it('answers junk in the device, person and protocol headers with a 4xx and its code', async () => {
    const junk = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('lpd_', `lpd_${'A'.repeat(43)}`, `lps_${'B'.repeat(43)}`, '../../', '\u00e9', 'Bearer x'));
    await fc.assert(
      fc.asyncProperty(target.path, junk, junk, fc.constantFrom('1', '0', '99', 'banana', undefined), async (path, device, person, protocol) => {
        const headers: Record<string, string> = { ...world.headers[target.as] };
        // Only values a real HTTP client can send (no control characters) reach the server.
        if (/^[\x20-\x7e]*$/.test(device)) headers[DEVICE_TOKEN_HEADER] = device;
        if (/^[\x20-\x7e]*$/.test(person)) headers[PERSON_TOKEN_HEADER] = person;
        if (protocol !== undefined) headers[PROTOCOL_HEADER] = protocol;
        const body = target.method === 'get' || target.method === 'head' ? undefined : {};
        const res = await send(target, path, body, headers);
        expectClearRefusal(res, `${target.name} with junk headers`);
      }),
      { numRuns: 40 },
    );
  });
});

describe('after all of it', () => {
  it('the workshop is exactly as before: records, devices, people, setup', async () => {
    expect(await state()).toEqual(before);
  });
});
