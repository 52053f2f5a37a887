import { Link } from 'react-router';
import { formatDuration } from '../components/review/duration';
import { JobWhereabouts } from '../components/vendor/JobWhereabouts';
import { useQcQueue } from '../hooks/use-front-office';
import { usePeopleById } from '../hooks/use-people';
import { useNow } from '../hooks/use-now';
import { useT } from '../i18n/i18n';
import '../styles/front-office.css';

/** The manager's QC queue on the iPad: every job awaiting QC, the one waiting longest first. */
export default function ReviewQueuePage() {
  const { t, language } = useT();
  const queue = useQcQueue();
  const people = usePeopleById();
  const now = useNow(true, 60_000);

  return (
    <section className="page page-review-queue" aria-labelledby="queue-title">
      <h1 id="queue-title">{t('review.queueTitle')}</h1>
      {queue === undefined ? (
        <div className="loading" aria-busy="true" />
      ) : queue.length === 0 ? (
        <p className="muted">{t('review.queueEmpty')}</p>
      ) : (
        <>
          <p className="muted">{t('review.queueCount', { count: queue.length })}</p>
          <ol className="queue-list">
            {queue.map(({ job, since }) => (
              <li key={job.id}>
                <Link className="queue-card" to={`/review/${job.number}`} aria-label={t('review.open', { number: job.number })}>
                  <span className="job-number">{job.number}</span>
                  <span className="queue-wait" data-long={Date.parse(now) - Date.parse(since) > 86_400_000 || undefined}>
                    {t('review.waiting', { time: formatDuration(Date.parse(now) - Date.parse(since), language) })}
                  </span>
                  <span>{t(`categories.${job.piece.category}`)}{job.piece.model ? ` · ${job.piece.model}` : ''}</span>
                  <span className="queue-services">{job.services.map((s) => t(`services.${s}`)).join(', ')}</span>
                  <span>
                    {t('review.jeweler')}: <strong>{job.assigneeId ? (people.get(job.assigneeId)?.name ?? '—') : t('review.unassigned')}</strong>
                  </span>
                  {job.priority !== 'standard' && <span className={`chip chip-priority-${job.priority}`}>{t(`priorities.${job.priority}`)}</span>}
                </Link>
                <JobWhereabouts jobId={job.id} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
