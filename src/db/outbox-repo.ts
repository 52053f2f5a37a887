import { liveQuery } from 'dexie';
import type { LoupeDb } from './loupe-db';
import { db as appDb } from './database';
import type { OutboxRecord } from './records';

/** How many local changes are waiting to be pushed. */
export function countPending(db: LoupeDb = appDb): Promise<number> {
  return db.outbox.count();
}

/** The changes waiting, oldest first (the sync screen lists them). */
export function listPending(limit = 200, db: LoupeDb = appDb): Promise<OutboxRecord[]> {
  return db.outbox.orderBy('deviceSeq').limit(limit).toArray();
}

/** Calls `onCount` with the outbox size now and after every change to it. Returns the unsubscribe. */
export function watchOutboxCount(db: LoupeDb, onCount: (count: number) => void): () => void {
  const subscription = liveQuery(() => db.outbox.count()).subscribe({ next: onCount, error: () => undefined });
  return () => subscription.unsubscribe();
}
