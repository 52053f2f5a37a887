// The sync server under load, in a process of its own (bench/server-load.bench.ts forks it), so
// that autocannon's work in the parent does not share the server's event loop. It opens the
// storage named by LOAD_STORAGE, seeds the people and each device's jobs, pairs the devices,
// listens on a free loopback port and tells the parent; on 'seq' it answers the current seq.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../sync-server/app';
import { createLogger } from '../../sync-server/logger';
import { createPostgresStorage } from '../../sync-server/storage/postgres-storage';
import { createSqliteStorage } from '../../sync-server/storage/sqlite-storage';
import { newId } from '../../src/domain/ids';
import { formatJobNumber } from '../../src/domain/job-number';
import type { Person } from '../../src/protocol/protocol';
import { pairDevice } from '../../tests/server/auth-fixtures';

export interface LoadServerReady {
  port: number;
  personId: string;
  devices: Array<{ id: string; token: string; jobIds: string[] }>;
}

const DEVICES = Number(process.env.LOAD_DEVICES ?? 10);
const JOBS_PER_DEVICE = Number(process.env.LOAD_JOBS_PER_DEVICE ?? 100);

const storage =
  process.env.LOAD_STORAGE === 'postgres'
    ? createPostgresStorage({ connectionString: process.env.LOAD_DATABASE_URL!, schema: process.env.LOAD_SCHEMA })
    : createSqliteStorage({ dataDir: process.env.LOAD_DIR! });
await storage.migrate();
const person: Person = { id: newId(), name: 'Load', role: 'manager', active: true };
await storage.seedRecords('person', [person]);

const devices: LoadServerReady['devices'] = [];
const at = new Date().toISOString();
for (let d = 0; d < DEVICES; d++) {
  const device = await pairDevice(storage, { name: `Load ${d + 1}`, kind: 'manager' });
  const jobs = Array.from({ length: JOBS_PER_DEVICE }, (_, i) => ({
    id: newId(), number: formatJobNumber({ prefix: 'LD', year: 2026, sequence: d * JOBS_PER_DEVICE + i + 1 }), status: 'queued', version: 0,
    piece: { category: 'ring', metal: 'pt950', stones: [] }, services: ['polishing'], priority: 'standard', notes: '', createdAt: at, updatedAt: at,
  }));
  await storage.seedRecords('job', jobs);
  devices.push({ id: device.deviceId, token: device.token, jobIds: jobs.map((job) => job.id) });
}

const app = createApp({ storage, version: 'bench', logger: createLogger({ level: 'silent' }), appDir: '/nonexistent', dataDir: await mkdtemp(join(tmpdir(), 'loupe-load-')) });
const server = createServer(app);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const ready: LoadServerReady = { port: (server.address() as AddressInfo).port, personId: person.id, devices };
process.send!({ ready });

process.on('message', (message: unknown) => {
  if (message === 'seq') void storage.currentSeq().then((seq) => process.send!({ seq }));
  if (message === 'stop') {
    server.closeAllConnections();
    server.close();
    void storage.close().then(() => process.exit(0));
  }
});
