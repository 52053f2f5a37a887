import { boardStatuses, type BoardFilters } from '../domain/board';
import type { LoupeDb } from './loupe-db';
import type { Job } from './records';
import { db as appDb } from './database';

/** Find a job by its human number (unique index): the scan path, so one index lookup. */
export function findJobByNumber(number: string, db: LoupeDb = appDb): Promise<Job | undefined> {
  return db.jobs.where('number').equals(number).first();
}

/** Jobs on this tablet, the most recently changed first. */
export function listRecentJobs(limit = 50, db: LoupeDb = appDb): Promise<Job[]> {
  return db.jobs.orderBy('updatedAt').reverse().limit(limit).toArray();
}

/**
 * The jobs the Board's columns can show, through the status index: by default not the released
 * and cancelled ones, which are most of a year's jobs and which it hides.
 */
export function listBoardJobs(filters: Pick<BoardFilters, 'includeClosed'>, db: LoupeDb = appDb): Promise<Job[]> {
  return filters.includeClosed ? db.jobs.toArray() : db.jobs.where('status').anyOf(boardStatuses(filters)).toArray();
}
