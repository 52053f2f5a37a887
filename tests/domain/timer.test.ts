import { describe, expect, it } from 'vitest';
import {
  elapsedOnJobMs,
  entryDurationMs,
  planStart,
  planStop,
  planStopJob,
  runningEntry,
  timerState,
  type TimeEntryLike,
} from '../../src/domain/timer';

const T = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 9, 0) + minutes * 60_000).toISOString();
const MIN = 60_000;
let ids = 0;
const newId = () => `new-${++ids}`;
const entry = (id: string, jobId: string, personId: string, from: number, to?: number): TimeEntryLike =>
  to === undefined ? { id, jobId, personId, startedAt: T(from) } : { id, jobId, personId, startedAt: T(from), endedAt: T(to) };

describe('durations', () => {
  it.each<[string, TimeEntryLike, number]>([
    ['a closed stretch', entry('e', 'A', 'ann', 0, 45), 45 * MIN],
    ['a running stretch counts to now', entry('e', 'A', 'ann', 0), 60 * MIN],
    ['a stretch ending before it started (clock set back) is zero', entry('e', 'A', 'ann', 30, 10), 0],
    ['a stretch with a broken date is zero', { id: 'e', jobId: 'A', personId: 'ann', startedAt: 'yesterday' }, 0],
  ])('%s', (_name, e, expected) => {
    expect(entryDurationMs(e, T(60))).toBe(expected);
  });

  const entries = [
    entry('1', 'A', 'ann', 0, 30), // 30
    entry('2', 'A', 'ann', 40, 50), // 10, after a pause
    entry('3', 'A', 'bob', 0, 20), // 20, someone else
    entry('4', 'B', 'ann', 50), // running on B
    entry('5', 'A', 'ann', 55), // running on A (5 min at T(60))
  ];

  it.each<[string, string, string | undefined, number]>([
    ['everyone on A', 'A', undefined, 65 * MIN],
    ['ann on A, with the pause not counted', 'A', 'ann', 45 * MIN],
    ['bob on A', 'A', 'bob', 20 * MIN],
    ['ann on B, running', 'B', 'ann', 10 * MIN],
    ['nobody on C', 'C', undefined, 0],
  ])('elapsed: %s', (_name, jobId, personId, expected) => {
    expect(elapsedOnJobMs(entries, jobId, T(60), personId)).toBe(expected);
  });

  it('finds the running stretch, the newest when a crash left two', () => {
    expect(runningEntry(entries, 'ann')?.id).toBe('5');
    expect(runningEntry(entries, 'bob')).toBeUndefined();
  });

  it.each<[string, TimeEntryLike[], string, string, string]>([
    ['no entries', [], 'A', 'ann', 'not_started'],
    ['another person’s entries only', [entry('1', 'A', 'bob', 0)], 'A', 'ann', 'not_started'],
    ['a running stretch', [entry('1', 'A', 'ann', 0)], 'A', 'ann', 'running'],
    ['closed stretches only', [entry('1', 'A', 'ann', 0, 5)], 'A', 'ann', 'paused'],
    ['running on another job', [entry('1', 'B', 'ann', 0), entry('2', 'A', 'ann', 0, 5)], 'A', 'ann', 'paused'],
  ])('state: %s', (_name, list, jobId, personId, expected) => {
    expect(timerState(list, jobId, personId)).toBe(expected);
  });
});

describe('planStart', () => {
  it('opens a stretch when nothing runs', () => {
    expect(planStart({ entries: [], personId: 'ann', jobId: 'A', now: T(0), newId: () => 'x' })).toEqual({
      writes: [{ kind: 'open', entry: { id: 'x', jobId: 'A', personId: 'ann', startedAt: T(0) } }],
      pausedJobIds: [],
    });
  });

  it('resumes after a pause with a new stretch', () => {
    const plan = planStart({ entries: [entry('1', 'A', 'ann', 0, 10)], personId: 'ann', jobId: 'A', now: T(20), newId: () => 'y' });
    expect(plan.writes).toEqual([{ kind: 'open', entry: { id: 'y', jobId: 'A', personId: 'ann', startedAt: T(20) } }]);
  });

  it('does nothing when the job is already running', () => {
    expect(planStart({ entries: [entry('1', 'A', 'ann', 0)], personId: 'ann', jobId: 'A', now: T(5), newId })).toEqual({ writes: [], pausedJobIds: [] });
  });

  it('starting job B pauses job A first, and says so', () => {
    const plan = planStart({ entries: [entry('1', 'A', 'ann', 0)], personId: 'ann', jobId: 'B', now: T(30), newId: () => 'z' });
    expect(plan).toEqual({
      writes: [
        { kind: 'close', entryId: '1', jobId: 'A', endedAt: T(30) },
        { kind: 'open', entry: { id: 'z', jobId: 'B', personId: 'ann', startedAt: T(30) } },
      ],
      pausedJobIds: ['A'],
    });
  });

  it('leaves other people’s clocks alone', () => {
    const plan = planStart({ entries: [entry('1', 'A', 'bob', 0)], personId: 'ann', jobId: 'B', now: T(30), newId: () => 'z' });
    expect(plan.pausedJobIds).toEqual([]);
    expect(plan.writes).toHaveLength(1);
  });

  it('repairs two running stretches left by a crash: keeps this job’s, closes the rest', () => {
    const entries = [entry('1', 'A', 'ann', 0), entry('2', 'B', 'ann', 10), entry('3', 'B', 'ann', 5)];
    const plan = planStart({ entries, personId: 'ann', jobId: 'B', now: T(30), newId });
    expect(plan).toEqual({
      writes: [
        { kind: 'close', entryId: '3', jobId: 'B', endedAt: T(30) },
        { kind: 'close', entryId: '1', jobId: 'A', endedAt: T(30) },
      ],
      pausedJobIds: ['A'],
    });
  });

  it('never ends a stretch before it started, whatever the tablet clock says', () => {
    const plan = planStart({ entries: [entry('1', 'A', 'ann', 30)], personId: 'ann', jobId: 'B', now: T(10), newId: () => 'n' });
    expect(plan.writes[0]).toEqual({ kind: 'close', entryId: '1', jobId: 'A', endedAt: T(30) });
  });
});

describe('planStop and planStopJob', () => {
  const entries = [entry('1', 'A', 'ann', 0), entry('2', 'A', 'bob', 5), entry('3', 'B', 'ann', 0, 3)];

  it('pauses this person’s stretch on this job only', () => {
    expect(planStop({ entries, personId: 'ann', jobId: 'A', now: T(20) }).writes).toEqual([{ kind: 'close', entryId: '1', jobId: 'A', endedAt: T(20) }]);
  });

  it('does nothing when nothing runs', () => {
    expect(planStop({ entries, personId: 'ann', jobId: 'B', now: T(20) }).writes).toEqual([]);
  });

  it('a job leaving the bench stops everybody’s clock on it', () => {
    expect(planStopJob({ entries, jobId: 'A', now: T(20) }).writes.map((w) => w.kind === 'close' && w.entryId)).toEqual(['1', '2']);
  });

  it('pause, resume, pause adds up the stretches only', () => {
    const list: TimeEntryLike[] = [];
    const apply = (plan: ReturnType<typeof planStart>) => {
      for (const w of plan.writes) {
        if (w.kind === 'open') list.push(w.entry);
        else list.splice(list.findIndex((e) => e.id === w.entryId), 1, { ...list.find((e) => e.id === w.entryId)!, endedAt: w.endedAt });
      }
    };
    apply(planStart({ entries: list, personId: 'ann', jobId: 'A', now: T(0), newId }));
    apply(planStop({ entries: list, personId: 'ann', jobId: 'A', now: T(25) }));
    apply(planStart({ entries: list, personId: 'ann', jobId: 'A', now: T(40), newId }));
    apply(planStart({ entries: list, personId: 'ann', jobId: 'B', now: T(50), newId }));
    apply(planStop({ entries: list, personId: 'ann', jobId: 'B', now: T(55) }));
    expect(elapsedOnJobMs(list, 'A', T(90))).toBe(35 * MIN);
    expect(elapsedOnJobMs(list, 'B', T(90))).toBe(5 * MIN);
    expect(runningEntry(list, 'ann')).toBeUndefined();
  });
});
