import type { Job, Person } from '../../db/records';
import { saveAnswer } from '../../db/checklist-repo';
import { answerKey, type ItemEvaluation } from '../../domain/checklists';
import { actorOf } from '../../hooks/use-current-person';
import { useJobChecklist } from '../../hooks/use-job-checklist';
import { useT } from '../../i18n/i18n';
import { ChecklistItemRow } from './ChecklistItemRow';

/** The job's checklist, one group per service; answers are saved one record per item. */
export function Checklist({ job, person }: { job: Job; person: Person | null }) {
  const { t } = useT();
  const checklist = useJobChecklist(job);
  const editable = person !== null && (person.role === 'jeweler' || person.role === 'manager') && job.status === 'in_progress';
  if (!checklist) return <section className="card" aria-busy="true" />;

  const groups = new Map<string, ItemEvaluation[]>();
  for (const evaluation of checklist.evaluations) {
    const group = groups.get(evaluation.item.templateId) ?? [];
    group.push(evaluation);
    groups.set(evaluation.item.templateId, group);
  }
  const required = checklist.evaluations.filter((e) => e.item.required);
  const done = required.filter((e) => e.state !== 'missing' && e.state !== 'note_missing').length;

  return (
    <section className="card checklist" aria-labelledby="checklist-title">
      <div className="section-head">
        <h2 id="checklist-title">{t('checklist.title')}</h2>
        <span className="checklist-progress" role="status">{t('checklist.progress', { done, total: required.length })}</span>
      </div>
      {!editable && <p className="muted">{t(person ? 'checklist.readOnly' : 'checklist.choosePerson')}</p>}
      {[...groups].map(([templateId, evaluations]) => (
        <section key={templateId} className="checklist-group" aria-label={t(`services.${evaluations[0]!.item.service}`)}>
          <h3>{t(`services.${evaluations[0]!.item.service}`)} <span className="muted version">{t('checklist.version', { version: templateId.split('@')[1] })}</span></h3>
          <ul className="checklist-items">
            {evaluations.map((evaluation) => {
              const key = answerKey(evaluation.item.templateId, evaluation.item.key);
              const answer = checklist.answers.get(key);
              return (
                <ChecklistItemRow
                  key={`${key}:${answer?.answeredAt ?? ''}`}
                  evaluation={evaluation}
                  answer={answer}
                  photos={checklist.photos}
                  editable={editable}
                  onSave={(value) => (person ? saveAnswer(job.id, evaluation.item, value, actorOf(person)) : Promise.resolve())}
                />
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
