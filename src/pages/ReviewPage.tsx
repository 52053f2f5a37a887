import { Link, useParams } from 'react-router';
import { CustodyTimeline } from '../components/job/CustodyTimeline';
import { PersonRequired } from '../components/person/PersonRequired';
import { AssignJeweler } from '../components/review/AssignJeweler';
import { ChecklistResults } from '../components/review/ChecklistResults';
import { LabourTime } from '../components/review/LabourTime';
import { LatestQcReview } from '../components/review/LatestQcReview';
import { PhotoPair } from '../components/review/PhotoPair';
import { ReviewDecision } from '../components/review/ReviewDecision';
import { JobWhereabouts } from '../components/vendor/JobWhereabouts';
import { actorOf, useCurrentPerson } from '../hooks/use-current-person';
import { useJobByNumber } from '../hooks/use-jobs';
import { useT } from '../i18n/i18n';
import '../styles/front-office.css';

/**
 * The manager's QC review of one job on the iPad: before and after, the checklist with what is
 * out of tolerance, the labour, where the piece has been, the bench's notes; then the decision.
 */
export default function ReviewPage() {
  const { number = '' } = useParams();
  const { t } = useT();
  const job = useJobByNumber(number);
  const person = useCurrentPerson();

  if (job === undefined || person === undefined) return <div className="loading" aria-busy="true" />;
  if (job === null) {
    return (
      <section className="page" aria-labelledby="review-title">
        <h1 id="review-title">{t('review.title', { number })}</h1>
        <p role="alert">{t('board.desk.notFound')}</p>
        <Link className="button" to="/review">{t('review.backToQueue')}</Link>
      </section>
    );
  }

  return (
    <section className="page page-review" aria-labelledby="review-title">
      <div className="job-head">
        <h1 id="review-title">{t('review.title', { number: job.number })}</h1>
        <span className={`chip chip-large chip-${job.status}`}>{t(`statuses.${job.status}`)}</span>
        <JobWhereabouts jobId={job.id} />
      </div>
      <p className="review-what">
        {t(`categories.${job.piece.category}`)}{job.piece.model ? ` · ${job.piece.model}` : ''} · {t(`metals.${job.piece.metal}`)} — <strong>{job.services.map((s) => t(`services.${s}`)).join(', ')}</strong>
      </p>
      {job.status !== 'awaiting_qc' && <p className="message message-info" role="status">{t('review.notAwaiting', { status: t(`statuses.${job.status}`) })}</p>}

      <PhotoPair job={job} actor={person ? actorOf(person) : null} />

      <div className="review-grid">
        <ChecklistResults job={job} />
        <div className="review-side">
          <section className="card" aria-labelledby="review-jeweler">
            <h2 id="review-jeweler">{t('review.jeweler')}</h2>
            <AssignJeweler job={job} person={person} />
          </section>
          <LabourTime jobId={job.id} />
          <section className="card" aria-labelledby="review-notes">
            <h2 id="review-notes">{t('review.notes')}</h2>
            {job.notes ? <p className="notes">{job.notes}</p> : <p className="muted">{t('review.noNotes')}</p>}
          </section>
        </div>
      </div>

      <LatestQcReview jobId={job.id} />
      {person === null ? <PersonRequired /> : <ReviewDecision job={job} person={person} />}
      <CustodyTimeline jobId={job.id} />
      <div className="button-row">
        <Link className="button button-large" to="/review">{t('review.backToQueue')}</Link>
        <Link className="button button-large" to={`/desk/${job.number}`}>{t('board.desk.title', { number: job.number })}</Link>
      </div>
    </section>
  );
}
