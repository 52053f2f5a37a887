import { Link } from 'react-router';
import { useAppStatus } from '../state/app-status-store';
import { useSyncStatus } from '../state/sync-status-store';
import { usePendingCount, usePendingPhotoBytes } from '../hooks/use-pending-count';
import { formatTime, useT } from '../i18n/i18n';

/** Always on screen: are we online, is anything waiting to sync, when did it last work? Opens the sync screen. */
export function StatusBadge() {
  const { t, language } = useT();
  const online = useAppStatus((s) => s.online);
  const { lastSyncAt, lastError, running, received } = useSyncStatus();
  const pending = usePendingCount();
  const photoBytes = usePendingPhotoBytes();
  // A tablet that is not paired has nothing to sync: it says so, it is not failing.
  const notPaired = lastError?.kind === 'unpaired';
  const failing = lastError !== null && lastError.kind !== 'offline' && !notPaired;
  return (
    <div className="status-badge" role="status" aria-label={t('status.label')} data-online={online} data-failing={failing}>
      <Link to="/sync" className="status-link">
        <span className="status-dot" aria-hidden="true" />
        <span className="status-connection">{online ? t('status.online') : t('status.offline')}</span>
        <span className="status-pending">
          {pending > 0 ? t('status.pending', { count: pending }) : t('status.allSynced')}
        </span>
        {photoBytes > 0 && <span className="status-photos">{t('sync.photosWaiting', { count: photoBytes })}</span>}
        {running ? (
          // Also on a new tablet, whose first pull brings everything: it shows the work going on.
          <span className="status-last">{received > 0 ? t('sync.received', { count: received }) : t('sync.running')}</span>
        ) : (
          lastSyncAt && <span className="status-last">{t('status.lastSync', { time: formatTime(lastSyncAt, language) })}</span>
        )}
        {failing && <span className="status-error">{t('status.syncFailed')}</span>}
        {notPaired && <span className="status-last">{t('pairing.notPaired')}</span>}
      </Link>
    </div>
  );
}
