import type { LoupeDb } from './loupe-db';
import { db as appDb } from './database';

/** How many local changes are waiting to be pushed. */
export function countPending(db: LoupeDb = appDb): Promise<number> {
  return db.outbox.count();
}
