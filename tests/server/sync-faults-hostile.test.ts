// Malformed and hostile push bodies: each gets a 4xx with a clear code (or, for a well-formed
// batch with a bad record, a per-mutation refusal), never a 5xx, and the data stays as it was.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, PushResponse } from '../../src/protocol/protocol';
import { MAX_FIELD_ERRORS } from '../../sync-server/http/errors';
import { pairDevice } from './auth-fixtures';
import { startTestServer, type TestServer } from './helpers';
import { FakeDevice, PEOPLE, custodyEvent, seedJob, seedPeople, snapshot } from './sync-fixtures';

let server: TestServer;
let jobId: string;
/** The one record the prototype-pollution case legitimately changes (its notes). */
let protoJobId: string;
let before: Map<string, Record<string, unknown>>;
let seqBefore: number;
/** Paired devices by id; a body naming another device id goes with the first one's token. */
const tokens = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer();
  await seedPeople(server.storage);
  for (const id of ['hostile-any-1', 'hostile-proto-1', 'hostile-content-1', 'hostile-ahead-1']) tokens.set(id, (await pairDevice(server.storage, { id, kind: 'manager' })).token);
  jobId = (await seedJob(server.storage, { status: 'in_progress', version: 2 })).id;
  protoJobId = (await seedJob(server.storage, { status: 'in_progress', version: 2 })).id;
  before = await snapshot(server.storage);
  seqBefore = await server.storage.currentSeq();
});
afterAll(() => server.close());

/** The token of the device the body names, when paired (else any paired device's: the body fails validation first). */
const tokenFor = (text: string) => tokens.get(/"deviceId":"([^"]{1,64})"/.exec(text)?.[1] ?? '') ?? tokens.get('hostile-any-1')!;
const push = (body: unknown) => request(server.app).post('/api/sync/push').set('x-loupe-device-token', tokenFor(JSON.stringify(body) ?? '')).set('Content-Type', 'application/json').send(body as object);
const pushRaw = (text: string, type = 'application/json') => request(server.app).post('/api/sync/push').set('x-loupe-device-token', tokenFor(text.slice(0, 200))).set('Content-Type', type).send(text);

function expectError(res: request.Response, status: number, code: ErrorBody['error']['code']): ErrorBody {
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(status);
  const body = ErrorBody.parse(res.body);
  expect(body.error.code).toBe(code);
  return body;
}

/** A valid one-mutation batch from a fresh device, to be broken by each case. */
function validMutation() {
  const device = new FakeDevice(`hostile-${Math.random().toString(36).slice(2, 10)}`);
  return { deviceId: device.deviceId, mutations: [device.put('job', jobId, { notes: 'fine' })] };
}

describe('malformed push bodies get 400 with a clear code', () => {
  it('a JSON string instead of a batch: bad_request (only objects and arrays are accepted)', async () => {
    expectError(await pushRaw('"push"'), 400, 'bad_request');
  });

  it.each<[string, unknown]>([
    ['wrong types everywhere', { deviceId: 123, mutations: 'all of them' }],
    ['an empty batch', { deviceId: 'hostile-device-1', mutations: [] }],
    ['an unknown op', { ...validMutation(), mutations: [{ ...validMutation().mutations[0]!, op: 'delete' }] }],
    ['an unknown entity', { ...validMutation(), mutations: [{ ...validMutation().mutations[0]!, entity: 'invoice' }] }],
    ['a fractional sequence', { ...validMutation(), mutations: [{ ...validMutation().mutations[0]!, deviceSeq: 1.5 }] }],
    ['a negative sequence', { ...validMutation(), mutations: [{ ...validMutation().mutations[0]!, deviceSeq: -1 }] }],
    ['a patch that is an array', { ...validMutation(), mutations: [{ ...validMutation().mutations[0]!, patch: [1, 2] }] }],
    ['a device id with odd characters', { ...validMutation(), deviceId: '../../etc/passwd' }],
    ['a 1 MB entity id', { ...validMutation(), mutations: [{ ...validMutation().mutations[0]!, entityId: 'x'.repeat(1_000_000) }] }],
    ['a 1 MB device id', { ...validMutation(), deviceId: 'd'.repeat(1_000_000) }],
  ])('%s: validation_failed', async (_name, body) => {
    expectError(await push(body), 400, 'validation_failed');
  });

  it('10,000 mutations: refused as too many, before any is looked at', async () => {
    const device = new FakeDevice('hostile-flood-1');
    const event = custodyEvent(jobId, 'jeweler');
    const mutations = Array.from({ length: 10_000 }, () => device.put('custodyEvent', event.id, event));
    const body = expectError(await push({ deviceId: device.deviceId, mutations }), 400, 'validation_failed');
    expect(body.error.fields).toEqual([expect.objectContaining({ path: 'mutations' })]);
  });

  it('500 broken mutations: the answer lists a few problems, not thousands', async () => {
    const res = await push({ deviceId: 'hostile-broken-1', mutations: Array.from({ length: 500 }, () => ({ id: 'x' })) });
    const body = expectError(res, 400, 'validation_failed');
    expect(body.error.fields).toHaveLength(MAX_FIELD_ERRORS);
    expect(body.error.message).toMatch(/more problems not listed/);
  });

  it('malformed JSON, a non-JSON body, and a body over 5 MB', async () => {
    expectError(await pushRaw('{"deviceId": "abc", "mutations": [', 'application/json'), 400, 'bad_request');
    expectError(await pushRaw('deviceId=abc', 'text/plain'), 400, 'validation_failed');
    expectError(await pushRaw(JSON.stringify({ blob: 'x'.repeat(5_300_000) })), 413, 'payload_too_large');
  });

  it('JSON nested 200,000 deep is answered, not crashed on', async () => {
    const deep = `{"deviceId":"hostile-deep-1","mutations":[{"patch":{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}}]}`;
    expectError(await pushRaw(deep), 400, 'validation_failed');
  });
});

describe('hostile content inside a well-formed batch is refused per mutation', () => {
  it('prototype-pollution keys change nothing: not the record, not Object.prototype', async () => {
    const device = new FakeDevice('hostile-proto-1');
    const mutations = [device.put('job', protoJobId, { notes: 'fine' })];
    const deviceId = device.deviceId;
    const mutation = JSON.stringify(mutations[0]).replace(
      '"patch":{"notes":"fine"}',
      '"patch":{"__proto__":{"status":"completed","polluted":true},"constructor":{"prototype":{"polluted":true}},"notes":"proto"}',
    );
    const raw = `{"deviceId":"${deviceId}","__proto__":{"polluted":true},"mutations":[${mutation}]}`;
    const res = await pushRaw(raw);
    expect(res.status).toBe(200);
    expect(PushResponse.parse(res.body).results[0]).toMatchObject({ status: 'applied' });
    const job = (await snapshot(server.storage)).get(`job:${protoJobId}`)!;
    expect(job).toMatchObject({ status: 'in_progress', version: 2, notes: 'proto' });
    expect(Object.keys(job)).not.toContain('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });

  it('a huge string in a record, an unknown person and a forged role are refused, with reasons', async () => {
    const device = new FakeDevice('hostile-content-1');
    const res = await push(
      device.batch(
        device.put('job', jobId, { notes: 'n'.repeat(400_000) }),
        { ...device.put('job', jobId, { notes: 'who?' }), personId: '01900000-0000-7000-8000-00000000dead' },
        device.put('person', PEOPLE.jeweler.id, { role: 'admin' }, 'jeweler'),
        device.move(jobId, { to: 'completed' }, 2, 'jeweler'),
      ),
    );
    expect(res.status).toBe(200);
    const results = PushResponse.parse(res.body).results;
    expect(results.map((result) => (result.status === 'refused' ? result.code : result.status))).toEqual([
      'invalid',
      'unknown_person',
      'role_not_allowed',
      'no_such_move',
    ]);
    expect(results[0]!.status === 'refused' && results[0]!.message).toMatch(/^job notes:/);
  });

  it('a sequence far ahead is a gap (409), not a crash', async () => {
    const device = new FakeDevice('hostile-ahead-1', Number.MAX_SAFE_INTEGER - 1);
    const event = custodyEvent(jobId, 'jeweler');
    const body = expectError(await push(device.batch(device.put('custodyEvent', event.id, event))), 409, 'sequence_gap');
    expect(body.error.details).toEqual({ lastAppliedSeq: 0 });
  });
});

describe('after all of it', () => {
  it('every record is exactly as before, but the notes the pollution case legitimately set', async () => {
    const after = await snapshot(server.storage);
    after.delete(`job:${protoJobId}`);
    before.delete(`job:${protoJobId}`);
    expect(after).toEqual(before);
    // That one put is the only write of the whole file.
    expect(await server.storage.currentSeq()).toBe(seqBefore + 1);
  });
});
