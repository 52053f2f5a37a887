import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { listAnswers } from '../../src/db/checklist-repo';
import { custodyByJob } from '../../src/db/custody-log';
import { LoupeDb } from '../../src/db/loupe-db';
import { findJobByNumber } from '../../src/db/jobs-repo';
import { aJob, anOutboxEntry } from '../support/factories';

const opened: LoupeDb[] = [];
function freshDb() {
  const db = new LoupeDb(`test-${Math.random()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('the device database', () => {
  it('has every table the domain needs', async () => {
    const db = freshDb();
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'attendance', 'checklistTemplates', 'jobActivity', 'jobs', 'outbox', 'people',
      'photoBytes', 'photoUploads', 'photos', 'qcReviews', 'serverRecords', 'settings', 'syncState', 'timeEntries',
    ]);
  });

  it('refuses two jobs with the same number and finds a job by number', async () => {
    const db = freshDb();
    const job = aJob();
    await db.jobs.add(job);
    await expect(db.jobs.add({ ...aJob(), number: job.number })).rejects.toThrow(/ConstraintError|unique/i);
    expect(await findJobByNumber(job.number, db)).toEqual(job);
    expect(await findJobByNumber('ZZ9-26-000001-0', db)).toBeUndefined();
  });

  it('keeps photo bytes as an ArrayBuffer with its type, read back by hash', async () => {
    const db = freshDb();
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]).buffer;
    await db.photoBytes.put({ sha256: 'a'.repeat(64), type: 'image/jpeg', bytes, kind: 'full', storedAt: new Date().toISOString() });
    const row = await db.photoBytes.get('a'.repeat(64));
    expect(row?.type).toBe('image/jpeg');
    expect(new Uint8Array(row!.bytes)).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
  });

  it('keeps the outbox in device sequence order with unique sequences', async () => {
    const db = freshDb();
    await db.outbox.bulkAdd([
      anOutboxEntry(2, { id: 'b' }),
      anOutboxEntry(1, { id: 'a' }),
    ]);
    expect((await db.outbox.orderBy('deviceSeq').toArray()).map((m) => m.id)).toEqual(['a', 'b']);
    await expect(db.outbox.add(anOutboxEntry(2, { id: 'c' }))).rejects.toThrow();
  });
});

describe('schema v7–v8: a job’s answers and custody events in one record', () => {
  it('carries a v6 tablet’s answers and events over to jobActivity, each to its job, and drops the old tables', async () => {
    const name = `activity-v6-${Math.random()}`;
    // A tablet still on v6, with two jobs' answers and events in their own tables.
    const v6 = new Dexie(name);
    v6.version(6).stores({ jobs: 'id, &number, status, assigneeId, updatedAt', checklistAnswers: 'id, jobId', custodyEvents: 'id, jobId, at' });
    const [ring, brooch] = [aJob(), aJob()];
    const answer = (jobId: string, itemKey: string, value: unknown) => ({ id: `${jobId}:sizing@1:${itemKey}`, jobId, templateId: 'sizing@1', itemKey, value, answeredBy: 'p', answeredAt: '2026-05-01T09:00:00.000Z' });
    const event = (jobId: string, id: string, at: string) => ({ id, jobId, personId: 'p', deviceId: 'dev-old-0001', location: { kind: 'bench', label: '2' }, action: 'scan_in', at });
    await v6.table('jobs').bulkAdd([ring, brooch]);
    await v6.table('checklistAnswers').bulkAdd([answer(ring.id, 'ordered_size', 54), answer(ring.id, 'shank_round', true), answer(brooch.id, 'clasp_ok', false)]);
    await v6.table('custodyEvents').bulkAdd([event(ring.id, 'e1', '2026-05-01T09:00:00.000Z'), event(ring.id, 'e2', '2026-05-02T09:00:00.000Z'), event(brooch.id, 'e3', '2026-05-01T10:00:00.000Z')]);
    v6.close();

    const db = new LoupeDb(name);
    opened.push(db);
    expect((await listAnswers(ring.id, db)).map((a) => [a.itemKey, a.value]).sort()).toEqual([['ordered_size', 54], ['shank_round', true]]);
    expect((await listAnswers(brooch.id, db)).map((a) => a.itemKey)).toEqual(['clasp_ok']);
    const custody = await custodyByJob([ring.id, brooch.id], db);
    expect(custody.get(ring.id)!.map((e) => e.id).sort()).toEqual(['e1', 'e2']);
    expect(custody.get(brooch.id)!.map((e) => e.id)).toEqual(['e3']);
    expect(await db.jobActivity.count()).toBe(2);
    expect(db.tables.map((t) => t.name)).not.toContain('checklistAnswers');
    expect(db.tables.map((t) => t.name)).not.toContain('custodyEvents');
    expect(await db.jobs.count()).toBe(2);
  });
});
