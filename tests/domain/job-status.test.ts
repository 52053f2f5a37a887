import { describe, it, expect } from 'vitest';
import {
  TRANSITIONS,
  canMove,
  isReadOnly,
  isTerminal,
  movesFrom,
  type JobAction,
  type MoveRefusal,
} from '../../src/domain/job-status';
import { JOB_STATUSES, ROLES, type JobStatus, type Role } from '../../src/domain/vocabulary';

type Allowed = [Role, JobStatus, JobStatus, JobAction];

// Written out by hand (not derived from TRANSITIONS) so a change to the table must be made
// twice, on purpose.
const ALLOWED: Allowed[] = [
  ['jeweler', 'queued', 'in_progress', 'start_work'],
  ['jeweler', 'rework', 'in_progress', 'start_work'],
  ['jeweler', 'queued', 'on_hold', 'put_on_hold'],
  ['jeweler', 'in_progress', 'on_hold', 'put_on_hold'],
  ['jeweler', 'rework', 'on_hold', 'put_on_hold'],
  ['jeweler', 'on_hold', 'queued', 'resume'],
  ['jeweler', 'on_hold', 'in_progress', 'resume'],
  ['jeweler', 'in_progress', 'awaiting_qc', 'submit_for_qc'],

  ['manager', 'intake', 'queued', 'release_to_bench'],
  ['manager', 'queued', 'in_progress', 'start_work'],
  ['manager', 'rework', 'in_progress', 'start_work'],
  ['manager', 'queued', 'on_hold', 'put_on_hold'],
  ['manager', 'in_progress', 'on_hold', 'put_on_hold'],
  ['manager', 'rework', 'on_hold', 'put_on_hold'],
  ['manager', 'on_hold', 'queued', 'resume'],
  ['manager', 'on_hold', 'in_progress', 'resume'],
  ['manager', 'in_progress', 'awaiting_qc', 'submit_for_qc'],
  ['manager', 'awaiting_qc', 'completed', 'approve'],
  ['manager', 'awaiting_qc', 'rework', 'reject'],
  ['manager', 'completed', 'released', 'release'],
  ['manager', 'intake', 'cancelled', 'cancel'],
  ['manager', 'queued', 'cancelled', 'cancel'],
  ['manager', 'on_hold', 'cancelled', 'cancel'],

  ['intake', 'intake', 'queued', 'release_to_bench'],
  ['intake', 'queued', 'on_hold', 'put_on_hold'],
  ['intake', 'on_hold', 'queued', 'resume'],
  ['intake', 'completed', 'released', 'release'],
  ['intake', 'intake', 'cancelled', 'cancel'],

  ['admin', 'intake', 'cancelled', 'cancel'],
];

const REFUSED: [Role, JobStatus, JobStatus, MoveRefusal][] = [
  // QC sign-off and release are not the bench's, nor intake's, nor admin's.
  ['jeweler', 'awaiting_qc', 'completed', 'role_not_allowed'],
  ['jeweler', 'awaiting_qc', 'rework', 'role_not_allowed'],
  ['jeweler', 'completed', 'released', 'role_not_allowed'],
  ['jeweler', 'intake', 'queued', 'role_not_allowed'],
  ['jeweler', 'intake', 'cancelled', 'role_not_allowed'],
  ['intake', 'awaiting_qc', 'completed', 'role_not_allowed'],
  ['intake', 'awaiting_qc', 'rework', 'role_not_allowed'],
  ['intake', 'queued', 'in_progress', 'role_not_allowed'],
  ['intake', 'in_progress', 'on_hold', 'role_not_allowed'],
  ['intake', 'on_hold', 'in_progress', 'role_not_allowed'],
  ['intake', 'queued', 'cancelled', 'role_not_allowed'],
  ['admin', 'awaiting_qc', 'completed', 'role_not_allowed'],
  ['admin', 'awaiting_qc', 'rework', 'role_not_allowed'],
  ['admin', 'completed', 'released', 'role_not_allowed'],
  ['admin', 'intake', 'queued', 'role_not_allowed'],
  ['admin', 'queued', 'cancelled', 'role_not_allowed'],
  // Moves that do not exist for anyone.
  ['manager', 'intake', 'in_progress', 'no_such_move'],
  ['manager', 'in_progress', 'completed', 'no_such_move'],
  ['manager', 'awaiting_qc', 'released', 'no_such_move'],
  ['manager', 'in_progress', 'cancelled', 'no_such_move'],
  ['manager', 'awaiting_qc', 'cancelled', 'no_such_move'],
  ['manager', 'completed', 'cancelled', 'no_such_move'],
  ['manager', 'completed', 'rework', 'no_such_move'],
  ['manager', 'queued', 'queued', 'no_such_move'],
  ['jeweler', 'in_progress', 'in_progress', 'no_such_move'],
  // Nothing leaves a terminal status, not even for a manager.
  ['manager', 'released', 'completed', 'terminal'],
  ['manager', 'released', 'queued', 'terminal'],
  ['manager', 'cancelled', 'intake', 'terminal'],
  ['manager', 'cancelled', 'queued', 'terminal'],
  ['admin', 'cancelled', 'intake', 'terminal'],
  ['jeweler', 'released', 'rework', 'terminal'],
];

describe('canMove: allowed moves', () => {
  it.each(ALLOWED)('%s may move %s → %s (%s)', (role, from, to, action) => {
    expect(canMove(from, to, role)).toMatchObject({ ok: true, action });
  });
});

describe('canMove: refused moves', () => {
  it.each(REFUSED)('%s may not move %s → %s: %s', (role, from, to, reason) => {
    expect(canMove(from, to, role)).toEqual({ ok: false, reason });
  });
});

describe('canMove: reasons a move needs', () => {
  it.each([
    ['queued', 'on_hold', 'hold_reason'],
    ['in_progress', 'on_hold', 'hold_reason'],
    ['rework', 'on_hold', 'hold_reason'],
    ['awaiting_qc', 'rework', 'reject_reasons'],
    ['awaiting_qc', 'completed', undefined],
    ['queued', 'in_progress', undefined],
  ] as const)('%s → %s requires %s', (from, to, requires) => {
    const check = canMove(from, to, 'manager');
    expect(check.ok && check.requires).toBe(requires ?? undefined);
  });
});

describe('the table', () => {
  const cells = JOB_STATUSES.flatMap((from) => JOB_STATUSES.flatMap((to) => ROLES.map((role) => [from, to, role] as const)));

  it('canMove agrees with TRANSITIONS on every status × status × role', () => {
    expect(cells).toHaveLength(9 * 9 * 4);
    for (const [from, to, role] of cells) {
      const entry = TRANSITIONS.find((t) => t.from === from && t.to === to);
      const check = canMove(from, to, role);
      const expected = isTerminal(from)
        ? { ok: false, reason: 'terminal' }
        : !entry
          ? { ok: false, reason: 'no_such_move' }
          : entry.roles.includes(role)
            ? { ok: true, action: entry.action }
            : { ok: false, reason: 'role_not_allowed' };
      expect(check, `${role} ${from} → ${to}`).toMatchObject(expected);
    }
  });

  it('allows exactly the hand-written ALLOWED list', () => {
    const allowed = cells.filter(([from, to, role]) => canMove(from, to, role).ok).map(([from, to, role]) => `${role} ${from}→${to}`);
    expect(allowed.sort()).toEqual(ALLOWED.map(([role, from, to]) => `${role} ${from}→${to}`).sort());
  });

  it('has at most one action per (from, to) pair', () => {
    const pairs = TRANSITIONS.map((t) => `${t.from}→${t.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('never leaves a terminal status and never loops onto the same status', () => {
    for (const t of TRANSITIONS) {
      expect(isTerminal(t.from)).toBe(false);
      expect(t.from).not.toBe(t.to);
      expect(t.roles.length).toBeGreaterThan(0);
    }
  });

  it('reaches every status from intake', () => {
    const seen = new Set<JobStatus>(['intake']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of TRANSITIONS) {
        if (seen.has(t.from) && !seen.has(t.to)) {
          seen.add(t.to);
          grew = true;
        }
      }
    }
    expect([...seen].sort()).toEqual([...JOB_STATUSES].sort());
  });

  it('gives QC sign-off and release to no jeweler and QC sign-off to no intake or admin', () => {
    const roles = (action: JobAction) => TRANSITIONS.filter((t) => t.action === action).flatMap((t) => t.roles);
    expect(roles('approve')).toEqual(['manager']);
    expect(roles('reject')).toEqual(['manager']);
    expect(roles('release')).not.toContain('jeweler');
    expect(roles('release')).not.toContain('admin');
  });
});

describe('movesFrom: the buttons to show', () => {
  it.each([
    ['in_progress', 'jeweler', ['on_hold', 'awaiting_qc']],
    ['awaiting_qc', 'jeweler', []],
    ['awaiting_qc', 'manager', ['completed', 'rework']],
    ['intake', 'intake', ['queued', 'cancelled']],
    ['intake', 'admin', ['cancelled']],
    ['queued', 'intake', ['on_hold']],
    ['on_hold', 'manager', ['queued', 'in_progress', 'cancelled']],
    ['on_hold', 'intake', ['queued']],
    ['completed', 'intake', ['released']],
    ['completed', 'jeweler', []],
    ['released', 'manager', []],
    ['cancelled', 'manager', []],
  ] as const)('from %s for %s → %j', (status, role, targets) => {
    expect(movesFrom(status, role).map((t) => t.to)).toEqual(targets);
  });

  it('offers exactly the moves canMove allows', () => {
    for (const status of JOB_STATUSES) {
      for (const role of ROLES) {
        const offered = movesFrom(status, role).map((t) => t.to);
        const allowed = JOB_STATUSES.filter((to) => canMove(status, to, role).ok);
        expect(offered.sort(), `${role} from ${status}`).toEqual(allowed.sort());
      }
    }
  });
});

describe('isTerminal / isReadOnly', () => {
  it.each(JOB_STATUSES.map((s) => [s, s === 'released' || s === 'cancelled', s === 'released'] as const))(
    '%s: terminal %s, read-only %s',
    (status, terminal, readOnly) => {
      expect(isTerminal(status)).toBe(terminal);
      expect(isReadOnly(status)).toBe(readOnly);
    },
  );
});
