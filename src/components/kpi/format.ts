// How KPI figures read on screen, in the chosen language: 50 %, 2.5 h, 5.5 d, and a trend
// against the previous period in the figure's own unit (points for rates).
import { formatNumber, type Language } from '../../i18n/i18n';

export type Unit = 'percent' | 'hours' | 'days' | 'count' | 'decimal';

export const DASH = '—';

export function formatFigure(value: number | null | undefined, unit: Unit, language: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  switch (unit) {
    case 'percent':
      return formatNumber(value, language, { style: 'percent', maximumFractionDigits: 0 });
    case 'hours':
      return formatNumber(value, language, { style: 'unit', unit: 'hour', unitDisplay: 'narrow', maximumFractionDigits: 1 });
    case 'days':
      return formatNumber(value, language, { style: 'unit', unit: 'day', unitDisplay: 'narrow', maximumFractionDigits: 1 });
    case 'count':
      return formatNumber(value, language, { maximumFractionDigits: 0 });
    case 'decimal':
      return formatNumber(value, language, { maximumFractionDigits: 1 });
  }
}

/** Which way is good for a figure: up (yield), down (rework), or neither (hours clocked). */
export type Better = 'up' | 'down' | 'neither';

export interface Trend {
  direction: 'up' | 'down' | 'same';
  /** The change in the figure's unit, signed: "+17 pts", "−0.5 d". */
  delta: string;
  tone: 'good' | 'bad' | 'neutral';
}

export function trendOf(current: number | null, previous: number | null, unit: Unit, better: Better, language: Language): Trend | null {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) return null;
  const raw = current - previous;
  const scaled = unit === 'percent' ? raw * 100 : raw;
  const digits = unit === 'count' ? 0 : 1;
  const rounded = Number(scaled.toFixed(digits));
  const direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'same';
  const number = formatNumber(Math.abs(rounded), language, { maximumFractionDigits: digits });
  const suffix = unit === 'percent' ? ' pts' : unit === 'hours' ? ' h' : unit === 'days' ? (language === 'fr' ? ' j' : ' d') : '';
  const sign = direction === 'up' ? '+' : direction === 'down' ? '−' : '±';
  const tone = direction === 'same' || better === 'neither' ? 'neutral' : (direction === 'up') === (better === 'up') ? 'good' : 'bad';
  return { direction, delta: `${sign}${number}${suffix}`, tone };
}

/** "1–31 Mar 2026" in the language. */
export function formatRange(from: string, to: string, language: Language): string {
  const format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`));
}

export function formatMonth(date: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
