// Every number on the KPI screens opens what is behind it: the jobs (or the shifts) it counts,
// in a dialog over the dashboard, each job linking to its own screen.
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Dashboard, Figure, JobFacts, KpiInput, Rate } from '../../domain/kpi';
import { formatDate, formatTime, useT } from '../../i18n/i18n';
import { formatFigure } from './format';

export interface Drill {
  title: string;
  figure: Figure;
  /** What a hit means for this figure ("first pass", "late"); hits are marked in the list. */
  hitLabel?: string;
}

const DrillContext = createContext<(drill: Drill) => void>(() => undefined);

/** Opens the list behind a figure. */
export function useDrill(): (drill: Drill) => void {
  return useContext(DrillContext);
}

export function DrillProvider({ input, dashboard, children }: { input: KpiInput; dashboard: Dashboard; children: ReactNode }) {
  const [drill, setDrill] = useState<Drill | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = useCallback((next: Drill) => {
    opener.current = document.activeElement as HTMLElement | null;
    setDrill(next);
  }, []);
  const close = useCallback(() => {
    setDrill(null);
    opener.current?.focus();
  }, []);
  return (
    <DrillContext.Provider value={open}>
      {children}
      {drill && <DrillDialog drill={drill} input={input} dashboard={dashboard} onClose={close} />}
    </DrillContext.Provider>
  );
}

/** A figure's number as a button that opens its list. */
export function KpiNumber({ text, drill, className }: { text: string; drill: Drill; className?: string }) {
  const open = useDrill();
  return (
    <button type="button" className={`kpi-number ${className ?? ''}`} onClick={() => open(drill)}>
      {text}
    </button>
  );
}

function DrillDialog({ drill, input, dashboard, onClose }: { drill: Drill; input: KpiInput; dashboard: Dashboard; onClose(): void }) {
  const { t, language } = useT();
  const titleId = useId();
  const closeButton = useRef<HTMLButtonElement>(null);
  const facts = useMemo(() => new Map(dashboard.jobs.map((j) => [j.id, j])), [dashboard.jobs]);
  const names = useMemo(() => new Map(input.people.map((p) => [p.id, p.name])), [input.people]);
  const shifts = useMemo(() => new Map(input.attendance.map((s) => [s.id, s])), [input.attendance]);
  const hits = new Set((drill.figure as Partial<Rate>).hitIds ?? []);
  const hitLabel = drill.hitLabel ?? t('kpi.drill.hits.default');

  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const jobs = drill.figure.jobIds.map((id) => facts.get(id)).filter((j): j is JobFacts => j !== undefined).sort((a, b) => a.number.localeCompare(b.number));
  const shiftList = (drill.figure.shiftIds ?? []).map((id) => shifts.get(id)).filter((s) => s !== undefined).sort((a, b) => a.clockIn.localeCompare(b.clockIn));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? t('kpi.jewelers.unknown')) : '—');
  const dateOf = (ms: number) => (Number.isFinite(ms) ? formatDate(new Date(ms), language, 'short') : '—');

  return (
    <div className="kpi-dialog-backdrop" onClick={onClose}>
      <div className="kpi-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onClick={(e) => e.stopPropagation()}>
        <header className="kpi-dialog-header">
          <h2 id={titleId}>{drill.title}</h2>
          <button ref={closeButton} type="button" className="button" onClick={onClose}>{t('kpi.drill.close')}</button>
        </header>
        {jobs.length === 0 && shiftList.length === 0 && <p className="muted">{t('kpi.drill.empty')}</p>}
        {shiftList.length > 0 && (
          <>
            <p className="muted">{t('kpi.drill.shifts', { count: shiftList.length })}</p>
            <table className="kpi-table kpi-drill-table">
              <thead>
                <tr>
                  <th scope="col">{t('kpi.drill.person')}</th>
                  <th scope="col">{t('kpi.drill.date')}</th>
                  <th scope="col">{t('kpi.drill.clockIn')}</th>
                  <th scope="col">{t('kpi.drill.clockOut')}</th>
                  <th scope="col">{t('kpi.drill.hours')}</th>
                  {hits.size > 0 && <th scope="col">{t('kpi.drill.counted')}</th>}
                </tr>
              </thead>
              <tbody>
                {shiftList.map((s) => (
                  <tr key={s.id}>
                    <td>{nameOf(s.personId)}</td>
                    <td>{formatDate(s.clockIn, language, 'short')}</td>
                    <td>{formatTime(s.clockIn, language)}</td>
                    <td>{s.clockOut ? formatTime(s.clockOut, language) : <em>{t('kpi.drill.stillOpen')}</em>}</td>
                    <td>{s.clockOut ? formatFigure((Date.parse(s.clockOut) - Date.parse(s.clockIn)) / 3_600_000, 'hours', language) : '—'}</td>
                    {hits.size > 0 && <td>{hits.has(s.id) ? `✓ ${hitLabel}` : ''}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {jobs.length > 0 && (
          <>
            <p className="muted">{t('kpi.drill.jobs', { count: jobs.length })}</p>
            <table className="kpi-table kpi-drill-table">
              <thead>
                <tr>
                  <th scope="col">{t('kpi.drill.number')}</th>
                  <th scope="col">{t('kpi.drill.status')}</th>
                  <th scope="col">{t('kpi.drill.jeweler')}</th>
                  <th scope="col">{t('kpi.drill.services')}</th>
                  <th scope="col">{t('kpi.drill.completed')}</th>
                  <th scope="col">{t('kpi.drill.leadTime')}</th>
                  <th scope="col">{t('kpi.drill.labour')}</th>
                  <th scope="col">{t('kpi.drill.promised')}</th>
                  {hits.size > 0 && <th scope="col">{t('kpi.drill.counted')}</th>}
                </tr>
              </thead>
              <tbody>
                {jobs.map((job) => (
                  <tr key={job.id}>
                    <td><Link to={`/job/${job.number}`}>{job.number}</Link></td>
                    <td><span className={`chip chip-${job.status}`}>{t(`statuses.${job.status}`)}</span></td>
                    <td>{nameOf(job.jewelerId)}</td>
                    <td>{job.services.map((s) => t(`services.${s}`)).join(', ')}</td>
                    <td>{dateOf(job.completedMs)}</td>
                    <td>{Number.isFinite(job.completedMs) ? formatFigure((job.completedMs - job.createdMs) / 86_400_000, 'days', language) : '—'}</td>
                    <td>{formatFigure(job.labourMs / 3_600_000, 'hours', language)}</td>
                    <td>{job.promisedDate ? formatDate(`${job.promisedDate}T12:00:00Z`, language, 'short') : '—'}</td>
                    {hits.size > 0 && <td>{hits.has(job.id) ? `✓ ${hitLabel}` : ''}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </div>
  );
}
