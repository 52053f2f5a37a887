// On a paired device, evidence is signed where it is recorded — inside the write path's
// transaction, even when a caller's own transaction wraps it (intake creates job, number and
// custody event together) — and what the outbox holds checks out against the device's public key.
import { afterEach, describe, expect, it } from 'vitest';
import { recordCustody } from '../../src/db/custody-repo';
import { savePairing } from '../../src/db/device-auth-repo';
import { createIntakeJob } from '../../src/db/intake-repo';
import { LoupeDb } from '../../src/db/loupe-db';
import { decideQc } from '../../src/db/review-repo';
import { emptyIntakeDraft, validateIntake } from '../../src/domain/intake-validation';
import { generateDeviceKeys, verifyEvidence } from '../../src/security/evidence-signature';
import { aJob, aPerson } from '../support/factories';
import { allCustody, getCustodyEvent } from '../support/device-records';

const opened: LoupeDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function pairedDb(deviceId = 'dev-signing-0001') {
  const db = new LoupeDb(`signed-${Math.random()}`);
  opened.push(db);
  const keys = await generateDeviceKeys();
  await savePairing({ deviceId, token: `lpd_${'A'.repeat(43)}`, name: 'Desk', kind: 'front_office', prefix: 'F01', workshopId: 'w', workshopName: 'W' }, keys, db);
  return { db, keys, deviceId };
}

const louis = aPerson({ name: 'Louis Petit', role: 'intake' });
const marc = aPerson({ name: 'Marc Lefèvre', role: 'manager' });

describe('evidence recorded on a paired device', () => {
  it('a custody event is stored and queued signed by this device', async () => {
    const { db, keys, deviceId } = await pairedDb();
    const job = aJob();
    const event = await recordCustody(job.id, 'scan_in', { personId: louis.id, role: 'intake' }, { kind: 'bench', label: '2' }, db);
    const stored = (await getCustodyEvent(db, job.id, event.id))!;
    const queued = (await db.outbox.toArray())[0]!.patch;
    expect(stored.signature).toMatchObject({ alg: 'ES256', deviceId });
    expect(queued).toEqual(stored);
    expect(await verifyEvidence('custodyEvent', stored, keys.publicKey)).toBe(true);
    expect(stored.deviceId).toBe(deviceId);
  });

  it('intake: the custody event is signed inside the transaction that also makes the job and its number', async () => {
    const { db, keys } = await pairedDb();
    const draft = { ...emptyIntakeDraft(), clientRef: 'BTQ-1', category: 'ring' as const, metal: 'pt950' as const, weight: '5.10', ringSize: '54', services: ['sizing' as const], promisedDate: '2099-01-02' };
    const values = validateIntake(draft, '2026-03-10');
    if (!values.ok) throw new Error('invalid draft');
    const outcome = await createIntakeJob(values.values, { personId: louis.id, role: 'intake' }, { kind: 'vault' }, { db });
    expect(outcome.ok).toBe(true);
    const [event] = await allCustody(db);
    expect(await verifyEvidence('custodyEvent', event!, keys.publicKey)).toBe(true);
    expect(outcome.ok && outcome.job.number).toMatch(/^F01-/);
  });

  it('a QC decision’s review is signed; the move carries the signed review', async () => {
    const { db, keys } = await pairedDb();
    const job = aJob({ status: 'awaiting_qc', version: 3 });
    await db.jobs.add(job);
    const outcome = await decideQc(job, { decision: 'reject', reasons: ['polish_marks'], comment: 'Marks on the shank' }, { personId: marc.id, role: 'manager' }, { db });
    expect(outcome.ok).toBe(true);
    const [review] = await db.qcReviews.toArray();
    expect(await verifyEvidence('qcReview', review!, keys.publicKey)).toBe(true);
    const move = (await db.outbox.toArray())[0]!;
    expect((move.patch as { review: unknown }).review).toEqual(review);
  });

  it('an unpaired device records evidence unsigned (the server would refuse it from a paired one)', async () => {
    const db = new LoupeDb(`unsigned-${Math.random()}`);
    opened.push(db);
    const job = aJob();
    const event = await recordCustody(job.id, 'scan_in', { personId: louis.id, role: 'intake' }, { kind: 'vault' }, db);
    const stored = await getCustodyEvent(db, job.id, event.id);
    expect(stored).toMatchObject({ id: event.id, action: 'scan_in' });
    expect(stored?.signature).toBeUndefined();
  });
});
