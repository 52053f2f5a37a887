import { useLive } from '../db/live';
import { loadJobTimer, type JobTimerData } from '../db/time-repo';
import { elapsedOnJobMs, timerState, type TimerState } from '../domain/timer';
import { useNow } from './use-now';

export interface JobTimer {
  state: TimerState;
  /** This person's time on the job, ms. */
  mineMs: number;
  /** Everybody's time on the job, ms. */
  totalMs: number;
  /** The job this person's clock runs on elsewhere, if any (it pauses when this one starts). */
  runningElsewhere: JobTimerData['elsewhere'];
}

/** The timer of `personId` on `jobId`, ticking every second while it runs. */
export function useJobTimer(jobId: string, personId: string | null): JobTimer | undefined {
  const data = useLive<JobTimerData | undefined>(() => loadJobTimer(jobId, personId), [jobId, personId], undefined);
  const anyRunning = data?.entries.some((e) => e.endedAt === undefined) ?? false;
  const now = useNow(anyRunning);
  if (!data) return undefined;
  return {
    state: personId ? timerState(data.entries, jobId, personId) : 'not_started',
    mineMs: personId ? elapsedOnJobMs(data.entries, jobId, now, personId) : 0,
    totalMs: elapsedOnJobMs(data.entries, jobId, now),
    runningElsewhere: data.elsewhere,
  };
}
