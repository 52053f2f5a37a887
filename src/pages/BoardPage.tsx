import { useId, useState } from 'react';
import { Link } from 'react-router';
import { AssignJeweler } from '../components/review/AssignJeweler';
import { JobWhereabouts } from '../components/vendor/JobWhereabouts';
import { boardColumns, isJobOverdue, type BoardFilters } from '../domain/board';
import { localIsoDate } from '../domain/promised-date';
import { SERVICE_TYPES, type ServiceType } from '../domain/vocabulary';
import { useCurrentPerson } from '../hooks/use-current-person';
import { useBoardJobs, useCustodyByJob } from '../hooks/use-front-office';
import { useActivePeople, usePeopleById } from '../hooks/use-people';
import { formatDate, useT } from '../i18n/i18n';
import '../styles/front-office.css';

const ASSIGNABLE = new Set(['queued', 'in_progress', 'on_hold', 'rework']);

/** The jobs on this device by status (released and cancelled ones when asked), filtered by jeweler, service or lateness; jobs are assigned from here. */
export default function BoardPage() {
  const { t, language } = useT();
  const [filters, setFilters] = useState<BoardFilters>({});
  const jobs = useBoardJobs(filters.includeClosed ?? false);
  const person = useCurrentPerson() ?? null;
  const people = useActivePeople();
  const byId = usePeopleById();
  const ids = { jeweler: useId(), service: useId() };
  const today = localIsoDate(new Date());
  const jewelers = (people ?? []).filter((p) => p.role === 'jeweler');
  const columns = jobs === undefined ? [] : boardColumns(jobs, filters, today);
  // Where each card's piece is: the custody events of the cards shown, not the whole log.
  const custody = useCustodyByJob(columns.flatMap((column) => column.jobs.map((job) => job.id)));

  if (jobs === undefined) return <div className="loading" aria-busy="true" />;
  const set = (patch: Partial<BoardFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <section className="page page-board" aria-labelledby="board-title">
      <h1 id="board-title">{t('board.title')}</h1>
      <fieldset className="card board-filters">
        <legend>{t('board.filters')}</legend>
        <div className="field">
          <label htmlFor={ids.jeweler} className="field-label">{t('board.jeweler')}</label>
          <select id={ids.jeweler} className="input" value={filters.assignee ?? ''} onChange={(e) => set({ assignee: e.currentTarget.value || undefined })}>
            <option value="">{t('board.everyone')}</option>
            <option value="unassigned">{t('board.unassigned')}</option>
            {jewelers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.service} className="field-label">{t('board.service')}</label>
          <select id={ids.service} className="input" value={filters.service ?? ''} onChange={(e) => set({ service: (e.currentTarget.value || undefined) as ServiceType | undefined })}>
            <option value="">{t('board.allServices')}</option>
            {SERVICE_TYPES.map((s) => <option key={s} value={s}>{t(`services.${s}`)}</option>)}
          </select>
        </div>
        <label className="choice">
          <input type="checkbox" checked={filters.overdueOnly ?? false} onChange={(e) => set({ overdueOnly: e.currentTarget.checked })} />
          <span>{t('board.overdueOnly')}</span>
        </label>
        <label className="choice">
          <input type="checkbox" checked={filters.includeClosed ?? false} onChange={(e) => set({ includeClosed: e.currentTarget.checked })} />
          <span>{t('board.includeClosed')}</span>
        </label>
      </fieldset>

      <div className="board">
        {columns.map(({ status, jobs: list }) => (
          <section key={status} className="board-column" aria-labelledby={`col-${status}`} data-status={status}>
            <h2 id={`col-${status}`}>
              <span className={`chip chip-${status}`}>{t('board.column', { status: t(`statuses.${status}`), count: list.length })}</span>
            </h2>
            {list.length === 0 ? (
              <p className="muted">{t('board.empty')}</p>
            ) : (
              <ul className="board-cards">
                {list.map((job) => (
                  <li key={job.id} className="board-card">
                    <Link className="job-number" to={status === 'awaiting_qc' ? `/review/${job.number}` : `/desk/${job.number}`}>{job.number}</Link>
                    <span>{t(`categories.${job.piece.category}`)}{job.piece.model ? ` · ${job.piece.model}` : ''}</span>
                    <span className="muted">{job.services.map((s) => t(`services.${s}`)).join(', ')}</span>
                    {job.promisedDate && (
                      <span>
                        {t('board.promised', { date: formatDate(job.promisedDate, language) })}{' '}
                        {isJobOverdue(job, today) && <strong className="chip chip-overdue">{t('job.overdue')}</strong>}
                      </span>
                    )}
                    {ASSIGNABLE.has(job.status) ? (
                      <AssignJeweler job={job} person={person} compact />
                    ) : (
                      job.assigneeId && <span>{byId.get(job.assigneeId)?.name}</span>
                    )}
                    <JobWhereabouts jobId={job.id} events={custody?.get(job.id) ?? []} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
