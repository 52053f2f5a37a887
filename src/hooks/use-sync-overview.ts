import { useLive } from '../db/live';
import { db } from '../db/database';
import { listPending } from '../db/outbox-repo';
import { getRefusals, type Refusal } from '../db/sync-repo';
import type { OutboxRecord } from '../db/records';

export interface SyncOverview {
  pending: OutboxRecord[];
  refusals: Refusal[];
}

/** What the sync screen lists: changes waiting and changes the server refused. */
export function useSyncOverview(): SyncOverview | undefined {
  return useLive<SyncOverview | undefined>(
    async () => ({ pending: await listPending(), refusals: await getRefusals(db) }),
    [],
    undefined,
  );
}
