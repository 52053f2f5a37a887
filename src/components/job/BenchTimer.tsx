import { useState } from 'react';
import type { Job, Person } from '../../db/records';
import { jobNumbers, startTimer, stopTimer } from '../../db/time-repo';
import { actorOf } from '../../hooks/use-current-person';
import { useJobTimer } from '../../hooks/use-timer';
import { useT } from '../../i18n/i18n';

/** 1:02:03 — hours, minutes, seconds, like a bench clock. */
export function formatClock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

type Notice = { kind: 'paused_other'; numbers: string[] } | { kind: 'finished' } | { kind: 'failed' } | null;

/**
 * Start, pause, resume, finish. Each stretch is a time entry in the device database, so the
 * clock survives a reload or a dead battery; a jeweler's clock runs on one job at a time.
 */
export function BenchTimer({ job, person }: { job: Job; person: Person | null }) {
  const { t } = useT();
  const timer = useJobTimer(job.id, person?.id ?? null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const canRun = person !== null && (person.role === 'jeweler' || person.role === 'manager') && job.status === 'in_progress';

  async function act(action: 'start' | 'pause' | 'finish') {
    if (!person) return;
    setBusy(true);
    try {
      if (action === 'start') {
        const plan = await startTimer(job.id, actorOf(person));
        setNotice(plan.pausedJobIds.length > 0 ? { kind: 'paused_other', numbers: await jobNumbers(plan.pausedJobIds) } : null);
      } else {
        await stopTimer(job.id, actorOf(person));
        setNotice(action === 'finish' ? { kind: 'finished' } : null);
      }
    } catch {
      setNotice({ kind: 'failed' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card bench-timer" aria-labelledby="timer-title" data-state={timer?.state}>
      <h2 id="timer-title">{t('timer.title')}</h2>
      <p className="timer-clock" role="timer" aria-label={t('timer.mine')}>{formatClock(timer?.mineMs ?? 0)}</p>
      <p className="timer-state">
        {timer?.state === 'running' ? t('timer.running') : timer?.state === 'paused' ? t('timer.paused') : t('timer.notStarted')}
      </p>
      <p className="muted">{t('timer.total', { time: formatClock(timer?.totalMs ?? 0) })}</p>
      {canRun && timer?.runningElsewhere && timer.state !== 'running' && (
        <p className="message message-info">{t('timer.runningElsewhere', { number: timer.runningElsewhere.number ?? '' })}</p>
      )}
      {canRun ? (
        <div className="button-row">
          {timer?.state === 'running' ? (
            <>
              <button type="button" className="button button-large" disabled={busy} onClick={() => void act('pause')}>{t('timer.pause')}</button>
              <button type="button" className="button button-large button-primary" disabled={busy} onClick={() => void act('finish')}>{t('timer.finish')}</button>
            </>
          ) : (
            <button type="button" className="button button-large button-primary" disabled={busy || !timer} onClick={() => void act('start')}>
              {timer?.state === 'paused' ? t('timer.resume') : t('timer.start')}
            </button>
          )}
        </div>
      ) : (
        <p className="muted">{person ? t('timer.onlyInProgress') : t('timer.choosePerson')}</p>
      )}
      {notice?.kind === 'paused_other' && (
        <p className="message message-info" role="status">{t('timer.pausedOther', { numbers: notice.numbers.join(', '), count: notice.numbers.length })}</p>
      )}
      {notice?.kind === 'finished' && <p className="message message-info" role="status">{t('timer.finished')}</p>}
      {notice?.kind === 'failed' && <p className="message message-error" role="alert">{t('timer.failed')}</p>}
    </section>
  );
}
