// Several tablets make random changes with random faults (lost responses, replayed requests,
// no network); afterwards every tablet and the server hold the same data, and no change was
// lost or applied twice. The real device sync code over fake-indexeddb, the real server app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { moveJob, putRecord } from '../../src/db/local-changes';
import { newId } from '../../src/domain/ids';
import { JOB_STATUSES } from '../../src/domain/vocabulary';
import { actor, losingResponses, makeDevice, people, startLiveServer, type Device, type LiveServer } from './sync-harness';
import { allCustody } from '../support/device-records';

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
  await server.storage.seedRecords('person', Object.values(people));
});
afterAll(async () => server?.stop());

type Fault = 'none' | 'lostPush' | 'lostPull' | 'replayPush' | 'offline';
type Command =
  | { kind: 'create'; device: number }
  | { kind: 'edit'; device: number; job: number; field: 'notes' | 'priority'; value: number }
  | { kind: 'move'; device: number; job: number; to: number; who: number }
  | { kind: 'custody'; device: number; job: number }
  | { kind: 'sync'; device: number; fault: Fault };

const DEVICES = 3;
const who = [people.jeweler, people.jeweler2, people.manager, people.intake];
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), device: fc.nat(DEVICES - 1) }),
  fc.record({ kind: fc.constant('edit' as const), device: fc.nat(DEVICES - 1), job: fc.nat(20), field: fc.constantFrom('notes' as const, 'priority' as const), value: fc.nat(2) }),
  fc.record({ kind: fc.constant('move' as const), device: fc.nat(DEVICES - 1), job: fc.nat(20), to: fc.nat(JOB_STATUSES.length - 1), who: fc.nat(who.length - 1) }),
  fc.record({ kind: fc.constant('custody' as const), device: fc.nat(DEVICES - 1), job: fc.nat(20) }),
  fc.record({ kind: fc.constant('sync' as const), device: fc.nat(DEVICES - 1), fault: fc.constantFrom<Fault>('none', 'lostPush', 'lostPull', 'replayPush', 'offline') }),
);

/** A fetch that sends each push twice (a retried request whose first answer was slow). */
const replayingPushes: typeof fetch = async (input, init) => {
  if (String(input).includes('/push')) await (await fetch(input, init)).arrayBuffer();
  return fetch(input, init);
};
const offline: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};

function faultyFetch(fault: Fault): typeof fetch | undefined {
  switch (fault) {
    case 'lostPush': return losingResponses((url) => url.includes('/push'));
    case 'lostPull': return losingResponses((url) => url.includes('/pull'));
    case 'replayPush': return replayingPushes;
    case 'offline': return offline;
    default: return undefined;
  }
}

async function run(devices: Device[], commands: Command[], custodyIds: Set<string>) {
  for (const c of commands) {
    const device = devices[c.device]!;
    const jobs = await device.db.jobs.orderBy('id').toArray();
    const job = 'job' in c ? jobs[c.job % Math.max(jobs.length, 1)] : undefined;
    if (c.kind === 'create') await device.createJob(people.intake);
    else if (c.kind === 'sync') await device.sync({ fetch: faultyFetch(c.fault) }).catch(() => undefined);
    else if (!job) continue;
    else if (c.kind === 'edit') {
      const value = c.field === 'notes' ? `note ${c.value} from ${device.prefix}` : (['standard', 'express', 'vip'] as const)[c.value];
      await putRecord('job', job.id, { [c.field]: value }, actor(people.manager), { db: device.db });
    } else if (c.kind === 'move') {
      await moveJob(job.id, { to: JOB_STATUSES[c.to]!, holdReason: 'quote', review: undefined }, actor(who[c.who]!), { db: device.db });
    } else {
      const id = newId();
      const outcome = await putRecord('custodyEvent', id, { id, jobId: job.id, personId: people.jeweler.id, deviceId: 'dev-property-1', location: { kind: 'bench', label: '1' }, action: 'scan_in', at: new Date().toISOString() }, actor(people.jeweler), { db: device.db });
      if (outcome.ok) custodyIds.add(id);
    }
  }
}

async function settle(devices: Device[]) {
  for (let round = 0; round < 4; round++) for (const d of devices) await d.sync();
}

describe('sync convergence (property)', () => {
  it('leaves every tablet and the server with identical data, nothing lost, nothing twice', async () => {
    let prefix = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 30 }), async (commands) => {
        const devices = Array.from({ length: DEVICES }, () => makeDevice(server, `P${(prefix++ % 900) + 100}`));
        for (const d of devices) await d.sync();
        const custodyIds = new Set<string>();
        await run(devices, commands, custodyIds);
        await settle(devices);

        const witness = makeDevice(server, 'W1');
        await witness.sync();
        const serverJobs = await witness.db.jobs.toArray();
        const serverCustody = await allCustody(witness.db);
        for (const d of devices) {
          expect(await d.db.outbox.count()).toBe(0);
          const mine = new Set((await d.db.jobs.toArray()).map((j) => j.id));
          const created = serverJobs.filter((j) => mine.has(j.id));
          // Every job a tablet holds is the server's record, field for field.
          for (const job of created) expect(await d.db.jobs.get(job.id)).toEqual(job);
        }
        // Every custody event accepted locally reached the server exactly once.
        const onServer = serverCustody.filter((e) => custodyIds.has(e.id));
        expect(onServer.map((e) => e.id).sort()).toEqual([...custodyIds].sort());
        for (const d of [...devices, witness]) await d.db.delete();
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
