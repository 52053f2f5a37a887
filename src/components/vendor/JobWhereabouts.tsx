import type { CustodyEvent } from '../../db/records';
import { whereIs } from '../../domain/custody';
import { localIsoDate } from '../../domain/promised-date';
import { useWhereabouts } from '../../hooks/use-front-office';
import { formatDate, useT } from '../../i18n/i18n';

/**
 * Where the piece is now, in one chip: "At vendor: Atelier Gravure, expected back 3 Mar (late)",
 * "Bench 2", "Released to the client". Any screen showing a job can place it.
 */
export function JobWhereabouts({ jobId, events }: { jobId: string; events?: CustodyEvent[] }) {
  const { t, language } = useT();
  // A list of many jobs reads every event once and passes each job's own.
  const own = useWhereabouts(events ? undefined : jobId);
  const where = events ? whereIs(events, localIsoDate(new Date())) : own;
  // Nothing to say before the first custody event.
  if (!where || where.kind === 'unknown') return null;
  let text: string;
  let kind: string = where.kind;
  switch (where.kind) {
    case 'at_vendor': {
      const parts = [t('vendor.atVendor', { vendor: where.vendor })];
      if (where.expectedReturn) parts.push(t('vendor.expected', { date: formatDate(where.expectedReturn, language) }));
      if (where.overdue) {
        parts.push(t('vendor.late'));
        kind = 'at_vendor_late';
      }
      text = parts.join(', ');
      break;
    }
    case 'in_house': {
      const place = t(`locations.${where.location.kind}`);
      text = where.location.label ? t('custody.placeWithLabel', { place, label: where.location.label }) : place;
      break;
    }
    case 'released':
      text = t('vendor.released');
      break;
    default:
      return null;
  }
  return (
    <span className={`chip whereabouts whereabouts-${kind}`} data-where={where.kind} aria-label={`${t('vendor.where')}: ${text}`}>
      {text}
    </span>
  );
}
