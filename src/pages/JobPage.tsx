import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { BenchTimer } from '../components/job/BenchTimer';
import { Checklist } from '../components/job/Checklist';
import { CustodyTimeline } from '../components/job/CustodyTimeline';
import { JobActions } from '../components/job/JobActions';
import { JobNotes } from '../components/job/JobNotes';
import { JobSummary, isOverdue } from '../components/job/JobSummary';
import { PersonRequired } from '../components/person/PersonRequired';
import { JobPhotos } from '../components/photos/JobPhotos';
import { LatestQcReview } from '../components/review/LatestQcReview';
import { actorOf, useCurrentPerson } from '../hooks/use-current-person';
import { useJobByNumber } from '../hooks/use-jobs';
import { useT } from '../i18n/i18n';
import { markJobRendered } from '../lib/perf-marks';

/** The job at the bench: what the piece is, what to do next, the clock, photos, checklist, notes, custody. */
export default function JobPage() {
  const { number = '' } = useParams();
  const { t } = useT();
  const job = useJobByNumber(number);
  const person = useCurrentPerson();
  const shownNumber = job ? job.number : null;
  useEffect(() => {
    if (shownNumber !== null) markJobRendered(shownNumber);
  }, [shownNumber]);

  if (job === undefined) return <div className="loading" aria-busy="true" />;
  if (job === null) {
    return (
      <section className="page" aria-labelledby="job-title">
        <h1 id="job-title">{t('job.title', { number })}</h1>
        <p role="alert">{t('job.notFound')}</p>
        <Link className="button" to="/">{t('job.back')}</Link>
      </section>
    );
  }

  const me = person ?? null;
  return (
    <section className="page page-job" aria-labelledby="job-title">
      <div className="job-head">
        <h1 id="job-title">{t('job.title', { number: job.number })}</h1>
        <span className={`chip chip-large chip-${job.status}`} aria-label={t('jobScreen.statusIs', { status: t(`statuses.${job.status}`) })}>
          {t(`statuses.${job.status}`)}
        </span>
        {job.status === 'on_hold' && job.holdReason && <span className="chip chip-large">{t(`moves.holdReasons.${job.holdReason}`)}</span>}
        {job.priority !== 'standard' && <span className={`chip chip-large chip-priority-${job.priority}`}>{t(`priorities.${job.priority}`)}</span>}
        {isOverdue(job) && <span className="chip chip-large chip-overdue">{t('job.overdue')}</span>}
      </div>

      {person === null ? <PersonRequired /> : person && <JobActions job={job} person={person} />}
      {/* Back from QC: the reasons and the manager's comment are what the rework is about. */}
      <LatestQcReview jobId={job.id} onlyRework />

      <div className="job-grid">
        <JobSummary job={job} />
        <BenchTimer job={job} person={me} />
      </div>

      <JobPhotos job={job} actor={me ? actorOf(me) : null} />
      <Checklist job={job} person={me} />

      <div className="job-grid">
        <JobNotes job={job} person={me} />
        <CustodyTimeline jobId={job.id} />
      </div>
      <Link className="button button-large" to="/">{t('job.back')}</Link>
    </section>
  );
}
