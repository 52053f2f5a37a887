// Live updates across server instances: a device streaming events from instance B hears about a
// push that landed on instance A, through PostgreSQL LISTEN/NOTIFY.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../sync-server/app';
import { createPostgresStorage } from '../../sync-server/storage/postgres-storage';
import type { Storage } from '../../sync-server/storage/storage';
import { openNotifier } from '../../sync-server/sync/open-notifier';
import { createPokeStreams } from '../../sync-server/sync/poke-streams';
import { TEST_VERSION } from './helpers';
import { DATABASE_URL, pgTestSchemas } from './pg-test-schema';
import { openSse, pokeAtLeast } from './sse-client';
import { pairDevice } from './auth-fixtures';
import { custodyEvent, seedPeople } from './sync-fixtures';

const schemas = pgTestSchemas();
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await schemas.dropAll();
});

/** One server instance as main.ts builds it, on the shared schema. */
async function startInstance(schema: string): Promise<{ storage: Storage; app: ReturnType<typeof createApp>; baseUrl: string }> {
  const storage = createPostgresStorage({ connectionString: DATABASE_URL, schema, maxConnections: 3 });
  await storage.migrate();
  const notifier = await openNotifier({ databaseUrl: DATABASE_URL, storage });
  const pokeStreams = createPokeStreams({ notifier, currentSeq: () => storage.currentSeq() });
  const app = createApp({ storage, version: TEST_VERSION, appDir: '/nonexistent', notifier, pokeStreams });
  const http: Server = createServer(app);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    pokeStreams.closeAll();
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
    await notifier.close();
    await storage.close();
  });
  return { storage, app, baseUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
}

describe('pokes across instances (PostgreSQL)', () => {
  it('an event stream on instance B gets a poke within 2 s of a push to instance A', async () => {
    const schema = await schemas.create('poke');
    const a = await startInstance(schema);
    const b = await startInstance(schema);
    await seedPeople(a.storage);
    const device = await pairDevice(a.storage, { id: 'pg-poke-tablet' });

    const client = await openSse(`${b.baseUrl}/api/sync/events?token=${device.token}`);
    try {
      const seq = await a.storage.currentSeq();
      await client.next(pokeAtLeast(seq));
      const event = custodyEvent('01900000-0000-7000-8000-0000000000aa', 'jeweler');
      const batch = await device.sign(device.batch(device.put('custodyEvent', event.id, event)));
      const pushedAt = Date.now();
      await request(a.app).post('/api/sync/push').set(device.headers).send(batch).expect(200);
      const poke = await client.next(pokeAtLeast(seq + 1), 2_000);
      expect(Date.now() - pushedAt).toBeLessThan(2_000);
      expect(JSON.parse(poke.data)).toEqual({ seq: seq + 1 });
    } finally {
      client.close();
    }
  }, 20_000);

  it("ignores another workshop's pokes on the same database", async () => {
    const mine = await startInstance(await schemas.create('mine'));
    const other = await startInstance(await schemas.create('other'));
    await seedPeople(other.storage);
    const listener = await pairDevice(mine.storage);
    const device = await pairDevice(other.storage, { id: 'pg-other-tablet' });
    const client = await openSse(`${mine.baseUrl}/api/sync/events?token=${listener.token}`);
    try {
      await client.next((message) => message.event === 'poke');
      const event = custodyEvent('01900000-0000-7000-8000-0000000000bb', 'jeweler');
      await request(other.app).post('/api/sync/push').set(device.headers).send(await device.sign(device.batch(device.put('custodyEvent', event.id, event)))).expect(200);
      await expect(client.next(pokeAtLeast(1), 500)).rejects.toThrow(/no matching event/);
    } finally {
      client.close();
    }
  }, 20_000);
});
