import type { CustodyEvent, Job, PhotoMeta } from '../../db/records';
import { custodyOrder } from '../../domain/custody';
import { stonesIn } from '../../domain/reconciliation';
import { usePeopleById } from '../../hooks/use-people';
import { formatDate, formatNumber, useT } from '../../i18n/i18n';
import { MarkedPhoto } from '../review/MarkedPhoto';
import { Fact, Section } from './JobSheet';
import { QrCode } from './QrCode';

/** The A4 slip handed over with the piece: what was done, the figures, before and after. */
export function ReleaseSlip({ job, payload, photos, custody }: { job: Job; payload: string; photos: PhotoMeta[]; custody: CustodyEvent[] }) {
  const { t, language } = useT();
  const people = usePeopleById();
  const grams = (g: number) => formatNumber(g, language, { style: 'unit', unit: 'gram', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const release = custodyOrder(custody).filter((e) => e.action === 'release').at(-1);
  const before = photos.filter((p) => p.stage === 'before').at(-1) ?? photos.filter((p) => p.stage === 'intake').at(-1);
  const after = photos.filter((p) => p.stage === 'after').at(-1);
  const rec = job.reconciliation;
  return (
    <article className="print-page a4-document release-slip">
      <header className="doc-head">
        <div>
          <p className="doc-kind">{t('release.slipTitle')}</p>
          <h2 className="doc-number">{job.number}</h2>
          {job.clientRef && <p>{t('board.desk.clientRef')}: <strong>{job.clientRef}</strong></p>}
          {release && <p>{t('release.releasedAt', { date: formatDate(release.at, language), name: people.get(release.personId)?.name ?? '' })}</p>}
        </div>
        <QrCode payload={payload} sizeMm={30} label={t('labels.qrAlt', { number: job.number })} />
      </header>
      <Section title={t('labels.pieceSection')}>
        <dl className="doc-facts">
          <Fact term={t('intake.category')}>{t(`categories.${job.piece.category}`)}{job.piece.model ? ` · ${job.piece.model}` : ''}</Fact>
          <Fact term={t('intake.metal')}>{t(`metals.${job.piece.metal}`)}</Fact>
          {job.piece.serialNumber && <Fact term={t('intake.serialNumber')}>{job.piece.serialNumber}</Fact>}
        </dl>
      </Section>
      <Section title={t('release.workDone')}>
        <p className="doc-services">{job.services.map((s) => t(`services.${s}`)).join(' · ')}</p>
      </Section>
      <Section title={t('reconcile.title')}>
        <dl className="doc-facts">
          {job.piece.weightG !== undefined && <Fact term={t('labels.weightIn')}>{grams(job.piece.weightG)}</Fact>}
          {rec && <Fact term={t('release.weightOut')}>{grams(rec.weightOutG)}</Fact>}
          <Fact term={t('release.stonesIn')}>{stonesIn(job.piece.stones)}</Fact>
          {rec && <Fact term={t('release.stonesOut')}>{rec.stoneCountOut}</Fact>}
        </dl>
        {rec?.managerNote && <p className="doc-notes">{rec.managerNote}</p>}
      </Section>
      <Section title={t('release.beforeAfter')}>
        <div className="doc-before-after">
          {before && (
            <figure>
              <MarkedPhoto photo={before} alt={t('review.before')} />
              <figcaption>{t(`stages.${before.stage}`)}</figcaption>
            </figure>
          )}
          {after && (
            <figure>
              <MarkedPhoto photo={after} alt={t('review.after')} />
              <figcaption>{t('stages.after')}</figcaption>
            </figure>
          )}
        </div>
      </Section>
      <div className="doc-signatures">
        <p>{t('release.signatureClient')}</p>
        <p>{t('release.signatureWorkshop')}</p>
      </div>
    </article>
  );
}
