// How one change lands on one record — the conflict rules, in one pure file that the server
// (authority, in server order) and the device (optimistic apply, and rebasing its pending changes
// on top of what it pulls) both run, so they can never disagree.
//
//  • put on a job: descriptive fields merge field by field; the later in server order wins.
//    Status, version, number and id never change through a put.
//  • move on a job: a status move (a QC decision included) carries the version it was made on;
//    if the job moved since, it is refused as stale, and the person is told the current status.
//  • every other entity is append-only (custody events, QC reviews) or keyed per item (checklist
//    answers, time entries, photos, people, attendance): a put creates or updates that one record.
import { canMove } from './job-status';
import type { HoldReason, JobStatus, Role } from './vocabulary';

export type Refusal =
  | 'stale'
  | 'no_such_move'
  | 'role_not_allowed'
  | 'terminal'
  | 'read_only'
  | 'missing_requirement'
  | 'not_found'
  | 'forbidden_field';

export type Outcome<T> = { ok: true; record: T } | { ok: false; code: Refusal; message: string };

type Fields = Record<string, unknown>;

export interface JobLike extends Fields {
  id: string;
  status: JobStatus;
  version: number;
  updatedAt: string;
}

/** Entities whose records, once written, never change: evidence. */
const APPEND_ONLY = new Set(['custodyEvent', 'qcReview']);
/** Job fields that only moves (or the server) change. */
const JOB_GUARDED = ['id', 'number', 'status', 'version', 'createdAt'];

function refuse<T>(code: Refusal, message: string): Outcome<T> {
  return { ok: false, code, message };
}

/** Apply a put (create, or field-by-field update) to `current`. */
export function applyPut(entity: string, current: Fields | undefined, patch: Fields, at: string): Outcome<Fields> {
  if (current === undefined) {
    if (entity === 'job') return { ok: true, record: { ...patch, version: 0, updatedAt: at } };
    return { ok: true, record: { ...patch } };
  }
  if (APPEND_ONLY.has(entity)) {
    return refuse('read_only', `A ${entity} is a record of what happened; it cannot be changed.`);
  }
  if (entity === 'job') {
    const job = current as JobLike;
    if (job.status === 'released') return refuse('read_only', 'This job was released: it can no longer change.');
    const guarded = JOB_GUARDED.filter((field) => field in patch && patch[field] !== current[field]);
    if (guarded.length > 0) {
      return refuse('forbidden_field', `These fields change only through a status move: ${guarded.join(', ')}.`);
    }
    return { ok: true, record: { ...current, ...patch, updatedAt: at } };
  }
  return { ok: true, record: { ...current, ...patch } };
}

export interface MoveRequest {
  to: JobStatus;
  holdReason?: HoldReason;
  /** A QC decision, required for approve and reject. */
  review?: { decision: 'approve' | 'reject'; reasons: readonly string[] };
}

/** Apply a guarded status move made on `baseVersion` by someone with `role`. */
export function applyMove(job: JobLike | undefined, move: MoveRequest, baseVersion: number | undefined, role: Role, at: string): Outcome<JobLike> {
  if (!job) return refuse('not_found', 'This job is not known.');
  if (baseVersion !== job.version) {
    return refuse('stale', `This job changed since you saw it: it is now "${job.status}".`);
  }
  const check = canMove(job.status, move.to, role);
  if (!check.ok) {
    const messages = {
      terminal: `This job is ${job.status}: no further moves.`,
      no_such_move: `A job cannot go from ${job.status} to ${move.to}.`,
      role_not_allowed: `A ${role} cannot move a job from ${job.status} to ${move.to}.`,
    } as const;
    return refuse(check.reason, messages[check.reason]);
  }
  if (check.requires === 'hold_reason' && !move.holdReason) {
    return refuse('missing_requirement', 'Putting a job on hold needs a reason.');
  }
  if (check.action === 'approve' && move.review?.decision !== 'approve') {
    return refuse('missing_requirement', 'Approving needs the QC review.');
  }
  if (check.action === 'reject' && (move.review?.decision !== 'reject' || move.review.reasons.length === 0)) {
    return refuse('missing_requirement', 'Sending a job to rework needs at least one reason.');
  }
  const next: JobLike = { ...job, status: move.to, version: job.version + 1, updatedAt: at };
  if (move.to === 'on_hold') next.holdReason = move.holdReason;
  else delete next.holdReason;
  return { ok: true, record: next };
}
