import { describe, expect, it } from 'vitest';
import { addWorkingDays, defaultPromisedDate, leadWorkingDays, localIsoDate } from '../../src/domain/promised-date';
import type { Priority, ServiceType } from '../../src/domain/vocabulary';

describe('leadWorkingDays: the longest service, a day for each other, shortened by priority', () => {
  it.each([
    [[], 'standard', 0],
    [['sizing'], 'standard', 5],
    [['sizing'], 'vip', 4],
    [['sizing'], 'express', 3],
    [['sizing', 'polishing'], 'standard', 6],
    [['sizing', 'sizing'], 'standard', 5],
    [['stone_replacement', 'engraving', 'polishing'], 'standard', 12],
    [['stone_replacement', 'engraving', 'polishing'], 'express', 6],
    [['cleaning_inspection'], 'express', 1],
    [['cleaning_inspection'], 'standard', 1],
  ] as [ServiceType[], Priority, number][])('%j, %s → %d', (services, priority, days) => {
    expect(leadWorkingDays(services, priority)).toBe(days);
  });
});

describe('addWorkingDays: Monday to Friday only', () => {
  it.each([
    ['2026-03-10', 5, '2026-03-17'], // Tuesday → next Tuesday
    ['2026-03-13', 1, '2026-03-16'], // Friday → Monday
    ['2026-03-14', 1, '2026-03-16'], // Saturday → Monday
    ['2026-03-15', 0, '2026-03-15'],
    ['2026-12-31', 2, '2027-01-04'], // across the year
    ['2028-02-28', 2, '2028-03-01'], // across a leap day
    ['2026-03-27', 3, '2026-04-01'], // across the change to summer time in Europe
  ])('%s + %d → %s', (from, days, to) => {
    expect(addWorkingDays(from, days)).toBe(to);
  });

  it('refuses what is not a date', () => {
    expect(() => addWorkingDays('10/03/2026', 1)).toThrow(RangeError);
  });
});

describe('defaultPromisedDate', () => {
  it.each([
    [[], 'standard', undefined],
    [['sizing'], 'standard', '2026-03-17'],
    [['sizing'], 'express', '2026-03-13'],
    [['polishing', 'rhodium_plating'], 'vip', '2026-03-16'],
  ] as [ServiceType[], Priority, string | undefined][])('%j %s from Tuesday 10 March → %s', (services, priority, date) => {
    expect(defaultPromisedDate(services, priority, '2026-03-10')).toBe(date);
  });

  it('takes today where the device is, not in UTC', () => {
    expect(localIsoDate(new Date(2026, 2, 5, 23, 30))).toBe('2026-03-05');
    expect(localIsoDate(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01');
  });
});
