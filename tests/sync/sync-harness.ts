// The real server app in-process on a loopback port (real SQLite file), and simulated devices:
// each a LoupeDb of its own over fake-indexeddb running the real sync code.
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { pairThisDevice } from '../../src/api/pairing';
import { LoupeDb } from '../../src/db/loupe-db';
import type { Pairing } from '../../src/db/device-auth-repo';
import { putRecord, type Actor } from '../../src/db/local-changes';
import { formatJobNumber } from '../../src/domain/job-number';
import { newId } from '../../src/domain/ids';
import type { DeviceKind, Job, Person } from '../../src/protocol/protocol';
import { syncOnce, type SyncOptions } from '../../src/sync/sync-engine';
import { createPairingCode } from '../../sync-server/auth/pairing';
import type { Storage } from '../../sync-server/storage/storage';
import { startTestServer, type TestServer } from '../server/helpers';
import { afterAll, beforeAll } from 'vitest';

export interface LiveServer extends TestServer {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startLiveServer(): Promise<LiveServer> {
  // Every simulated tablet pairs through the real endpoint: far more than a workshop's pairings.
  const server = await startTestServer({ rateLimits: { pairing: 100_000 } });
  const http: Server = createServer(server.app);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    ...server,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.close();
    },
  };
}

export const people: Record<'jeweler' | 'jeweler2' | 'manager' | 'intake', Person> = {
  jeweler: { id: newId(), name: 'Camille', role: 'jeweler', active: true },
  jeweler2: { id: newId(), name: 'Hugo', role: 'jeweler', active: true },
  manager: { id: newId(), name: 'Inès', role: 'manager', active: true },
  intake: { id: newId(), name: 'Louis', role: 'intake', active: true },
};

/**
 * A live server holding the test people, started before this file's tests and stopped after them.
 * Read `.current` inside hooks and tests (it is set once beforeAll has run).
 */
export function useLiveServer(): { readonly current: LiveServer } {
  const live = {} as { current: LiveServer };
  beforeAll(async () => {
    live.current = await startLiveServer();
    await live.current.storage.seedRecords('person', Object.values(people));
  });
  afterAll(async () => live.current?.stop());
  return live;
}


export const actor = (p: Person): Actor => ({ personId: p.id, role: p.role });

let dbCounter = 0;

export interface Device {
  db: LoupeDb;
  prefix: string;
  /** Resolves once the device is paired (as a real tablet pairs: a code, its own key pair). */
  paired: Promise<Pairing>;
  sync(extra?: Partial<SyncOptions>): ReturnType<typeof syncOnce>;
  createJob(by: Person, overrides?: Partial<Job>): Promise<Job>;
}

/** Pairs `db` with the server the way a tablet does: a code from the admin, then POST /api/pair. */
export async function pairWithServer(server: { baseUrl: string; storage: Storage }, db: LoupeDb, kind: DeviceKind = 'manager', name = 'Test tablet'): Promise<Pairing> {
  const code = await createPairingCode(server.storage, { name, kind, createdBy: null });
  if (code === 'prefix_taken') throw new Error('no prefix left');
  return pairThisDevice(code.code, { db, baseUrl: server.baseUrl });
}

/** A tablet with its own database; it pairs itself before its first sync or job. */
export function makeDevice(server: { baseUrl: string; storage: Storage }, prefix: string, kind: DeviceKind = 'manager'): Device {
  const db = new LoupeDb(`device-${prefix}-${++dbCounter}-${Math.random()}`);
  let sequence = 0;
  const paired = pairWithServer(server, db, kind, `Tablet ${prefix}`);
  // A failed pairing surfaces where it is awaited, not as an unhandled rejection.
  paired.catch(() => undefined);
  return {
    db,
    prefix,
    paired,
    sync: async (extra = {}) => {
      await paired;
      return syncOnce({ db, baseUrl: server.baseUrl, ...extra });
    },
    async createJob(by, overrides = {}) {
      await paired;
      sequence += 1;
      const now = new Date().toISOString();
      const job: Job = {
        id: newId(),
        number: formatJobNumber({ prefix, year: 2026, sequence }),
        status: 'queued',
        version: 0,
        piece: { category: 'ring', metal: 'pt950', stones: [], weightG: 5.5 },
        services: ['polishing'],
        priority: 'standard',
        notes: '',
        createdAt: now,
        updatedAt: now,
        ...overrides,
      };
      const outcome = await putRecord('job', job.id, job, actor(by), { db });
      if (!outcome.ok) throw new Error(outcome.message);
      return (await db.jobs.get(job.id))!;
    },
  };
}

/** A fetch that performs the request but loses the response of matching calls, like a dropped connection. */
export function losingResponses(match: (url: string) => boolean, times = 1): typeof fetch {
  let left = times;
  return async (input, init) => {
    const response = await fetch(input, init);
    if (left > 0 && match(String(input))) {
      left -= 1;
      await response.arrayBuffer();
      throw new TypeError('network connection lost');
    }
    return response;
  };
}
