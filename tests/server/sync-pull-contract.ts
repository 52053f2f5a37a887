// Storage contract, sync rules [SY9]–[SY15]: pull, cursors, the devices map, and the refusals
// every push must give for unknown people, reused ids and invalid records.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { META_KEYS, type Storage } from '../../sync-server/storage/storage';
import { FakeDevice, PEOPLE, custodyEvent, newJob, pullAll, pushOk, readRecord, seedJob, seedPeople, statuses } from './sync-fixtures';

export function syncPullContract(open: () => Promise<Storage>): void {
  it('[SY9] after a cursor, pull pages through every change exactly once, in seq order, with hasMore', async () => {
    const storage = await open();
    await seedPeople(storage);
    const job = await seedJob(storage, { status: 'in_progress' });
    const { cursor: start } = await pullAll(storage);
    const events = Array.from({ length: 23 }, () => custodyEvent(job.id, 'jeweler'));
    await storage.seedRecords('custodyEvent', events);

    const { pages, changes, cursor } = await pullAll(storage, start, 7);
    expect(pages.map((page) => page.changes.length)).toEqual([7, 7, 7, 2]);
    expect(pages.map((page) => page.hasMore)).toEqual([true, true, true, false]);
    expect(pages.every((page) => !page.snapshot)).toBe(true);
    expect(changes.map((change) => change.id)).toEqual(events.map((event) => event.id));
    expect(changes.at(-1)?.seq).toBe(await storage.currentSeq());

    // Caught up: nothing new, same cursor.
    expect(await storage.pull(cursor, 7)).toMatchObject({ changes: [], hasMore: false, reset: false, cursor });
    // A changed record comes again, once, under its new seq.
    const device = new FakeDevice('tablet-A1');
    await pushOk(storage, device.batch(device.put('job', job.id, { notes: 'polished' })));
    const next = await storage.pull(cursor, 7);
    expect(next.changes).toEqual([expect.objectContaining({ entity: 'job', id: job.id, data: expect.objectContaining({ notes: 'polished' }) })]);
  });

  it('[SY17] a first download comes job by job, each job whole in one page, then what changed meanwhile', async () => {
    const storage = await open();
    await seedPeople(storage);
    const [small, large, other] = [await seedJob(storage, {}), await seedJob(storage, {}), await seedJob(storage, {})];
    // Seeded in turns, so that server order mixes the jobs.
    for (let i = 0; i < 12; i++) await storage.seedRecords('custodyEvent', [custodyEvent(large.id, 'jeweler'), ...(i < 2 ? [custodyEvent(small.id, 'jeweler'), custodyEvent(other.id, 'jeweler')] : [])]);
    const total = Object.keys(PEOPLE).length + 3 + 12 + 4;
    const groupOf = (change: { entity: string; id: string; data: Record<string, unknown> }) => (change.entity === 'job' ? change.id : typeof change.data.jobId === 'string' ? change.data.jobId : `~${change.entity}:${change.id}`);

    const pages: Awaited<ReturnType<Storage['pull']>>[] = [];
    let cursor: string | undefined;
    let changedMeanwhile: Record<string, unknown> | undefined;
    do {
      const page = await storage.pull(cursor, 7);
      pages.push(page);
      cursor = page.cursor;
      if (pages.length === 1) {
        // A job already downloaded changes during the download: it comes again after it.
        const device = new FakeDevice('tablet-A1');
        const first = page.changes.find((change) => change.entity === 'job')!;
        changedMeanwhile = { id: first.id, notes: 'changed during the download' };
        await pushOk(storage, device.batch(device.put('job', first.id, { notes: 'changed during the download' })));
      }
      if (!page.hasMore) break;
    } while (pages.length < 20);

    const download = pages.filter((page) => page.snapshot);
    const after = pages.filter((page) => !page.snapshot);
    // Every record once in the download; each page holds whole groups in order, jobs first.
    const downloaded = download.flatMap((page) => page.changes);
    expect(new Set(downloaded.map((change) => `${change.entity}:${change.id}`)).size).toBe(total);
    expect(downloaded).toHaveLength(total);
    const groups = download.map((page) => [...new Set(page.changes.map(groupOf))]);
    const order = groups.flat();
    expect(order).toEqual([...order].sort());
    expect(new Set(order).size).toBe(order.length);
    expect(order.slice(0, 3)).toEqual([small.id, large.id, other.id].sort());
    // The large job (13 records) is alone in its page, over the limit; the others stay within it.
    for (const page of download) {
      if (page.changes.some((change) => groupOf(change) === large.id)) expect(page.changes).toHaveLength(13);
      else expect(page.changes.length).toBeLessThanOrEqual(7);
    }
    expect(download[0]!.reset).toBe(false);
    // Then the change made meanwhile, in server order, and the device is caught up.
    expect(after.flatMap((page) => page.changes)).toEqual([expect.objectContaining({ entity: 'job', id: changedMeanwhile!.id, data: expect.objectContaining({ notes: 'changed during the download' }) })]);
    expect(pages.at(-1)!.hasMore).toBe(false);
    expect(await storage.pull(cursor, 7)).toMatchObject({ changes: [], hasMore: false, snapshot: false });
  });

  it('[SY18] a download cursor from another workshop or ahead of the server starts the download again, with reset', async () => {
    const storage = await open();
    await seedPeople(storage);
    const workshopId = await storage.getMeta(META_KEYS.workshopId);
    await seedJob(storage, {});
    await seedJob(storage, {});
    const first = await storage.pull(undefined, 1);
    expect(first).toMatchObject({ snapshot: true, hasMore: true, reset: false });
    expect(first.cursor.startsWith(`${workshopId}.7.`)).toBe(true);
    const second = await storage.pull(first.cursor, 1);
    expect(second).toMatchObject({ snapshot: true, reset: false });
    expect(second.changes[0]!.id).not.toBe(first.changes[0]!.id);
    for (const cursor of [first.cursor.replace(workshopId!, randomUUID()), first.cursor.replace('.7.', '.99.')]) {
      expect(await storage.pull(cursor, 1), cursor).toMatchObject({ reset: true, snapshot: true, changes: first.changes });
    }
  });

  it('[SY10] a cursor from another workshop, unreadable or ahead of the server answers reset and starts from 0', async () => {
    const storage = await open();
    await seedPeople(storage);
    const workshopId = await storage.getMeta(META_KEYS.workshopId);
    const fresh = await storage.pull(undefined, 100);
    expect(fresh).toMatchObject({ reset: false, hasMore: false, cursor: `${workshopId}.5` });
    expect(fresh.changes).toHaveLength(5);
    for (const cursor of [`${randomUUID()}.3`, 'not a cursor', `${workshopId}.99`, `${workshopId}.-1`, '']) {
      const page = await storage.pull(cursor, 100);
      expect(page, cursor).toMatchObject({ reset: true, cursor: `${workshopId}.5` });
      expect(page.changes).toEqual(fresh.changes);
    }
    expect((await storage.pull(`${workshopId}.5`, 100)).reset).toBe(false);
  });

  it('[SY11] pull tells each device its last applied sequence', async () => {
    const storage = await open();
    await seedPeople(storage);
    expect((await storage.pull(undefined, 10)).devices).toEqual({});
    const a = new FakeDevice('tablet-A1');
    const b = new FakeDevice('tablet-B2');
    const job = await seedJob(storage, { status: 'queued' });
    await pushOk(storage, a.batch(a.put('job', job.id, { notes: '1' }), a.put('job', job.id, { notes: '2' })));
    await pushOk(storage, b.batch(b.put('job', job.id, { notes: '3' }), b.put('job', job.id, { notes: '4' }), b.put('job', job.id, { status: 'released' })));
    expect((await storage.pull(undefined, 10)).devices).toEqual({ 'tablet-A1': 2, 'tablet-B2': 3 });
  });

  it('[SY12] a change by an unknown person is refused, and still consumes its sequence', async () => {
    const storage = await open();
    await seedPeople(storage);
    const device = new FakeDevice('tablet-A1');
    const event = custodyEvent(newId(), 'jeweler');
    const stranger = { ...device.put('custodyEvent', event.id, event), personId: newId() };
    const event2 = custodyEvent(newId(), 'jeweler');
    const response = await pushOk(storage, device.batch(stranger, device.put('custodyEvent', event2.id, event2)));
    expect(statuses(response)).toEqual(['refused:unknown_person', 'applied']);
    expect(response.lastAppliedSeq).toBe(2);
    expect(await readRecord(storage, 'custodyEvent', event.id)).toBeUndefined();
  });

  it('[SY13] a mutation id is used once: reused under a new sequence, or a sequence reused by another id, is refused', async () => {
    const storage = await open();
    await seedPeople(storage);
    const device = new FakeDevice('tablet-A1');
    const job = await seedJob(storage, { status: 'queued' });
    const first = device.put('job', job.id, { notes: 'first' });
    await pushOk(storage, device.batch(first));
    const reusedId = { ...device.put('job', job.id, { notes: 'again' }), id: first.id };
    const reusedSeq = { ...first, id: newId(), patch: { notes: 'other' } };
    const otherDevice = new FakeDevice('tablet-B2');
    const stolenId = { ...otherDevice.put('job', job.id, { notes: 'stolen' }), id: first.id };
    expect(statuses(await pushOk(storage, device.batch(reusedSeq, reusedId)))).toEqual(['refused:invalid', 'refused:invalid']);
    expect(statuses(await pushOk(storage, otherDevice.batch(stolenId)))).toEqual(['refused:invalid']);
    expect(await readRecord(storage, 'job', job.id)).toMatchObject({ notes: 'first' });
  });

  it('[SY14] an invalid record, a move on a non-job, a bad move patch or people edited through a push (even by an admin) is refused', async () => {
    const storage = await open();
    await seedPeople(storage);
    const job = await seedJob(storage, { status: 'queued', version: 1 });
    const device = new FakeDevice('tablet-A1');
    const event = custodyEvent(job.id, 'jeweler');
    const response = await pushOk(
      storage,
      device.batch(
        device.put('job', job.id, { piece: { ...job.piece, metal: 'gold' } }),
        device.put('job', job.id, { notes: 'x'.repeat(5_001) }),
        { ...device.put('custodyEvent', event.id, event), op: 'move' },
        device.move(job.id, { to: 'flying' } as never, 1),
        device.put('person', PEOPLE.jeweler.id, { role: 'admin' }, 'jeweler'),
        device.put('person', PEOPLE.jeweler2.id, { name: 'Jade B.' }, 'admin'),
      ),
    );
    // People change only on the admin screens, with a PIN the server checks (ARCHITECTURE.md, "Security").
    expect(statuses(response)).toEqual(['refused:invalid', 'refused:invalid', 'refused:invalid', 'refused:invalid', 'refused:role_not_allowed', 'refused:role_not_allowed']);
    const first = response.results[0]!;
    expect(first.status === 'refused' && first.message).toContain('piece.metal');
    expect(await readRecord(storage, 'job', job.id)).toEqual(job);
    expect(await readRecord(storage, 'person', PEOPLE.jeweler.id)).toMatchObject({ role: 'jeweler' });
    expect(await readRecord(storage, 'person', PEOPLE.jeweler2.id)).toMatchObject({ name: PEOPLE.jeweler2.name, role: 'jeweler' });
  });

  it('[SY15] seedRecords validates, claims job numbers and gives each record a new seq', async () => {
    const storage = await open();
    expect(await storage.currentSeq()).toBe(0);
    await seedPeople(storage);
    expect(await storage.currentSeq()).toBe(5);
    await expect(storage.seedRecords('person', [{ id: newId(), name: '', role: 'jeweler', active: true }])).rejects.toThrow(/name/);
    const job = await seedJob(storage, {});
    await expect(storage.seedRecords('job', [newJob({ number: job.number })])).rejects.toThrow(/already belongs/);
    expect(await storage.currentSeq()).toBe(6);
    const device = new FakeDevice('tablet-A1');
    const clash = newJob({ number: job.number });
    expect(statuses(await pushOk(storage, device.batch(device.put('job', clash.id, clash, 'intake'))))).toEqual(['refused:duplicate_number']);
  });
}
