// The manager's views over all jobs: the QC queue (oldest waiting first) and the board by status
// with its filters. Pure: the screens pass the jobs and time entries they read.
import { JOB_STATUSES, type JobStatus, type ServiceType } from './vocabulary';

export interface BoardJob {
  readonly id: string;
  readonly status: JobStatus;
  readonly services: readonly ServiceType[];
  readonly assigneeId?: string | undefined;
  readonly promisedDate?: string | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const CLOSED: readonly JobStatus[] = ['completed', 'released', 'cancelled'];

/** Promised before `today` and not yet done. */
export function isJobOverdue(job: Pick<BoardJob, 'status' | 'promisedDate'>, today: string): boolean {
  return job.promisedDate !== undefined && job.promisedDate < today && !CLOSED.includes(job.status);
}

export interface BoardFilters {
  /** A person's id, 'unassigned', or undefined for everyone. */
  readonly assignee?: string | undefined;
  readonly service?: ServiceType | undefined;
  readonly overdueOnly?: boolean | undefined;
  /** Show released and cancelled jobs too (they are many and finished). */
  readonly includeClosed?: boolean | undefined;
}

const HIDDEN_BY_DEFAULT: readonly JobStatus[] = ['released', 'cancelled'];

export function matchesFilters(job: BoardJob, filters: BoardFilters, today: string): boolean {
  if (filters.assignee === 'unassigned' ? job.assigneeId !== undefined : filters.assignee !== undefined && job.assigneeId !== filters.assignee) return false;
  if (filters.service !== undefined && !job.services.includes(filters.service)) return false;
  if (filters.overdueOnly && !isJobOverdue(job, today)) return false;
  if (!filters.includeClosed && HIDDEN_BY_DEFAULT.includes(job.status)) return false;
  return true;
}

/** The Board's columns, in the order of the job's life: the statuses it shows. */
export function boardStatuses(filters: Pick<BoardFilters, 'includeClosed'>): JobStatus[] {
  return JOB_STATUSES.filter((s) => filters.includeClosed || !HIDDEN_BY_DEFAULT.includes(s));
}

/** Columns in the order of the job's life; in each, the job promised soonest first, then the oldest. */
export function boardColumns<T extends BoardJob>(jobs: readonly T[], filters: BoardFilters, today: string): { status: JobStatus; jobs: T[] }[] {
  return boardStatuses(filters).map((status) => ({
    status,
    jobs: jobs
      .filter((job) => job.status === status && matchesFilters(job, filters, today))
      .sort((a, b) => (a.promisedDate ?? '9999').localeCompare(b.promisedDate ?? '9999') || a.createdAt.localeCompare(b.createdAt)),
  }));
}

export interface EntryLike {
  readonly jobId: string;
  readonly startedAt: string;
  readonly endedAt?: string | undefined;
}

/**
 * Since when a job has waited for QC. Submitting stops the job's clocks, so the last stretch of
 * work ending is the moment it was submitted; without time entries, its last change.
 */
export function waitingSince(job: Pick<BoardJob, 'id' | 'updatedAt'>, entries: readonly EntryLike[]): string {
  let latest: string | undefined;
  for (const entry of entries) {
    if (entry.jobId !== job.id || !entry.endedAt) continue;
    if (latest === undefined || entry.endedAt > latest) latest = entry.endedAt;
  }
  return latest ?? job.updatedAt;
}

/** The jobs awaiting QC, the one waiting longest first. */
export function qcQueue<T extends BoardJob>(jobs: readonly T[], entries: readonly EntryLike[]): { job: T; since: string }[] {
  return jobs
    .filter((job) => job.status === 'awaiting_qc')
    .map((job) => ({ job, since: waitingSince(job, entries) }))
    .sort((a, b) => a.since.localeCompare(b.since) || a.job.id.localeCompare(b.job.id));
}
