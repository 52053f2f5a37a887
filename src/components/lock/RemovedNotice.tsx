import { Link } from 'react-router';
import type { DeviceStatus } from '../../db/device-auth-repo';
import { formatDateTime, useT } from '../../i18n/i18n';

/** A tablet an admin removed: its workshop data is gone; only this is left to say. */
export function RemovedNotice({ status }: { status: Extract<DeviceStatus, { state: 'revoked' }> }) {
  const { t, language } = useT();
  return (
    <section className="card removed-notice" aria-labelledby="removed-title">
      <h1 id="removed-title">{t('pairing.removedTitle')}</h1>
      <p>{t('pairing.removedExplain', { when: formatDateTime(status.at, language) })}</p>
      {status.discarded > 0 && <p className="message message-error">{t('pairing.removedDiscarded', { count: status.discarded })}</p>}
      <Link className="button button-large" to="/pair">{t('pairing.pairAgain')}</Link>
    </section>
  );
}
