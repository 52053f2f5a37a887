import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { JobSheet } from '../components/print/JobSheet';
import { RollLabels, SheetLabels, A4_GRID, rollPageSize } from '../components/print/PrintViews';
import { ReleaseSlip } from '../components/print/ReleaseSlip';
import { usePageRule } from '../components/print/use-page-rule';
import { releaseToBench } from '../db/intake-repo';
import { PRINT_KINDS, type PrintKind } from '../domain/intake-vocabulary';
import { tagPayload } from '../domain/tag';
import { actorOf, useCurrentPerson } from '../hooks/use-current-person';
import { useJobCustodyEvents } from '../hooks/use-front-office';
import { useJobByNumber } from '../hooks/use-jobs';
import { useJobPhotos } from '../hooks/use-photos';
import { useT } from '../i18n/i18n';
import '../styles/front-office.css';
import '../styles/print.css';

const PAGE_RULES: Record<PrintKind, (number: string) => string> = {
  label62: (number) => `@page { size: ${rollPageSize(number)}; margin: 0; }`,
  labelA4: () => '@page { size: A4; margin: 0; }',
  sheet: () => '@page { size: A4; margin: 12mm; }',
  release: () => '@page { size: A4; margin: 12mm; }',
};

function withoutClientRef<J extends { clientRef?: string }>(job: J): J {
  const { clientRef: _clientRef, ...rest } = job;
  return rest as J;
}

function clampInt(text: string | null, min: number, max: number, fallback: number): number {
  const value = Number(text);
  return Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

/**
 * Tags and documents of one job, laid out in millimetres for the printer: the 62 mm roll label,
 * an A4 sheet of labels, the A4 job sheet, the release slip. Outside the app's layout, so what
 * is on screen is what prints; the toolbar never prints.
 */
export default function PrintPage() {
  const { number = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t } = useT();
  const job = useJobByNumber(number);
  const photos = useJobPhotos(job?.id ?? '');
  const custody = useJobCustodyEvents(job?.id);
  const person = useCurrentPerson();
  const [benchMessage, setBenchMessage] = useState<string | null>(null);

  const kind: PrintKind = (PRINT_KINDS as readonly string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as PrintKind) : 'label62';
  const count = clampInt(params.get('count'), 1, 99, 1);
  const skip = clampInt(params.get('skip'), 0, A4_GRID.perSheet - 1, 0);
  const isNew = params.get('new') === '1';
  const photosFailed = clampInt(params.get('photosFailed'), 0, 999, 0);
  const setParam = (key: string, value: string) => setParams((p) => { p.set(key, value); return p; }, { replace: true });
  usePageRule(PAGE_RULES[kind](job?.number ?? number));

  if (job === undefined) return <div className="loading" aria-busy="true" />;
  if (job === null) {
    return (
      <main className="print-screen">
        <h1>{t('labels.title', { number })}</h1>
        <p role="alert">{t('labels.notFound')}</p>
        <Link className="button" to="/">{t('job.back')}</Link>
      </main>
    );
  }
  const payload = tagPayload(window.location.origin, job.number);
  const frontOffice = person && (person.role === 'intake' || person.role === 'manager');
  const ready = photos !== undefined && custody !== undefined;

  async function sendToBench() {
    if (!job || !person) return;
    const outcome = await releaseToBench(job, actorOf(person));
    setBenchMessage(outcome.ok ? t('labels.releasedToBench') : outcome.message);
  }

  return (
    <main className="print-screen" data-kind={kind} data-ready={ready}>
      <div className="print-toolbar no-print">
        <h1>{t('labels.title', { number: job.number })}</h1>
        {isNew && <p className="message message-info" role="status">{t('labels.newJob', { number: job.number })}</p>}
        {photosFailed > 0 && <p className="message message-error" role="alert">{t('intake.photosFailed', { count: photosFailed })}</p>}
        <nav aria-label={t('labels.kindsLabel')} className="print-kinds">
          {PRINT_KINDS.filter((k) => k !== 'release' || job.status === 'completed' || job.status === 'released').map((k) => (
            <Link key={k} className="button" aria-current={k === kind ? 'page' : undefined} to={`?kind=${k}${isNew ? '&new=1' : ''}`} replace>
              {t(`labels.kinds.${k}`)}
            </Link>
          ))}
        </nav>
        <div className="button-row">
          {(kind === 'label62' || kind === 'labelA4') && (
            <label className="inline-field">
              {t('labels.count')}
              <input className="input input-short" type="number" min={1} max={99} value={count} onChange={(e) => setParam('count', e.currentTarget.value)} />
            </label>
          )}
          {kind === 'labelA4' && (
            <label className="inline-field">
              {t('labels.skip')}
              <input className="input input-short" type="number" min={0} max={A4_GRID.perSheet - 1} value={skip} onChange={(e) => setParam('skip', e.currentTarget.value)} />
            </label>
          )}
          <button type="button" className="button button-primary button-large" onClick={() => window.print()}>{t('labels.print')}</button>
          {frontOffice && job.status === 'intake' && (
            <button type="button" className="button button-large" onClick={() => void sendToBench()}>{t('labels.releaseToBench')}</button>
          )}
          <Link className="button button-large" to={`/desk/${job.number}`}>{t('labels.back')}</Link>
          {isNew && <Link className="button button-large" to="/intake/new">{t('labels.anotherIntake')}</Link>}
        </div>
        {benchMessage && <p className="message message-info" role="status">{benchMessage}</p>}
      </div>

      <div className="print-area">
        {kind === 'label62' && <RollLabels payload={payload} number={job.number} count={count} />}
        {kind === 'labelA4' && <SheetLabels payload={payload} number={job.number} count={count} skip={skip} />}
        {kind === 'sheet' && <JobSheet job={job} payload={payload} photos={photos ?? []} />}
        {/* The client reference is for intake and managers only (a jeweler may be working at this tablet). */}
        {kind === 'release' && <ReleaseSlip job={frontOffice ? job : withoutClientRef(job)} payload={payload} photos={photos ?? []} custody={custody ?? []} />}
      </div>
    </main>
  );
}
