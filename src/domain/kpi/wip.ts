// Work in progress as it stands now (whatever the period): by status, by age, overdue, idle.
import { daysBetween, localDate } from './calendar';
import { count, type Figure } from './figures';
import { OPEN_STATUSES, type JobFacts, type OpenStatus } from './job-facts';

const DAY_MS = 86_400_000;

export const AGE_BUCKETS = ['0-3', '4-7', '8-14', '15+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** Which age bucket a job in its `days`-th calendar day since intake falls in (intake day: 0). */
export function ageBucket(days: number): AgeBucket {
  if (days <= 3) return '0-3';
  if (days <= 7) return '4-7';
  if (days <= 14) return '8-14';
  return '15+';
}

export interface Wip {
  total: Figure;
  byStatus: Record<OpenStatus, Figure>;
  byAge: Record<AgeBucket, Figure>;
  /** Open jobs whose promised date is before today (local). */
  overdue: Figure;
  /** Open jobs with no custody event nor labour (nor intake) for at least idleDays × 24 h. */
  idle: Figure;
  idleDays: number;
}

export function wip(facts: readonly JobFacts[], nowMs: number, timeZone: string, idleDays: number): Wip {
  const today = localDate(nowMs, timeZone);
  const all: string[] = [];
  const byStatus = Object.fromEntries(OPEN_STATUSES.map((s) => [s, [] as string[]])) as Record<OpenStatus, string[]>;
  const byAge = { '0-3': [], '4-7': [], '8-14': [], '15+': [] } as Record<AgeBucket, string[]>;
  const overdue: string[] = [];
  const idle: string[] = [];

  for (const job of facts) {
    if (!job.open) continue;
    all.push(job.id);
    byStatus[job.status as OpenStatus].push(job.id);
    const age = Number.isFinite(job.createdMs) ? Math.max(0, daysBetween(localDate(job.createdMs, timeZone), today)) : 0;
    byAge[ageBucket(age)].push(job.id);
    if (job.promisedDate && job.promisedDate < today) overdue.push(job.id);
    if (nowMs - job.lastActivityMs >= idleDays * DAY_MS) idle.push(job.id);
  }

  return {
    total: count(all),
    byStatus: Object.fromEntries(OPEN_STATUSES.map((s) => [s, count(byStatus[s])])) as Record<OpenStatus, Figure>,
    byAge: Object.fromEntries(Object.entries(byAge).map(([k, ids]) => [k, count(ids)])) as Record<AgeBucket, Figure>,
    overdue: count(overdue),
    idle: count(idle),
    idleDays,
  };
}
