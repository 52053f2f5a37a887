import { useId } from 'react';
import { isoWeek, PERIOD_KINDS, type Period } from '../../domain/kpi';
import type { PeriodControl } from '../../hooks/use-kpi';
import { useT, type Language } from '../../i18n/i18n';
import { formatMonth, formatRange } from './format';

/** "Week 11 · 9–15 Mar 2026", "March 2026", "1 Jan – 31 Mar 2026". */
export function periodLabel(period: Period, language: Language, t: (key: string, options?: Record<string, unknown>) => string): string {
  const range = formatRange(period.from, period.to, language);
  if (period.kind === 'week') return t('kpi.weekLabel', { week: Number(isoWeek(period.from).slice(6)), range });
  if (period.kind === 'month') return formatMonth(period.from, language);
  return range;
}

export function PeriodPicker({ control }: { control: PeriodControl }) {
  const { t, language } = useT();
  const { period } = control;
  const fromId = useId();
  const toId = useId();
  return (
    <div className="kpi-period" role="group" aria-label={t('kpi.period')}>
      <div className="segmented segmented-wrap">
        {PERIOD_KINDS.map((kind) => (
          <button key={kind} type="button" className="button" aria-pressed={period.kind === kind} onClick={() => control.setKind(kind)}>
            {t(`kpi.periods.${kind}`)}
          </button>
        ))}
      </div>
      <div className="kpi-period-nav">
        <button type="button" className="button" aria-label={t('kpi.earlier')} onClick={() => control.step(-1)}>‹</button>
        <strong className="kpi-period-label" data-testid="period-label">{periodLabel(period, language, t)}</strong>
        <button type="button" className="button" aria-label={t('kpi.later')} onClick={() => control.step(1)}>›</button>
      </div>
      {period.kind === 'custom' && (
        <div className="kpi-period-custom">
          <label htmlFor={fromId}>{t('kpi.from')}</label>
          <input id={fromId} className="input" type="date" value={period.from} onChange={(e) => control.setCustom(e.target.value, period.to)} />
          <label htmlFor={toId}>{t('kpi.to')}</label>
          <input id={toId} className="input" type="date" value={period.to} onChange={(e) => control.setCustom(period.from, e.target.value)} />
        </div>
      )}
    </div>
  );
}
