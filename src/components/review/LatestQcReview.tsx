import { useJobReviews } from '../../hooks/use-front-office';
import { usePeopleById } from '../../hooks/use-people';
import { formatDateTime, useT } from '../../i18n/i18n';

/**
 * The last QC decision on a job: after a send-to-rework, the reasons and the manager's comment,
 * which is what the jeweler needs at the bench. Renders nothing before the first decision.
 * `onlyRework`: show it only when the last decision was a send-to-rework (the bench's case).
 */
export function LatestQcReview({ jobId, onlyRework = false }: { jobId: string; onlyRework?: boolean }) {
  const { t, language } = useT();
  const reviews = useJobReviews(jobId);
  const people = usePeopleById();
  const latest = reviews?.[0];
  if (!latest || (onlyRework && latest.decision !== 'reject')) return null;
  const name = people.get(latest.reviewerId)?.name ?? t('review.latest.someone');
  const rejected = latest.decision === 'reject';
  return (
    <section className={`card qc-latest ${rejected ? 'qc-latest-reject' : 'qc-latest-approve'}`} aria-labelledby={`qc-latest-${jobId}`} data-decision={latest.decision}>
      <h2 id={`qc-latest-${jobId}`}>{t('review.latest.title')}</h2>
      <p className="qc-latest-who">
        {t(rejected ? 'review.latest.rejected' : 'review.latest.approved', { name, time: formatDateTime(latest.at, language) })}
      </p>
      {latest.reasons.length > 0 && (
        <ul className="qc-reasons" aria-label={t('review.latest.reasons')}>
          {latest.reasons.map((reason) => <li key={reason} className="chip chip-rework">{t(`review.reasons.${reason}`)}</li>)}
        </ul>
      )}
      {latest.comment && (
        <blockquote className="qc-comment" aria-label={t('review.latest.comment')}>{latest.comment}</blockquote>
      )}
    </section>
  );
}
