import { describe, expect, it } from 'vitest';
import { addMonths, isoWeek, localDate, localMinutes, mondayOf, offsetAt, startOfLocalDay } from '../../../src/domain/kpi/calendar';
import { currentPeriod, customPeriod, periodHolding, previousPeriod, spanIndex, spanOf, weeksBetween, type Period } from '../../../src/domain/kpi/period';

const H = 3_600_000;
const utc = (iso: string) => Date.parse(iso);

describe('local days in a time zone', () => {
  it.each<[string, string, string, string]>([
    ['late evening in Paris is still that day', '2026-03-01T22:30:00Z', 'Europe/Paris', '2026-03-01'],
    ['just after midnight in Paris is the next day', '2026-03-01T23:30:00Z', 'Europe/Paris', '2026-03-02'],
    ['the same instant in UTC', '2026-03-01T23:30:00Z', 'UTC', '2026-03-01'],
    ['summer time: 22:30 UTC is 00:30 in Paris', '2026-03-29T22:30:00Z', 'Europe/Paris', '2026-03-30'],
    ['New York is behind', '2026-03-02T03:00:00Z', 'America/New_York', '2026-03-01'],
    ['Tokyo is ahead', '2026-03-01T16:00:00Z', 'Asia/Tokyo', '2026-03-02'],
  ])('%s', (_name, iso, zone, expected) => {
    expect(localDate(utc(iso), zone)).toBe(expected);
  });

  it.each<[string, string, string, number]>([
    ['09:00 in Paris in winter', '2026-03-27T08:00:00Z', 'Europe/Paris', 9 * 60],
    ['09:00 in Paris in summer is 07:00 UTC', '2026-03-30T07:00:00Z', 'Europe/Paris', 9 * 60],
    ['the DST night: 01:59 UTC is 03:59 CEST', '2026-03-29T01:59:00Z', 'Europe/Paris', 3 * 60 + 59],
    ['the autumn night: 00:30 UTC is 02:30 CEST', '2026-10-25T00:30:00Z', 'Europe/Paris', 2 * 60 + 30],
    ['… and 01:30 UTC is 02:30 CET again', '2026-10-25T01:30:00Z', 'Europe/Paris', 2 * 60 + 30],
  ])('minutes of the day: %s', (_name, iso, zone, expected) => {
    expect(localMinutes(utc(iso), zone)).toBe(expected);
  });

  it('knows the offset on both sides of the spring change, to the minute', () => {
    expect(offsetAt(utc('2026-03-29T00:59:59Z'), 'Europe/Paris')).toBe(1 * H);
    expect(offsetAt(utc('2026-03-29T01:00:00Z'), 'Europe/Paris')).toBe(2 * H);
    expect(offsetAt(utc('2026-03-29T12:00:00Z'), 'Europe/Paris')).toBe(2 * H);
  });

  it.each<[string, string, string, number]>([
    ['an ordinary day lasts 24 h', '2026-03-10', 'Europe/Paris', 24],
    ['the spring-forward day lasts 23 h', '2026-03-29', 'Europe/Paris', 23],
    ['the fall-back day lasts 25 h', '2026-10-25', 'Europe/Paris', 25],
    ['New York springs forward on another day', '2026-03-08', 'America/New_York', 23],
    ['UTC never changes', '2026-03-29', 'UTC', 24],
  ])('%s', (_name, day, zone, hours) => {
    const next = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
    expect((startOfLocalDay(next, zone) - startOfLocalDay(day, zone)) / H).toBe(hours);
  });

  it('starts a Paris day at local midnight', () => {
    expect(new Date(startOfLocalDay('2026-03-01', 'Europe/Paris')).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-04-01', 'Europe/Paris')).toISOString()).toBe('2026-03-31T22:00:00.000Z');
  });
});

describe('ISO weeks', () => {
  it.each<[string, string, string]>([
    ['2026-01-01', '2025-12-29', '2026-W01'],
    ['2026-03-12', '2026-03-09', '2026-W11'],
    ['2026-03-29', '2026-03-23', '2026-W13'],
    ['2021-01-03', '2020-12-28', '2020-W53'],
    ['2024-12-30', '2024-12-30', '2025-W01'],
    ['2027-01-01', '2026-12-28', '2026-W53'],
  ])('%s is in the week of Monday %s, %s', (day, monday, label) => {
    expect(mondayOf(day)).toBe(monday);
    expect(isoWeek(day)).toBe(label);
  });

  it('cuts weeks at local midnight on Mondays, a 167-hour week across the spring change', () => {
    const weeks = weeksBetween('2026-03-20', '2026-03-31', 'Europe/Paris');
    expect(weeks.map((w) => w.label)).toEqual(['2026-W12', '2026-W13', '2026-W14']);
    expect((weeks[1]!.end - weeks[1]!.start) / H).toBe(167);
    // Sunday 23:30 CEST (21:30 UTC) is still week 13; Monday 00:30 CEST (22:30 UTC) is week 14.
    expect(spanIndex(weeks, utc('2026-03-29T21:30:00Z'))).toBe(1);
    expect(spanIndex(weeks, utc('2026-03-29T22:30:00Z'))).toBe(2);
    expect(spanIndex(weeks, utc('2026-03-15T00:00:00Z'))).toBe(-1);
  });
});

describe('periods', () => {
  it.each<[string, Period, Period]>([
    ['a week is Monday to Sunday', periodHolding('week', '2026-03-12'), { kind: 'week', from: '2026-03-09', to: '2026-03-15' }],
    ['a month', periodHolding('month', '2026-02-14'), { kind: 'month', from: '2026-02-01', to: '2026-02-28' }],
    ['a leap February', periodHolding('month', '2028-02-29'), { kind: 'month', from: '2028-02-01', to: '2028-02-29' }],
    ['a quarter', periodHolding('quarter', '2026-05-31'), { kind: 'quarter', from: '2026-04-01', to: '2026-06-30' }],
    ['the last quarter', periodHolding('quarter', '2026-12-31'), { kind: 'quarter', from: '2026-10-01', to: '2026-12-31' }],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it.each<[string, Period, Period]>([
    ['the week before, across a year end', { kind: 'week', from: '2026-01-05', to: '2026-01-11' }, { kind: 'week', from: '2025-12-29', to: '2026-01-04' }],
    ['the month before a 31-day month is February', { kind: 'month', from: '2026-03-01', to: '2026-03-31' }, { kind: 'month', from: '2026-02-01', to: '2026-02-28' }],
    ['the quarter before Q1', { kind: 'quarter', from: '2026-01-01', to: '2026-03-31' }, { kind: 'quarter', from: '2025-10-01', to: '2025-12-31' }],
    ['a custom period: as many days just before', { kind: 'custom', from: '2026-03-10', to: '2026-03-19' }, { kind: 'custom', from: '2026-02-28', to: '2026-03-09' }],
  ])('previous: %s', (_name, period, expected) => {
    expect(previousPeriod(period)).toEqual(expected);
  });

  it('takes the current period at now in the zone: New Year in Paris is still the old year in UTC', () => {
    const now = utc('2025-12-31T23:30:00Z');
    expect(currentPeriod('month', now, 'Europe/Paris')).toEqual({ kind: 'month', from: '2026-01-01', to: '2026-01-31' });
    expect(currentPeriod('month', now, 'UTC')).toEqual({ kind: 'month', from: '2025-12-01', to: '2025-12-31' });
  });

  it('orders a custom period and refuses a malformed one', () => {
    expect(customPeriod('2026-03-31', '2026-03-01')).toEqual({ kind: 'custom', from: '2026-03-01', to: '2026-03-31' });
    expect(() => customPeriod('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });

  it('spans a period from local midnight to local midnight', () => {
    const span = spanOf({ kind: 'month', from: '2026-03-01', to: '2026-03-31' }, 'Europe/Paris');
    expect((span.end - span.start) / H).toBe(31 * 24 - 1);
  });

  it('adds months without overflowing short ones', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });
});
