// The end of a job: weighed and counted again (reconciliation), then released to the client.
// Release is a guarded move (completed → released) followed by a custody event; a released job
// is read-only everywhere (src/domain/apply-change.ts refuses any put on it).
import type { Outcome, JobLike } from '../domain/apply-change';
import { releaseBlocks, type ReleaseBlock } from '../domain/reconciliation';
import type { Location, Reconciliation } from '../protocol/protocol';
import type { LoupeDb } from './loupe-db';
import type { Job } from './records';
import { db as appDb } from './database';
import { appendCustodyEvent } from './custody-log';
import { moveJob, putRecord, type Actor } from './local-changes';

/** Records weight out and stone count out, with the verdict of the day. */
export async function saveReconciliation(
  job: Job,
  input: { weightOutG: number; stoneCountOut: number; withinTolerance: boolean; managerNote?: string },
  actor: Actor,
  db: LoupeDb = appDb,
) {
  const at = new Date().toISOString();
  const note = input.managerNote?.trim();
  const reconciliation: Reconciliation = {
    weightOutG: input.weightOutG,
    stoneCountOut: input.stoneCountOut,
    withinTolerance: input.withinTolerance,
    recordedBy: actor.personId,
    recordedAt: at,
    // Only a manager's word explains a mismatch.
    ...(note && actor.role === 'manager' ? { managerNote: note, managerId: actor.personId } : {}),
  };
  return putRecord('job', job.id, { reconciliation }, actor, { db, at });
}

/** A manager explains a mismatch: the recorded figures stay, the note is added. */
export async function addManagerNote(job: Job, note: string, actor: Actor, db: LoupeDb = appDb) {
  if (!job.reconciliation || actor.role !== 'manager' || !note.trim()) return { ok: false as const, code: 'missing_requirement' as const, message: 'A manager writes the note on a recorded reconciliation.' };
  return putRecord('job', job.id, { reconciliation: { ...job.reconciliation, managerNote: note.trim(), managerId: actor.personId } }, actor, { db });
}

export type ReleaseOutcome = { ok: true } | { ok: false; blocks: ReleaseBlock[] } | Extract<Outcome<JobLike>, { ok: false }>;

/** Hands the piece back: completed → released on the version seen, then the custody event. */
export async function releaseJob(seen: Job, actor: Actor, location: Location, db: LoupeDb = appDb): Promise<ReleaseOutcome> {
  const current = await db.jobs.get(seen.id);
  if (!current) return { ok: false, code: 'not_found', message: 'This job is not known.' };
  if (current.version !== seen.version) return { ok: false, code: 'stale', message: `This job changed since you saw it: it is now "${current.status}".` };
  const blocks = releaseBlocks(current);
  if (blocks.length > 0) return { ok: false, blocks };
  const at = new Date().toISOString();
  const outcome = await moveJob(seen.id, { to: 'released' }, actor, { db, at });
  if (!outcome.ok) return outcome;
  await appendCustodyEvent(seen.id, 'release', location, actor, { at }, db);
  return { ok: true };
}
