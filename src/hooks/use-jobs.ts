import { useLive } from '../db/live';
import { findJobByNumber, listRecentJobs } from '../db/jobs-repo';
import type { Job } from '../db/records';

export function useRecentJobs(): Job[] | undefined {
  return useLive<Job[] | undefined>(() => listRecentJobs(), [], undefined);
}

/** undefined while loading, null when this tablet does not hold the job. */
export function useJobByNumber(number: string): Job | null | undefined {
  return useLive<Job | null | undefined>(async () => (await findJobByNumber(number)) ?? null, [number], undefined);
}
