// Calendar arithmetic for the KPIs: local days and ISO weeks in an IANA time zone, through Intl
// only (no date library). A "local date" is a 'YYYY-MM-DD' string; instants are epoch
// milliseconds. KPIs bucket instants by comparing them with a few boundary instants computed
// here, so the costly Intl calls happen per day, never per event.

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;

export type LocalDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Is this a time zone Intl knows (e.g. 'Europe/Paris', 'UTC')? */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at `ms`, in ms (Paris: +3_600_000 in winter, +7_200_000 in summer). */
function exactOffset(ms: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

// Offsets change only at a zone transition, which always falls on a quarter hour (UTC). A UTC day
// whose two ends have the same offset is taken as having no transition inside (no zone changes
// twice in one day); only a transition day is looked at quarter hour by quarter hour.
const offsetCache = new Map<string, Map<number, number>>();
export function offsetAt(ms: number, timeZone: string): number {
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const day = Math.floor(ms / DAY_MS);
  let dayOffset = cache.get(day);
  if (dayOffset === undefined) {
    const start = exactOffset(day * DAY_MS, timeZone);
    const end = exactOffset((day + 1) * DAY_MS - 1, timeZone);
    dayOffset = start === end ? start : NaN;
    cache.set(day, dayOffset);
  }
  if (!Number.isNaN(dayOffset)) return dayOffset;
  const quarter = -1 - Math.floor(ms / QUARTER_HOUR_MS); // negative keys: never a day number
  let offset = cache.get(quarter);
  if (offset === undefined) {
    offset = exactOffset(-(quarter + 1) * QUARTER_HOUR_MS, timeZone);
    cache.set(quarter, offset);
  }
  return offset;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function utcDate(date: Date): LocalDate {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

// Local dates are asked for tens of thousands of instants that fall on a few hundred days:
// one string per local day.
const dayNames = new Map<number, string>();

/** The local calendar date of an instant. */
export function localDate(ms: number, timeZone: string): LocalDate {
  const day = Math.floor((ms + offsetAt(ms, timeZone)) / DAY_MS);
  let name = dayNames.get(day);
  if (name === undefined) {
    name = utcDate(new Date(day * DAY_MS));
    dayNames.set(day, name);
  }
  return name;
}

/** Minutes since local midnight of an instant (9:30 → 570). */
export function localMinutes(ms: number, timeZone: string): number {
  const wall = ms + offsetAt(ms, timeZone);
  return Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

function parse(date: LocalDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

export function isLocalDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && utcDate(new Date(parse(value))) === value;
}

/** The instant local midnight starts `date` in the zone (23 or 25 hours apart around DST). */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const wall = parse(date);
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return utcDate(new Date(parse(date) + days * DAY_MS));
}

/** Whole calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((parse(b) - parse(a)) / DAY_MS);
}

/** The Monday that starts the ISO week of `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  const weekday = (new Date(parse(date)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(date, -weekday);
}

/** ISO 8601 week label: '2026-W01' (the week holding the year's first Thursday). */
export function isoWeek(date: LocalDate): string {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

export function firstOfMonth(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

export function addMonths(date: LocalDate, months: number): LocalDate {
  const d = new Date(parse(date));
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return utcDate(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), lastDay))));
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const digits = (text: string, from: number, count: number): number => {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return value;
};

/**
 * Parses an ISO date-time to epoch ms; NaN when it is not one. The form every record carries
 * (toISOString: 2026-03-12T15:00:00.000Z, or without milliseconds) is read by hand, several
 * times faster than Date.parse, which the KPIs call a few hundred thousand times.
 */
export function instant(iso: string | undefined): number {
  if (iso === undefined) return NaN;
  const length = iso.length;
  if ((length === 24 || length === 20) && iso.charCodeAt(length - 1) === 90 /* Z */ && iso[4] === '-' && iso[7] === '-' && iso[10] === 'T' && iso[13] === ':' && iso[16] === ':') {
    const ms = length === 24 && iso[19] === '.' ? digits(iso, 20, 3) : 0;
    const month = digits(iso, 5, 2);
    const day = digits(iso, 8, 2);
    const hour = digits(iso, 11, 2);
    const minute = digits(iso, 14, 2);
    const second = digits(iso, 17, 2);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59) {
      return daysFromCivil(digits(iso, 0, 4), month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
    }
  }
  return Date.parse(iso);
}
