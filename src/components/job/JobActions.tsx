import { useState } from 'react';
import { moveFromBench, type BenchMoveResult } from '../../db/job-actions';
import type { Job, Person } from '../../db/records';
import { jobNumbers } from '../../db/time-repo';
import { movesFrom, type Transition } from '../../domain/job-status';
import type { HoldReason } from '../../domain/vocabulary';
import { actorOf } from '../../hooks/use-current-person';
import { useT } from '../../i18n/i18n';
import { HoldReasonPicker } from './HoldReasonPicker';
import { QcRefusal } from './QcRefusal';

// QC sign-off and handing the piece back have their own screens (review, release).
const NOT_AT_THE_BENCH = ['approve', 'reject', 'release'];

function moveKey(move: Transition): string {
  if (move.action === 'resume') return move.to === 'in_progress' ? 'resume_work' : 'back_to_queue';
  if (move.action === 'start_work' && move.from === 'rework') return 'start_rework';
  return move.action;
}

/** The state machine's buttons for this person's role, and what came of pressing one. */
export function JobActions({ job, person }: { job: Job; person: Person }) {
  const { t } = useT();
  const [asking, setAsking] = useState<'hold' | 'cancel' | null>(null);
  const [result, setResult] = useState<BenchMoveResult | null>(null);
  const [paused, setPaused] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const moves = movesFrom(job.status, person.role).filter((m) => !NOT_AT_THE_BENCH.includes(m.action));

  async function run(move: Transition, holdReason?: HoldReason) {
    setBusy(true);
    setAsking(null);
    try {
      const outcome = await moveFromBench(job, move.to, actorOf(person), { holdReason });
      setResult(outcome);
      setPaused(outcome.ok ? await jobNumbers(outcome.pausedJobIds) : []);
    } finally {
      setBusy(false);
    }
  }

  function press(move: Transition) {
    setResult(null);
    if (move.requires === 'hold_reason') setAsking('hold');
    else if (move.action === 'cancel') setAsking('cancel');
    else void run(move);
  }

  const hold = moves.find((m) => m.requires === 'hold_reason');
  const cancel = moves.find((m) => m.action === 'cancel');
  return (
    <section className="card job-actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('moves.title')}</h2>
      {moves.length === 0 ? (
        <p className="muted">{t('moves.none', { role: t(`person.roles.${person.role}`) })}</p>
      ) : (
        <div className="button-row">
          {moves.map((move) => (
            <button
              key={`${move.action}-${move.to}`}
              type="button"
              className={`button button-large${move.action === 'cancel' ? ' button-danger' : move.action === 'put_on_hold' ? '' : ' button-primary'}`}
              disabled={busy}
              onClick={() => press(move)}
            >
              {t(`moves.${moveKey(move)}`)}
            </button>
          ))}
        </div>
      )}
      {asking === 'hold' && hold && <HoldReasonPicker onConfirm={(reason) => void run(hold, reason)} onCancel={() => setAsking(null)} />}
      {asking === 'cancel' && cancel && (
        <div className="card confirm" role="group" aria-label={t('moves.confirmCancelTitle')}>
          <p>{t('moves.confirmCancelText')}</p>
          <div className="button-row">
            <button type="button" className="button button-large button-danger" onClick={() => void run(cancel)}>{t('moves.confirmCancel')}</button>
            <button type="button" className="button button-large" onClick={() => setAsking(null)}>{t('moves.back')}</button>
          </div>
        </div>
      )}
      {result && !result.ok && 'qcMissing' in result && <QcRefusal missing={result.qcMissing} />}
      {result && !result.ok && 'refusal' in result && (
        <p className="message message-error" role="alert">
          {t(`moves.refused.${result.refusal.code}`, { status: t(`statuses.${job.status}`) })}
        </p>
      )}
      {result?.ok && paused.length > 0 && (
        <p className="message message-info" role="status">{t('timer.pausedOther', { numbers: paused.join(', '), count: paused.length })}</p>
      )}
    </section>
  );
}
