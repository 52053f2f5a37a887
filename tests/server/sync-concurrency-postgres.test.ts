// The promise that makes pull cursors safe on PostgreSQL: changes commit in seq order, so a
// reader that pulls while many pushes are in flight, on two server instances (two pools), sees
// every record exactly once. Without the counter row lock a push could take seq 7, commit after
// a push that took seq 8, and a reader whose cursor already passed 8 would skip 7 for ever.
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { Change } from '../../src/protocol/protocol';
import { createPostgresStorage } from '../../sync-server/storage/postgres-storage';
import { DATABASE_URL, pgTestSchemas } from './pg-test-schema';
import { FakeDevice, custodyEvent, pushOk, seedPeople } from './sync-fixtures';

const schemas = pgTestSchemas();
afterAll(() => schemas.dropAll());

const DEVICES = 8;
const BATCHES_PER_DEVICE = 4;
const EVENTS_PER_BATCH = 25;

describe('PostgreSQL sync under concurrent pushes', () => {
  it('a reader pulling in a loop sees every record exactly once, in seq order', async () => {
    const schema = await schemas.create('concurrency');
    const one = createPostgresStorage({ connectionString: DATABASE_URL, schema, maxConnections: 6 });
    const two = createPostgresStorage({ connectionString: DATABASE_URL, schema, maxConnections: 6 });
    try {
      await Promise.all([one.migrate(), two.migrate()]);
      await seedPeople(one);
      const { cursor: start } = await one.pull(undefined, 5_000);

      const seen: Change[] = [];
      let pushing = true;
      const reader = (async () => {
        let cursor = start;
        // Keeps pulling small pages while pushes run; one last drain once they are all done.
        for (let draining = false; ; ) {
          const page = await (seen.length % 2 ? one : two).pull(cursor, 7);
          seen.push(...page.changes);
          cursor = page.cursor;
          expect(page.reset).toBe(false);
          if (!page.hasMore) {
            if (draining) break;
            if (!pushing) draining = true;
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
        }
      })();

      const jobId = newId();
      const devices = Array.from({ length: DEVICES }, (_, i) => new FakeDevice(`pg-tablet-${i + 1}`));
      const pushes = devices.map(async (device, i) => {
        const storage = i % 2 ? one : two;
        for (let b = 0; b < BATCHES_PER_DEVICE; b += 1) {
          const events = Array.from({ length: EVENTS_PER_BATCH }, () => custodyEvent(jobId, 'jeweler'));
          const response = await pushOk(storage, device.batch(...events.map((event) => device.put('custodyEvent', event.id, event))));
          expect(response.results.every((result) => result.status === 'applied')).toBe(true);
        }
      });
      await Promise.all(pushes);
      pushing = false;
      await reader;

      const total = DEVICES * BATCHES_PER_DEVICE * EVENTS_PER_BATCH;
      const ids = seen.map((change) => change.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(total);
      const seqs = seen.map((change) => change.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(seqs.at(-1)).toBe(await one.currentSeq());
      const devicesMap = (await two.pull(undefined, 1)).devices;
      for (const device of devices) expect(devicesMap[device.deviceId]).toBe(BATCHES_PER_DEVICE * EVENTS_PER_BATCH);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  }, 60_000);
});
