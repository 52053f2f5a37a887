import { useLive } from '../db/live';
import { listCustody } from '../db/custody-repo';
import type { CustodyEvent } from '../db/records';

/** A job's custody events, the latest first; undefined while loading. */
export function useCustody(jobId: string): CustodyEvent[] | undefined {
  return useLive<CustodyEvent[] | undefined>(() => listCustody(jobId), [jobId], undefined);
}
