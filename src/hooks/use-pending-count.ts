import { useLive } from '../db/live';
import { countPending } from '../db/outbox-repo';

/** Local changes not yet acknowledged by the server; 0 while the count is loading. */
export function usePendingCount(): number {
  return useLive(() => countPending(), [], 0);
}
