// The bench timer's writes: the plans come from src/domain/timer.ts, each write is a time entry
// put through the one write path (record + outbox in one transaction).
import { newId } from '../domain/ids';
import { planStart, planStop, planStopJob, runningEntry, type TimerPlan, type TimerWrite } from '../domain/timer';
import type { LoupeDb } from './loupe-db';
import type { TimeEntry } from './records';
import { db as appDb } from './database';
import { putRecord, type Actor } from './local-changes';

export function listJobEntries(jobId: string, db: LoupeDb = appDb): Promise<TimeEntry[]> {
  return db.timeEntries.where('jobId').equals(jobId).toArray();
}

export function listPersonEntries(personId: string, db: LoupeDb = appDb): Promise<TimeEntry[]> {
  return db.timeEntries.where('personId').equals(personId).toArray();
}

async function apply(plan: TimerPlan, actor: Actor, now: string, db: LoupeDb): Promise<TimerPlan> {
  // Closing before opening: if the tab dies in between, the jeweler is paused, never on two jobs.
  for (const write of plan.writes) await applyWrite(write, actor, now, db);
  return plan;
}

async function applyWrite(write: TimerWrite, actor: Actor, now: string, db: LoupeDb): Promise<void> {
  const outcome = write.kind === 'close'
    ? await putRecord('timeEntry', write.entryId, { endedAt: write.endedAt }, actor, { db, at: now })
    : await putRecord('timeEntry', write.entry.id, { ...write.entry }, actor, { db, at: now });
  if (!outcome.ok) throw new Error(outcome.message);
}

/** Start or resume the timer; returns which other jobs of this person it paused. */
export async function startTimer(jobId: string, actor: Actor, db: LoupeDb = appDb): Promise<TimerPlan> {
  const now = new Date().toISOString();
  const entries = await listPersonEntries(actor.personId, db);
  return apply(planStart({ entries, personId: actor.personId, jobId, now, newId }), actor, now, db);
}

/** Pause or finish: ends this person's running stretch on the job. */
export async function stopTimer(jobId: string, actor: Actor, db: LoupeDb = appDb): Promise<TimerPlan> {
  const now = new Date().toISOString();
  const entries = await listPersonEntries(actor.personId, db);
  return apply(planStop({ entries, personId: actor.personId, jobId, now }), actor, now, db);
}

/** Ends everybody's running stretch on a job that leaves the bench. */
export async function stopJobTimers(jobId: string, actor: Actor, db: LoupeDb = appDb): Promise<TimerPlan> {
  const now = new Date().toISOString();
  const entries = await listJobEntries(jobId, db);
  return apply(planStopJob({ entries, jobId, now }), actor, now, db);
}

export interface JobTimerData {
  entries: TimeEntry[];
  /** The job this person's clock runs on, when it is not this one. */
  elsewhere: { jobId: string; number: string | undefined } | null;
}

/** What the timer on a job screen reads, in one live query. */
export async function loadJobTimer(jobId: string, personId: string | null, db: LoupeDb = appDb): Promise<JobTimerData> {
  const entries = await listJobEntries(jobId, db);
  if (!personId) return { entries, elsewhere: null };
  const running = runningEntry(await listPersonEntries(personId, db), personId);
  if (!running || running.jobId === jobId) return { entries, elsewhere: null };
  return { entries, elsewhere: { jobId: running.jobId, number: (await db.jobs.get(running.jobId))?.number } };
}

/** The numbers of the jobs a timer start paused, to say which ones. */
export async function jobNumbers(ids: readonly string[], db: LoupeDb = appDb): Promise<string[]> {
  const jobs = await db.jobs.bulkGet([...ids]);
  return jobs.map((job, i) => job?.number ?? ids[i]!);
}
