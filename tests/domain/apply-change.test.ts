import { describe, expect, it } from 'vitest';
import { applyMove, applyPut, type JobLike, type MoveRequest } from '../../src/domain/apply-change';
import type { Role } from '../../src/domain/vocabulary';
import { rebase, type PendingChange } from '../../src/domain/rebase';

const AT = '2026-11-25T10:00:00.000Z';
const job = (over: Partial<JobLike> = {}): JobLike => ({ id: 'j1', number: 'NY1-26-000001-X', status: 'queued', version: 3, updatedAt: '2026-11-24T10:00:00.000Z', notes: 'a', priority: 'standard', ...over });

describe('applyPut', () => {
  it.each([
    ['creates a job at version 0', 'job', undefined, { id: 'j1', status: 'intake' }, { ok: true, record: { id: 'j1', status: 'intake', version: 0, updatedAt: AT } }],
    ['merges job fields one by one', 'job', job(), { notes: 'b' }, { ok: true, record: { ...job(), notes: 'b', updatedAt: AT } }],
    ['keeps fields the patch does not name', 'job', job({ priority: 'vip' }), { notes: 'b' }, { ok: true, record: { ...job({ priority: 'vip' }), notes: 'b', updatedAt: AT } }],
    ['accepts a guarded field sent unchanged', 'job', job(), { status: 'queued', notes: 'c' }, { ok: true, record: { ...job(), notes: 'c', updatedAt: AT } }],
    ['refuses a status change through put', 'job', job(), { status: 'completed' }, { ok: false, code: 'forbidden_field' }],
    ['refuses a version change through put', 'job', job(), { version: 9 }, { ok: false, code: 'forbidden_field' }],
    ['refuses any change to a released job', 'job', job({ status: 'released' }), { notes: 'x' }, { ok: false, code: 'read_only' }],
    ['creates a custody event', 'custodyEvent', undefined, { id: 'c1' }, { ok: true, record: { id: 'c1' } }],
    ['never rewrites a custody event', 'custodyEvent', { id: 'c1', at: 'x' }, { at: 'y' }, { ok: false, code: 'read_only' }],
    ['never rewrites a QC review', 'qcReview', { id: 'q1' }, { comment: 'y' }, { ok: false, code: 'read_only' }],
    ['updates a checklist answer in place', 'checklistAnswer', { id: 'a', value: true }, { value: false, note: 'pit' }, { ok: true, record: { id: 'a', value: false, note: 'pit' } }],
    ['ends a time entry', 'timeEntry', { id: 't', startedAt: 'x' }, { endedAt: 'y' }, { ok: true, record: { id: 't', startedAt: 'x', endedAt: 'y' } }],
  ])('%s', (_name, entity, current, patch, expected) => {
    expect(applyPut(entity, current, patch, AT)).toMatchObject(expected);
  });
});

describe('applyMove', () => {
  const approve: MoveRequest = { to: 'completed', review: { decision: 'approve', reasons: [] } };
  const reject: MoveRequest = { to: 'rework', review: { decision: 'reject', reasons: ['polish_marks'] } };
  it.each<[string, JobLike | undefined, MoveRequest, number | undefined, Role, object]>([
    ['starts work on the version seen', job(), { to: 'in_progress' }, 3, 'jeweler', { ok: true, record: { status: 'in_progress', version: 4, updatedAt: AT } }],
    ['refuses a move made on an older version', job(), { to: 'in_progress' }, 2, 'jeweler', { ok: false, code: 'stale' }],
    ['refuses a move without a version', job(), { to: 'in_progress' }, undefined, 'jeweler', { ok: false, code: 'stale' }],
    ['refuses an unknown job', undefined, { to: 'in_progress' }, 0, 'jeweler', { ok: false, code: 'not_found' }],
    ['refuses a move the machine has not', job(), { to: 'completed' }, 3, 'manager', { ok: false, code: 'no_such_move' }],
    ['refuses a jeweler approving', job({ status: 'awaiting_qc' }), approve, 3, 'jeweler', { ok: false, code: 'role_not_allowed' }],
    ['lets the manager approve with a review', job({ status: 'awaiting_qc' }), approve, 3, 'manager', { ok: true, record: { status: 'completed', version: 4 } }],
    ['refuses approve without a review', job({ status: 'awaiting_qc' }), { to: 'completed' }, 3, 'manager', { ok: false, code: 'missing_requirement' }],
    ['sends to rework with a reason', job({ status: 'awaiting_qc' }), reject, 3, 'manager', { ok: true, record: { status: 'rework' } }],
    ['refuses rework without a reason', job({ status: 'awaiting_qc' }), { to: 'rework', review: { decision: 'reject', reasons: [] } }, 3, 'manager', { ok: false, code: 'missing_requirement' }],
    ['puts on hold with its reason', job({ status: 'in_progress' }), { to: 'on_hold', holdReason: 'awaiting_parts' }, 3, 'jeweler', { ok: true, record: { status: 'on_hold', holdReason: 'awaiting_parts' } }],
    ['refuses a hold without a reason', job({ status: 'in_progress' }), { to: 'on_hold' }, 3, 'jeweler', { ok: false, code: 'missing_requirement' }],
    ['refuses any move of a released job', job({ status: 'released' }), { to: 'queued' }, 3, 'manager', { ok: false, code: 'terminal' }],
  ])('%s', (_name, current, move, base, role, expected) => {
    expect(applyMove(current, move, base, role, AT)).toMatchObject(expected);
  });

  it('clears the hold reason when the job resumes', () => {
    const held = job({ status: 'on_hold', holdReason: 'quote' });
    const outcome = applyMove(held, { to: 'queued' }, 3, 'intake', AT);
    expect(outcome.ok && 'holdReason' in outcome.record).toBe(false);
  });
});

describe('rebase', () => {
  it.each<[string, Record<string, unknown> | undefined, PendingChange[], Record<string, unknown> | undefined]>([
    ['shows the server record when nothing is pending', job(), [], job()],
    ['keeps a pending note over a newer server record', job({ notes: 'server', priority: 'vip' }), [{ op: 'put', patch: { notes: 'mine' }, role: 'jeweler', at: AT }], { ...job({ priority: 'vip' }), notes: 'mine', updatedAt: AT }],
    ['keeps a pending move made on the current version', job(), [{ op: 'move', patch: { to: 'in_progress' }, baseVersion: 3, role: 'jeweler', at: AT }], { ...job(), status: 'in_progress', version: 4, updatedAt: AT }],
    ['drops a pending move that someone else made stale', job({ status: 'on_hold', version: 4 }), [{ op: 'move', patch: { to: 'in_progress' }, baseVersion: 3, role: 'jeweler', at: AT }], job({ status: 'on_hold', version: 4 })],
    ['chains two pending moves', job(), [
      { op: 'move', patch: { to: 'in_progress' }, baseVersion: 3, role: 'jeweler', at: AT },
      { op: 'move', patch: { to: 'awaiting_qc' }, baseVersion: 4, role: 'jeweler', at: AT },
    ], { ...job(), status: 'awaiting_qc', version: 5, updatedAt: AT }],
    ['creates a record the server does not have yet', undefined, [{ op: 'put', patch: { id: 'c1', at: 'x' }, role: 'jeweler', at: AT }], { id: 'c1', at: 'x' }],
    ['leaves nothing when there is no server record and nothing pending', undefined, [], undefined],
  ])('%s', (_name, server, pending, expected) => {
    expect(rebase(server && 'status' in server ? 'job' : 'custodyEvent', server, pending)).toEqual(expected);
  });
});
