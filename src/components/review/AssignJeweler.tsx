import { useId, useState } from 'react';
import type { Job, Person } from '../../db/records';
import { assignJob } from '../../db/review-repo';
import { actorOf } from '../../hooks/use-current-person';
import { useActivePeople } from '../../hooks/use-people';
import { useT } from '../../i18n/i18n';

/** The jeweler a job is given to; a manager changes it (assign or reassign). */
export function AssignJeweler({ job, person, compact = false }: { job: Job; person: Person | null; compact?: boolean }) {
  const { t } = useT();
  const id = useId();
  const people = useActivePeople();
  const [message, setMessage] = useState<string | null>(null);
  const jewelers = (people ?? []).filter((p) => p.role === 'jeweler' || p.id === job.assigneeId);
  const editable = person?.role === 'manager' && job.status !== 'released' && job.status !== 'cancelled';

  async function assign(assigneeId: string) {
    if (!person || !assigneeId) return;
    const outcome = await assignJob(job.id, assigneeId, actorOf(person));
    setMessage(outcome.ok ? t('review.assigned', { name: jewelers.find((p) => p.id === assigneeId)?.name ?? '' }) : outcome.message);
  }

  if (!editable) {
    const name = (people ?? []).find((p) => p.id === job.assigneeId)?.name;
    return compact ? <span className="assignee">{name ?? t('review.unassigned')}</span> : <p>{t('review.jeweler')}: {name ?? t('review.unassigned')}</p>;
  }
  return (
    <div className={compact ? 'assign assign-compact' : 'field assign'}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : 'field-label'}>{compact ? `${t('review.assign')} (${job.number})` : t('review.assign')}</label>
      <select id={id} className="input" value={job.assigneeId ?? ''} onChange={(e) => void assign(e.currentTarget.value)}>
        {!job.assigneeId && <option value="">{t('review.assignNobody')}</option>}
        {jewelers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      {message && !compact && <p className="muted" role="status">{message}</p>}
    </div>
  );
}
