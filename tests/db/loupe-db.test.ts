import { afterEach, describe, expect, it } from 'vitest';
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
      'attendance', 'checklistAnswers', 'checklistTemplates', 'custodyEvents', 'jobs', 'outbox', 'people',
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
