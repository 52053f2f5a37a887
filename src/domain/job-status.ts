// The job state machine: which status can follow which, and who may make each move.
// One table, read by the bench buttons (movesFrom), the local write path and the server
// (canMove), so the tablet never offers a move the server would refuse.
import type { JobStatus, Role } from './vocabulary';

export const JOB_ACTIONS = [
  'release_to_bench',
  'start_work',
  'put_on_hold',
  'resume',
  'submit_for_qc',
  'approve',
  'reject',
  'release',
  'cancel',
] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

/** What a move needs besides the role: a hold reason, or QC reject reason codes. */
export type MoveRequirement = 'hold_reason' | 'reject_reasons';

export interface Transition {
  readonly from: JobStatus;
  readonly to: JobStatus;
  readonly action: JobAction;
  readonly roles: readonly Role[];
  readonly requires?: MoveRequirement;
}

// Role groups. A manager can do every bench move (covering for an absent jeweler) plus the
// sign-offs. Intake faces the client: it puts the piece on the bench, pauses a queued job while
// the client decides, hands the piece back. Admin manages the system, not pieces: it may only
// cancel a job still at intake (a duplicate or mistaken entry), never sign QC or release.
const BENCH = ['jeweler', 'manager'] as const satisfies readonly Role[];
const MANAGER = ['manager'] as const satisfies readonly Role[];
const CLIENT_FACING = ['manager', 'intake'] as const satisfies readonly Role[];

export const TRANSITIONS: readonly Transition[] = [
  { from: 'intake', to: 'queued', action: 'release_to_bench', roles: CLIENT_FACING },

  { from: 'queued', to: 'in_progress', action: 'start_work', roles: BENCH },
  { from: 'rework', to: 'in_progress', action: 'start_work', roles: BENCH },

  // Intake may hold a job only before work starts (client approval, quote); once the piece is
  // on a bench, pausing it is the bench's call.
  { from: 'queued', to: 'on_hold', action: 'put_on_hold', roles: ['jeweler', 'manager', 'intake'], requires: 'hold_reason' },
  { from: 'in_progress', to: 'on_hold', action: 'put_on_hold', roles: BENCH, requires: 'hold_reason' },
  { from: 'rework', to: 'on_hold', action: 'put_on_hold', roles: BENCH, requires: 'hold_reason' },

  // Back to the queue is what intake needs when the client approves; straight back to the
  // bench is a bench move.
  { from: 'on_hold', to: 'queued', action: 'resume', roles: ['jeweler', 'manager', 'intake'] },
  { from: 'on_hold', to: 'in_progress', action: 'resume', roles: BENCH },

  { from: 'in_progress', to: 'awaiting_qc', action: 'submit_for_qc', roles: BENCH },

  // QC sign-off: the manager only (a jeweler must not approve their own work).
  { from: 'awaiting_qc', to: 'completed', action: 'approve', roles: MANAGER },
  { from: 'awaiting_qc', to: 'rework', action: 'reject', roles: MANAGER, requires: 'reject_reasons' },

  { from: 'completed', to: 'released', action: 'release', roles: CLIENT_FACING },

  { from: 'intake', to: 'cancelled', action: 'cancel', roles: ['manager', 'intake', 'admin'] },
  { from: 'queued', to: 'cancelled', action: 'cancel', roles: MANAGER },
  { from: 'on_hold', to: 'cancelled', action: 'cancel', roles: MANAGER },
];

/** No move leaves these: the piece is back with the client, or the job never happened. */
export const TERMINAL_STATUSES = ['released', 'cancelled'] as const satisfies readonly JobStatus[];

export type MoveRefusal = 'no_such_move' | 'role_not_allowed' | 'terminal';

export type MoveCheck =
  | { readonly ok: true; readonly action: JobAction; readonly requires?: MoveRequirement }
  | { readonly ok: false; readonly reason: MoveRefusal };

export function isTerminal(status: JobStatus): boolean {
  return (TERMINAL_STATUSES as readonly JobStatus[]).includes(status);
}

/**
 * A released job is the record of what was handed back to the client, so nothing on it may
 * change any more. (A cancelled job is terminal too, but may still get notes about returning
 * the piece, so it is not read-only.)
 */
export function isReadOnly(status: JobStatus): boolean {
  return status === 'released';
}

/** May `role` move a job from `from` to `to`? Refusals are typed so the UI can explain them. */
export function canMove(from: JobStatus, to: JobStatus, role: Role): MoveCheck {
  if (isTerminal(from)) return { ok: false, reason: 'terminal' };
  const transition = TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!transition) return { ok: false, reason: 'no_such_move' };
  if (!transition.roles.includes(role)) return { ok: false, reason: 'role_not_allowed' };
  return transition.requires
    ? { ok: true, action: transition.action, requires: transition.requires }
    : { ok: true, action: transition.action };
}

/** The moves `role` may make from `status`, in table order: the buttons to show. */
export function movesFrom(status: JobStatus, role: Role): readonly Transition[] {
  return TRANSITIONS.filter((t) => t.from === status && t.roles.includes(role));
}

