import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PersonRequired } from '../components/person/PersonRequired';
import { ScanMessage } from '../components/scan/ScanMessage';
import { useCurrentPerson } from '../hooks/use-current-person';
import { useRecentJobs } from '../hooks/use-jobs';
import { useKeyboardWedge } from '../hooks/use-keyboard-wedge';
import { useOpenCode, type OpenOutcome } from '../hooks/use-open-code';
import { formatDate, useT } from '../i18n/i18n';
import { markBenchReady } from '../lib/perf-marks';

export default function BenchHomePage() {
  const { t, language } = useT();
  const jobs = useRecentJobs();
  const person = useCurrentPerson();
  const openCode = useOpenCode();
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<OpenOutcome | null>(null);
  // A code scanned before anybody said who is working: opened as soon as someone does.
  const [pending, setPending] = useState<string | null>(null);

  async function open(raw: string) {
    const result = await openCode(raw);
    setPending(result.kind === 'no_person' ? raw : null);
    setOutcome(result);
  }

  const loaded = jobs !== undefined && person !== undefined;
  useEffect(() => {
    if (loaded) markBenchReady();
  }, [loaded]);

  // A handheld scanner types without any field focused.
  useKeyboardWedge((scanned) => void open(scanned));

  function submit(event: FormEvent) {
    event.preventDefault();
    void open(code);
  }

  return (
    <section className="page page-bench" aria-labelledby="bench-title">
      <h1 id="bench-title">{t('bench.title')}</h1>
      {person === null && (
        <PersonRequired onPicked={() => pending !== null && void open(pending)} />
      )}
      <form className="scan-form" onSubmit={submit}>
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
        <div className="scan-actions">
          <Link className="button button-large" to="/scan">{t('scan.useCamera')}</Link>
          <span className="muted">{t('scan.handheldHint')}</span>
        </div>
        <ScanMessage outcome={outcome} />
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
