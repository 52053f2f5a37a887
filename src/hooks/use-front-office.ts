// What the front-office screens read (intake, print, review, board, release), live from the
// device database: each hook re-renders when what it read changes, here or through a sync.
import { useEffect } from 'react';
import { useLive } from '../db/live';
import { getDeviceId } from '../db/device-repo';
import { db } from '../db/database';
import { custodyByJob, listJobCustody } from '../db/custody-log';
import { peekDevicePrefix } from '../db/job-number-repo';
import { listBoardJobs } from '../db/jobs-repo';
import { listJobReviews } from '../db/review-repo';
import { listJobEntries } from '../db/time-repo';
import type { CustodyEvent, Job, QcReview, TimeEntry } from '../db/records';
import { qcQueue } from '../domain/board';
import { localIsoDate } from '../domain/promised-date';
import { whereIs, type Whereabouts } from '../domain/custody';
import { withTolerances, type Tolerances } from '../domain/reconciliation';
import { useSetting } from './use-setting';

/** The prefix of job numbers made on this device (its id is made first if it has none yet). */
export function useDevicePrefix(): string | undefined {
  useEffect(() => {
    void getDeviceId();
  }, []);
  return useLive<string | undefined>(() => peekDevicePrefix(), [], undefined);
}

/** The jobs the Board can show with these filters (released and cancelled ones only when asked); undefined while loading. */
export function useBoardJobs(includeClosed: boolean): Job[] | undefined {
  return useLive<Job[] | undefined>(() => listBoardJobs({ includeClosed }), [includeClosed], undefined);
}

/** The QC queue, the job waiting longest first, with since when it waits. */
export function useQcQueue(): { job: Job; since: string }[] | undefined {
  return useLive<{ job: Job; since: string }[] | undefined>(
    async () => {
      const jobs = await db.jobs.where('status').equals('awaiting_qc').toArray();
      const entries = jobs.length === 0 ? [] : await db.timeEntries.where('jobId').anyOf(jobs.map((j) => j.id)).toArray();
      return qcQueue(jobs, entries);
    },
    [],
    undefined,
  );
}

export function useJobReviews(jobId: string | undefined): QcReview[] | undefined {
  return useLive<QcReview[] | undefined>(() => (jobId ? listJobReviews(jobId) : []), [jobId], undefined);
}

export function useJobTimeEntries(jobId: string | undefined): TimeEntry[] | undefined {
  return useLive<TimeEntry[] | undefined>(() => (jobId ? listJobEntries(jobId) : []), [jobId], undefined);
}

export function useJobCustodyEvents(jobId: string | undefined): CustodyEvent[] | undefined {
  return useLive<CustodyEvent[] | undefined>(() => (jobId ? listJobCustody(jobId) : []), [jobId], undefined);
}

/** Where the piece is now; undefined while loading. */
export function useWhereabouts(jobId: string | undefined, today = localIsoDate(new Date())): Whereabouts | undefined {
  const events = useJobCustodyEvents(jobId);
  return events === undefined ? undefined : whereIs(events, today);
}

/** The custody events of the jobs a screen shows (the board), by job id; undefined while loading. */
export function useCustodyByJob(jobIds: readonly string[]): Map<string, CustodyEvent[]> | undefined {
  // Read again when the jobs shown change, not for each new array of the same ids.
  return useLive<Map<string, CustodyEvent[]> | undefined>(() => custodyByJob(jobIds), [jobIds.join(' ')], undefined);
}

export const TOLERANCES_SETTING = 'workshop.weightTolerances';

/** The weight tolerances per service: the defaults, with this workshop's valid overrides. */
export function useTolerances(): Tolerances {
  const [stored] = useSetting<unknown>(TOLERANCES_SETTING, null);
  return withTolerances(stored);
}
