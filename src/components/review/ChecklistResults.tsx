import type { ChecklistAnswerRecord, Job } from '../../db/records';
import { answerKey, type ItemEvaluation } from '../../domain/checklists';
import { useJobChecklist } from '../../hooks/use-job-checklist';
import { formatNumber, useT, type Language } from '../../i18n/i18n';

const FLAGGED = new Set(['failed', 'out_of_tolerance', 'note_missing']);

/** The bench's checklist as QC reads it: every answer, with failures and out-of-tolerance values highlighted. */
export function ChecklistResults({ job }: { job: Job }) {
  const { t, language } = useT();
  const checklist = useJobChecklist(job);
  if (!checklist) return <section className="card" aria-busy="true" />;
  const flagged = checklist.evaluations.filter((e) => FLAGGED.has(e.state)).length;
  return (
    <section className="card checklist-results" aria-labelledby="checklist-results-title">
      <h2 id="checklist-results-title">
        {t('review.checklist')} {flagged > 0 && <span className="chip chip-rework">{flagged} ⚠</span>}
      </h2>
      {checklist.evaluations.length === 0 ? (
        <p className="muted">{t('review.checklistEmpty')}</p>
      ) : (
        <ul className="result-list">
          {checklist.evaluations.map((evaluation) => {
            const { item, state } = evaluation;
            const answer = checklist.answers.get(answerKey(item.templateId, item.key));
            return (
              <li key={`${item.templateId}:${item.key}`} className="result-row" data-state={state} data-flagged={FLAGGED.has(state) || undefined}>
                <span className="result-label">
                  {t(item.label)} <span className="muted">· {t(`services.${item.service}`)}</span>
                </span>
                <span className="result-value">{answerText(evaluation, answer, t, language)}</span>
                <span className={`chip result-state result-${state}`}>{t(`checklist.states.${state}`)}</span>
                {answer?.note && <span className="result-note">{answer.note}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function answerText(evaluation: ItemEvaluation, answer: ChecklistAnswerRecord | undefined, t: (key: string, o?: Record<string, unknown>) => string, language: Language): string {
  const { item } = evaluation;
  const value = answer?.value;
  if (value === undefined || value === null || value === '') return t('review.noAnswer');
  if (item.kind === 'pass_fail') return value === true ? t('checklist.pass') : t('checklist.fail');
  if (item.kind === 'measurement' && typeof value === 'number') {
    const unit = t(`checklist.units.${item.unit}`);
    const read = `${formatNumber(value, language)} ${unit}`;
    return evaluation.target === undefined
      ? read
      : `${read} (${t('review.targetIs', { target: formatNumber(evaluation.target, language), tolerance: formatNumber(item.tolerance ?? 0, language) })})`;
  }
  if (item.kind === 'photo') return t(`checklist.stages.${item.stage}`);
  return String(value);
}
