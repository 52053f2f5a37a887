// Server push throughput on SQLite (and PostgreSQL): 1,000 mutations pushed by one device in
// batches of 500, over HTTP on loopback, against the production app factory.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../sync-server/app';
import { createLogger } from '../sync-server/logger';
import pg from 'pg';
import { createSqliteStorage } from '../sync-server/storage/sqlite-storage';
import { createPostgresStorage } from '../sync-server/storage/postgres-storage';
import type { Storage } from '../sync-server/storage/storage';
import { newId } from '../src/domain/ids';
import { formatJobNumber } from '../src/domain/job-number';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type Mutation, type Person } from '../src/protocol/protocol';
import { pairDevice } from '../tests/server/auth-fixtures';
import { time, type Result } from './lib/measure';

const person: Person = { id: newId(), name: 'Bench', role: 'manager', active: true };

function mutations(deviceSeqStart: number, count: number, prefix: string): Mutation[] {
  const at = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => {
    const id = newId();
    return {
      id: newId(), deviceSeq: deviceSeqStart + i, personId: person.id, entity: 'job', entityId: id, op: 'put', at,
      patch: { id, number: formatJobNumber({ prefix, year: 2026, sequence: deviceSeqStart + i }), status: 'queued', version: 0, piece: { category: 'ring', metal: 'pt950', stones: [] }, services: ['polishing'], priority: 'standard', notes: '', createdAt: at, updatedAt: at },
    };
  });
}

async function measure(label: string, storage: Storage): Promise<Result[]> {
  await storage.migrate();
  await storage.seedRecords('person', [person]);
  const app = createApp({ storage, version: 'bench', logger: createLogger({ level: 'silent' }), appDir: '/nonexistent', dataDir: await mkdtemp(join(tmpdir(), 'loupe-bench-')) });
  const server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/sync/push`;
  let run = 0;
  const push1000 = async () => {
    run += 1;
    const deviceId = `bench-device-${label}-${run}-${Date.now()}`;
    const prefix = `B${(run % 90) + 10}`;
    const device = await pairDevice(storage, { id: deviceId, name: deviceId });
    for (const start of [1, 501]) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...device.headers }, body: JSON.stringify({ deviceId, mutations: mutations(start, 500, prefix) }) });
      if (!response.ok) throw new Error(`push answered ${response.status}: ${await response.text()}`);
    }
  };
  const s = await time(push1000, 5);
  server.closeAllConnections();
  server.close();
  await storage.close();
  const perSecond = 1000 / (s.median / 1000);
  return [
    { name: `push 1,000 mutations (${label})`, unit: 'ms', stats: s, goal: '≤ 1000 ms', meetsGoal: s.median <= 1000 },
    { name: `server applies mutations (${label})`, unit: 'mutations/s', stats: { runs: s.runs, min: 1000 / (s.max / 1000), median: perSecond, max: 1000 / (s.min / 1000) }, goal: '≥ 2000 /s', meetsGoal: perSecond >= 2000 },
  ];
}

export async function run(): Promise<Result[]> {
  const dir = await mkdtemp(join(tmpdir(), 'loupe-bench-sqlite-'));
  const results = await measure('SQLite', createSqliteStorage({ dataDir: dir }));
  await rm(dir, { recursive: true, force: true });
  const schema = `loupe_bench_${Date.now()}`;
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  try {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    results.push(...(await measure('PostgreSQL', createPostgresStorage({ connectionString: url, schema }))));
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  } catch (error) {
    console.error(`PostgreSQL push benchmark skipped: ${(error as Error).message}`);
  }
  return results;
}
