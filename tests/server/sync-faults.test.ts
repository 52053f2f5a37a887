// Fault injection over real SQLite files: the acknowledgement is lost after the commit, and the
// server process is killed in the middle of a push. Either way the device retries and every
// mutation lands exactly once. (Hostile bodies: sync-faults-hostile.test.ts.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { PushResponse, type PushRequest } from '../../src/protocol/protocol';
import { createApp } from '../../sync-server/app';
import { SQLITE_FILE_NAME, createSqliteStorage } from '../../sync-server/storage/sqlite-storage';
import type { Storage } from '../../sync-server/storage/storage';
import { pairDevice, type PairedDevice } from './auth-fixtures';
import { makeTempDir, TEST_VERSION } from './helpers';
import { buildBundle, startServer, type RunningServer } from './spawn-server';
import { openSse } from './sse-client';
import { custodyEvent, pullAll, seedPeople, snapshot } from './sync-fixtures';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let bundle: Awaited<ReturnType<typeof buildBundle>>;

beforeAll(async () => {
  temp = await makeTempDir();
  bundle = await buildBundle();
}, 60_000);

afterAll(async () => {
  await bundle?.remove();
  await temp?.remove();
});

function postPush(baseUrl: string, batch: PushRequest, device: PairedDevice): Promise<Response> {
  return fetch(`${baseUrl}/api/sync/push`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...device.headers }, body: JSON.stringify(batch) });
}

/** A batch of `size` signed custody events: each applied mutation writes exactly one record (one seq). */
function eventBatch(device: PairedDevice, size: number): Promise<PushRequest> {
  const jobId = newId();
  return device.sign(device.batch(
    ...Array.from({ length: size }, () => {
      const event = custodyEvent(jobId, 'jeweler');
      return device.put('custodyEvent', event.id, event);
    }),
  ));
}

describe('the acknowledgement is lost after the commit', () => {
  it('the retried batch is acknowledged as duplicate and nothing is applied twice', async () => {
    const storage: Storage = createSqliteStorage({ dataDir: join(temp.path, 'lost-ack') });
    await storage.migrate();
    await seedPeople(storage);
    const device = await pairDevice(storage, { id: 'lost-ack-tablet' });
    // The push commits, then the connection dies before the answer leaves.
    let cutNextAnswer = true;
    let socket: Socket | undefined;
    const cutting: Storage = {
      ...storage,
      async push(request, context) {
        const outcome = await storage.push(request, context);
        if (cutNextAnswer) {
          cutNextAnswer = false;
          socket?.destroy();
        }
        return outcome;
      },
    };
    const app = createApp({ storage: cutting, version: TEST_VERSION, appDir: join(temp.path, 'no-app') });
    const http: Server = createServer(app);
    http.on('request', (req) => (socket = req.socket));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      const batch = await eventBatch(device, 20);
      await expect(postPush(baseUrl, batch, device)).rejects.toThrow();
      const afterCommit = await snapshot(storage);
      expect(await storage.currentSeq()).toBe(5 + 20);

      const retry = await postPush(baseUrl, batch, device);
      expect(retry.status).toBe(200);
      const body = PushResponse.parse(await retry.json());
      expect(new Set(body.results.map((result) => result.status))).toEqual(new Set(['duplicate']));
      expect(body.lastAppliedSeq).toBe(20);
      expect(await storage.currentSeq()).toBe(5 + 20);
      expect(await snapshot(storage)).toEqual(afterCommit);
    } finally {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await storage.close();
    }
  });
});

describe('the server process is killed in the middle of a push', () => {
  it('after a restart and a retry, every mutation is applied exactly once', async () => {
    const dataDir = join(temp.path, 'killed');
    const seeding = createSqliteStorage({ dataDir });
    await seeding.migrate();
    await seedPeople(seeding);
    const device = await pairDevice(seeding, { id: 'killed-tablet' });
    await seeding.close();
    const env = { LOUPE_DATA_DIR: dataDir, LOUPE_APP_DIR: join(temp.path, 'no-app') };

    const SIZE = 500;
    let server: RunningServer = await startServer(bundle.bundle, env);
    const outcomes: string[] = [];
    try {
      // Two acknowledged batches: the first warms the server up, the second tells how long a
      // full batch takes on this machine.
      expect((await postPush(server.baseUrl, await eventBatch(device, SIZE), device)).status).toBe(200);
      const started = Date.now();
      expect((await postPush(server.baseUrl, await eventBatch(device, SIZE), device)).status).toBe(200);
      const took = Date.now() - started;

      // Kill at different points of later pushes (while reading the body, mid-transaction,
      // around the commit). The restarted server is cold, so later fractions land later too.
      for (const fraction of [0.3, 0.6, 0.9, 1.2]) {
        const batch = await eventBatch(device, SIZE);
        const sent = postPush(server.baseUrl, batch, device).then(
          () => 'answered',
          () => 'cut',
        );
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.round(took * fraction))));
        server.child.kill('SIGKILL');
        await server.exited;
        const answer = await sent;
        server = await startServer(bundle.bundle, env);

        // The device never trusts an answer it may not have read: it sends the batch again.
        const retry = await postPush(server.baseUrl, batch, device);
        expect(retry.status).toBe(200);
        const statuses = new Set(PushResponse.parse(await retry.json()).results.map((result) => result.status));
        // One transaction: the batch landed whole or not at all, never half.
        expect(statuses.size).toBe(1);
        outcomes.push(`${fraction}:${answer}:${[...statuses][0]}`);
      }

      const pulled = await (await fetch(`${server.baseUrl}/api/sync/pull?limit=5000`, { headers: device.headers })).json();
      expect(pulled.devices).toEqual({ 'killed-tablet': 6 * SIZE });
      server.child.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
    }

    const check = createSqliteStorage({ dataDir });
    try {
      const { changes } = await pullAll(check);
      const events = changes.filter((change) => change.entity === 'custodyEvent');
      expect(events).toHaveLength(6 * SIZE);
      // Exactly once: one seq per applied mutation, none allocated twice, none lost.
      expect(await check.currentSeq()).toBe(5 + 6 * SIZE);
    } finally {
      await check.close();
    }
    const raw = new SqliteDatabase(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      raw.close();
    }
    // Which phase each kill hit, for the curious (the assertions above hold for all of them).
    console.info(`kill outcomes (fraction:first answer:retry status): ${outcomes.join(', ')}`);
  }, 90_000);
});

describe('shutdown with open event streams', () => {
  it('SIGTERM ends the streams and the server exits 0 at once, not after the grace period', async () => {
    const env = { LOUPE_DATA_DIR: join(temp.path, 'sigterm'), LOUPE_APP_DIR: join(temp.path, 'no-app') };
    const seeding = createSqliteStorage({ dataDir: env.LOUPE_DATA_DIR });
    await seeding.migrate();
    const device = await pairDevice(seeding);
    await seeding.close();
    const server = await startServer(bundle.bundle, env);
    try {
      const events = `${server.baseUrl}/api/sync/events?token=${device.token}`;
      const streams = await Promise.all([openSse(events), openSse(events)]);
      await Promise.all(streams.map((stream) => stream.next((message) => message.event === 'poke')));
      const started = Date.now();
      server.child.kill('SIGTERM');
      await Promise.all(streams.map((stream) => stream.ended));
      expect((await server.exited).code).toBe(0);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 30_000);
});
