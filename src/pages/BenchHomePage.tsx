import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { parseTag } from '../domain/tag';
import { findJobByNumber } from '../db/jobs-repo';
import { useRecentJobs } from '../hooks/use-jobs';
import { formatDate, useT } from '../i18n/i18n';

type Message = { kind: 'error' | 'info'; text: string } | null;

export default function BenchHomePage() {
  const { t, language } = useT();
  const navigate = useNavigate();
  const jobs = useRecentJobs();
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<Message>(null);

  async function open(event: FormEvent) {
    event.preventDefault();
    const result = parseTag(code);
    if (result.kind === 'not_loupe') {
      setMessage({ kind: 'error', text: t('bench.notLoupe', { raw: result.raw }) });
      return;
    }
    if (result.kind === 'damaged') {
      setMessage({ kind: 'error', text: t('bench.damaged') });
      return;
    }
    const job = await findJobByNumber(result.number);
    if (!job) {
      setMessage({ kind: 'info', text: t('bench.notOnTablet', { number: result.number }) });
      return;
    }
    setMessage(null);
    navigate(`/job/${encodeURIComponent(job.number)}`);
  }

  return (
    <section className="page page-bench" aria-labelledby="bench-title">
      <h1 id="bench-title">{t('bench.title')}</h1>
      <form className="scan-form" onSubmit={open}>
        <p className="scan-prompt">{t('bench.scanPrompt')}</p>
        <label htmlFor="job-number" className="field-label">{t('bench.numberLabel')}</label>
        <div className="scan-row">
          <input
            id="job-number"
            className="input input-large"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder={t('bench.numberPlaceholder')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
          <button type="submit" className="button button-primary button-large">{t('bench.open')}</button>
        </div>
        {message && (
          <p className={`message message-${message.kind}`} role="alert">{message.text}</p>
        )}
      </form>

      <h2>{t('bench.jobsOnTablet')}</h2>
      {jobs !== undefined && jobs.length === 0 && <p className="muted">{t('bench.noJobs')}</p>}
      <ul className="job-list">
        {jobs?.map((job) => (
          <li key={job.id}>
            <Link className="job-card" to={`/job/${encodeURIComponent(job.number)}`}>
              <span className="job-number">{job.number}</span>
              <span className={`chip chip-${job.status}`}>{t(`statuses.${job.status}`)}</span>
              <span className="job-services">{job.services.map((s) => t(`services.${s}`)).join(', ')}</span>
              {job.promisedDate && (
                <span className="muted">{t('bench.promised', { date: formatDate(job.promisedDate, language) })}</span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
