// Storage contract, sync push rules [SY1]–[SY8] and [SY16]: run inside storageContractSuite for SQLite and
// PostgreSQL alike. `open` gives a migrated storage on the test's fresh database.
import { expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { Storage } from '../../sync-server/storage/storage';
import { FakeDevice, PEOPLE, custodyEvent, newJob, pushOk, qcReview, readRecord, seedJob, seedPeople, snapshot, statuses } from './sync-fixtures';

export function syncPushContract(open: () => Promise<Storage>): void {
  it('[SY1] a retried batch changes nothing and gets its first answers again (duplicate, or the same refusal), even after a restart', async () => {
    let storage = await open();
    await seedPeople(storage);
    const device = new FakeDevice('tablet-A1');
    const job = newJob();
    const event = custodyEvent(job.id, 'jeweler');
    const batch = device.batch(
      device.put('job', job.id, job, 'intake'),
      device.put('custodyEvent', event.id, event),
      device.put('job', job.id, { notes: 'scratch on the shank' }),
      device.put('job', job.id, { status: 'completed' }),
    );
    const first = await pushOk(storage, batch);
    expect(statuses(first)).toEqual(['applied', 'applied', 'applied', 'refused:forbidden_field']);
    expect(first.lastAppliedSeq).toBe(4);
    const before = await snapshot(storage);
    const seqBefore = await storage.currentSeq();

    const again = await pushOk(storage, batch);
    expect(statuses(again)).toEqual(['duplicate', 'duplicate', 'duplicate', 'refused:forbidden_field']);
    expect(again.results[3]).toEqual(first.results[3]);
    expect(again).toMatchObject({ lastAppliedSeq: 4, changedSeq: null });
    expect(await storage.currentSeq()).toBe(seqBefore);
    expect(await snapshot(storage)).toEqual(before);

    await storage.close();
    storage = await open();
    expect(statuses(await pushOk(storage, batch))).toEqual(['duplicate', 'duplicate', 'duplicate', 'refused:forbidden_field']);
    expect(await snapshot(storage)).toEqual(before);
  });

  it('[SY2] a batch that skips a sequence number is refused whole, with nothing applied', async () => {
    const storage = await open();
    await seedPeople(storage);
    const device = new FakeDevice('tablet-A1');
    const event = custodyEvent(newId(), 'jeweler');
    await pushOk(storage, device.batch(device.put('custodyEvent', event.id, event)));
    const job = newJob();
    const create = device.put('job', job.id, job, 'intake');
    const note = device.put('job', job.id, { notes: 'lost order' });
    device.seq += 1; // 4 never arrives
    const five = device.put('job', job.id, { priority: 'vip' });
    const seqBefore = await storage.currentSeq();

    expect(await storage.push(device.batch(note))).toEqual({ kind: 'gap', lastAppliedSeq: 1 });
    // 2 and 3 would apply, but 5 comes without 4: all or nothing.
    expect(await storage.push(device.batch(create, note, five))).toEqual({ kind: 'gap', lastAppliedSeq: 1 });
    expect(await storage.currentSeq()).toBe(seqBefore);
    expect(await readRecord(storage, 'job', job.id)).toBeUndefined();

    expect(statuses(await pushOk(storage, device.batch(create, note)))).toEqual(['applied', 'applied']);
    expect(await readRecord(storage, 'job', job.id)).toMatchObject({ notes: 'lost order', priority: 'standard' });
  });

  it('[SY3] a stale move is refused and says why, while a field put on the same job merges', async () => {
    const storage = await open();
    await seedPeople(storage);
    const job = await seedJob(storage, { status: 'in_progress', version: 5 });
    const manager = new FakeDevice('ipad-manager');
    const bench = new FakeDevice('bench-tablet-1');
    // The manager puts it on hold (version 5 → 6) before the jeweler's offline submit arrives.
    expect(statuses(await pushOk(storage, manager.batch(manager.move(job.id, { to: 'on_hold', holdReason: 'awaiting_parts' }, 5, 'manager'))))).toEqual(['applied']);
    const late = await pushOk(
      storage,
      bench.batch(bench.move(job.id, { to: 'awaiting_qc' }, 5, 'jeweler'), bench.put('job', job.id, { notes: 'retipped two prongs' }, 'jeweler')),
    );
    expect(late.results[0]).toMatchObject({ status: 'refused', code: 'stale' });
    expect(late.results[0]!.status === 'refused' && late.results[0]!.message).toContain('on_hold');
    expect(late.results[1]).toMatchObject({ status: 'applied' });
    expect(late.lastAppliedSeq).toBe(2);
    expect(await readRecord(storage, 'job', job.id)).toMatchObject({ status: 'on_hold', version: 6, holdReason: 'awaiting_parts', notes: 'retipped two prongs' });
  });

  it('[SY4] puts from two devices merge field by field; the later in server order wins a field', async () => {
    const storage = await open();
    await seedPeople(storage);
    const job = await seedJob(storage, { status: 'queued', notes: 'intake note', priority: 'standard' });
    const a = new FakeDevice('tablet-A1');
    const b = new FakeDevice('tablet-B2');
    const fromA = a.batch(a.put('job', job.id, { notes: 'from A', priority: 'vip' }, 'manager'));
    const fromB = b.batch(b.put('job', job.id, { notes: 'from B', promisedDate: '2026-12-24' }, 'jeweler'));
    await pushOk(storage, fromA);
    await pushOk(storage, fromB);
    expect(await readRecord(storage, 'job', job.id)).toMatchObject({ notes: 'from B', priority: 'vip', promisedDate: '2026-12-24', version: job.version });
  });

  it('[SY5] a move by a role the state machine does not allow is refused and changes nothing', async () => {
    const storage = await open();
    await seedPeople(storage);
    const job = await seedJob(storage, { status: 'awaiting_qc', version: 2 });
    const bench = new FakeDevice('bench-tablet-1');
    const review = qcReview(job.id, 'approve', { reviewerId: PEOPLE.jeweler.id });
    const response = await pushOk(storage, bench.batch(bench.move(job.id, { to: 'completed', review }, 2, 'jeweler')));
    expect(response.results[0]).toMatchObject({ status: 'refused', code: 'role_not_allowed' });
    expect(response.changedSeq).toBeNull();
    expect(await readRecord(storage, 'job', job.id)).toMatchObject({ status: 'awaiting_qc', version: 2 });
    expect(await readRecord(storage, 'qcReview', review.id)).toBeUndefined();
  });

  it('[SY6] a QC rejection writes its review with the move; a review for another job or without its move is refused', async () => {
    const storage = await open();
    await seedPeople(storage);
    const job = await seedJob(storage, { status: 'awaiting_qc', version: 4 });
    const other = await seedJob(storage, { status: 'awaiting_qc', version: 1 });
    const ipad = new FakeDevice('ipad-manager');
    const review = qcReview(job.id, 'reject', { reasons: ['polish_marks', 'loose_stone'], comment: 'see photo 3' });
    const wrongJob = qcReview(job.id, 'reject');
    const direct = qcReview(other.id, 'approve');
    const response = await pushOk(
      storage,
      ipad.batch(
        ipad.move(other.id, { to: 'rework', review: wrongJob }, 1, 'manager'),
        ipad.put('qcReview', direct.id, direct, 'manager'),
        ipad.move(job.id, { to: 'rework', review }, 4, 'manager'),
      ),
    );
    expect(statuses(response)).toEqual(['refused:invalid', 'refused:invalid', 'applied']);
    const state = await snapshot(storage);
    expect(state.get(`job:${job.id}`)).toMatchObject({ status: 'rework', version: 5 });
    expect(state.get(`qcReview:${review.id}`)).toEqual(review);
    expect(state.get(`job:${other.id}`)).toMatchObject({ status: 'awaiting_qc', version: 1 });
    expect(state.has(`qcReview:${wrongJob.id}`)).toBe(false);
    expect(state.has(`qcReview:${direct.id}`)).toBe(false);
  });

  it('[SY7] custody events from two jewelers are both kept, and none is ever rewritten', async () => {
    const storage = await open();
    await seedPeople(storage);
    const job = await seedJob(storage, { status: 'in_progress' });
    const one = new FakeDevice('bench-tablet-1');
    const two = new FakeDevice('bench-tablet-2');
    const handOver = custodyEvent(job.id, 'jeweler', { action: 'hand_over' });
    const scanIn = custodyEvent(job.id, 'jeweler2', { location: { kind: 'bench', label: '5' } });
    await pushOk(storage, one.batch(one.put('custodyEvent', handOver.id, handOver)));
    await pushOk(storage, two.batch(two.put('custodyEvent', scanIn.id, scanIn, 'jeweler2')));
    const rewrite = await pushOk(storage, two.batch(two.put('custodyEvent', handOver.id, { location: { kind: 'vault' } }, 'jeweler2')));
    expect(rewrite.results[0]).toMatchObject({ status: 'refused', code: 'read_only' });
    const state = await snapshot(storage);
    expect(state.get(`custodyEvent:${handOver.id}`)).toEqual(handOver);
    expect(state.get(`custodyEvent:${scanIn.id}`)).toEqual(scanIn);
  });

  it('[SY8] a job is created at intake (or queued, by who may release it) with its own id and a unique number', async () => {
    const storage = await open();
    await seedPeople(storage);
    const a = new FakeDevice('tablet-A1');
    const b = new FakeDevice('tablet-B2');
    const first = newJob();
    const clash = newJob({ number: first.number });
    const queued = newJob({ status: 'queued' });
    const queuedByJeweler = newJob({ status: 'queued' });
    const pastQc = newJob({ status: 'completed' });
    const misnamed = newJob();
    await pushOk(storage, a.batch(a.put('job', first.id, first, 'intake')));
    const response = await pushOk(
      storage,
      b.batch(
        b.put('job', clash.id, clash, 'intake'),
        b.put('job', queued.id, queued, 'intake'),
        b.put('job', queuedByJeweler.id, queuedByJeweler, 'jeweler'),
        b.put('job', pastQc.id, pastQc, 'manager'),
        b.put('job', newId(), misnamed, 'intake'),
      ),
    );
    expect(statuses(response)).toEqual(['refused:duplicate_number', 'applied', 'refused:role_not_allowed', 'refused:forbidden_field', 'refused:invalid']);
    const jobs = [...(await snapshot(storage)).keys()].filter((key) => key.startsWith('job:'));
    expect(jobs.sort()).toEqual([`job:${first.id}`, `job:${queued.id}`].sort());
  });

  it('[SY16] inside one batch each mutation sees the ones before it: a job made, edited, moved and edited again, a number claimed twice, an id used twice', async () => {
    const storage = await open();
    await seedPeople(storage);
    const before = await storage.currentSeq();
    const device = new FakeDevice('tablet-A1');
    const job = newJob();
    const clash = newJob({ number: job.number });
    const event = custodyEvent(job.id, 'jeweler');
    const create = device.put('job', job.id, job, 'intake');
    const edit = device.put('job', job.id, { notes: 'first note' }, 'intake');
    const release = device.move(job.id, { to: 'queued' }, 0, 'intake');
    const claim = device.put('job', clash.id, clash, 'intake');
    const reusedId = { ...device.put('job', job.id, { notes: 'never written' }, 'intake'), id: edit.id };
    const record = device.put('custodyEvent', event.id, event);
    const staleRelease = device.move(job.id, { to: 'queued' }, 0, 'intake');
    const lastEdit = device.put('job', job.id, { priority: 'vip' }, 'intake');
    const response = await pushOk(storage, device.batch(create, edit, release, claim, reusedId, record, staleRelease, lastEdit));
    expect(statuses(response)).toEqual(['applied', 'applied', 'applied', 'refused:duplicate_number', 'refused:invalid', 'applied', 'refused:stale', 'applied']);
    expect(response.lastAppliedSeq).toBe(8);
    expect(await readRecord(storage, 'job', job.id)).toMatchObject({ status: 'queued', version: 1, notes: 'first note', priority: 'vip' });
    // The counter moved once per write and the records carry the last seqs: a pull from before
    // the push sees the job once, after the custody event, at the batch's last seq.
    const after = await storage.currentSeq();
    expect(response.changedSeq).toBe(after);
    expect(after - before).toBe(5);
    const page = await storage.pull(undefined, 1_000);
    const mine = page.changes.filter((change) => change.id === job.id || change.id === event.id);
    expect(mine.map((change) => [change.id, change.seq])).toEqual([
      [event.id, after - 1],
      [job.id, after],
    ]);
    // The next push numbers on from there, and a replay of the whole batch changes nothing.
    const again = await pushOk(storage, device.batch(device.put('job', job.id, { notes: 'next' }, 'intake')));
    expect(statuses(again)).toEqual(['applied']);
    expect(await storage.currentSeq()).toBe(after + 1);
  });
}
