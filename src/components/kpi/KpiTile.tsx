import { useId } from 'react';
import type { Figure } from '../../domain/kpi';
import { useT } from '../../i18n/i18n';
import { KpiNumber } from './DrillDown';
import { formatFigure, trendOf, type Better, type Unit } from './format';

export interface KpiTileProps {
  label: string;
  figure: Figure;
  unit: Unit;
  /** The same figure over the previous period; omitted for figures of "now" (WIP). */
  previous?: number | null;
  better?: Better;
  sub?: string;
  hitLabel?: string;
  /** "February 2026": said to screen readers with the trend. */
  previousLabel?: string;
}

/** A headline figure: its value (tap: what is behind it) and its trend against the previous period. */
export function KpiTile({ label, figure, unit, previous, better = 'neither', sub, hitLabel, previousLabel }: KpiTileProps) {
  const { t, language } = useT();
  const labelId = useId();
  const trend = previous === undefined ? undefined : trendOf(figure.value, previous, unit, better, language);
  return (
    <section className="kpi-tile" role="group" aria-labelledby={labelId}>
      <h3 id={labelId} className="kpi-tile-label">{label}</h3>
      <KpiNumber className="kpi-tile-value" text={formatFigure(figure.value, unit, language)} drill={{ title: label, figure, hitLabel }} />
      {sub && <p className="kpi-tile-sub">{sub}</p>}
      {trend !== undefined && (
        <p className={`kpi-trend kpi-trend-${trend?.tone ?? 'neutral'}`} data-testid="trend">
          {trend === null ? t('kpi.trend.none') : trend.direction === 'same' ? t('kpi.trend.same') : t(`kpi.trend.${trend.direction}`, { delta: trend.delta })}
          {previousLabel && <span className="visually-hidden"> {t('kpi.trend.label', { previous: previousLabel })}</span>}
        </p>
      )}
    </section>
  );
}
