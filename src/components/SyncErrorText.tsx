import { useSyncStatus } from '../state/sync-status-store';
import { useT } from '../i18n/i18n';

/** The last sync failure, in words a jeweler can act on. */
export function SyncErrorText() {
  const { t } = useT();
  const error = useSyncStatus((s) => s.lastError);
  if (!error) return null;
  const text =
    error.kind === 'offline'
      ? t('sync.errorOffline')
      : error.kind === 'update_needed'
        ? t('sync.errorUpdate')
        : error.kind === 'unpaired'
          ? t('pairing.syncNotPaired')
          : error.kind === 'revoked'
            ? t('pairing.syncRevoked')
            : t('sync.errorServer', { message: error.message });
  return <p className="message message-error" role="alert">{text}</p>;
}
