import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useCurrentPerson } from '../../hooks/use-current-person';
import { useDeviceStatus, usePairing } from '../../hooks/use-device-security';
import { useIdleLock } from '../../hooks/use-idle-lock';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../state/session-store';
import { LockScreen } from './LockScreen';
import { RemovedNotice } from './RemovedNotice';
import '../../styles/security.css';

/**
 * Stands between the screens and the workshop's data: a removed tablet shows only that it was
 * removed; a paired tablet nobody unlocked (or left idle) shows the lock screen. A tablet that
 * was never paired has no workshop data to protect: it shows the screens, which say to pair it.
 */
export function SecurityGate({ children }: { children: ReactNode }) {
  const { t } = useT();
  const status = useDeviceStatus();
  const pairing = usePairing();
  const locked = useIdleLock();
  const person = useCurrentPerson();
  const lock = useSession((s) => s.setPerson);
  // Deactivated on the admin screen (or gone): whoever was at work is logged out at the next sync.
  useEffect(() => {
    if (person === null && useSession.getState().personId !== null) lock(null);
    if (person && !person.active) lock(null);
  }, [person, lock]);
  if (status === undefined || pairing === undefined) return <div className="loading" aria-busy="true" />;
  if (status?.state === 'revoked') return <RemovedNotice status={status} />;
  if (pairing && locked) return <LockScreen workshopName={pairing.workshopName} />;
  return (
    <>
      {status?.state === 'unpaired' && (
        <p className="message message-error" role="alert">
          {t('pairing.lostPairing')} <Link to="/pair">{t('pairing.pairAgain')}</Link>
        </p>
      )}
      {children}
    </>
  );
}
