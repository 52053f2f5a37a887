import { beforeEach, describe, expect, it } from 'vitest';
import { moveJob, putRecord } from '../../src/db/local-changes';
import { getRefusals } from '../../src/db/sync-repo';
import { newId } from '../../src/domain/ids';
import { actor, losingResponses, makeDevice, people, type Device, useLiveServer } from './sync-harness';
import { listJobCustody } from '../../src/db/custody-log';

const server = useLiveServer();

let tablets = 10;
let a: Device;
let b: Device;
beforeEach(async () => {
  // Prefixes unique within the run: one server holds every test's jobs, and two tablets with the
  // same prefix would number two different jobs alike (a unique index on the device refuses that).
  a = makeDevice(server.current, `A${++tablets}`);
  b = makeDevice(server.current, `B${++tablets}`);
  await a.sync();
  await b.sync();
});

describe('the device sync engine against the real server', () => {
  it('brings a job made on one tablet to another, and empties the outbox', async () => {
    const job = await a.createJob(people.intake);
    expect(await a.db.outbox.count()).toBe(1);
    await a.sync();
    expect(await a.db.outbox.count()).toBe(0);
    await b.sync();
    expect(await b.db.jobs.get(job.id)).toEqual(await a.db.jobs.get(job.id));
  });

  it('never duplicates a change whose acknowledgement was lost', async () => {
    const job = await a.createJob(people.intake);
    await a.sync();
    const eventId = newId();
    await putRecord('custodyEvent', eventId, { id: eventId, jobId: job.id, personId: people.jeweler.id, deviceId: 'dev-test-0001', location: { kind: 'bench', label: '2' }, action: 'scan_in', at: new Date().toISOString() }, actor(people.jeweler), { db: a.db });
    await expect(a.sync({ fetch: losingResponses((url) => url.includes('/push')) })).rejects.toThrow(/network connection lost/);
    expect(await a.db.outbox.count()).toBe(1);
    const report = await a.sync();
    expect(report.refused).toEqual([]);
    expect(await a.db.outbox.count()).toBe(0);
    await b.sync();
    expect(await listJobCustody(job.id, b.db)).toHaveLength(1);
  });

  it('merges descriptive fields edited on two tablets', async () => {
    const job = await a.createJob(people.intake);
    await a.sync();
    await b.sync();
    await putRecord('job', job.id, { notes: 'Claw at 2 o’clock is thin' }, actor(people.jeweler), { db: a.db });
    await putRecord('job', job.id, { priority: 'vip' }, actor(people.manager), { db: b.db });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const device of [a, b]) {
      expect(await device.db.jobs.get(job.id)).toMatchObject({ notes: 'Claw at 2 o’clock is thin', priority: 'vip' });
    }
  });

  it('refuses a stale status move, says why, and shows the server’s status', async () => {
    const job = await a.createJob(people.intake);
    await a.sync();
    await b.sync();
    expect((await moveJob(job.id, { to: 'in_progress' }, actor(people.jeweler), { db: a.db })).ok).toBe(true);
    expect((await moveJob(job.id, { to: 'on_hold', holdReason: 'quote' }, actor(people.manager), { db: b.db })).ok).toBe(true);
    await a.sync();
    const report = await b.sync();
    expect(report.refused).toMatchObject([{ entity: 'job', entityId: job.id, code: 'stale' }]);
    expect(await getRefusals(b.db)).toHaveLength(1);
    expect(await b.db.jobs.get(job.id)).toMatchObject({ status: 'in_progress', version: 1 });
  });

  it('keeps a pending local change on top of what it pulls (no flicker back)', async () => {
    const job = await a.createJob(people.intake);
    await a.sync();
    await b.sync();
    await putRecord('job', job.id, { priority: 'express' }, actor(people.manager), { db: b.db });
    await b.sync();
    // A has a note waiting while it pulls B's change: the pull must not wipe the note.
    await putRecord('job', job.id, { notes: 'pending on A' }, actor(people.jeweler), { db: a.db });
    await a.sync({ fetch: losingResponses((url) => url.includes('/push')) }).catch(() => undefined);
    expect(await a.db.jobs.get(job.id)).toMatchObject({ notes: 'pending on A' });
    await a.sync();
    expect(await a.db.jobs.get(job.id)).toMatchObject({ notes: 'pending on A', priority: 'express' });
  });

  it('undoes exactly a change the server refused', async () => {
    const job = await a.createJob(people.intake);
    await a.sync();
    // The app would not offer it, but a forged local role must not stick: the server decides.
    await moveJob(job.id, { to: 'in_progress' }, { personId: people.intake.id, role: 'jeweler' }, { db: a.db });
    expect((await a.db.jobs.get(job.id))?.status).toBe('in_progress');
    const report = await a.sync();
    expect(report.refused).toMatchObject([{ code: 'role_not_allowed' }]);
    expect(await a.db.jobs.get(job.id)).toMatchObject({ status: 'queued', version: 0 });
  });

  it('says after each written page how many changes the round has received', async () => {
    for (let i = 0; i < 5; i++) await a.createJob(people.intake);
    await a.sync();
    const received: number[] = [];
    // Five jobs in pages of two: the last page is short, and no page is empty.
    const report = await b.sync({ pullLimit: 2, onPulled: (count) => received.push(count) });
    expect(report.pulled).toBe(5);
    expect(received).toEqual([2, 4, 5]);
  });

  it('keeps every page it applied when a later page is lost, and finishes on the next round', async () => {
    const jobs = [];
    for (let i = 0; i < 5; i++) jobs.push(await a.createJob(people.intake));
    await a.sync();
    // Pages of one record: the third pull request is lost while the second page is being written.
    let pulls = 0;
    const third: typeof fetch = async (input, init) => {
      if (String(input).includes('/pull') && ++pulls === 3) throw new TypeError('network connection lost');
      return fetch(input, init);
    };
    await expect(b.sync({ fetch: third, pullLimit: 1 })).rejects.toThrow(/network connection lost/);
    const held = await b.db.jobs.bulkGet(jobs.map((j) => j.id));
    expect(held.filter(Boolean)).toHaveLength(2);
    await b.sync({ pullLimit: 1 });
    expect(await b.db.jobs.bulkGet(jobs.map((j) => j.id))).toEqual(await a.db.jobs.bulkGet(jobs.map((j) => j.id)));
  });
});
