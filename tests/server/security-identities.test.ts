// Who may call what: every endpoint × every identity (no device, a revoked device, and a jeweler,
// intake, manager and admin each at their own kind of device, with their person session), each
// with the status it must get. Then what the server decides inside a 200: roles, client
// references, evidence signatures, inactive people.
import { createHash } from 'node:crypto';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { DEVICE_TOKEN_HEADER, ErrorBody, PERSON_ID_HEADER, PullResponse, PushResponse, type PushRequest } from '../../src/protocol/protocol';
import { signBatch } from './auth-fixtures';
import { mountedApiRoutes } from './route-inventory';
import { IDENTITIES, PINS, securityWorld, type Identity, type SecurityWorld } from './security-world';
import { FakeDevice, PEOPLE, custodyEvent, qcReview, seedJob } from './sync-fixtures';

let world: SecurityWorld;
let baseUrl: string;
let close: () => Promise<void>;
beforeAll(async () => {
  world = await securityWorld();
  const http = createServer(world.server.app);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  // One photo on the server for the read rows, uploaded by the bench tablet.
  const location = await uploadFrom('jeweler', PHOTO);
  await request(world.server.app).patch(location).set(world.devices.bench.headers).set(tus).set('Upload-Offset', '0').set('Content-Type', 'application/offset+octet-stream').send(PHOTO).expect(204);
  close = async () => {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  };
});
afterAll(async () => {
  await close?.();
  await world?.close();
});

const SHA = 'ab'.repeat(32);

/** Numbers the device's next mutation after what the server applied (as the app's outbox does). */
async function caughtUp(device: FakeDevice): Promise<void> {
  const page = PullResponse.parse((await request(world.server.app).get('/api/sync/pull?limit=1').set(world.headers.admin)).body);
  device.seq = page.devices[device.deviceId] ?? 0;
}
const b64 = (text: string) => Buffer.from(text).toString('base64');

/** One push from the identity's own device, by its own person: a note on the job. */
async function pushNote(identity: Identity): Promise<PushRequest> {
  const device = world.deviceOf[identity] ?? new FakeDevice('dev-nobody-00001');
  const personId = world.personOf[identity]?.id ?? PEOPLE.jeweler.id;
  await caughtUp(device);
  return { deviceId: device.deviceId, mutations: [{ id: newId(), deviceSeq: device.seq + 1, personId, entity: 'job', entityId: world.jobId, op: 'put', patch: { notes: `note by ${identity}` }, at: new Date().toISOString() }] };
}

interface Endpoint {
  name: string;
  /** The mounted routes (tests/server/route-inventory.ts) this row exercises: every one needs a row. */
  routes: string[];
  /** Callable before pairing: no device check, so its refusals are its own. */
  public?: true;
  call: (identity: Identity) => PromiseLike<{ status: number; body: unknown }>;
  /** Expected status for none, revoked, jeweler, intake, manager, admin. */
  expect: [number, number, number, number, number, number];
}

const app = () => world.server.app;
const as = (identity: Identity) => world.headers[identity];
/** The person unlocked on the identity's tablet (photo reads name them). */
const unlocked = (identity: Identity): Record<string, string> => (world.personOf[identity] ? { [PERSON_ID_HEADER]: world.personOf[identity].id } : {});
const tus = { 'Tus-Resumable': '1.0.0' };
const PHOTO = Buffer.from('the bytes of a photo every identity tries to read');
const PHOTO_SHA = createHash('sha256').update(PHOTO).digest('hex');

/** A fresh upload of `bytes` from the identity's own device (or the bench's, for those without one): its Location. */
async function uploadFrom(identity: Identity, bytes: Buffer): Promise<string> {
  const device = world.deviceOf[identity] && identity !== 'revoked' ? world.deviceOf[identity] : world.devices.bench;
  const sha = createHash('sha256').update(bytes).digest('hex');
  const created = await request(app()).post('/api/photos/uploads').set(device.headers).set(tus).set('Upload-Length', String(bytes.length)).set('Upload-Metadata', `sha256 ${b64(sha)},type ${b64('image/jpeg')}`).expect(201);
  return created.headers.location as string;
}

/** The event stream's status (it never ends: the connection is dropped once the status is in). */
function eventsStatus(headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = get(`${baseUrl}/api/sync/events`, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status === 200) {
        req.destroy();
        resolve({ status, body: {} });
        return;
      }
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status, body: text ? (JSON.parse(text) as unknown) : {} }));
    });
    req.on('error', reject);
  });
}

const ENDPOINTS: Endpoint[] = [
  { name: 'GET /api/health', routes: ['GET /api/health'], public: true, call: (i) => request(app()).get('/api/health').set(as(i)), expect: [200, 200, 200, 200, 200, 200] },
  { name: 'GET /api/openapi.json', routes: ['GET /api/openapi.json'], public: true, call: (i) => request(app()).get('/api/openapi.json').set(as(i)), expect: [200, 200, 200, 200, 200, 200] },
  { name: 'GET /api/setup', routes: ['GET /api/setup'], public: true, call: (i) => request(app()).get('/api/setup').set(as(i)), expect: [200, 200, 200, 200, 200, 200] },
  { name: 'POST /api/setup (a wrong link)', routes: ['POST /api/setup'], public: true, call: (i) => request(app()).post('/api/setup').set(as(i)).send({ token: 'lsu_wrong', workshopName: 'W', admin: { name: 'A', pin: '1234' }, device: { name: 'D', publicKey: { kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43) } } }), expect: [403, 403, 403, 403, 403, 403] },
  { name: 'POST /api/pair (a wrong code)', routes: ['POST /api/pair'], public: true, call: (i) => request(app()).post('/api/pair').set(as(i)).send({ code: 'ZZZZ-ZZZZ', publicKey: { kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43) } }), expect: [400, 400, 400, 400, 400, 400] },
  { name: 'POST /api/sync/push', routes: ['POST /api/sync/push'], call: async (i) => request(app()).post('/api/sync/push').set(as(i)).send(await pushNote(i)), expect: [401, 403, 200, 200, 200, 200] },
  { name: 'GET /api/sync/pull', routes: ['GET /api/sync/pull'], call: (i) => request(app()).get('/api/sync/pull').set(as(i)), expect: [401, 403, 200, 200, 200, 200] },
  { name: 'GET /api/sync/events (token in the header)', routes: ['GET /api/sync/events'], call: (i) => eventsStatus(as(i)), expect: [401, 403, 200, 200, 200, 200] },
  { name: 'POST /api/photos/have', routes: ['POST /api/photos/have'], call: (i) => request(app()).post('/api/photos/have').set(as(i)).send({ sha256: [PHOTO_SHA] }), expect: [401, 403, 200, 200, 200, 200] },
  { name: 'GET /api/photos/:sha256 (with the person unlocked)', routes: ['GET /api/photos/*sha256'], call: (i) => request(app()).get(`/api/photos/${PHOTO_SHA}`).set(as(i)).set(unlocked(i)), expect: [401, 403, 200, 200, 200, 200] },
  { name: 'GET /api/photos/:sha256 (nobody unlocked)', routes: ['GET /api/photos/*sha256'], call: (i) => request(app()).get(`/api/photos/${PHOTO_SHA}`).set(as(i)), expect: [401, 403, 401, 401, 401, 401] },
  { name: 'HEAD /api/photos/:sha256', routes: ['HEAD /api/photos/*sha256'], call: (i) => request(app()).head(`/api/photos/${PHOTO_SHA}`).set(as(i)), expect: [401, 403, 200, 200, 200, 200] },
  { name: 'POST /api/photos/uploads (tus creation)', routes: ['POST /api/photos/uploads', 'ALL /api/photos/uploads'], call: (i) => request(app()).post('/api/photos/uploads').set(as(i)).set(tus).set('Upload-Length', '10').set('Upload-Metadata', `sha256 ${b64(SHA)},type ${b64('image/jpeg')}`), expect: [401, 403, 201, 201, 201, 201] },
  { name: 'HEAD /api/photos/uploads/:id (tus offset)', routes: ['HEAD /api/photos/uploads/:id', 'ALL /api/photos/uploads/:id'], call: async (i) => request(app()).head(await uploadFrom(i, Buffer.from(`head ${i} ${newId()}`))).set(as(i)).set(tus), expect: [401, 403, 200, 200, 200, 200] },
  {
    name: 'PATCH /api/photos/uploads/:id (tus bytes)',
    routes: ['ALL /api/photos/uploads/:id'],
    call: async (i) => {
      const bytes = Buffer.from(`patch ${i} ${newId()}`);
      return request(app()).patch(await uploadFrom(i, bytes)).set(as(i)).set(tus).set('Upload-Offset', '0').set('Content-Type', 'application/offset+octet-stream').send(bytes);
    },
    expect: [401, 403, 204, 204, 204, 204],
  },
  { name: 'DELETE /api/photos/uploads/:id (tus termination)', routes: ['ALL /api/photos/uploads/:id'], call: async (i) => request(app()).delete(await uploadFrom(i, Buffer.from(`delete ${i} ${newId()}`))).set(as(i)).set(tus), expect: [401, 403, 204, 204, 204, 204] },
  { name: 'POST /api/auth/session (own PIN)', routes: ['POST /api/auth/session'], call: (i) => request(app()).post('/api/auth/session').set({ [DEVICE_TOKEN_HEADER]: world.headers[i][DEVICE_TOKEN_HEADER] ?? '' }).send({ personId: world.personOf[i]?.id ?? PEOPLE.admin.id, pin: PINS[(Object.keys(PEOPLE) as Array<keyof typeof PEOPLE>).find((k) => PEOPLE[k].id === (world.personOf[i]?.id ?? PEOPLE.admin.id))!] }), expect: [401, 403, 201, 201, 201, 201] },
  { name: 'POST /api/security/reports', routes: ['POST /api/security/reports'], call: (i) => request(app()).post('/api/security/reports').set(as(i)).send({ reports: [{ id: newId(), kind: 'unlock_failed', personId: PEOPLE.jeweler.id, at: new Date().toISOString() }] }), expect: [401, 403, 204, 204, 204, 204] },
  { name: 'POST /api/admin/pairing-codes', routes: ['POST /api/admin/pairing-codes'], call: (i) => request(app()).post('/api/admin/pairing-codes').set(as(i)).send({ name: 'Bench 9', kind: 'bench' }), expect: [401, 403, 403, 403, 403, 201] },
  { name: 'GET /api/admin/devices', routes: ['GET /api/admin/devices'], call: (i) => request(app()).get('/api/admin/devices').set(as(i)), expect: [401, 403, 403, 403, 403, 200] },
  { name: 'POST /api/admin/devices/:id/revoke', routes: ['POST /api/admin/devices/:id/revoke'], call: (i) => request(app()).post(`/api/admin/devices/${world.devices.spare.deviceId}/revoke`).set(as(i)), expect: [401, 403, 403, 403, 403, 200] },
  { name: 'GET /api/admin/people', routes: ['GET /api/admin/people'], call: (i) => request(app()).get('/api/admin/people').set(as(i)), expect: [401, 403, 403, 403, 200, 200] },
  { name: 'POST /api/admin/people (a jeweler)', routes: ['POST /api/admin/people'], call: (i) => request(app()).post('/api/admin/people').set(as(i)).send({ name: `New ${i}`, role: 'jeweler', pin: '8642' }), expect: [401, 403, 403, 403, 201, 201] },
  { name: 'POST /api/admin/people (an admin)', routes: ['POST /api/admin/people'], call: (i) => request(app()).post('/api/admin/people').set(as(i)).send({ name: `Admin by ${i}`, role: 'admin', pin: '8642' }), expect: [401, 403, 403, 403, 403, 201] },
  { name: 'PATCH /api/admin/people/:id (a jeweler)', routes: ['PATCH /api/admin/people/:id'], call: (i) => request(app()).patch(`/api/admin/people/${PEOPLE.jeweler2.id}`).set(as(i)).send({ name: `Jade (${i})` }), expect: [401, 403, 403, 403, 200, 200] },
  { name: 'PATCH /api/admin/people/:id (an admin)', routes: ['PATCH /api/admin/people/:id'], call: (i) => request(app()).patch(`/api/admin/people/${PEOPLE.admin.id}`).set(as(i)).send({ name: `Ada (${i})` }), expect: [401, 403, 403, 403, 403, 200] },
  { name: 'GET /api/admin/audit', routes: ['GET /api/admin/audit'], call: (i) => request(app()).get('/api/admin/audit').set(as(i)), expect: [401, 403, 403, 403, 403, 200] },
  { name: 'GET /api/admin/custody-chain', routes: ['GET /api/admin/custody-chain'], call: (i) => request(app()).get('/api/admin/custody-chain').set(as(i)), expect: [401, 403, 403, 403, 403, 200] },
  { name: 'GET /api/exports/:file', routes: ['GET /api/exports/:file'], call: (i) => request(app()).get('/api/exports/jobs.csv?from=2026-01-01&to=2026-01-31').set(as(i)), expect: [401, 403, 403, 403, 200, 200] },
];

describe('the table covers the server', () => {
  it('every route the server mounts has a row, and every row names a mounted route', () => {
    const mounted = mountedApiRoutes(app());
    const covered = new Set(ENDPOINTS.flatMap((e) => e.routes));
    expect(mounted.filter((route) => !covered.has(route)), 'routes without a row in ENDPOINTS').toEqual([]);
    expect([...covered].filter((route) => !mounted.includes(route)), 'rows naming no mounted route').toEqual([]);
  });
});

describe.each(ENDPOINTS)('$name', ({ call, expect: statuses, public: open }) => {
  it.each(IDENTITIES.map((identity, i) => [identity, statuses[i]!] as const))('%s → %i', async (identity, status) => {
    const res = await call(identity);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(status);
    if (!open && status >= 400 && res.body && Object.keys(res.body).length > 0) {
      const body = ErrorBody.parse(res.body);
      // The device's standing comes first: not paired (401) or removed (403), before any role.
      if (identity === 'none' && status === 401) expect(body.error.code).toBe('device_unpaired');
      if (identity === 'revoked' && status === 403) expect(body.error.code).toBe('device_revoked');
      if (['jeweler', 'intake', 'manager'].includes(identity) && status === 403) expect(body.error.code).toBe('forbidden');
      if (!['none', 'revoked'].includes(identity) && status === 401) expect(body.error.code).toBe('person_required');
    }
  });
});

describe('GET /api/sync/events (EventSource passes its token in the query)', () => {
  const statusOf = (query: string) =>
    new Promise<number>((resolve, reject) => {
      const req = get(`${baseUrl}/api/sync/events${query}`, { headers: { Accept: 'text/event-stream' } }, (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
    });
  it.each<[string, () => string, number]>([
    ['none', () => '', 401],
    ['a made-up token', () => `?token=lpd_${'A'.repeat(43)}`, 401],
    ['revoked', () => `?token=${world.devices.revoked.token}`, 403],
    ['jeweler (bench)', () => `?token=${world.devices.bench.token}`, 200],
    ['manager', () => `?token=${world.devices.manager.token}`, 200],
  ])('%s → %i', async (_name, query, status) => {
    expect(await statusOf(query())).toBe(status);
  });
});

describe('what the server decides inside a 200', () => {
  const pushFrom = async (device: SecurityWorld['devices'][keyof SecurityWorld['devices']], batch: PushRequest) =>
    PushResponse.parse((await request(app()).post('/api/sync/push').set(device.headers).send(await signBatch(batch, device.keys.privateKey, device.deviceId)).expect(200)).body).results;

  it.each<[Identity, string]>([
    ['jeweler', 'refused:role_not_allowed'],
    ['intake', 'refused:role_not_allowed'],
    ['manager', 'applied'],
    ['admin', 'refused:role_not_allowed'],
  ])('QC approval by %s: %s', async (identity, expected) => {
    const job = await seedJob(world.server.storage, { status: 'awaiting_qc', version: 4 });
    const device = world.deviceOf[identity]!;
    await caughtUp(device);
    const person = world.personOf[identity]!;
    const [result] = await pushFrom(device, device.batch(device.move(job.id, { to: 'completed', review: qcReview(job.id, 'approve', { reviewerId: person.id }) }, 4, (Object.keys(PEOPLE) as Array<keyof typeof PEOPLE>).find((k) => PEOPLE[k].id === person.id)!)));
    expect(result!.status === 'refused' ? `refused:${result!.code}` : result!.status).toBe(expected);
  });

  it.each<[Identity, string]>([
    ['jeweler', 'refused:role_not_allowed'],
    ['intake', 'applied'],
    ['manager', 'applied'],
  ])('releasing a completed piece to its client, by %s: %s', async (identity, expected) => {
    const job = await seedJob(world.server.storage, { status: 'completed', version: 5 });
    const device = world.deviceOf[identity]!;
    await caughtUp(device);
    const key = (Object.keys(PEOPLE) as Array<keyof typeof PEOPLE>).find((k) => PEOPLE[k].id === world.personOf[identity]!.id)!;
    const [result] = await pushFrom(device, device.batch(device.move(job.id, { to: 'released' }, 5, key)));
    expect(result!.status === 'refused' ? `refused:${result!.code}` : result!.status).toBe(expected);
  });

  it.each<[Identity, string]>([
    ['jeweler', 'refused:role_not_allowed'],
    ['intake', 'refused:role_not_allowed'],
    ['manager', 'applied'],
  ])('QC rejection (sending back to rework) by %s: %s', async (identity, expected) => {
    const job = await seedJob(world.server.storage, { status: 'awaiting_qc', version: 4 });
    const device = world.deviceOf[identity]!;
    await caughtUp(device);
    const person = world.personOf[identity]!;
    const key = (Object.keys(PEOPLE) as Array<keyof typeof PEOPLE>).find((k) => PEOPLE[k].id === person.id)!;
    const review = qcReview(job.id, 'reject', { reviewerId: person.id });
    const [result] = await pushFrom(device, device.batch(device.move(job.id, { to: 'rework', review }, 4, key)));
    expect(result!.status === 'refused' ? `refused:${result!.code}` : result!.status).toBe(expected);
  });

  it('a bench device never receives client references; the front office and managers do', async () => {
    for (const [identity, sees] of [['jeweler', false], ['intake', true], ['manager', true], ['admin', true]] as const) {
      const page = PullResponse.parse((await request(app()).get('/api/sync/pull?limit=5000').set(as(identity)).expect(200)).body);
      const job = page.changes.find((c) => c.entity === 'job' && c.id === world.jobId)!;
      expect('clientRef' in job.data, identity).toBe(sees);
      // People come with their PIN hash: paired devices unlock offline.
      expect(page.changes.filter((c) => c.entity === 'person').every((c) => 'pinHash' in c.data)).toBe(true);
    }
  });

  it('a client reference written from a bench device, or by a jeweler anywhere, is refused', async () => {
    const bench = world.devices.bench;
    const manager = world.devices.manager;
    await caughtUp(bench);
    await caughtUp(manager);
    const fromBench = await pushFrom(bench, bench.batch(bench.put('job', world.jobId, { clientRef: 'leak' }, 'manager')));
    const byJeweler = await pushFrom(manager, manager.batch(manager.put('job', world.jobId, { clientRef: 'leak' }, 'jeweler')));
    expect([fromBench[0], byJeweler[0]]).toEqual([expect.objectContaining({ status: 'refused', code: 'forbidden_field' }), expect.objectContaining({ status: 'refused', code: 'forbidden_field' })]);
  });

  it('a push naming another device than its token is refused whole', async () => {
    const bench = world.devices.bench;
    const batch = { ...(await pushNote('jeweler')), deviceId: world.devices.manager.deviceId };
    const res = await request(app()).post('/api/sync/push').set(bench.headers).send(batch).expect(403);
    expect(ErrorBody.parse(res.body).error.code).toBe('forbidden');
  });

  it('custody evidence must carry the pushing device’s good signature', async () => {
    const bench = world.devices.bench;
    const other = world.devices.manager;
    await caughtUp(bench);
    const event = () => custodyEvent(world.jobId, 'jeweler');
    const unsigned = event();
    const byOther = event();
    const altered = event();
    const good = event();
    // Built in the order they are sent: each takes the device's next sequence number.
    const unsignedBatch = bench.batch(bench.put('custodyEvent', unsigned.id, unsigned));
    const signedByOther = await signBatch(bench.batch(bench.put('custodyEvent', byOther.id, byOther)), other.keys.privateKey, bench.deviceId);
    const signedAltered = await bench.sign(bench.batch(bench.put('custodyEvent', altered.id, altered)));
    (signedAltered.mutations[0]!.patch as { action: string }).action = 'hand_over';
    const results = [
      ...(await request(app()).post('/api/sync/push').set(bench.headers).send(unsignedBatch).then((r) => PushResponse.parse(r.body).results)),
      ...(await request(app()).post('/api/sync/push').set(bench.headers).send(signedByOther).then((r) => PushResponse.parse(r.body).results)),
      ...(await request(app()).post('/api/sync/push').set(bench.headers).send(signedAltered).then((r) => PushResponse.parse(r.body).results)),
      ...(await pushFrom(bench, bench.batch(bench.put('custodyEvent', good.id, good)))),
    ];
    expect(results.map((r) => (r.status === 'refused' ? `refused:${r.code}` : r.status))).toEqual(['refused:bad_signature', 'refused:bad_signature', 'refused:bad_signature', 'applied']);
  });

  it('a change by a deactivated person is refused as inactive_person, and audited', async () => {
    const person = { ...PEOPLE.jeweler2, id: newId(), name: 'Leaving Soon', active: false };
    await world.server.storage.seedRecords('person', [person]);
    const device = world.devices.manager;
    await caughtUp(device);
    const [result] = await pushFrom(device, { deviceId: device.deviceId, mutations: [{ ...device.put('job', world.jobId, { notes: 'late' }), personId: person.id }] });
    expect(result).toMatchObject({ status: 'refused', code: 'inactive_person' });
    const audit = await world.server.storage.auth.listAudit({ limit: 50 });
    expect(audit.entries).toContainEqual(expect.objectContaining({ kind: 'mutation_refused', personId: person.id, detail: expect.objectContaining({ code: 'inactive_person' }) }));
  });
});
