// The sync API over HTTP, on a real SQLite file: push, pull, and the poke event stream.
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, PullResponse, PushResponse } from '../../src/protocol/protocol';
import { createApp } from '../../sync-server/app';
import { createSqliteStorage } from '../../sync-server/storage/sqlite-storage';
import type { Storage } from '../../sync-server/storage/storage';
import { createLocalNotifier } from '../../sync-server/sync/notifier';
import { createPokeStreams, type PokeStreams } from '../../sync-server/sync/poke-streams';
import { makeTempDir, TEST_VERSION } from './helpers';
import { pairDevice, type PairedDevice } from './auth-fixtures';
import { openSse, pokeAtLeast } from './sse-client';
import { custodyEvent, newJob, seedPeople } from './sync-fixtures';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let storage: Storage;
let pokeStreams: PokeStreams;
let app: ReturnType<typeof createApp>;
let http: Server;
let baseUrl: string;
/** The tablet that calls when a test does not care which: paired like any other. */
let tablet: PairedDevice;

beforeAll(async () => {
  temp = await makeTempDir();
  storage = createSqliteStorage({ dataDir: join(temp.path, 'data') });
  await storage.migrate();
  await seedPeople(storage);
  tablet = await pairDevice(storage, { id: 'route-tablet-0' });
  const notifier = createLocalNotifier();
  pokeStreams = createPokeStreams({ notifier, currentSeq: () => storage.currentSeq(), keepaliveMs: 100 });
  app = createApp({ storage, version: TEST_VERSION, appDir: join(temp.path, 'no-app'), notifier, pokeStreams });
  http = createServer(app);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  pokeStreams.closeAll();
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
  await storage.close();
  await temp.remove();
});

describe('POST /api/sync/push', () => {
  it('applies a batch and answers one result per mutation', async () => {
    const device = await pairDevice(storage, { id: 'route-tablet-1' });
    const job = newJob();
    const batch = device.batch(device.put('job', job.id, job, 'intake'), device.put('job', job.id, { status: 'released' }));
    const res = await request(app).post('/api/sync/push').set(device.headers).send(batch).expect(200);
    const body = PushResponse.parse(res.body);
    expect(body.lastAppliedSeq).toBe(2);
    expect(body.results.map((result) => result.status)).toEqual(['applied', 'refused']);
  });

  it('400 validation_failed, naming the fields, for a request that is not a PushRequest', async () => {
    const res = await request(app).post('/api/sync/push').set(tablet.headers).send({ deviceId: 'x', mutations: [{ op: 'delete' }] }).expect(400);
    const body = ErrorBody.parse(res.body);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields?.map((field) => field.path)).toEqual(expect.arrayContaining(['deviceId', 'mutations.0.op']));
  });

  it('409 sequence_gap with details.lastAppliedSeq when the device skipped a sequence', async () => {
    const device = await pairDevice(storage, { id: 'route-tablet-2' });
    device.seq = 6;
    const event = custodyEvent(newJob().id, 'jeweler');
    const res = await request(app).post('/api/sync/push').set(device.headers).send(await device.sign(device.batch(device.put('custodyEvent', event.id, event)))).expect(409);
    const body = ErrorBody.parse(res.body);
    expect(body.error).toMatchObject({ code: 'sequence_gap', details: { lastAppliedSeq: 0 } });
  });

  it('accepts a full batch over the API default 1 MB body limit', async () => {
    const device = await pairDevice(storage, { id: 'route-tablet-3' });
    const job = newJob();
    const create = device.put('job', job.id, job, 'intake');
    const notes = Array.from({ length: 499 }, (_, i) => device.put('job', job.id, { notes: `${i} ${'n'.repeat(2_400)}` }));
    const payload = JSON.stringify(device.batch(create, ...notes));
    expect(payload.length).toBeGreaterThan(1_100_000);
    const res = await request(app).post('/api/sync/push').set(device.headers).set('Content-Type', 'application/json').send(payload).expect(200);
    expect(PushResponse.parse(res.body).lastAppliedSeq).toBe(500);
  });
});

describe('GET /api/sync/pull', () => {
  it('pages with a cursor and reports devices', async () => {
    const first = PullResponse.parse((await request(app).get('/api/sync/pull').set(tablet.headers).query({ limit: 3 }).expect(200)).body);
    expect(first).toMatchObject({ hasMore: true, reset: false });
    expect(first.changes).toHaveLength(3);
    const next = PullResponse.parse((await request(app).get('/api/sync/pull').set(tablet.headers).query({ cursor: first.cursor, limit: 5_000 }).expect(200)).body);
    expect(next.changes[0]!.seq).toBeGreaterThan(first.changes[2]!.seq);
    expect(next.hasMore).toBe(false);
    expect(next.devices).toMatchObject({ 'route-tablet-1': 2, 'route-tablet-3': 500 });
  });

  it('sends a page gzipped to a client that offers gzip, and the same page plain to one that does not', async () => {
    // The raw bytes, as a browser receives them (supertest and fetch would inflate them).
    const raw = (encoding: string) =>
      new Promise<{ encoding: string | undefined; bytes: Buffer }>((resolve, reject) => {
        const url = `${baseUrl}/api/sync/pull?limit=5000`;
        get(url, { headers: { ...tablet.headers, 'Accept-Encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const plain = await raw('identity');
    const zipped = await raw('gzip, deflate');
    expect(plain.encoding).toBeUndefined();
    expect(zipped.encoding).toBe('gzip');
    expect(PullResponse.parse(JSON.parse(gunzipSync(zipped.bytes).toString('utf8')))).toEqual(PullResponse.parse(JSON.parse(plain.bytes.toString('utf8'))));
    expect(zipped.bytes.length).toBeLessThan(plain.bytes.length / 2);
  });

  it('400 for a limit out of range or a repeated cursor', async () => {
    for (const query of ['limit=0', 'limit=5001', 'limit=ten', 'cursor=a&cursor=b']) {
      const res = await request(app).get(`/api/sync/pull?${query}`).set(tablet.headers).expect(400);
      expect(ErrorBody.parse(res.body).error.code, query).toBe('validation_failed');
    }
  });
});

describe('GET /api/sync/events', () => {
  it('streams a poke on connect, after a changing push, and keepalive comments', async () => {
    const client = await openSse(`${baseUrl}/api/sync/events?token=${tablet.token}`);
    try {
      expect(client.response.statusCode).toBe(200);
      expect(client.response.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(client.response.headers['cache-control']).toMatch(/no-cache/);
      expect(client.response.headers['x-accel-buffering']).toBe('no');
      const seq = await storage.currentSeq();
      const first = await client.next((message) => message.event === 'poke');
      expect(JSON.parse(first.data)).toEqual({ seq });

      const device = await pairDevice(storage, { id: 'route-tablet-4' });
      const event = custodyEvent(newJob().id, 'jeweler');
      await request(app).post('/api/sync/push').set(device.headers).send(await device.sign(device.batch(device.put('custodyEvent', event.id, event)))).expect(200);
      await client.next(pokeAtLeast(seq + 1));
      await client.next((message) => message.event === 'comment' && message.data === 'keepalive');
    } finally {
      client.close();
    }
  });

  it('forgets a stream its client closed, and ends open streams on closeAll', async () => {
    // The previous test's client has gone; the server may hear it a moment later.
    await expect.poll(() => pokeStreams.size).toBe(0);
    const before = 0;
    const leaving = await openSse(`${baseUrl}/api/sync/events?token=${tablet.token}`);
    await leaving.next((message) => message.event === 'poke');
    expect(pokeStreams.size).toBe(before + 1);
    leaving.close();
    await expect.poll(() => pokeStreams.size).toBe(before);

    const staying = await openSse(`${baseUrl}/api/sync/events?token=${tablet.token}`);
    await staying.next((message) => message.event === 'poke');
    pokeStreams.closeAll();
    await staying.ended;
    expect(pokeStreams.size).toBe(0);
    const late = await request(app).get('/api/sync/events').set(tablet.headers).expect(503);
    expect(ErrorBody.parse(late.body).error.code).toBe('unavailable');
  });
});

describe('OpenAPI', () => {
  it('documents the sync routes with the protocol schemas', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    const push = res.body.paths['/api/sync/push'].post;
    expect(push.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/PushRequest' });
    expect(push.responses['409'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    expect(res.body.paths['/api/sync/pull'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['cursor', 'limit']);
    expect(res.body.paths['/api/sync/events'].get.responses['200'].content).toHaveProperty('text/event-stream');
  });
});
