import { useId, useState } from 'react';
import type { Job, Person } from '../../db/records';
import { addManagerNote, saveReconciliation } from '../../db/release-repo';
import { allowanceFor, parseReconcileInput, reconcile, stonesIn, type ReconcileResult } from '../../domain/reconciliation';
import { actorOf } from '../../hooks/use-current-person';
import { useTolerances } from '../../hooks/use-front-office';
import { usePeopleById } from '../../hooks/use-people';
import { formatDateTime, formatNumber, useT } from '../../i18n/i18n';

const FRONT_OFFICE = new Set(['manager', 'intake']);

/** Weight out and stone count out against intake, within each service's tolerance; a mismatch needs a manager's note. */
export function ReconcilePanel({ job, person }: { job: Job; person: Person | null }) {
  const { t, language } = useT();
  const tolerances = useTolerances();
  const people = usePeopleById();
  const ids = { weight: useId(), stones: useId(), note: useId() };
  const [weight, setWeight] = useState('');
  const [stones, setStones] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  if (job.status !== 'completed' && job.status !== 'released') {
    return (
      <section className="card reconcile" aria-labelledby="reconcile-title">
        <h2 id="reconcile-title">{t('reconcile.title')}</h2>
        <p className="muted">{t('reconcile.onlyCompleted')}</p>
      </section>
    );
  }
  const grams = (g: number) => formatNumber(g, language, { style: 'unit', unit: 'gram', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const editable = job.status === 'completed' && person !== null && FRONT_OFFICE.has(person.role);
  const isManager = person?.role === 'manager';
  const parsed = parseReconcileInput(weight, stones);
  const check = (weightOutG: number, stoneCountOut: number) =>
    reconcile({ services: job.services, intakeWeightG: job.piece.weightG, intakeStones: job.piece.stones, weightOutG, stoneCountOut }, tolerances);
  const live = parsed.ok ? check(parsed.weightOutG, parsed.stoneCountOut) : undefined;
  const recorded = job.reconciliation ? check(job.reconciliation.weightOutG, job.reconciliation.stoneCountOut) : undefined;
  const allowance = allowanceFor(job.services, tolerances);
  const errors = tried && !parsed.ok ? parsed.errors : {};

  async function record() {
    setTried(true);
    if (!parsed.ok || !live || !person) return;
    const outcome = await saveReconciliation(job, { weightOutG: parsed.weightOutG, stoneCountOut: parsed.stoneCountOut, withinTolerance: live.withinTolerance, managerNote: note }, actorOf(person));
    setMessage(outcome.ok ? null : outcome.message);
    if (outcome.ok) {
      setWeight('');
      setStones('');
      setTried(false);
    }
  }

  async function saveNote() {
    if (!person || !note.trim()) {
      setMessage(t('reconcile.noteRequired'));
      return;
    }
    const outcome = await addManagerNote(job, note, actorOf(person));
    setMessage(outcome.ok ? null : outcome.message);
  }

  return (
    <section className="card reconcile" aria-labelledby="reconcile-title">
      <h2 id="reconcile-title">{t('reconcile.title')}</h2>
      <p>
        {job.piece.weightG !== undefined && t('reconcile.weightIn', { weight: grams(job.piece.weightG) })} · {t('reconcile.stonesIn', { count: stonesIn(job.piece.stones) })}
      </p>
      <p className="muted">
        {t('reconcile.allowed', { services: job.services.map((s) => t(`services.${s}`)).join(', '), loss: `${formatNumber(allowance.lossPct, language)} %`, gain: `${formatNumber(allowance.gainPct, language)} %` })}
      </p>

      {job.reconciliation && recorded && (
        <div className="reconcile-recorded" data-within={job.reconciliation.withinTolerance}>
          <Verdicts result={recorded} grams={grams} />
          <p className={`message ${job.reconciliation.withinTolerance ? 'message-ok' : 'message-error'}`} role="status">
            {job.reconciliation.withinTolerance ? t('reconcile.ok') : t('reconcile.mismatch')}
          </p>
          <p className="muted">{t('reconcile.recorded', { time: formatDateTime(job.reconciliation.recordedAt, language), name: people.get(job.reconciliation.recordedBy)?.name ?? '' })}</p>
          {job.reconciliation.managerNote && (
            <blockquote className="qc-comment">
              <strong>{t('reconcile.notedBy', { name: people.get(job.reconciliation.managerId ?? '')?.name ?? '' })}:</strong> {job.reconciliation.managerNote}
            </blockquote>
          )}
        </div>
      )}

      {editable && (
        <div className="reconcile-form">
          {t('reconcile.intro')}
          <div className="field-row">
            <div className="field field-short">
              <label htmlFor={ids.weight} className="field-label">{t('reconcile.weightOut')}</label>
              <input id={ids.weight} className="input" inputMode="decimal" value={weight} onChange={(e) => setWeight(e.currentTarget.value)} aria-invalid={errors.weightOut ? true : undefined} aria-describedby={errors.weightOut ? `${ids.weight}-e` : undefined} />
              {errors.weightOut && <p className="field-error" id={`${ids.weight}-e`}>{t(`reconcile.errors.${errors.weightOut}`)}</p>}
            </div>
            <div className="field field-short">
              <label htmlFor={ids.stones} className="field-label">{t('reconcile.stonesOut')}</label>
              <input id={ids.stones} className="input" inputMode="numeric" value={stones} onChange={(e) => setStones(e.currentTarget.value)} aria-invalid={errors.stoneCountOut ? true : undefined} aria-describedby={errors.stoneCountOut ? `${ids.stones}-e` : undefined} />
              {errors.stoneCountOut && <p className="field-error" id={`${ids.stones}-e`}>{t(`reconcile.errors.${errors.stoneCountOut}`)}</p>}
            </div>
          </div>
          {live && <Verdicts result={live} grams={grams} />}
          {isManager && ((live && !live.withinTolerance) || (job.reconciliation && !job.reconciliation.withinTolerance)) && (
            <div className="field">
              <label htmlFor={ids.note} className="field-label">{t('reconcile.managerNote')}</label>
              <p className="field-help">{t('reconcile.managerNoteHelp')}</p>
              <textarea id={ids.note} className="input textarea" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            </div>
          )}
          <div className="button-row">
            <button type="button" className="button button-large button-primary" onClick={() => void record()}>{t('reconcile.record')}</button>
            {isManager && job.reconciliation && !job.reconciliation.withinTolerance && !weight && !stones && (
              <button type="button" className="button button-large" onClick={() => void saveNote()}>{t('reconcile.saveNote')}</button>
            )}
          </div>
        </div>
      )}
      {message && <p className="message message-error" role="alert">{message}</p>}
    </section>
  );
}

function Verdicts({ result, grams }: { result: ReconcileResult; grams: (g: number) => string }) {
  const { t } = useT();
  const { weight, stones } = result;
  return (
    <ul className="verdicts">
      <li data-ok={weight.verdict === 'within'}>
        {weight.verdict === 'within' ? '✓' : '⚠'} {t(`reconcile.verdicts.${weight.verdict}`)}
        {weight.deltaG !== undefined && ` · ${t('reconcile.delta', { delta: `${weight.deltaG > 0 ? '+' : ''}${grams(weight.deltaG)}` })} (−${grams(weight.allowedLossG ?? 0)} / +${grams(weight.allowedGainG ?? 0)})`}
      </li>
      <li data-ok={stones.verdict === 'match'}>
        {stones.verdict === 'match' ? '✓' : '⚠'} {t(`reconcile.verdicts.${stones.verdict}`, { expected: stones.expected, out: stones.out })}
      </li>
    </ul>
  );
}
