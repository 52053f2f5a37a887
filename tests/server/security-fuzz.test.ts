// Hostile and malformed calls to every endpoint (fast-check): bodies of any shape, odd ids in
// paths, junk in the security headers. The answer is always a 4xx with a clear code — never a
// 5xx, never a crash — and the workshop's data is exactly as before.
import { readdir } from 'node:fs/promises';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CreatePairingCodeRequest,
  CreatePersonRequest,
  DEVICE_TOKEN_HEADER,
  ErrorBody,
  PERSON_ID_HEADER,
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
import { mountedApiRoutes } from './route-inventory';
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
    // Photo bytes and partial uploads on disk.
    files: (await readdir(world.server.dataDir, { recursive: true })).filter((f) => !f.startsWith('loupe.sqlite')).sort(),
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

type Method = 'get' | 'post' | 'patch' | 'head' | 'delete';
interface Target {
  name: string;
  /** The mounted routes (tests/server/route-inventory.ts) this target fuzzes: every one needs a target. */
  routes: string[];
  method: Method;
  path: fc.Arbitrary<string>;
  body?: fc.Arbitrary<unknown>;
  /** Extra request headers to fuzz (tus speaks in headers). */
  headers?: fc.Arbitrary<Record<string, string>>;
  /** The identity whose headers go with it: deep enough to reach the body's validation. */
  as: Identity;
  /** An endpoint with no input to refuse (health, listings) may also answer these. */
  mayAnswer?: number[];
}

const fixed = (path: string) => fc.constant(path);
/** Header values a real HTTP client can send (printable ASCII), odd ones first. */
const headerValue = fc.oneof(fc.constantFrom('', '0', '-1', '1e3', '999999999999999999999', 'sha256 Li4vLi4v,type aW1hZ2UvanBlZw==', '../../', 'a b c'), fc.stringMatching(/^[\x20-\x7e]{0,80}$/));
const junkQuery = fc.string({ maxLength: 100 }).map((s) => `?x=${encodeURIComponent(s)}&${encodeURIComponent(s)}=1`);
/** An upload id that is not one the server made. */
const uploadId = fc.oneof(pathSegment, fc.constant(`${'a'.repeat(64)}-0123456789abcdef`));
const uploadBody = fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes));

const TARGETS: Target[] = [
  { name: 'GET /api/health', routes: ['GET /api/health'], method: 'get', path: junkQuery.map((q) => `/api/health${q}`), as: 'none', mayAnswer: [200] },
  { name: 'GET /api/openapi.json', routes: ['GET /api/openapi.json'], method: 'get', path: junkQuery.map((q) => `/api/openapi.json${q}`), as: 'none', mayAnswer: [200] },
  { name: 'GET /api/setup', routes: ['GET /api/setup'], method: 'get', path: junkQuery.map((q) => `/api/setup${q}`), as: 'none', mayAnswer: [200] },
  { name: 'POST /api/setup', routes: ['POST /api/setup'], method: 'post', path: fixed('/api/setup'), body: invalidFor(SetupRequest), as: 'none' },
  { name: 'POST /api/pair', routes: ['POST /api/pair'], method: 'post', path: fixed('/api/pair'), body: invalidFor(PairRequest), as: 'none' },
  { name: 'POST /api/sync/push', routes: ['POST /api/sync/push'], method: 'post', path: fixed('/api/sync/push'), body: invalidFor(PushRequest), as: 'manager' },
  { name: 'GET /api/sync/pull', routes: ['GET /api/sync/pull'], method: 'get', path: fc.tuple(fc.string({ maxLength: 300 }), fc.string({ maxLength: 20 })).map(([c, l]) => `/api/sync/pull?cursor=${encodeURIComponent(c)}&limit=${encodeURIComponent(l)}&limit=0`), as: 'manager' },
  // A good token opens an endless stream: the fuzzed one goes in the query, as EventSource sends it.
  { name: 'GET /api/sync/events', routes: ['GET /api/sync/events'], method: 'get', path: fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom(`lpd_${'A'.repeat(43)}`, 'lpd_', '%00')).map((t) => `/api/sync/events?token=${encodeURIComponent(t)}`), as: 'none' },
  { name: 'POST /api/photos/have', routes: ['POST /api/photos/have'], method: 'post', path: fixed('/api/photos/have'), body: invalidFor(PhotoHaveRequest), as: 'jeweler' },
  { name: 'GET /api/photos/:sha256', routes: ['GET /api/photos/*sha256'], method: 'get', path: pathSegment.filter((s) => !/^[0-9a-f]{64}$/.test(s)).map((s) => `/api/photos/${s}`), as: 'jeweler' },
  { name: 'HEAD /api/photos/:sha256', routes: ['HEAD /api/photos/*sha256'], method: 'head', path: pathSegment.filter((s) => !/^[0-9a-f]{64}$/.test(s)).map((s) => `/api/photos/${s}`), as: 'jeweler' },
  {
    name: 'POST /api/photos/uploads (tus creation)',
    routes: ['POST /api/photos/uploads', 'ALL /api/photos/uploads'],
    method: 'post',
    path: fixed('/api/photos/uploads'),
    headers: fc.record({ 'Tus-Resumable': fc.oneof(fc.constant('1.0.0'), headerValue), 'Upload-Length': headerValue, 'Upload-Metadata': headerValue }, { requiredKeys: [] }),
    as: 'jeweler',
  },
  { name: 'HEAD /api/photos/uploads/:id', routes: ['HEAD /api/photos/uploads/:id', 'ALL /api/photos/uploads/:id'], method: 'head', path: uploadId.map((id) => `/api/photos/uploads/${id}`), headers: fc.record({ 'Tus-Resumable': fc.oneof(fc.constant('1.0.0'), headerValue) }), as: 'jeweler' },
  {
    name: 'PATCH /api/photos/uploads/:id',
    routes: ['ALL /api/photos/uploads/:id'],
    method: 'patch',
    path: uploadId.map((id) => `/api/photos/uploads/${id}`),
    body: uploadBody,
    headers: fc.record({ 'Tus-Resumable': fc.oneof(fc.constant('1.0.0'), headerValue), 'Upload-Offset': headerValue, 'Content-Type': fc.oneof(fc.constant('application/offset+octet-stream'), headerValue) }, { requiredKeys: [] }),
    as: 'jeweler',
  },
  { name: 'DELETE /api/photos/uploads/:id', routes: ['ALL /api/photos/uploads/:id'], method: 'delete', path: uploadId.map((id) => `/api/photos/uploads/${id}`), headers: fc.record({ 'Tus-Resumable': fc.oneof(fc.constant('1.0.0'), headerValue) }), as: 'jeweler' },
  { name: 'POST /api/auth/session', routes: ['POST /api/auth/session'], method: 'post', path: fixed('/api/auth/session'), body: invalidFor(PersonSessionRequest), as: 'manager' },
  { name: 'POST /api/security/reports', routes: ['POST /api/security/reports'], method: 'post', path: fixed('/api/security/reports'), body: invalidFor(SecurityReportRequest), as: 'jeweler' },
  { name: 'POST /api/admin/pairing-codes', routes: ['POST /api/admin/pairing-codes'], method: 'post', path: fixed('/api/admin/pairing-codes'), body: invalidFor(CreatePairingCodeRequest), as: 'admin' },
  { name: 'GET /api/admin/devices', routes: ['GET /api/admin/devices'], method: 'get', path: junkQuery.map((q) => `/api/admin/devices${q}`), as: 'admin', mayAnswer: [200] },
  { name: 'POST /api/admin/devices/:id/revoke', routes: ['POST /api/admin/devices/:id/revoke'], method: 'post', path: pathSegment.filter((s) => !s.startsWith('dev-')).map((s) => `/api/admin/devices/${s}/revoke`), as: 'admin' },
  { name: 'GET /api/admin/people', routes: ['GET /api/admin/people'], method: 'get', path: junkQuery.map((q) => `/api/admin/people${q}`), as: 'manager', mayAnswer: [200] },
  { name: 'POST /api/admin/people', routes: ['POST /api/admin/people'], method: 'post', path: fixed('/api/admin/people'), body: invalidFor(CreatePersonRequest), as: 'admin' },
  { name: 'PATCH /api/admin/people/:id', routes: ['PATCH /api/admin/people/:id'], method: 'patch', path: pathSegment.map((s) => `/api/admin/people/${s}`), body: invalidFor(UpdatePersonRequest), as: 'admin' },
  { name: 'GET /api/admin/audit', routes: ['GET /api/admin/audit'], method: 'get', path: fc.string({ maxLength: 100 }).map((s) => `/api/admin/audit?before=${encodeURIComponent(s)}&limit=${encodeURIComponent(s)}`), as: 'admin' },
  { name: 'GET /api/admin/custody-chain', routes: ['GET /api/admin/custody-chain'], method: 'get', path: junkQuery.map((q) => `/api/admin/custody-chain${q}`), as: 'admin', mayAnswer: [200] },
  {
    name: 'GET /api/exports/:file',
    routes: ['GET /api/exports/:file'],
    method: 'get',
    path: fc.tuple(fc.oneof(fc.constantFrom('jobs.csv', 'kpis.csv', 'attendance.csv'), pathSegment), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 })).map(([file, from, to, tz]) => `/api/exports/${file}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&tz=${encodeURIComponent(tz)}`),
    as: 'manager',
  },
];

describe('the fuzzing covers the server', () => {
  it('every route the server mounts has a target, and every target names a mounted route', () => {
    const mounted = mountedApiRoutes(world.server.app);
    const covered = new Set(TARGETS.flatMap((t) => t.routes));
    expect(mounted.filter((route) => !covered.has(route)), 'routes without a fuzz target').toEqual([]);
    expect([...covered].filter((route) => !mounted.includes(route)), 'targets naming no mounted route').toEqual([]);
  });
});

function send(target: Target, path: string, body: unknown, headers: Record<string, string>) {
  const call = request(world.server.app)[target.method](path).set(headers);
  if (body === undefined) return call;
  if (Buffer.isBuffer(body)) return call.send(body);
  // Strings go out as they are (JSON or not): what a broken or hostile client would send.
  if (typeof body === 'string') return call.set('Content-Type', 'application/json').send(body);
  if (typeof body !== 'object' || body === null) return call.set('Content-Type', 'application/json').send(JSON.stringify(body));
  return call.send(body as object);
}

function expectClearRefusal(res: request.Response, what: string, mayAnswer: number[] = []) {
  if (mayAnswer.includes(res.status)) return;
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
      fc.asyncProperty(target.path, target.body ?? fc.constant(undefined), target.headers ?? fc.constant({}), async (path, body, extra) => {
        const res = await send(target, path, body, { ...world.headers[target.as], ...extra });
        expectClearRefusal(res, `${target.name} ${path} ${JSON.stringify(extra)} ${JSON.stringify(body)?.slice(0, 120)}`, target.mayAnswer);
      }),
      { numRuns: 60 },
    );
  });

  it('answers junk in the device, person and protocol headers with a 4xx and its code', async () => {
    const junk = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('lpd_', `lpd_${'A'.repeat(43)}`, `lps_${'B'.repeat(43)}`, '../../', '\u00e9', 'Bearer x'));
    await fc.assert(
      fc.asyncProperty(target.path, junk, junk, junk, fc.constantFrom('1', '0', '99', 'banana', undefined), async (path, device, person, unlocked, protocol) => {
        const headers: Record<string, string> = { ...world.headers[target.as] };
        // Only values a real HTTP client can send (no control characters) reach the server.
        if (/^[\x20-\x7e]*$/.test(device)) headers[DEVICE_TOKEN_HEADER] = device;
        if (/^[\x20-\x7e]*$/.test(person)) headers[PERSON_TOKEN_HEADER] = person;
        if (/^[\x20-\x7e]*$/.test(unlocked)) headers[PERSON_ID_HEADER] = unlocked;
        if (protocol !== undefined) headers[PROTOCOL_HEADER] = protocol;
        const body = target.method === 'get' || target.method === 'head' ? undefined : {};
        const res = await send(target, path, body, headers);
        expectClearRefusal(res, `${target.name} with junk headers`, target.mayAnswer);
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
