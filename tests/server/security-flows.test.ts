// Security journeys over HTTP: first start with its one-time link, pairing and revocation, the
// server's own PIN lockout, people managed by admins and managers, rate limits, the browser
// hardening headers, tokens kept out of the logs, photo access.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import {
  DEVICE_TOKEN_HEADER,
  ErrorBody,
  PERSON_ID_HEADER,
  PERSON_TOKEN_HEADER,
  PairResponse,
  PairingCodeResponse,
  PeopleResponse,
  PersonSessionResponse,
  PullResponse,
  SetupResponse,
} from '../../src/protocol/protocol';
import { exportPublicKey, generateDeviceKeys } from '../../src/security/evidence-signature';
import { verifyPin } from '../../src/security/pin-hash';
import { createApp } from '../../sync-server/app';
import { announceAccess } from '../../sync-server/auth/first-start';
import { offerSetupLink } from '../../sync-server/auth/pairing';
import { sha256Hex } from '../../sync-server/auth/secrets';
import { CSP_DIRECTIVES } from '../../sync-server/http/security-headers';
import { createLogger } from '../../sync-server/logger';
import { SQLITE_FILE_NAME } from '../../sync-server/storage/sqlite-storage';
import { pairDevice } from './auth-fixtures';
import { makeFakeAppDir, makeTempDir, startTestServer, TEST_VERSION, type TestServer } from './helpers';
import { PINS, securityWorld, type SecurityWorld } from './security-world';
import { PEOPLE } from './sync-fixtures';

const publicKey = async () => exportPublicKey((await generateDeviceKeys()).publicKey);

describe('first start: a one-time setup link, no default password', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('prints a setup link, creates the workshop and its admin once, and pairs the device that did it', async () => {
    expect((await request(server.app).get('/api/setup').expect(200)).body).toEqual({ needed: true });
    // Nobody exists yet: nothing to log in with, and no device is paired.
    expect(await server.storage.auth.people()).toEqual([]);
    const printed: string[] = [];
    await announceAccess(server.storage, 'http://loupe.local:8080', { demo: false }, (text) => printed.push(text));
    const link = /http:\/\/loupe\.local:8080\/setup\?token=(lsu_[A-Za-z0-9_-]{43})/.exec(printed.join('\n'));
    expect(link).not.toBeNull();
    const token = link![1]!;
    // Only its hash is stored.
    expect(await server.storage.getMeta('setup_token_hash')).toBe(sha256Hex(token));

    const body = { token, workshopName: 'Atelier Vendôme', admin: { name: 'Ada Lovelace', pin: '482913' }, device: { name: 'Ada’s iPad', publicKey: await publicKey() } };
    expect(ErrorBody.parse((await request(server.app).post('/api/setup').send({ ...body, token: 'lsu_guess' }).expect(403)).body).error.code).toBe('setup_unavailable');
    const done = SetupResponse.parse((await request(server.app).post('/api/setup').send(body).expect(201)).body);
    expect(done).toMatchObject({ kind: 'manager', prefix: 'M01', workshopName: 'Atelier Vendôme', name: 'Ada’s iPad' });
    expect(ErrorBody.parse((await request(server.app).post('/api/setup').send(body).expect(409)).body).error.code).toBe('setup_unavailable');
    expect((await request(server.app).get('/api/setup').expect(200)).body).toEqual({ needed: false, workshopName: 'Atelier Vendôme' });

    // The admin's PIN is stored as a slow salted hash, and opens an admin session from this device.
    const admin = (await server.storage.auth.person(done.adminId))!;
    expect(admin).toMatchObject({ role: 'admin', active: true, pinHash: { alg: 'PBKDF2-SHA256', iterations: expect.any(Number) } });
    expect(admin.pinHash!.iterations).toBeGreaterThanOrEqual(100_000);
    expect(await verifyPin('482913', admin.pinHash!)).toBe(true);
    const session = PersonSessionResponse.parse((await request(server.app).post('/api/auth/session').set(DEVICE_TOKEN_HEADER, done.token).send({ personId: done.adminId, pin: '482913' }).expect(201)).body);
    expect(session.person).not.toHaveProperty('pinHash');
    await request(server.app).get('/api/admin/devices').set({ [DEVICE_TOKEN_HEADER]: done.token, [PERSON_TOKEN_HEADER]: session.token }).expect(200);
    // Once set up, a restart prints no link.
    expect(await offerSetupLink(server.storage, 'http://x')).toBeUndefined();
  });
});

describe('pairing and removal', () => {
  let world: SecurityWorld;
  beforeAll(async () => {
    world = await securityWorld();
  });
  afterAll(() => world.close());
  const app = () => world.server.app;

  it('a code pairs one device, once: its token is long, random, and stored only as a hash', async () => {
    const code = PairingCodeResponse.parse((await request(app()).post('/api/admin/pairing-codes').set(world.headers.admin).send({ name: 'Bench 4', kind: 'bench' }).expect(201)).body);
    expect(code.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(Date.parse(code.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(Date.parse(code.expiresAt) - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    const typed = `${code.code.slice(0, 4).toLowerCase()}-${code.code.slice(4)}`;
    const paired = PairResponse.parse((await request(app()).post('/api/pair').send({ code: typed, publicKey: await publicKey() }).expect(201)).body);
    expect(paired).toMatchObject({ name: 'Bench 4', kind: 'bench', prefix: code.prefix });
    expect(paired.token).toMatch(/^lpd_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(paired.token.slice(4), 'base64url')).toHaveLength(32);
    const again = await request(app()).post('/api/pair').send({ code: code.code, publicKey: await publicKey() }).expect(400);
    expect(ErrorBody.parse(again.body).error.code).toBe('pairing_invalid');
    // The database holds the token's SHA-256, never the token.
    const file = await readFile(join(world.server.dataDir, SQLITE_FILE_NAME));
    const wal = await readFile(join(world.server.dataDir, `${SQLITE_FILE_NAME}-wal`)).catch(() => Buffer.alloc(0));
    expect(Buffer.concat([file, wal]).includes(paired.token)).toBe(false);
    expect(await world.server.storage.auth.deviceByTokenHash(sha256Hex(paired.token))).toMatchObject({ id: paired.deviceId });
    await request(app()).get('/api/sync/pull').set(DEVICE_TOKEN_HEADER, paired.token).expect(200);
  });

  it('the admin lists devices with their last contact; a removed device is refused at its next call', async () => {
    const victim = await pairDevice(world.server.storage, { kind: 'bench', name: 'Bench 7' });
    await request(app()).get('/api/sync/pull').set(victim.headers).expect(200);
    const listed = (await request(app()).get('/api/admin/devices').set(world.headers.admin).expect(200)).body.devices as Array<{ id: string; lastContactAt: string | null; revokedAt: string | null }>;
    expect(listed.find((d) => d.id === victim.deviceId)).toMatchObject({ lastContactAt: expect.any(String), revokedAt: null });
    await request(app()).post(`/api/admin/devices/${victim.deviceId}/revoke`).set(world.headers.admin).expect(200);
    const refused = await request(app()).get('/api/sync/pull').set(victim.headers).expect(403);
    expect(ErrorBody.parse(refused.body).error).toMatchObject({ code: 'device_revoked', message: 'This device was removed from the workshop.' });
    const kinds = (await world.server.storage.auth.listAudit({ limit: 100 })).entries.filter((e) => e.deviceId === victim.deviceId).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['device_revoked', 'revoked_device_refused']));
  });

  it('an expired or made-up code is refused, and each refusal is audited', async () => {
    const before = (await world.server.storage.auth.listAudit({ limit: 500 })).entries.filter((e) => e.kind === 'pairing_failed').length;
    for (const code of ['AAAA-AAAA', '../../etc', '']) {
      const res = await request(app()).post('/api/pair').send({ code, publicKey: await publicKey() });
      expect([400]).toContain(res.status);
      expect(ErrorBody.parse(res.body).error.code).toMatch(/^(pairing_invalid|validation_failed)$/);
    }
    const after = (await world.server.storage.auth.listAudit({ limit: 500 })).entries.filter((e) => e.kind === 'pairing_failed').length;
    expect(after - before).toBe(2);
  });
});

describe('PINs checked by the server (admin sessions): five wrong, then a growing lockout', () => {
  let world: SecurityWorld;
  beforeAll(async () => {
    world = await securityWorld();
  });
  afterAll(() => world.close());
  const attempt = (pin: string, personId: string = PEOPLE.manager.id) => request(world.server.app).post('/api/auth/session').set(world.devices.manager.headers).send({ personId, pin });

  it('counts down, locks for 30 s, refuses even the right PIN meanwhile, then 60 s after five more', async () => {
    for (const left of [4, 3, 2, 1]) {
      const res = await attempt('0000').expect(401);
      expect(ErrorBody.parse(res.body).error).toMatchObject({ code: 'unauthorized', details: { triesLeft: left } });
    }
    const locked = ErrorBody.parse((await attempt('0000').expect(429)).body).error;
    expect(locked.code).toBe('locked_out');
    expect(Number(locked.details?.retryAfterMs)).toBeGreaterThan(29_000);
    expect(Number(locked.details?.retryAfterMs)).toBeLessThanOrEqual(30_000);
    expect(ErrorBody.parse((await attempt(PINS.manager).expect(429)).body).error.code).toBe('locked_out');

    // 30 s later (the clock moved on): five more wrong PINs lock for 60 s.
    const state = await world.server.storage.auth.pinLockout(PEOPLE.manager.id);
    await world.server.storage.auth.setPinLockout(PEOPLE.manager.id, { ...state, lockedUntil: Date.now() - 1 });
    for (let i = 0; i < 4; i += 1) await attempt('0000').expect(401);
    const longer = ErrorBody.parse((await attempt('0000').expect(429)).body).error;
    expect(Number(longer.details?.retryAfterMs)).toBeGreaterThan(59_000);
    expect(Number(longer.details?.retryAfterMs)).toBeLessThanOrEqual(60_000);

    // After that one too, the right PIN opens a session and wipes the slate.
    const again = await world.server.storage.auth.pinLockout(PEOPLE.manager.id);
    await world.server.storage.auth.setPinLockout(PEOPLE.manager.id, { ...again, lockedUntil: Date.now() - 1 });
    await attempt(PINS.manager).expect(201);
    expect(await world.server.storage.auth.pinLockout(PEOPLE.manager.id)).toEqual({ failures: 0, lockouts: 0, lockedUntil: null });
    const kinds = (await world.server.storage.auth.listAudit({ limit: 100 })).entries.filter((e) => e.personId === PEOPLE.manager.id).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'person_session_failed')).toHaveLength(10);
    expect(kinds.filter((k) => k === 'lockout')).toHaveLength(2);
    expect(kinds).toContain('person_session_opened');
  });

  it('an id that names nobody stores nothing', async () => {
    await attempt('1234', newId()).expect(401);
    expect(await world.server.storage.auth.pinLockout(newId())).toEqual({ failures: 0, lockouts: 0, lockedUntil: null });
  });
});

describe('people: admins and managers manage them, online', () => {
  let world: SecurityWorld;
  beforeAll(async () => {
    world = await securityWorld();
  });
  afterAll(() => world.close());
  const app = () => world.server.app;

  it('a new person reaches devices with a PIN hash; the admin listing never shows the hash', async () => {
    const created = (await request(app()).post('/api/admin/people').set(world.headers.manager).send({ name: 'Noa Petit', role: 'jeweler', pin: '7391' }).expect(201)).body as { id: string };
    const listing = PeopleResponse.parse((await request(app()).get('/api/admin/people').set(world.headers.manager).expect(200)).body);
    expect(listing.people.find((p) => p.id === created.id)).toEqual({ id: created.id, name: 'Noa Petit', role: 'jeweler', active: true, hasPin: true });
    expect(JSON.stringify(listing)).not.toContain('pinHash');
    const pulled = PullResponse.parse((await request(app()).get('/api/sync/pull?limit=5000').set(world.devices.bench.headers).expect(200)).body);
    const record = pulled.changes.find((c) => c.entity === 'person' && c.id === created.id)!.data as { pinHash: Parameters<typeof verifyPin>[1] };
    expect(await verifyPin('7391', record.pinHash)).toBe(true);
  });

  it('a manager may not add an admin, nor change one; nobody removes the last admin', async () => {
    const noAdmin = await request(app()).post('/api/admin/people').set(world.headers.manager).send({ name: 'Sneaky', role: 'admin', pin: '1111' }).expect(403);
    expect(ErrorBody.parse(noAdmin.body).error.code).toBe('forbidden');
    await request(app()).patch(`/api/admin/people/${PEOPLE.admin.id}`).set(world.headers.manager).send({ name: 'Renamed' }).expect(403);
    await request(app()).patch(`/api/admin/people/${PEOPLE.jeweler.id}`).set(world.headers.manager).send({ role: 'admin' }).expect(403);
    const last = await request(app()).patch(`/api/admin/people/${PEOPLE.admin.id}`).set(world.headers.admin).send({ active: false }).expect(409);
    expect(ErrorBody.parse(last.body).error.message).toMatch(/last active admin/);
  });

  it('a new PIN ends the person’s admin sessions; a deactivated person’s changes are refused', async () => {
    await request(app()).patch(`/api/admin/people/${PEOPLE.manager.id}`).set(world.headers.admin).send({ pin: '9182' }).expect(200);
    const ended = await request(app()).get('/api/admin/people').set(world.headers.manager).expect(401);
    expect(ErrorBody.parse(ended.body).error.code).toBe('person_required');
    await request(app()).patch(`/api/admin/people/${PEOPLE.jeweler2.id}`).set(world.headers.admin).send({ active: false }).expect(200);
    expect(await world.server.storage.auth.person(PEOPLE.jeweler2.id)).toMatchObject({ active: false });
  });

  it('a device’s wrong-PIN reports are kept once each, however often they are sent', async () => {
    const reports = [{ id: newId(), kind: 'unlock_failed', personId: PEOPLE.jeweler.id, at: new Date().toISOString() }, { id: newId(), kind: 'lockout', personId: PEOPLE.jeweler.id, at: new Date().toISOString(), lockedUntil: new Date(Date.now() + 30_000).toISOString() }];
    await request(app()).post('/api/security/reports').set(world.devices.bench.headers).send({ reports }).expect(204);
    await request(app()).post('/api/security/reports').set(world.devices.bench.headers).send({ reports }).expect(204);
    const audit = (await request(app()).get('/api/admin/audit?limit=500').set(world.headers.admin).expect(200)).body.entries as Array<{ id: string; kind: string; deviceId: string }>;
    expect(audit.filter((e) => reports.some((r) => r.id === e.id))).toEqual([
      expect.objectContaining({ kind: 'lockout', deviceId: world.devices.bench.deviceId }),
      expect.objectContaining({ kind: 'unlock_failed', deviceId: world.devices.bench.deviceId }),
    ]);
  });
});

describe('rate limits on setup, pairing and PIN checks', () => {
  let world: SecurityWorld;
  beforeAll(async () => {
    world = await securityWorld({ rateLimits: { pairing: 3, setup: 2, pin: 3 } });
  });
  afterAll(() => world.close());

  it.each([
    ['pairing', 3, () => request(world.server.app).post('/api/pair').send({ code: 'AAAAAAAA' })],
    ['setup', 2, () => request(world.server.app).post('/api/setup').send({})],
    ['PIN checks', 3, () => request(world.server.app).post('/api/auth/session').set(world.devices.bench.headers).send({ personId: PEOPLE.jeweler2.id, pin: '0000' })],
  ])('%s: %i tries, then 429 rate_limited with RateLimit headers', async (_name, limit, call) => {
    for (let i = 0; i < limit; i += 1) expect((await call()).status).not.toBe(429);
    const res = await call();
    expect(res.status).toBe(429);
    expect(ErrorBody.parse(res.body).error.code).toBe('rate_limited');
    expect(res.headers['ratelimit-policy'] ?? res.headers.ratelimit).toBeDefined();
  });
});

describe('browser hardening', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let server: TestServer;
  beforeAll(async () => {
    dir = await makeTempDir();
    server = await startTestServer({ appDir: await makeFakeAppDir(dir.path) });
  });
  afterAll(async () => {
    await server.close();
    await dir.remove();
  });

  it('sends a strict Content Security Policy with the app, and helmet’s headers', async () => {
    const res = await request(server.app).get('/').expect(200);
    const csp = res.headers['content-security-policy'] as string;
    // WebAssembly may compile (the QR decoder); JavaScript eval and inline scripts may not.
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("img-src 'self' blob: data:");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-/);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(Object.keys(CSP_DIRECTIVES)).toContain('styleSrc');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('no CORS: a foreign origin gets no Access-Control headers, and its writes are refused', async () => {
    const device = await pairDevice(server.storage);
    const preflight = await request(server.app).options('/api/sync/push').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const foreign = await request(server.app).post('/api/photos/have').set(device.headers).set('Origin', 'https://evil.example').send({ sha256: [] }).expect(403);
    expect(ErrorBody.parse(foreign.body).error.code).toBe('cross_origin');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const host = 'loupe.local:8080';
    await request(server.app).post('/api/photos/have').set(device.headers).set('Host', host).set('Origin', `http://${host}`).send({ sha256: [] }).expect(200);
  });
});

describe('size limits on JSON bodies (photos: photos.test.ts, pushes: sync-faults-hostile.test.ts)', () => {
  let world: SecurityWorld;
  beforeAll(async () => {
    world = await securityWorld({ rateLimits: { pairing: 1e6, setup: 1e6 } });
  });
  afterAll(() => world.close());
  const padded = (bytes: number) => ({ padding: 'x'.repeat(bytes) });

  it.each<[string, () => request.Test]>([
    ['POST /api/pair over 16 kB', () => request(world.server.app).post('/api/pair').send(padded(17_000))],
    ['POST /api/setup over 16 kB', () => request(world.server.app).post('/api/setup').send(padded(17_000))],
    ['POST /api/photos/have over 64 kB', () => request(world.server.app).post('/api/photos/have').set(world.headers.jeweler).send(padded(70_000))],
    ['POST /api/admin/people over 1 MB', () => request(world.server.app).post('/api/admin/people').set(world.headers.admin).send(padded(1_100_000))],
    ['POST /api/auth/session over 1 MB', () => request(world.server.app).post('/api/auth/session').set(world.headers.manager).send(padded(1_100_000))],
  ])('%s: 413 payload_too_large, nothing read', async (_name, call) => {
    const res = await call();
    expect(res.status).toBe(413);
    expect(ErrorBody.parse(res.body).error.code).toBe('payload_too_large');
  });
});

describe('tokens never reach the log', () => {
  it('neither the device token (header or ?token=), the person session token, the setup link nor a pairing code is logged', async () => {
    const dir = await makeTempDir();
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) }) });
    const { createSqliteStorage } = await import('../../sync-server/storage/sqlite-storage');
    const storage = createSqliteStorage({ dataDir: join(dir.path, 'data') });
    await storage.migrate();
    const app = createApp({ storage, version: TEST_VERSION, appDir: join(dir.path, 'none'), logger });
    const device = await pairDevice(storage);
    await request(app).get('/api/sync/pull').set(device.headers).set(PERSON_TOKEN_HEADER, `lps_${'S'.repeat(43)}`).expect(200);
    const http = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => http.once('listening', resolve));
    await new Promise<void>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port: (http.address() as AddressInfo).port, path: `/api/sync/events?token=${device.token}` }, (res) => {
        res.destroy();
        resolve();
      });
      req.end();
    });
    // The pages of the setup link and of a pairing QR code carry their secret in the URL.
    await request(app).get('/setup?token=lsu_SETUPSECRETSETUPSECRET').set('Accept', 'text/html');
    await request(app).get('/pair?code=PAIRC0DE').set('Accept', 'text/html');
    await new Promise((resolve) => setTimeout(resolve, 100));
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
    await storage.close();
    await dir.remove();
    const log = lines.join('');
    expect(log).toContain('/api/sync/pull');
    expect(log).toContain('token=[redacted]');
    expect(log).not.toContain(device.token);
    expect(log).not.toContain('S'.repeat(43));
    expect(log).toContain('/pair?code=[redacted]');
    expect(log).not.toContain('SETUPSECRET');
    expect(log).not.toContain('PAIRC0DE');
  });
});

describe('photos need a paired device, and their bytes a person too', () => {
  let world: SecurityWorld;
  beforeAll(async () => {
    world = await securityWorld();
  });
  afterAll(() => world.close());
  const b64 = (text: string) => Buffer.from(text).toString('base64');

  it('path traversal in a photo id: refused before anything is read, whoever asks', async () => {
    const path = `/api/photos/${encodeURIComponent('../../loupe.sqlite')}`;
    expect((await request(world.server.app).get(path)).status).toBe(401);
    expect((await request(world.server.app).get(path).set(world.devices.revoked.headers)).status).toBe(403);
    const res = await request(world.server.app).get(path).set(world.devices.bench.headers).expect(400);
    expect(ErrorBody.parse(res.body).error.code).toBe('validation_failed');
  });

  it('bytes that do not match their hash are refused (422) from a paired device, and not stored', async () => {
    const bytes = Buffer.from('not the announced bytes');
    const claimed = createHash('sha256').update('something else').digest('hex');
    const created = await request(world.server.app).post('/api/photos/uploads').set(world.devices.bench.headers).set('Tus-Resumable', '1.0.0').set('Upload-Length', String(bytes.length)).set('Upload-Metadata', `sha256 ${b64(claimed)},type ${b64('image/jpeg')}`).expect(201);
    const patch = await request(world.server.app).patch(created.headers.location as string).set(world.devices.bench.headers).set('Tus-Resumable', '1.0.0').set('Upload-Offset', '0').set('Content-Type', 'application/offset+octet-stream').send(bytes);
    expect(patch.status).toBe(422);
    await request(world.server.app).head(`/api/photos/${claimed}`).set(world.devices.bench.headers).expect(404);
    // Without a token, the upload it started cannot even be looked at.
    await request(world.server.app).head(created.headers.location as string).set('Tus-Resumable', '1.0.0').expect(401);
  });

  it('a photo read needs an authorised device AND an active person; existence (HEAD) only the device', async () => {
    const bytes = Buffer.from('a photo of a ring, before');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const app = world.server.app;
    const bench = world.devices.bench.headers;
    const created = await request(app).post('/api/photos/uploads').set(bench).set('Tus-Resumable', '1.0.0').set('Upload-Length', String(bytes.length)).set('Upload-Metadata', `sha256 ${b64(sha)},type ${b64('image/jpeg')}`).expect(201);
    await request(app).patch(created.headers.location as string).set(bench).set('Tus-Resumable', '1.0.0').set('Upload-Offset', '0').set('Content-Type', 'application/offset+octet-stream').send(bytes).expect(204);
    const leaver = { ...PEOPLE.jeweler2, id: newId(), name: 'Left Last Week', active: false };
    await world.server.storage.seedRecords('person', [leaver]);
    const read = (headers: Record<string, string>) => request(app).get(`/api/photos/${sha}`).set(headers);
    const code = async (headers: Record<string, string>) => {
      const res = await read(headers);
      return `${res.status} ${res.status >= 400 ? ErrorBody.parse(res.body).error.code : res.body instanceof Buffer ? res.body.toString() : ''}`;
    };
    expect(await code({ [PERSON_ID_HEADER]: PEOPLE.jeweler.id })).toBe('401 device_unpaired');
    expect(await code({ ...world.devices.revoked.headers, [PERSON_ID_HEADER]: PEOPLE.jeweler.id })).toBe('403 device_revoked');
    expect(await code(bench)).toBe('401 person_required');
    expect(await code({ ...bench, [PERSON_ID_HEADER]: 'not-an-id' })).toBe('401 person_required');
    expect(await code({ ...bench, [PERSON_ID_HEADER]: newId() })).toBe('401 person_required');
    expect(await code({ ...bench, [PERSON_ID_HEADER]: leaver.id })).toBe('403 forbidden');
    expect(await code({ ...bench, [PERSON_ID_HEADER]: PEOPLE.jeweler.id })).toBe(`200 ${bytes.toString()}`);
    await request(app).head(`/api/photos/${sha}`).set(bench).expect(200);
  });
});
