import { afterEach, describe, expect, it } from 'vitest';
import { LoupeDb } from '../../src/db/loupe-db';
import { custodyByJob, listJobCustody } from '../../src/db/custody-log';
import { listBoardJobs } from '../../src/db/jobs-repo';
import { createIntakeJob, releaseToBench } from '../../src/db/intake-repo';
import { getDevicePrefix, PREFIX_SETTING, setDevicePrefix, takeJobNumber } from '../../src/db/job-number-repo';
import { putRecord } from '../../src/db/local-changes';
import { addManagerNote, releaseJob, saveReconciliation } from '../../src/db/release-repo';
import { assignJob, decideQc, listJobReviews, savePhotoMarks } from '../../src/db/review-repo';
import { jobIsAtVendor, receiveFromVendor, sendToVendor } from '../../src/db/vendor-repo';
import { derivePrefix } from '../../src/domain/device-prefix';
import { validateIntake, emptyIntakeDraft } from '../../src/domain/intake-validation';
import { parseJobNumber } from '../../src/domain/job-number';
import { allCustody } from '../support/device-records';
import { aJob, aPerson, aPhotoMeta } from '../support/factories';

const opened: LoupeDb[] = [];
function freshDb() {
  const db = new LoupeDb(`test-${Math.random()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const louis = aPerson({ name: 'Louis Petit', role: 'intake' });
const marc = aPerson({ name: 'Marc Lefèvre', role: 'manager' });
const intake = { personId: louis.id, role: 'intake' as const };
const manager = { personId: marc.id, role: 'manager' as const };
const vault = { kind: 'vault' as const };

function values() {
  const result = validateIntake(
    { ...emptyIntakeDraft(), clientRef: 'BTQ-1', category: 'ring', metal: 'pt950', weight: '5.10', ringSize: '54', services: ['sizing'], promisedDate: '2099-01-02' },
    '2026-03-10',
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.values;
}

describe('job numbers made offline', () => {
  it('counts per device and year, from the derived prefix until one is set', async () => {
    const db = freshDb();
    const prefix = await getDevicePrefix(db);
    expect(prefix).toMatch(/^D[0-9A-Z]{2}$/);
    const first = parseJobNumber(await takeJobNumber(2026, db));
    const second = parseJobNumber(await takeJobNumber(2026, db));
    const nextYear = parseJobNumber(await takeJobNumber(2027, db));
    expect([first, second, nextYear].map((p) => (p.ok ? [p.prefix, p.year, p.sequence] : p))).toEqual([
      [prefix, 2026, 1],
      [prefix, 2026, 2],
      [prefix, 2027, 1],
    ]);
  });

  it('uses the prefix set on the device, and refuses one that cannot be a prefix', async () => {
    const db = freshDb();
    expect(await setDevicePrefix(' ny1 ', db)).toBe(true);
    expect(await takeJobNumber(2026, db)).toMatch(/^NY1-26-000001-/);
    expect(await setDevicePrefix('1NY', db)).toBe(false);
    await db.settings.put({ key: PREFIX_SETTING, value: 'bad prefix' });
    const { getDeviceId } = await import('../../src/db/device-repo');
    expect(await getDevicePrefix(db)).toBe(derivePrefix(await getDeviceId(db)));
  });

  it('never reissues a number this device already holds (a wiped, re-synced device)', async () => {
    const db = freshDb();
    await setDevicePrefix('NY1', db);
    await db.jobs.add(aJob({ number: 'NY1-26-000041-' + (await import('../../src/domain/job-number')).computeCheckChar('NY126000041') }));
    expect(await takeJobNumber(2026, db)).toMatch(/^NY1-26-000042-/);
  });

  it('gives fifty jobs taken in one after the other fifty numbers', async () => {
    const db = freshDb();
    const numbers = await Promise.all(Array.from({ length: 50 }, () => takeJobNumber(2026, db)));
    expect(new Set(numbers).size).toBe(50);
  });
});

describe('intake', () => {
  it('creates the job at intake with its number, a custody event, and both in the outbox', async () => {
    const db = freshDb();
    const outcome = await createIntakeJob(values(), intake, vault, { db });
    if (!outcome.ok) throw new Error(outcome.message);
    const job = await db.jobs.get(outcome.job.id);
    expect(job).toMatchObject({ status: 'intake', version: 0, clientRef: 'BTQ-1', services: ['sizing'], piece: { weightG: 5.1, ringSize: { value: 54, scale: 'eu' } } });
    expect(parseJobNumber(job!.number).ok).toBe(true);
    const custody = await listJobCustody(job!.id, db);
    expect(custody.map((e) => [e.action, e.location.kind, e.personId])).toEqual([['scan_in', 'vault', louis.id]]);
    expect((await db.outbox.orderBy('deviceSeq').toArray()).map((e) => [e.entity, e.op])).toEqual([['job', 'put'], ['custodyEvent', 'put']]);

    const moved = await releaseToBench(job!, intake, db);
    expect(moved.ok).toBe(true);
    expect((await db.jobs.get(job!.id))?.status).toBe('queued');
  });

  it('refuses to release to the bench a job that changed since it was seen', async () => {
    const db = freshDb();
    const outcome = await createIntakeJob(values(), intake, vault, { db });
    if (!outcome.ok) throw new Error(outcome.message);
    await releaseToBench(outcome.job, intake, db);
    const again = await releaseToBench(outcome.job, intake, db);
    expect(again).toMatchObject({ ok: false, code: 'stale' });
  });
});

describe('QC decisions', () => {
  it('approves: completed, the review stored and queued with the move, on the version seen', async () => {
    const db = freshDb();
    const job = aJob({ status: 'awaiting_qc', version: 4 });
    await db.jobs.add(job);
    const outcome = await decideQc(job, { decision: 'approve', comment: ' Lovely ' }, manager, { db });
    expect(outcome.ok).toBe(true);
    expect((await db.jobs.get(job.id))).toMatchObject({ status: 'completed', version: 5 });
    const [review] = await listJobReviews(job.id, db);
    expect(review).toMatchObject({ decision: 'approve', reasons: [], comment: 'Lovely', reviewerId: marc.id, jobId: job.id });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ entity: 'job', op: 'move', baseVersion: 4, patch: { to: 'completed', review: { id: review!.id } } });
  });

  it('sends to rework with its reasons and comment', async () => {
    const db = freshDb();
    const job = aJob({ status: 'awaiting_qc' });
    await db.jobs.add(job);
    const outcome = await decideQc(job, { decision: 'reject', reasons: ['polish_marks', 'polish_marks', 'dirty'], comment: 'Marks inside the shank' }, manager, { db });
    expect(outcome.ok).toBe(true);
    expect((await db.jobs.get(job.id))?.status).toBe('rework');
    expect((await listJobReviews(job.id, db))[0]).toMatchObject({ decision: 'reject', reasons: ['polish_marks', 'dirty'], comment: 'Marks inside the shank' });
  });

  it('refuses a decision on a job that moved since the manager looked, and one without reasons', async () => {
    const db = freshDb();
    const job = aJob({ status: 'awaiting_qc', version: 2 });
    await db.jobs.add({ ...job, version: 3, status: 'in_progress' });
    expect(await decideQc(job, { decision: 'approve' }, manager, { db })).toMatchObject({ ok: false, code: 'stale' });
    const other = aJob({ status: 'awaiting_qc' });
    await db.jobs.add(other);
    expect(await decideQc(other, { decision: 'reject', reasons: [], comment: '' }, manager, { db })).toMatchObject({ ok: false, code: 'missing_requirement' });
    expect(await db.qcReviews.count()).toBe(0);
  });

  it('refuses a jeweler’s approval (the state machine’s rule)', async () => {
    const db = freshDb();
    const job = aJob({ status: 'awaiting_qc' });
    await db.jobs.add(job);
    expect(await decideQc(job, { decision: 'approve' }, { personId: louis.id, role: 'jeweler' }, { db })).toMatchObject({ ok: false, code: 'role_not_allowed' });
  });

  it('assigns a jeweler and stores annotation marks on the photo record', async () => {
    const db = freshDb();
    const job = aJob();
    await db.jobs.add(job);
    await assignJob(job.id, louis.id, manager, db);
    expect((await db.jobs.get(job.id))?.assigneeId).toBe(louis.id);
    const photo = aPhotoMeta({ jobId: job.id, takenBy: louis.id });
    await db.photos.add(photo);
    await savePhotoMarks(photo.id, [{ kind: 'circle', cx: 10, cy: 20, r: 5 }], manager, db);
    expect(await db.photos.get(photo.id)).toMatchObject({ sha256: photo.sha256, marks: [{ kind: 'circle', cx: 10, cy: 20, r: 5 }] });
  });
});

describe('vendors, reconciliation and release', () => {
  it('shows a piece at a vendor until it is received back', async () => {
    const db = freshDb();
    const job = aJob();
    await db.jobs.add(job);
    await sendToVendor(job.id, ' Atelier Gravure ', '2026-03-20', intake, 'Engrave initials', db);
    expect(await jobIsAtVendor(job.id, db)).toBe(true);
    const [event] = await allCustody(db);
    expect(event).toMatchObject({ action: 'send_out', location: { kind: 'vendor', label: 'Atelier Gravure' }, expectedReturn: '2026-03-20', note: 'Engrave initials' });
    await receiveFromVendor(job.id, intake, vault, undefined, db);
    expect(await jobIsAtVendor(job.id, db)).toBe(false);
  });

  it('reads the custody events of the jobs a board shows, by job, and none of the others', async () => {
    const db = freshDb();
    const [shown, other, quiet] = [aJob(), aJob(), aJob()];
    await db.jobs.bulkAdd([shown, other, quiet]);
    await sendToVendor(shown.id, 'Atelier Gravure', '2026-03-20', intake, '', db);
    await receiveFromVendor(shown.id, intake, vault, undefined, db);
    await sendToVendor(other.id, 'Sertisseur', '2026-03-21', intake, '', db);
    const byJob = await custodyByJob([shown.id, quiet.id], db);
    expect([...byJob.keys()]).toEqual([shown.id]);
    expect(byJob.get(shown.id)!.map((e) => e.action).sort()).toEqual(['return', 'send_out']);
    expect(await custodyByJob([], db)).toEqual(new Map());
  });

  it('reads the jobs of the board’s columns: released and cancelled ones only when asked', async () => {
    const db = freshDb();
    const jobs = (['queued', 'in_progress', 'completed', 'released', 'cancelled'] as const).map((status) => aJob({ status }));
    await db.jobs.bulkAdd(jobs);
    const statuses = async (includeClosed: boolean) => (await listBoardJobs({ includeClosed }, db)).map((j) => j.status).sort();
    expect(await statuses(false)).toEqual(['completed', 'in_progress', 'queued']);
    expect(await statuses(true)).toEqual(['cancelled', 'completed', 'in_progress', 'queued', 'released']);
  });

  it('releases only a reconciled job; a mismatch needs a manager’s note; then the job is read-only', async () => {
    const db = freshDb();
    const job = aJob({ status: 'completed', version: 7 });
    await db.jobs.add(job);
    expect(await releaseJob(job, intake, vault, db)).toEqual({ ok: false, blocks: ['not_reconciled'] });

    await saveReconciliation(job, { weightOutG: 3.9, stoneCountOut: 0, withinTolerance: false, managerNote: 'ignored: intake cannot explain' }, intake, db);
    let current = (await db.jobs.get(job.id))!;
    expect(current.reconciliation).toMatchObject({ weightOutG: 3.9, withinTolerance: false, recordedBy: louis.id });
    expect(current.reconciliation?.managerNote).toBeUndefined();
    expect(await releaseJob(current, intake, vault, db)).toEqual({ ok: false, blocks: ['needs_manager_note'] });

    expect((await addManagerNote(current, 'Sized down two sizes: metal removed', manager, db)).ok).toBe(true);
    current = (await db.jobs.get(job.id))!;
    expect(current.reconciliation).toMatchObject({ managerNote: 'Sized down two sizes: metal removed', managerId: marc.id });
    expect(await releaseJob(current, intake, vault, db)).toEqual({ ok: true });

    const released = (await db.jobs.get(job.id))!;
    expect(released.status).toBe('released');
    expect((await listJobCustody(job.id, db)).map((e) => e.action)).toEqual(['release']);
    expect(await putRecord('job', job.id, { notes: 'too late' }, manager, { db })).toMatchObject({ ok: false, code: 'read_only' });
  });

  it('refuses to release a job that changed since it was seen', async () => {
    const db = freshDb();
    const job = aJob({ status: 'completed', version: 3, reconciliation: { weightOutG: 4.2, stoneCountOut: 0, withinTolerance: true, recordedBy: louis.id, recordedAt: new Date().toISOString() } });
    await db.jobs.add({ ...job, version: 4 });
    expect(await releaseJob(job, intake, vault, db)).toMatchObject({ ok: false, code: 'stale' });
  });
});
