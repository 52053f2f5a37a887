import { useCurrentPerson } from '../../hooks/use-current-person';
import { DEFAULT_IDLE_SECONDS, IDLE_LOCK_SETTING, useIdleSeconds } from '../../hooks/use-device-security';
import { useSetting } from '../../hooks/use-setting';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../state/session-store';

const CHOICES_MINUTES = [1, 2, 5, 10, 15, 30] as const;

/** Settings: how long this tablet waits before locking itself (a manager or admin chooses). */
export function IdleLockSetting() {
  const { t } = useT();
  const person = useCurrentPerson();
  const seconds = useIdleSeconds();
  const [, setSeconds] = useSetting<number>(IDLE_LOCK_SETTING, DEFAULT_IDLE_SECONDS);
  const lock = useSession((s) => s.setPerson);
  const mayChange = person?.role === 'manager' || person?.role === 'admin';
  return (
    <fieldset className="card">
      <legend>{t('lock.idleTitle')}</legend>
      <p className="muted">{t('lock.idleHelp')}</p>
      <div className="segmented segmented-wrap">
        {CHOICES_MINUTES.map((minutes) => (
          <button key={minutes} type="button" className="button" aria-pressed={seconds === minutes * 60} disabled={!mayChange} onClick={() => void setSeconds(minutes * 60)}>
            {t('lock.idleMinutes', { count: minutes })}
          </button>
        ))}
      </div>
      {person && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => lock(null)}>{t('lock.lockNow')}</button>
        </div>
      )}
    </fieldset>
  );
}
