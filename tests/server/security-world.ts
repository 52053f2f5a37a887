// A small workshop for the security tests: people with PINs, one device of each kind, a revoked
// one, person sessions, and a job with client reference. Everything goes through storage as
// pairing and the admin screens would have done it.
import type { Role } from '../../src/domain/vocabulary';
import type { Person } from '../../src/protocol/protocol';
import { hashPin } from '../../src/security/pin-hash';
import type { RateLimitOptions } from '../../sync-server/http/rate-limits';
import { openSession, pairDevice, type PairedDevice } from './auth-fixtures';
import { startTestServer, type TestServer } from './helpers';
import { PEOPLE, seedJob } from './sync-fixtures';

export const PINS: Record<keyof typeof PEOPLE, string> = { admin: '1000', manager: '2000', jeweler: '3000', jeweler2: '4000', intake: '5000' };

export const IDENTITIES = ['none', 'revoked', 'jeweler', 'intake', 'manager', 'admin'] as const;
export type Identity = (typeof IDENTITIES)[number];

export interface SecurityWorld {
  server: TestServer;
  devices: { bench: PairedDevice; frontOffice: PairedDevice; manager: PairedDevice; admin: PairedDevice; revoked: PairedDevice; spare: PairedDevice };
  /** The headers each identity sends: device token and person session. */
  headers: Record<Identity, Record<string, string>>;
  /** The device each identity pushes from (none: a device id nobody paired). */
  deviceOf: Record<Identity, PairedDevice | undefined>;
  personOf: Record<Identity, Person | undefined>;
  jobId: string;
  close(): Promise<void>;
}

export async function securityWorld(options: { rateLimits?: RateLimitOptions } = {}): Promise<SecurityWorld> {
  const server = await startTestServer({ rateLimits: options.rateLimits });
  const storage = server.storage;
  const people = await Promise.all(
    (Object.keys(PEOPLE) as Array<keyof typeof PEOPLE>).map(async (key) => ({ ...PEOPLE[key], pinHash: await hashPin(PINS[key], { iterations: 100_000 }) })),
  );
  await storage.seedRecords('person', people);
  const job = await seedJob(storage, { status: 'awaiting_qc', version: 4, clientRef: 'BTQ-4471 Mme Duval' });
  const devices = {
    bench: await pairDevice(storage, { id: 'dev-bench-000001', kind: 'bench', name: 'Bench 1' }),
    frontOffice: await pairDevice(storage, { id: 'dev-front-000001', kind: 'front_office', name: 'Desk' }),
    manager: await pairDevice(storage, { id: 'dev-mgr-0000001', kind: 'manager', name: 'Manager iPad' }),
    admin: await pairDevice(storage, { id: 'dev-admin-000001', kind: 'manager', name: 'Admin iPad' }),
    revoked: await pairDevice(storage, { id: 'dev-gone-0000001', kind: 'bench', name: 'Lost tablet' }),
    spare: await pairDevice(storage, { id: 'dev-spare-000001', kind: 'bench', name: 'Spare' }),
  };
  const byRole = (role: Role) => people.find((p) => p.role === role)!;
  const session = (device: PairedDevice, role: Role) => openSession(storage, device, byRole(role).id);
  const headers: SecurityWorld['headers'] = {
    none: {},
    revoked: await session(devices.revoked, 'admin'),
    jeweler: await session(devices.bench, 'jeweler'),
    intake: await session(devices.frontOffice, 'intake'),
    manager: await session(devices.manager, 'manager'),
    admin: await session(devices.admin, 'admin'),
  };
  await storage.auth.revokeDevice(devices.revoked.deviceId, PEOPLE.admin.id, new Date().toISOString());
  return {
    server,
    devices,
    headers,
    deviceOf: { none: undefined, revoked: devices.revoked, jeweler: devices.bench, intake: devices.frontOffice, manager: devices.manager, admin: devices.admin },
    personOf: { none: undefined, revoked: byRole('admin'), jeweler: byRole('jeweler'), intake: byRole('intake'), manager: byRole('manager'), admin: byRole('admin') },
    jobId: job.id,
    close: () => server.close(),
  };
}
