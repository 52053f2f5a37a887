import { elapsedOnJobMs } from '../../domain/timer';
import { useJobTimeEntries } from '../../hooks/use-front-office';
import { usePeopleById } from '../../hooks/use-people';
import { useT } from '../../i18n/i18n';
import { formatDuration } from './duration';

/** Time worked on the job: everyone's total, and each person's share. */
export function LabourTime({ jobId }: { jobId: string }) {
  const { t, language } = useT();
  const entries = useJobTimeEntries(jobId);
  const people = usePeopleById();
  if (!entries) return <section className="card" aria-busy="true" />;
  const now = new Date().toISOString();
  const personIds = [...new Set(entries.map((e) => e.personId))];
  return (
    <section className="card labour" aria-labelledby="labour-title">
      <h2 id="labour-title">{t('review.labour')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('review.labourNone')}</p>
      ) : (
        <>
          <p className="labour-total">{t('review.labourTotal', { time: formatDuration(elapsedOnJobMs(entries, jobId, now), language) })}</p>
          <ul className="plain-list">
            {personIds.map((id) => (
              <li key={id}>
                {people.get(id)?.name ?? '—'}: {formatDuration(elapsedOnJobMs(entries, jobId, now, id), language)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
