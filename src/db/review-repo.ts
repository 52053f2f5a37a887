// The manager's QC decisions and the other changes made from the review screens: assigning a
// jeweler, annotating a photo. A decision is a status move carrying its QcReview, made on the
// version of the job the manager looked at: if the job changed since (here, or after a sync),
// it is refused as stale and the manager sees the job as it now is.
import type { Outcome, JobLike } from '../domain/apply-change';
import { newId } from '../domain/ids';
import type { QcRejectReason } from '../domain/vocabulary';
import type { PhotoMark } from '../protocol/protocol';
import type { LoupeDb } from './loupe-db';
import type { Job, QcReview } from './records';
import { db as appDb } from './database';
import { moveJob, putRecord, type Actor } from './local-changes';

export type QcDecision =
  | { decision: 'approve'; comment?: string }
  | { decision: 'reject'; reasons: QcRejectReason[]; comment: string };

export type DecisionOutcome = { ok: true; review: QcReview } | Extract<Outcome<JobLike>, { ok: false }>;

/** Approve (→ completed) or send to rework (→ rework) the job as the manager saw it. */
export async function decideQc(seen: Job, decision: QcDecision, actor: Actor, options: { db?: LoupeDb; at?: string } = {}): Promise<DecisionOutcome> {
  const db = options.db ?? appDb;
  const at = options.at ?? new Date().toISOString();
  const current = await db.jobs.get(seen.id);
  if (current && current.version !== seen.version) {
    return { ok: false, code: 'stale', message: `This job changed since you saw it: it is now "${current.status}".` };
  }
  const review: QcReview = {
    id: newId(),
    jobId: seen.id,
    reviewerId: actor.personId,
    decision: decision.decision,
    reasons: decision.decision === 'reject' ? [...new Set(decision.reasons)] : [],
    comment: decision.comment?.trim() ?? '',
    at,
  };
  const outcome = await moveJob(seen.id, { to: decision.decision === 'approve' ? 'completed' : 'rework', review }, actor, { db, at });
  return outcome.ok ? { ok: true, review } : outcome;
}

/** A job's QC reviews, the latest first. */
export async function listJobReviews(jobId: string, db: LoupeDb = appDb): Promise<QcReview[]> {
  const reviews = await db.qcReviews.where('jobId').equals(jobId).toArray();
  return reviews.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
}

/** Gives the job to a jeweler (a descriptive field: merges like any other). */
export async function assignJob(jobId: string, assigneeId: string, actor: Actor, db: LoupeDb = appDb) {
  return putRecord('job', jobId, { assigneeId }, actor, { db });
}

/** Replaces a photo's annotation marks; the photo's bytes are never touched. */
export async function savePhotoMarks(photoId: string, marks: PhotoMark[], actor: Actor, db: LoupeDb = appDb) {
  return putRecord('photo', photoId, { marks }, actor, { db });
}
