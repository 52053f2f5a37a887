import { Link, useParams } from 'react-router';
import { CustodyTimeline } from '../components/job/CustodyTimeline';
import { JobSummary } from '../components/job/JobSummary';
import { ReconcilePanel } from '../components/release/ReconcilePanel';
import { ReleasePanel } from '../components/release/ReleasePanel';
import { AssignJeweler } from '../components/review/AssignJeweler';
import { LatestQcReview } from '../components/review/LatestQcReview';
import { JobWhereabouts } from '../components/vendor/JobWhereabouts';
import { VendorPanel } from '../components/vendor/VendorPanel';
import { releaseToBench } from '../db/intake-repo';
import { actorOf, useCurrentPerson } from '../hooks/use-current-person';
import { useJobByNumber } from '../hooks/use-jobs';
import { useT } from '../i18n/i18n';
import '../styles/front-office.css';

const FRONT_OFFICE = new Set(['manager', 'intake']);

/**
 * One job as the front office sees it (intake desk, manager): where it is, its tag and sheet,
 * vendors, who works on it, and at the end reconciliation and release. The bench has JobPage.
 */
export default function JobDeskPage() {
  const { number = '' } = useParams();
  const { t } = useT();
  const job = useJobByNumber(number);
  const person = useCurrentPerson() ?? null;

  if (job === undefined) return <div className="loading" aria-busy="true" />;
  if (job === null) {
    return (
      <section className="page" aria-labelledby="desk-title">
        <h1 id="desk-title">{t('board.desk.title', { number })}</h1>
        <p role="alert">{t('board.desk.notFound')}</p>
        <Link className="button" to="/board">{t('board.title')}</Link>
      </section>
    );
  }
  const frontOffice = person !== null && FRONT_OFFICE.has(person.role);

  return (
    <section className="page page-desk" aria-labelledby="desk-title">
      <div className="job-head">
        <h1 id="desk-title">{t('board.desk.title', { number: job.number })}</h1>
        <span className={`chip chip-large chip-${job.status}`}>{t(`statuses.${job.status}`)}</span>
        <JobWhereabouts jobId={job.id} />
      </div>
      {job.status === 'released' && <p className="message message-info">{t('board.desk.readOnly')}</p>}
      {frontOffice && job.clientRef && (
        <p>{t('board.desk.clientRef')}: <strong>{job.clientRef}</strong></p>
      )}
      <nav className="button-row" aria-label={t('board.desk.print')}>
        <Link className="button button-large" to={`/print/${job.number}?kind=label62`}>{t('board.desk.printTag')}</Link>
        <Link className="button button-large" to={`/print/${job.number}?kind=sheet`}>{t('board.desk.printSheet')}</Link>
        {job.status === 'awaiting_qc' && <Link className="button button-large button-primary" to={`/review/${job.number}`}>{t('board.desk.toReview')}</Link>}
        <Link className="button button-large" to={`/job/${job.number}`}>{t('board.desk.toBench')}</Link>
        {frontOffice && job.status === 'intake' && (
          <button type="button" className="button button-large button-primary" onClick={() => void releaseToBench(job, actorOf(person))}>
            {t('board.desk.releaseToBench')}
          </button>
        )}
      </nav>

      <div className="desk-grid">
        <JobSummary job={job} />
        <div>
          <section className="card" aria-labelledby="desk-jeweler">
            <h2 id="desk-jeweler">{t('board.desk.assignee')}</h2>
            <AssignJeweler job={job} person={person} />
          </section>
          <VendorPanel job={job} person={person} />
        </div>
      </div>
      <LatestQcReview jobId={job.id} />
      {(job.status === 'completed' || job.status === 'released') && (
        <>
          <ReconcilePanel job={job} person={person} />
          <ReleasePanel job={job} person={person} />
        </>
      )}
      <CustodyTimeline jobId={job.id} />
    </section>
  );
}
