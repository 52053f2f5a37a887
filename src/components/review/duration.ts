import { formatNumber, type Language } from '../../i18n/i18n';

/** "2 h 15 min", "3 days 4 h", "12 min": a span of time read at a glance. */
export function formatDuration(ms: number, language: Language): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const unit = (value: number, name: 'day' | 'hour' | 'minute') => formatNumber(value, language, { style: 'unit', unit: name, unitDisplay: name === 'day' ? 'long' : 'short' });
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return mins > 0 ? `${unit(hours, 'hour')} ${unit(mins, 'minute')}` : unit(hours, 'hour');
  return unit(mins, 'minute');
}
