// The period a dashboard looks at: whole local days, `from` and `to` included, in the workshop's
// time zone. A week runs Monday to Sunday (ISO 8601); months and quarters are calendar ones.
import {
  addDays,
  addMonths,
  daysBetween,
  firstOfMonth,
  isoWeek,
  isLocalDate,
  localDate,
  mondayOf,
  startOfLocalDay,
  type LocalDate,
} from './calendar';

export const PERIOD_KINDS = ['week', 'month', 'quarter', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** First local day, included. */
  from: LocalDate;
  /** Last local day, included. */
  to: LocalDate;
}

/** A period as instants: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** The week, month or quarter holding `day`. */
export function periodHolding(kind: Exclude<PeriodKind, 'custom'>, day: LocalDate): Period {
  if (kind === 'week') {
    const from = mondayOf(day);
    return { kind, from, to: addDays(from, 6) };
  }
  const months = kind === 'month' ? 1 : 3;
  const month = Number(day.slice(5, 7)) - 1;
  const from = firstOfMonth(addMonths(firstOfMonth(day), -(month % months)));
  return { kind, from, to: addDays(addMonths(from, months), -1) };
}

/** The current week, month or quarter at `now` in the zone. */
export function currentPeriod(kind: Exclude<PeriodKind, 'custom'>, now: number, timeZone: string): Period {
  return periodHolding(kind, localDate(now, timeZone));
}

/** A custom period; the two ends are put in order. Throws on a malformed date. */
export function customPeriod(from: LocalDate, to: LocalDate): Period {
  if (!isLocalDate(from) || !isLocalDate(to)) throw new RangeError(`not a period: ${from} – ${to}`);
  return from <= to ? { kind: 'custom', from, to } : { kind: 'custom', from: to, to: from };
}

/** The period just before: the previous week, month or quarter; a custom period of as many days. */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'custom') {
    const length = daysBetween(period.from, period.to) + 1;
    return { kind: 'custom', from: addDays(period.from, -length), to: addDays(period.from, -1) };
  }
  return periodHolding(period.kind, addDays(period.from, -1));
}

export function spanOf(period: Period, timeZone: string): Span {
  return { start: startOfLocalDay(period.from, timeZone), end: startOfLocalDay(addDays(period.to, 1), timeZone) };
}

export function periodDays(period: Period): number {
  return daysBetween(period.from, period.to) + 1;
}

export interface Week {
  /** '2026-W10' */
  label: string;
  /** Its Monday. */
  monday: LocalDate;
  start: number;
  end: number;
}

/** The ISO weeks from the one holding `from` to the one holding `to`, as instants in the zone. */
export function weeksBetween(from: LocalDate, to: LocalDate, timeZone: string): Week[] {
  const weeks: Week[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    weeks.push({ label: isoWeek(monday), monday, start: startOfLocalDay(monday, timeZone), end: startOfLocalDay(addDays(monday, 7), timeZone) });
  }
  return weeks;
}

/** Index of the span holding `ms` among sorted, contiguous spans; -1 outside them. */
export function spanIndex(spans: readonly Span[], ms: number): number {
  if (Number.isNaN(ms)) return -1;
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid]!;
    if (ms < span.start) high = mid - 1;
    else if (ms >= span.end) low = mid + 1;
    else return mid;
  }
  return -1;
}
