import type { ReactNode } from 'react';
import type { Job } from '../../db/records';
import { formatDate, formatNumber, useT } from '../../i18n/i18n';

const CLOSED = ['completed', 'released', 'cancelled'];

export function isOverdue(job: Job, today = new Date().toISOString().slice(0, 10)): boolean {
  return job.promisedDate !== undefined && job.promisedDate < today && !CLOSED.includes(job.status);
}

/** What the jeweler needs to know about the piece, readable at arm's length. No client data. */
export function JobSummary({ job }: { job: Job }) {
  const { t, language } = useT();
  const { piece } = job;
  return (
    <section className="card job-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('jobScreen.piece')}</h2>
      <dl className="summary">
        <Row term={t('job.category')}>{t(`categories.${piece.category}`)}{piece.model ? ` · ${piece.model}` : ''}</Row>
        <Row term={t('job.metal')}>{t(`metals.${piece.metal}`)}</Row>
        {piece.weightG !== undefined && (
          <Row term={t('job.weight')}>{formatNumber(piece.weightG, language, { style: 'unit', unit: 'gram', minimumFractionDigits: 2, maximumFractionDigits: 2 })}</Row>
        )}
        {piece.ringSize && (
          <Row term={t('jobScreen.ringSize')}>
            {formatNumber(piece.ringSize.value, language)} ({t(`jobScreen.scales.${piece.ringSize.scale}`)})
          </Row>
        )}
        <Row term={t('job.services')}>{job.services.map((s) => t(`services.${s}`)).join(', ')}</Row>
        <Row term={t('job.priority')}>
          <span className={`chip chip-priority-${job.priority}`}>{t(`priorities.${job.priority}`)}</span>
        </Row>
        {job.promisedDate && (
          <Row term={t('job.promisedDate')}>
            {formatDate(job.promisedDate, language)} {isOverdue(job) && <strong className="chip chip-overdue">{t('job.overdue')}</strong>}
          </Row>
        )}
        {piece.reference && <Row term={t('jobScreen.reference')}>{piece.reference}</Row>}
        {piece.serialNumber && <Row term={t('jobScreen.serialNumber')}>{piece.serialNumber}</Row>}
      </dl>
      <h3 className="subhead">{t('jobScreen.stones')}</h3>
      {piece.stones.length === 0 ? (
        <p className="muted">{t('jobScreen.noStones')}</p>
      ) : (
        <ul className="stone-list">
          {piece.stones.map((stone, i) => (
            <li key={i}>
              <strong>{stone.count} × {stone.type}</strong>
              {stone.sizeOrCarat && ` · ${stone.sizeOrCarat}`}
              {stone.colour && ` · ${stone.colour}`}
              {stone.flag && <span className="chip chip-overdue">{t(`jobScreen.stoneFlags.${stone.flag}`)}</span>}
              {stone.notes && <span className="muted"> — {stone.notes}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
