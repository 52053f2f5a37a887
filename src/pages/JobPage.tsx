import { Link, useParams } from 'react-router';
import { useJobByNumber } from '../hooks/use-jobs';
import { formatDate, formatNumber, useT } from '../i18n/i18n';

export default function JobPage() {
  const { number = '' } = useParams();
  const { t, language } = useT();
  const job = useJobByNumber(number);

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

  const today = new Date().toISOString().slice(0, 10);
  const overdue = job.promisedDate !== undefined && job.promisedDate < today && !['completed', 'released', 'cancelled'].includes(job.status);
  return (
    <section className="page page-job" aria-labelledby="job-title">
      <h1 id="job-title">{t('job.title', { number: job.number })}</h1>
      <dl className="summary">
        <div><dt>{t('job.status')}</dt><dd><span className={`chip chip-${job.status}`}>{t(`statuses.${job.status}`)}</span></dd></div>
        <div><dt>{t('job.category')}</dt><dd>{t(`categories.${job.piece.category}`)}</dd></div>
        <div><dt>{t('job.metal')}</dt><dd>{t(`metals.${job.piece.metal}`)}</dd></div>
        {job.piece.weightG !== undefined && (
          <div><dt>{t('job.weight')}</dt><dd>{formatNumber(job.piece.weightG, language, { style: 'unit', unit: 'gram', minimumFractionDigits: 2 })}</dd></div>
        )}
        <div><dt>{t('job.services')}</dt><dd>{job.services.map((s) => t(`services.${s}`)).join(', ')}</dd></div>
        <div><dt>{t('job.priority')}</dt><dd>{t(`priorities.${job.priority}`)}</dd></div>
        {job.promisedDate && (
          <div>
            <dt>{t('job.promisedDate')}</dt>
            <dd>{formatDate(job.promisedDate, language)} {overdue && <strong className="chip chip-overdue">{t('job.overdue')}</strong>}</dd>
          </div>
        )}
      </dl>
      {job.notes && (<><h2>{t('job.notes')}</h2><p className="notes">{job.notes}</p></>)}
      <Link className="button" to="/">{t('job.back')}</Link>
    </section>
  );
}
