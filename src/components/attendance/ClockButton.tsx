// Clock in / clock out for the person working at this tablet: one attendance record per shift,
// written through the one write path, so it works offline and syncs later.
import { useCurrentPerson } from '../../hooks/use-current-person';
import { useClock } from '../../hooks/use-attendance';
import { formatTime, useT } from '../../i18n/i18n';
import './attendance.css';

export function ClockButton() {
  const { t, language } = useT();
  const person = useCurrentPerson();
  const clock = useClock(person);
  if (person === undefined || (person && clock.shift === undefined)) return null;
  if (person === null) return <p className="clock clock-nobody muted">{t('attendance.nobody')}</p>;
  const onShift = clock.shift !== null && clock.shift !== undefined;
  return (
    <div className="clock" data-on-shift={onShift}>
      <span className="clock-state" role="status">
        {onShift ? t('attendance.onShift', { time: formatTime(clock.shift!.clockIn, language) }) : t('attendance.offShift')}
      </span>
      <button type="button" className={`button ${onShift ? '' : 'button-primary'}`} disabled={clock.busy} onClick={() => void clock.toggle()}>
        {onShift ? t('attendance.clockOut') : t('attendance.clockIn')}
      </button>
      {clock.error && <span className="message message-error" role="alert">{t('attendance.failed', { message: clock.error })}</span>}
    </div>
  );
}
