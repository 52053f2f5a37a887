// Attendance from clock-in/clock-out, and utilisation: labour logged on jobs over hours clocked.
// Definitions: docs/KPIS.md.
import { instant, localDate, localMinutes } from './calendar';
import { rate, type Figure, type Rate } from './figures';
import type { KpiAttendance, LabourSpan } from './job-facts';
import type { Span } from './period';
import { overlapMs } from './stats';

const HOUR_MS = 3_600_000;

export interface AttendanceRules {
  /** Shift start, minutes after local midnight (8:30 → 510). */
  shiftStartMinutes: number;
  /** A first clock-in of the day later than start + grace is a late start. */
  lateGraceMinutes: number;
  /** A shift never clocked out counts up to now, but at most this long. */
  openShiftCapMs: number;
}

export interface AttendanceKpis {
  /** Hours clocked inside the span (shiftIds: the shifts that overlap it). */
  clockedHours: Figure;
  hoursPerWeek: Figure;
  /** Local days with a clock-in in the span. */
  daysWorked: number;
  /** Days whose first clock-in was late, over days worked (shiftIds: each day's first shift). */
  lateStarts: Rate;
  /** Labour hours logged inside the span (jobIds: the jobs worked on). */
  labourHours: Figure;
  /** labourHours / clockedHours, for people who clocked in. */
  utilisation: Rate;
  /** Shifts in the span still without a clock-out. */
  openShifts: Figure;
}

/** A shift as instants; a missing clock-out counts up to now, capped. null when unreadable. */
export function shiftSpan(shift: KpiAttendance, nowMs: number, capMs: number): [number, number] | null {
  const start = instant(shift.clockIn);
  const end = shift.clockOut === undefined ? Math.min(nowMs, start + capMs) : instant(shift.clockOut);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return null;
  return [start, end];
}

/** A shift read once: its instants (an open one capped), its local day and clock-in minute. */
export interface ShiftSpan {
  id: string;
  start: number;
  end: number;
  open: boolean;
  day: string;
  minutes: number;
}

/** Parses shifts once, so each span (period, week) only compares numbers. */
export function readShifts(shifts: readonly KpiAttendance[], nowMs: number, timeZone: string, rules: AttendanceRules): ShiftSpan[] {
  const out: ShiftSpan[] = [];
  for (const shift of shifts) {
    const s = shiftSpan(shift, nowMs, rules.openShiftCapMs);
    if (s) out.push({ id: shift.id, start: s[0], end: s[1], open: shift.clockOut === undefined, day: localDate(s[0], timeZone), minutes: localMinutes(s[0], timeZone) });
  }
  return out;
}

/** One person's attendance over a span, from their shifts and labour read by readShifts/readLabour. */
export function personAttendance(shifts: readonly ShiftSpan[], labourSpans: readonly LabourSpan[], span: Span, weeks: number, rules: AttendanceRules): AttendanceKpis {
  let clockedMs = 0;
  const shiftIds: string[] = [];
  const open: string[] = [];
  const firstOfDay = new Map<string, ShiftSpan>();
  for (const shift of shifts) {
    const ms = overlapMs(shift.start, shift.end, span.start, span.end);
    if (ms > 0) {
      clockedMs += ms;
      shiftIds.push(shift.id);
      if (shift.open) open.push(shift.id);
    }
    if (shift.start >= span.start && shift.start < span.end) {
      const first = firstOfDay.get(shift.day);
      if (!first || shift.start < first.start) firstOfDay.set(shift.day, shift);
    }
  }
  const days = [...firstOfDay.values()];
  const late = days.filter((d) => d.minutes > rules.shiftStartMinutes + rules.lateGraceMinutes).map((d) => d.id);

  let labourMs = 0;
  const jobs = new Set<string>();
  for (const e of labourSpans) {
    const ms = overlapMs(e.start, e.end, span.start, span.end);
    if (ms > 0) {
      labourMs += ms;
      jobs.add(e.jobId);
    }
  }
  const jobIds = [...jobs];
  const clocked = clockedMs / HOUR_MS;
  const labour = labourMs / HOUR_MS;
  return {
    clockedHours: { value: clocked, jobIds: [], shiftIds },
    hoursPerWeek: { value: weeks > 0 ? clocked / weeks : null, jobIds: [], shiftIds },
    daysWorked: days.length,
    lateStarts: rate(late.length, days.length, { jobIds: [], shiftIds: days.map((d) => d.id), hitIds: late }),
    labourHours: { value: labour, jobIds },
    utilisation: rate(labour, clocked, { jobIds, shiftIds, hitIds: jobIds }),
    openShifts: { value: open.length, jobIds: [], shiftIds: open },
  };
}

/** The team's attendance: sums of its people's; utilisation only over people who clocked in. */
export function teamAttendance(parts: readonly AttendanceKpis[], weeks: number): AttendanceKpis {
  const sum = (f: (p: AttendanceKpis) => number) => parts.reduce((total, p) => total + f(p), 0);
  const ids = (f: (p: AttendanceKpis) => readonly string[] | undefined) => parts.flatMap((p) => f(p) ?? []);
  const clocked = sum((p) => p.clockedHours.value ?? 0);
  const clockedParts = parts.filter((p) => (p.clockedHours.value ?? 0) > 0);
  const labourOfClocked = clockedParts.reduce((total, p) => total + (p.labourHours.value ?? 0), 0);
  const shiftIds = ids((p) => p.clockedHours.shiftIds);
  const utilisationJobs = [...new Set(clockedParts.flatMap((p) => p.labourHours.jobIds))];
  return {
    clockedHours: { value: clocked, jobIds: [], shiftIds },
    // Per person who clocked in: what "hours per jeweler per week" means for a team.
    hoursPerWeek: { value: weeks > 0 && clockedParts.length > 0 ? clocked / weeks / clockedParts.length : null, jobIds: [], shiftIds },
    daysWorked: sum((p) => p.daysWorked),
    lateStarts: rate(sum((p) => p.lateStarts.numerator), sum((p) => p.daysWorked), {
      jobIds: [],
      shiftIds: ids((p) => p.lateStarts.shiftIds),
      hitIds: ids((p) => p.lateStarts.hitIds),
    }),
    labourHours: { value: sum((p) => p.labourHours.value ?? 0), jobIds: [...new Set(parts.flatMap((p) => p.labourHours.jobIds))] },
    utilisation: rate(labourOfClocked, clocked, { jobIds: utilisationJobs, shiftIds, hitIds: utilisationJobs }),
    openShifts: { value: sum((p) => p.openShifts.value ?? 0), jobIds: [], shiftIds: ids((p) => p.openShifts.shiftIds) },
  };
}
