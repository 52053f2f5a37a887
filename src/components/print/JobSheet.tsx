import type { ReactNode } from 'react';
import type { Job, PhotoMeta } from '../../db/records';
import { formatRingSize } from '../../domain/ring-size';
import { formatDate, formatNumber, useT } from '../../i18n/i18n';
import { MarkedPhoto } from '../review/MarkedPhoto';
import { QrCode } from './QrCode';

/** The A4 job sheet that travels in the envelope: what the piece is and what to do. No client data. */
export function JobSheet({ job, payload, photos }: { job: Job; payload: string; photos: PhotoMeta[] }) {
  const { t, language } = useT();
  const { piece } = job;
  const grams = (g: number) => formatNumber(g, language, { style: 'unit', unit: 'gram', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const intakePhotos = photos.filter((p) => p.stage === 'intake' || p.stage === 'hallmark');
  return (
    <article className="print-page a4-document job-sheet">
      <header className="doc-head">
        <div>
          <p className="doc-kind">{t('labels.sheetTitle')}</p>
          <h2 className="doc-number">{job.number}</h2>
          <p>{t('labels.intakeAt', { date: formatDate(job.createdAt, language) })} · {t(`priorities.${job.priority}`)}</p>
          {job.promisedDate && <p><strong>{t('labels.promised')} {formatDate(job.promisedDate, language)}</strong></p>}
        </div>
        <QrCode payload={payload} sizeMm={42} label={t('labels.qrAlt', { number: job.number })} />
      </header>

      <Section title={t('labels.pieceSection')}>
        <dl className="doc-facts">
          <Fact term={t('intake.category')}>{t(`categories.${piece.category}`)}{piece.model ? ` · ${piece.model}` : ''}</Fact>
          <Fact term={t('intake.metal')}>{t(`metals.${piece.metal}`)}</Fact>
          {piece.reference && <Fact term={t('intake.reference')}>{piece.reference}</Fact>}
          {piece.serialNumber && <Fact term={t('intake.serialNumber')}>{piece.serialNumber}</Fact>}
          {piece.weightG !== undefined && <Fact term={t('labels.weightIn')}>{grams(piece.weightG)}</Fact>}
          {piece.ringSize && <Fact term={t('intake.ringSize')}>{formatRingSize(piece.ringSize.value, piece.ringSize.scale)} ({t(`jobScreen.scales.${piece.ringSize.scale}`)})</Fact>}
        </dl>
      </Section>

      <Section title={t('labels.servicesSection')}>
        <p className="doc-services">{job.services.map((s) => t(`services.${s}`)).join(' · ')}</p>
      </Section>

      <Section title={t('labels.stonesSection')}>
        {piece.stones.length === 0 ? (
          <p>{t('intake.noStones')}</p>
        ) : (
          <table className="doc-table">
            <thead>
              <tr>
                {(['type', 'count', 'size', 'colour', 'flag', 'notes'] as const).map((c) => <th key={c} scope="col">{t(`labels.stoneCols.${c}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {piece.stones.map((stone, i) => (
                <tr key={i}>
                  <td>{stone.type}</td>
                  <td>{stone.count}</td>
                  <td>{stone.sizeOrCarat}</td>
                  <td>{stone.colour}</td>
                  <td>{stone.flag ? <strong>{t(`intake.stoneFlags.${stone.flag}`)}</strong> : t('intake.stoneFlags.none')}</td>
                  <td>{stone.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      {(job.condition?.codes.length || job.condition?.notes) && (
        <Section title={t('labels.conditionSection')}>
          <p>{job.condition.codes.map((c) => t(`intake.conditions.${c}`)).join(' · ')}</p>
          {job.condition.notes && <p className="doc-notes">{job.condition.notes}</p>}
        </Section>
      )}
      {job.handlingFlags && job.handlingFlags.length > 0 && (
        <Section title={t('labels.handlingSection')}>
          <ul className="doc-warnings">{job.handlingFlags.map((h) => <li key={h}>⚠ {t(`intake.handlingFlags.${h}`)}</li>)}</ul>
        </Section>
      )}
      {job.authorisations && job.authorisations.length > 0 && (
        <Section title={t('labels.authorisationsSection')}>
          <ul>{job.authorisations.map((a) => <li key={a}>{t(`intake.authorisation.${a}`)}</li>)}</ul>
        </Section>
      )}

      <Section title={t('labels.photosSection')}>
        {intakePhotos.length === 0 ? (
          <p>{t('labels.noPhotos')}</p>
        ) : (
          <ul className="doc-photos">
            {intakePhotos.map((photo) => (
              <li key={photo.id}>
                <MarkedPhoto photo={photo} alt={t(`stages.${photo.stage}`)} size="thumb" />
                <span>{t(`stages.${photo.stage}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </article>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="doc-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
