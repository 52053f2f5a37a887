// The bench timer over time entries. A time entry is one stretch of one jeweler's work on one
// job: started, and ended when paused or finished. The clock itself is never stored: elapsed
// time is always the sum of the stretches, so it survives reloads, crashes and days offline.
//
// The planning functions return the writes to make rather than making them, so the rules
// ("one running job per jeweler") are tested here and the write path just applies the list.

export interface TimeEntryLike {
  readonly id: string;
  readonly jobId: string;
  readonly personId: string;
  readonly startedAt: string;
  readonly endedAt?: string;
}

export type TimerWrite =
  | { readonly kind: 'close'; readonly entryId: string; readonly jobId: string; readonly endedAt: string }
  | { readonly kind: 'open'; readonly entry: TimeEntryLike & { readonly endedAt?: undefined } };

export interface TimerPlan {
  readonly writes: readonly TimerWrite[];
  /** Jobs whose running stretch this plan ends, other than the one acted on: "job A was paused". */
  readonly pausedJobIds: readonly string[];
}

export type TimerState = 'not_started' | 'running' | 'paused';

const NOTHING: TimerPlan = { writes: [], pausedJobIds: [] };

function ms(iso: string): number {
  const value = Date.parse(iso);
  return Number.isFinite(value) ? value : NaN;
}

/** A stretch's length; a running one counts up to `now`; never negative (a clock set back). */
export function entryDurationMs(entry: TimeEntryLike, now: string): number {
  const start = ms(entry.startedAt);
  const end = ms(entry.endedAt ?? now);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return 0;
  return Math.max(0, end - start);
}

/** The running stretches of a person (normally at most one), newest first. */
export function runningEntries(entries: readonly TimeEntryLike[], personId: string): TimeEntryLike[] {
  return entries.filter((e) => e.personId === personId && e.endedAt === undefined).sort((a, b) => ms(b.startedAt) - ms(a.startedAt));
}

/** The stretch a person is working on now, if any. */
export function runningEntry(entries: readonly TimeEntryLike[], personId: string): TimeEntryLike | undefined {
  return runningEntries(entries, personId)[0];
}

/** Total labour on a job, everybody's stretches, running ones up to `now`. */
export function elapsedOnJobMs(entries: readonly TimeEntryLike[], jobId: string, now: string, personId?: string): number {
  return entries
    .filter((e) => e.jobId === jobId && (personId === undefined || e.personId === personId))
    .reduce((sum, e) => sum + entryDurationMs(e, now), 0);
}

/** What the timer shows for this person on this job. */
export function timerState(entries: readonly TimeEntryLike[], jobId: string, personId: string): TimerState {
  const mine = entries.filter((e) => e.jobId === jobId && e.personId === personId);
  if (mine.length === 0) return 'not_started';
  return mine.some((e) => e.endedAt === undefined) ? 'running' : 'paused';
}

// An end before its start (the tablet's clock moved back) would make a negative stretch.
function endAt(entry: TimeEntryLike, now: string): string {
  return ms(now) < ms(entry.startedAt) ? entry.startedAt : now;
}

function close(entry: TimeEntryLike, now: string): TimerWrite {
  return { kind: 'close', entryId: entry.id, jobId: entry.jobId, endedAt: endAt(entry, now) };
}

/**
 * Start (or resume) `personId` on `jobId`. Any stretch of theirs running on another job ends now:
 * a jeweler works on one piece at a time. Starting the job already running changes nothing.
 */
export function planStart(input: { entries: readonly TimeEntryLike[]; personId: string; jobId: string; now: string; newId: () => string }): TimerPlan {
  const running = runningEntries(input.entries, input.personId);
  if (running.length === 1 && running[0]!.jobId === input.jobId) return NOTHING;
  const writes: TimerWrite[] = [];
  const paused: string[] = [];
  let keepRunning = false;
  for (const entry of running) {
    // Keep one stretch already running on this job (the newest); close everything else.
    if (entry.jobId === input.jobId && !keepRunning) {
      keepRunning = true;
      continue;
    }
    writes.push(close(entry, input.now));
    if (entry.jobId !== input.jobId && !paused.includes(entry.jobId)) paused.push(entry.jobId);
  }
  if (!keepRunning) {
    writes.push({ kind: 'open', entry: { id: input.newId(), jobId: input.jobId, personId: input.personId, startedAt: input.now } });
  }
  return { writes, pausedJobIds: paused };
}

/** Pause or finish: end `personId`'s running stretch on `jobId`. Nothing running: nothing to do. */
export function planStop(input: { entries: readonly TimeEntryLike[]; personId: string; jobId: string; now: string }): TimerPlan {
  const writes = runningEntries(input.entries, input.personId)
    .filter((e) => e.jobId === input.jobId)
    .map((e) => close(e, input.now));
  return writes.length === 0 ? NOTHING : { writes, pausedJobIds: [] };
}

/**
 * End every running stretch on a job, whoever runs it: the job leaves the bench (submitted for
 * QC, put on hold, cancelled) and no clock may keep counting on it.
 */
export function planStopJob(input: { entries: readonly TimeEntryLike[]; jobId: string; now: string }): TimerPlan {
  const writes = input.entries.filter((e) => e.jobId === input.jobId && e.endedAt === undefined).map((e) => close(e, input.now));
  return writes.length === 0 ? NOTHING : { writes, pausedJobIds: [] };
}
