import { useAppStatus } from '../state/app-status-store';
import { usePendingCount } from '../hooks/use-pending-count';
import { useT } from '../i18n/i18n';
import { useState } from 'react';

/**
 * "Update ready": shown when a new version waits. Nothing happens until the person taps
 * "Update now" — never a reload by surprise in the middle of work.
 */
export function UpdatePrompt() {
  const { t } = useT();
  const applyUpdate = useAppStatus((s) => s.applyUpdate);
  const offlineReady = useAppStatus((s) => s.offlineReady);
  const setOfflineReady = useAppStatus((s) => s.setOfflineReady);
  const pending = usePendingCount();
  const [postponed, setPostponed] = useState(false);

  if (applyUpdate && !postponed) {
    return (
      <section className="banner banner-update" role="alertdialog" aria-labelledby="update-title" aria-describedby="update-text">
        <h2 id="update-title">{t('update.ready')}</h2>
        <p id="update-text">
          {t('update.explain')} {pending > 0 && t('update.pendingWarning', { count: pending })}
        </p>
        <div className="banner-actions">
          <button type="button" className="button button-primary" onClick={applyUpdate}>
            {t('update.apply')}
          </button>
          <button type="button" className="button" onClick={() => setPostponed(true)}>
            {t('update.later')}
          </button>
        </div>
      </section>
    );
  }
  if (offlineReady) {
    return (
      <section className="banner" role="status">
        <p>{t('update.offlineReady')}</p>
        <button type="button" className="button" onClick={() => setOfflineReady(false)}>
          {t('update.dismiss')}
        </button>
      </section>
    );
  }
  return null;
}
