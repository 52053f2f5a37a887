import { describe, expect, it } from 'vitest';
import { computeDashboard, type Dashboard, type KpiOptions } from '../../../src/domain/kpi/dashboard';
import type { KpiInput } from '../../../src/domain/kpi/job-facts';
import { periodHolding, type Period } from '../../../src/domain/kpi/period';
import { percentile } from '../../../src/domain/kpi/stats';
import { ageBucket } from '../../../src/domain/kpi/wip';
import { EXPECTED, HUGO, INES, JOBS, KPI_FIXTURE, KPI_NOW, KPI_ZONE } from '../../support/kpi-fixture';

const MARCH: Period = { kind: 'month', from: '2026-03-01', to: '2026-03-31' };
const options: KpiOptions = { now: KPI_NOW, timeZone: KPI_ZONE };
const sorted = (ids: readonly string[]) => [...ids].sort();
const EMPTY: KpiInput = { jobs: [], timeEntries: [], qcReviews: [], custodyEvents: [], attendance: [], people: [] };

describe('statistics, as a spreadsheet computes them (PERCENTILE.INC)', () => {
  it.each<[number[], number, number | null]>([
    [[], 0.5, null],
    [[7], 0.5, 7],
    [[7], 0.9, 7],
    [[1, 2, 3, 10], 0.5, 2.5],
    [[10, 3, 2, 1], 0.9, 7.9],
    [[2, 2, 3, 5], 0.9, 4.4],
    [[1, 2, 3, 4, 5], 0.5, 3],
  ])('%j at %d is %d', (values, p, expected) => {
    const result = percentile(values, p);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 10);
  });
});

describe('the hand-computed workshop, March 2026 in Paris', () => {
  const dashboard = computeDashboard(KPI_FIXTURE, MARCH, options);
  const team = dashboard.team.jobs.current;

  it('first-pass yield: of the jobs first reviewed in March, those approved at once and never rejected', () => {
    expect(team.firstPassYield).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
    expect(sorted(team.firstPassYield.jobIds)).toEqual(EXPECTED.team.firstPassYield.jobIds);
    expect(sorted(team.firstPassYield.hitIds)).toEqual(EXPECTED.team.firstPassYield.hitIds);
  });

  it('rework rate: rejections over QC reviews in March, with the rejected jobs behind it', () => {
    expect(team.reworkRate).toMatchObject({ numerator: 2, denominator: 6 });
    expect(team.reworkRate.value).toBeCloseTo(1 / 3, 10);
    expect(sorted(team.reworkRate.hitIds)).toEqual(EXPECTED.team.reworkRate.hitIds);
  });

  it('throughput, labour per job, lead time and on-time rate over the jobs completed in March', () => {
    expect(sorted(team.completed.jobIds)).toEqual(EXPECTED.team.completed);
    expect(team.completedPerWeek.value).toBeCloseTo(EXPECTED.team.completedPerWeek, 10);
    expect(team.labourHours.median).toBeCloseTo(2.5, 10);
    expect(team.labourHours.p90).toBeCloseTo(4.4, 10);
    expect(team.leadTimeDays.median).toBeCloseTo(5.5, 10);
    expect(team.leadTimeDays.p90).toBeCloseTo(9.1, 10);
    expect(team.onTimeRate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(sorted(team.onTimeRate.hitIds)).toEqual(EXPECTED.team.onTimeRate.hitIds);
  });

  it('work in progress now: by status, by age, overdue and idle', () => {
    const { wip } = dashboard.team;
    expect(sorted(wip.total.jobIds)).toEqual(EXPECTED.team.wip.total);
    expect(wip.byStatus.rework.jobIds).toEqual([JOBS.J4.id]);
    expect(wip.byStatus.queued.jobIds).toEqual([JOBS.J5.id]);
    expect(wip.byStatus.awaiting_qc.value).toBe(0);
    for (const [bucket, ids] of Object.entries(EXPECTED.team.wip.age)) expect(sorted(wip.byAge[bucket as '0-3'].jobIds)).toEqual(ids);
    expect(sorted(wip.overdue.jobIds)).toEqual(EXPECTED.team.wip.overdue);
    expect(wip.idle.jobIds).toEqual(EXPECTED.team.wip.idle);
  });

  it('attendance and utilisation for the team', () => {
    const a = dashboard.team.attendance.current;
    expect(a.clockedHours.value).toBeCloseTo(39, 10);
    expect(a.lateStarts).toMatchObject({ numerator: 2, denominator: 5 });
    expect(a.labourHours.value).toBeCloseTo(11, 10);
    expect(a.utilisation.value).toBeCloseTo(11 / 39, 10);
    expect(a.openShifts.value).toBe(1);
    expect(a.hoursPerWeek.value).toBeCloseTo(39 / (31 / 7) / 2, 10);
  });

  it.each([
    ['Inès', INES.id, EXPECTED.ines],
    ['Hugo', HUGO.id, EXPECTED.hugo],
  ])('per jeweler: %s', (_name, personId, expected) => {
    const person = dashboard.jewelers.find((p) => p.personId === personId)!;
    expect(person.jobs.current.firstPassYield).toMatchObject(expected.firstPassYield);
    expect(sorted(person.jobs.current.completed.jobIds)).toEqual(expected.completed);
    expect(person.attendance.current.clockedHours.value).toBeCloseTo(expected.clockedHours, 10);
    expect(person.attendance.current.lateStarts.numerator).toBe(expected.lateStarts);
    expect(person.attendance.current.labourHours.value).toBeCloseTo(expected.labourHours, 10);
    expect(person.attendance.current.utilisation.value).toBeCloseTo(expected.utilisation, 10);
  });

  it('lists jewelers by name, leaving out a manager with nothing credited', () => {
    expect(dashboard.jewelers.map((p) => p.name)).toEqual(['Hugo Martin', 'Inès Moreau']);
  });

  it('per service type: a job with two services counts in both', () => {
    const sizing = dashboard.services.find((s) => s.service === 'sizing')!.jobs.current;
    const polishing = dashboard.services.find((s) => s.service === 'polishing')!.jobs.current;
    expect(sorted(sizing.completed.jobIds)).toEqual(sorted([JOBS.J1.id, JOBS.J3.id]));
    expect(sizing.labourHours.median).toBeCloseTo(2.5, 10);
    expect(polishing.labourHours.median).toBeCloseTo(3, 10);
    expect(polishing.labourHours.p90).toBeCloseTo(4.6, 10);
    expect(dashboard.services.map((s) => s.service)).not.toContain('engraving');
  });

  it('compares with February, where the border-crossing job J8 had its first (rejected) review', () => {
    const feb = dashboard.team.jobs.previous;
    expect(dashboard.previous).toEqual({ kind: 'month', from: '2026-02-01', to: '2026-02-28' });
    expect(feb.firstPassYield).toMatchObject(EXPECTED.previous.firstPassYield);
    expect(feb.reworkRate).toMatchObject(EXPECTED.previous.reworkRate);
    expect(feb.completed.jobIds).toEqual(EXPECTED.previous.completed);
    expect(dashboard.team.attendance.previous.clockedHours.value).toBeCloseTo(8, 10);
  });

  it('charts weekly: the 12 ISO weeks ending with the period, completions in their week', () => {
    expect(dashboard.weeks).toHaveLength(12);
    expect(dashboard.weeks.at(-1)!.label).toBe('2026-W14');
    const byWeek = Object.fromEntries(dashboard.team.weekly.map((p) => [p.week.label, p.completed.value]));
    expect(byWeek['2026-W10']).toBe(3);
    expect(byWeek['2026-W11']).toBe(1);
    expect(byWeek['2026-W06']).toBe(1);
  });
});

/** A tiny input built from rows: just enough records for one case. */
function input(parts: Partial<KpiInput>): KpiInput {
  return { ...EMPTY, ...parts };
}
const aJob = (id: string, createdAt: string, extra: Partial<KpiInput['jobs'][number]> = {}) => ({
  id, number: id, status: 'completed' as const, services: ['sizing' as const], createdAt, ...extra,
});
const review = (jobId: string, decision: 'approve' | 'reject', at: string) => ({ id: `${jobId}-${decision}-${at}`, jobId, decision, at });
const run = (parts: Partial<KpiInput>, period: Period, extra: Partial<KpiOptions> = {}): Dashboard =>
  computeDashboard(input(parts), period, { ...options, ...extra });

describe('edge cases', () => {
  it('no jobs at all: rates are null (shown "—"), counts are 0, nothing throws', () => {
    const d = run({}, MARCH);
    const k = d.team.jobs.current;
    expect(k.firstPassYield.value).toBeNull();
    expect(k.reworkRate.value).toBeNull();
    expect(k.onTimeRate.value).toBeNull();
    expect(k.labourHours).toMatchObject({ count: 0, median: null, p90: null });
    expect(k.completed.value).toBe(0);
    expect(d.team.wip.total.value).toBe(0);
    expect(d.team.attendance.current.utilisation.value).toBeNull();
    expect(d.jewelers).toEqual([]);
  });

  it.each<[string, Array<['approve' | 'reject', string]>, { firstPass: boolean; completedAt: string | null; rejections: number }]>([
    ['approved at once', [['approve', '2026-03-05T10:00:00Z']], { firstPass: true, completedAt: '2026-03-05T10:00:00.000Z', rejections: 0 }],
    ['rejected, reworked, approved', [['reject', '2026-03-05T10:00:00Z'], ['approve', '2026-03-07T10:00:00Z']], { firstPass: false, completedAt: '2026-03-07T10:00:00.000Z', rejections: 1 }],
    ['reopened after approval, then approved again', [['approve', '2026-03-05T10:00:00Z'], ['reject', '2026-03-06T10:00:00Z'], ['approve', '2026-03-09T10:00:00Z']], { firstPass: false, completedAt: '2026-03-09T10:00:00.000Z', rejections: 1 }],
    ['reopened after approval and not yet approved again', [['approve', '2026-03-05T10:00:00Z'], ['reject', '2026-03-06T10:00:00Z']], { firstPass: false, completedAt: null, rejections: 1 }],
    ['approved twice (a retried sign-off): completed at the first', [['approve', '2026-03-05T10:00:00Z'], ['approve', '2026-03-05T10:05:00Z']], { firstPass: true, completedAt: '2026-03-05T10:00:00.000Z', rejections: 0 }],
    ['reviews arriving out of order are read by time', [['approve', '2026-03-09T10:00:00Z'], ['reject', '2026-03-05T10:00:00Z']], { firstPass: false, completedAt: '2026-03-09T10:00:00.000Z', rejections: 1 }],
  ])('QC history: %s', (_name, reviews, expected) => {
    const d = run({ jobs: [aJob('A', '2026-03-02T09:00:00Z')], qcReviews: reviews.map(([decision, at]) => review('A', decision, at)) }, MARCH);
    const facts = d.jobs[0]!;
    expect(facts.firstPass).toBe(expected.firstPass);
    expect(Number.isFinite(facts.completedMs) ? new Date(facts.completedMs).toISOString() : null).toBe(expected.completedAt);
    expect(facts.rejectMs).toHaveLength(expected.rejections);
    expect(d.team.jobs.current.completed.value).toBe(expected.completedAt ? 1 : 0);
  });

  it.each<[string, string, string, 'current' | 'previous' | 'neither']>([
    ['approved 23:30 Paris on the last day of February', '2026-02-28T22:30:00Z', 'Europe/Paris', 'previous'],
    ['approved 00:30 Paris on 1 March (still February in UTC)', '2026-02-28T23:30:00Z', 'Europe/Paris', 'current'],
    ['the same instant in UTC is February', '2026-02-28T23:30:00Z', 'UTC', 'previous'],
    ['approved 23:30 CEST on 31 March', '2026-03-31T21:30:00Z', 'Europe/Paris', 'current'],
    ['approved 00:30 CEST on 1 April', '2026-03-31T22:30:00Z', 'Europe/Paris', 'neither'],
  ])('period borders in the zone: %s', (_name, at, zone, expected) => {
    const d = run({ jobs: [aJob('A', '2026-02-20T09:00:00Z')], qcReviews: [review('A', 'approve', at)] }, MARCH, { timeZone: zone });
    const where = d.team.jobs.current.completed.value ? 'current' : d.team.jobs.previous.completed.value ? 'previous' : 'neither';
    expect(where).toBe(expected);
  });

  it('a job crossing the border: first review (rejected) in one period, completion in the next', () => {
    const d = run({ jobs: [aJob('A', '2026-02-20T09:00:00Z')], qcReviews: [review('A', 'reject', '2026-02-26T09:00:00Z'), review('A', 'approve', '2026-03-02T09:00:00Z')] }, MARCH);
    expect(d.team.jobs.previous.firstPassYield).toMatchObject({ numerator: 0, denominator: 1 });
    expect(d.team.jobs.current.firstPassYield.denominator).toBe(0);
    expect(d.team.jobs.current.completed.value).toBe(1);
    expect(d.team.jobs.current.leadTimeDays.median).toBeCloseTo(10, 10);
  });

  it('on time is judged on the local day of completion against the promised date', () => {
    const jobs = [
      aJob('ontime', '2026-03-01T09:00:00Z', { promisedDate: '2026-03-10' }),
      aJob('late', '2026-03-01T09:00:00Z', { promisedDate: '2026-03-10' }),
    ];
    const d = run({ jobs, qcReviews: [review('ontime', 'approve', '2026-03-10T22:30:00Z'), review('late', 'approve', '2026-03-10T23:30:00Z')] }, MARCH);
    expect(d.team.jobs.current.onTimeRate.hitIds).toEqual(['ontime']);
  });

  it('weekly buckets across the spring change: Monday 00:30 CEST belongs to the new week', () => {
    const week: Period = periodHolding('week', '2026-03-30');
    const d = run({ jobs: [aJob('A', '2026-03-20T09:00:00Z'), aJob('B', '2026-03-20T09:00:00Z')], qcReviews: [review('A', 'approve', '2026-03-29T21:30:00Z'), review('B', 'approve', '2026-03-29T22:30:00Z')] }, week, { now: '2026-04-01T12:00:00Z' });
    const byWeek = Object.fromEntries(d.team.weekly.map((p) => [p.week.label, p.completed.jobIds]));
    expect(byWeek['2026-W13']).toEqual(['A']);
    expect(byWeek['2026-W14']).toEqual(['B']);
    expect(d.team.jobs.current.completed.jobIds).toEqual(['B']);
    expect(d.team.jobs.previous.completed.jobIds).toEqual(['A']);
  });

  it.each<[number, string]>([[0, '0-3'], [3, '0-3'], [4, '4-7'], [7, '4-7'], [8, '8-14'], [14, '8-14'], [15, '15+'], [400, '15+']])('age %d days is in bucket %s', (days, bucket) => {
    expect(ageBucket(days)).toBe(bucket);
  });

  it.each<[number, string[]]>([[5, [JOBS.J4.id]], [7, []], [1, [JOBS.J4.id, JOBS.J5.id].sort()]])('idle after %d days', (idleDays, expected) => {
    const d = computeDashboard(KPI_FIXTURE, MARCH, { ...options, idleDays });
    expect(sorted(d.team.wip.idle.jobIds)).toEqual(expected);
  });

  it('labour credits the jeweler with the most time, else the assignee; running clocks count up to now', () => {
    const jobs = [aJob('A', '2026-03-02T09:00:00Z', { status: 'in_progress', assigneeId: 'zoe' }), aJob('B', '2026-03-02T09:00:00Z', { status: 'queued', assigneeId: 'zoe' })];
    const timeEntries = [
      { id: 't1', jobId: 'A', personId: 'ann', startedAt: '2026-03-12T14:00:00Z' }, // running: 1 h at now
      { id: 't2', jobId: 'A', personId: 'bob', startedAt: '2026-03-11T09:00:00Z', endedAt: '2026-03-11T09:30:00Z' },
      { id: 't3', jobId: 'A', personId: 'bob', startedAt: '2026-03-11T10:00:00Z', endedAt: '2026-03-11T09:00:00Z' }, // backwards: 0
    ];
    const d = run({ jobs, timeEntries }, MARCH);
    const [a, b] = d.jobs;
    expect(a!.jewelerId).toBe('ann');
    expect(a!.labourMs).toBe(90 * 60_000);
    expect(b!.jewelerId).toBe('zoe');
  });
});

describe('attendance rules', () => {
  const shift = (id: string, clockIn: string, clockOut?: string) => ({ id, personId: 'ann', clockIn, ...(clockOut ? { clockOut } : {}) });
  const people = [{ id: 'ann', name: 'Ann', role: 'jeweler' as const, active: true }];

  it.each<[string, string, string, boolean]>([
    ['09:04 in winter, within the grace', '2026-03-27T08:04:00Z', '09:00', false],
    ['09:06 in winter is late', '2026-03-27T08:06:00Z', '09:00', true],
    ['07:06 UTC is 08:06 in winter: early', '2026-03-27T07:06:00Z', '09:00', false],
    ['07:06 UTC is 09:06 in summer: late', '2026-03-30T07:06:00Z', '09:00', true],
    ['08:40 against an 08:30 start is late', '2026-03-27T07:40:00Z', '08:30', true],
  ])('late start: %s', (_name, clockIn, shiftStart, late) => {
    const d = run({ people, attendance: [shift('s', clockIn, '2026-04-01T00:00:00Z')] }, { kind: 'custom', from: '2026-03-20', to: '2026-04-05' }, { shiftStart, now: '2026-04-02T12:00:00Z' });
    expect(d.team.attendance.current.lateStarts.hitIds).toEqual(late ? ['s'] : []);
  });

  it('only the first clock-in of a day can be late (back from lunch is not)', () => {
    const attendance = [shift('am', '2026-03-10T07:55:00Z', '2026-03-10T11:00:00Z'), shift('pm', '2026-03-10T12:00:00Z', '2026-03-10T16:00:00Z')];
    const d = run({ people, attendance }, MARCH);
    expect(d.team.attendance.current.lateStarts).toMatchObject({ numerator: 0, denominator: 1 });
    expect(d.team.attendance.current.clockedHours.value).toBeCloseTo(3.0833 + 4, 3);
  });

  it('a night shift across the spring change counts the hours that really passed', () => {
    const d = run({ people, attendance: [shift('n', '2026-03-28T21:00:00Z', '2026-03-29T05:00:00Z')] }, MARCH, { now: '2026-04-01T00:00:00Z' });
    expect(d.team.attendance.current.clockedHours.value).toBe(8);
  });

  it('a shift crossing the period border counts only its part inside', () => {
    // 22:00 Paris on 31 March → 06:00 on 1 April: two hours in March.
    const d = run({ people, attendance: [shift('n', '2026-03-31T20:00:00Z', '2026-04-01T04:00:00Z')] }, MARCH, { now: '2026-04-02T00:00:00Z' });
    expect(d.team.attendance.current.clockedHours.value).toBe(2);
  });

  it('a forgotten clock-out counts up to now, at most the cap, and is listed as open', () => {
    const d = run({ people, attendance: [shift('open', '2026-03-10T08:00:00Z')] }, MARCH, { openShiftCapHours: 10 });
    expect(d.team.attendance.current.clockedHours.value).toBe(10);
    expect(d.team.attendance.current.openShifts.shiftIds).toEqual(['open']);
  });

  it('utilisation can pass 100 % when labour is logged without clocking in, and is null without a shift', () => {
    const timeEntries = [{ id: 't', jobId: 'J', personId: 'ann', startedAt: '2026-03-10T08:00:00Z', endedAt: '2026-03-10T12:00:00Z' }];
    expect(run({ people, timeEntries }, MARCH).jewelers[0]!.attendance.current.utilisation.value).toBeNull();
    const withShift = run({ people, timeEntries, attendance: [shift('s', '2026-03-10T08:00:00Z', '2026-03-10T10:00:00Z')] }, MARCH);
    expect(withShift.jewelers[0]!.attendance.current.utilisation.value).toBe(2);
  });
});
