import { useSyncStatus } from '../state/sync-status-store';
import { useSyncOverview } from '../hooks/use-sync-overview';
import { usePendingPhotoBytes } from '../hooks/use-pending-count';
import { dismissAllRefusals } from '../hooks/use-sync-actions';
import { formatDateTime, useT } from '../i18n/i18n';
import { SyncErrorText } from '../components/SyncErrorText';

/** Everything about sync in one place: what waits, what was refused and why, the last error. */
export default function SyncPage() {
  const { t, language } = useT();
  const { running, lastSyncAt, syncNow } = useSyncStatus();
  const overview = useSyncOverview();
  const photoBytes = usePendingPhotoBytes();

  return (
    <section className="page page-sync" aria-labelledby="sync-title">
      <h1 id="sync-title">{t('sync.title')}</h1>
      <div className="card sync-summary">
        <p>{lastSyncAt ? t('sync.lastSync', { when: formatDateTime(lastSyncAt, language) }) : t('sync.never')}</p>
        <SyncErrorText />
        <button type="button" className="button button-primary button-large" disabled={running || !syncNow} onClick={() => syncNow?.()}>
          {running ? t('sync.running') : t('sync.now')}
        </button>
      </div>

      <h2>{t('sync.waiting')}</h2>
      {photoBytes > 0 && <p className="list-row">{t('sync.photosWaiting', { count: photoBytes })}</p>}
      {overview?.pending.length === 0 && <p className="muted">{t('sync.nothingWaiting')}</p>}
      <ul className="plain-list" aria-label={t('sync.waiting')}>
        {overview?.pending.map((m) => (
          <li key={m.id} className="list-row">
            {t('sync.change', { entity: t(`sync.entities.${m.entity}`), id: m.entityId.slice(0, 13), op: t(`sync.ops.${m.op}`) })}
            <span className="muted"> · {formatDateTime(m.createdAt, language)}</span>
          </li>
        ))}
      </ul>

      {overview && overview.refusals.length > 0 && (
        <>
          <h2>{t('sync.refusals')}</h2>
          <ul className="plain-list" aria-label={t('sync.refusals')}>
            {overview.refusals.map((r) => (
              <li key={r.mutationId} className="list-row list-row-bad">
                <strong>{t(`sync.refusalCodes.${r.code}`, { defaultValue: r.code })}</strong> — {t(`sync.entities.${r.entity}`)} {r.entityId.slice(0, 13)}
                <div className="muted">{r.message}</div>
              </li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => void dismissAllRefusals()}>{t('sync.dismiss')}</button>
        </>
      )}
    </section>
  );
}
