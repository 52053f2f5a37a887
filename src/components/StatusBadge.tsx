import { useAppStatus } from '../state/app-status-store';
import { usePendingCount } from '../hooks/use-pending-count';
import { useT } from '../i18n/i18n';

/** Always on screen: are we online, and is anything waiting to sync? */
export function StatusBadge() {
  const { t } = useT();
  const online = useAppStatus((s) => s.online);
  const pending = usePendingCount();
  return (
    <div className="status-badge" role="status" aria-label={t('status.label')} data-online={online}>
      <span className="status-dot" aria-hidden="true" />
      <span className="status-connection">{online ? t('status.online') : t('status.offline')}</span>
      <span className="status-pending">
        {pending > 0 ? t('status.pending', { count: pending }) : t('status.allSynced')}
      </span>
    </div>
  );
}
