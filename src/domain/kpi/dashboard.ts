// The whole dashboard in one pure call, run by the app (over its local data) and by the server
// (for exports), so both always show the same figures. No clock inside: `now` comes in.
import { SERVICE_TYPES, type Role, type ServiceType } from '../vocabulary';
import { addDays, instant, mondayOf } from './calendar';
import { personAttendance, readShifts, teamAttendance, type AttendanceKpis, type AttendanceRules } from './attendance';
import type { Figure, Rate } from './figures';
import { jobFacts, readLabour, type JobFacts, type KpiAttendance, type KpiInput } from './job-facts';
import { jobKpis, weeklyJobKpis, type JobKpis } from './job-kpis';
import { periodDays, previousPeriod, spanOf, weeksBetween, type Period, type Span, type Week } from './period';
import { wip, type Wip } from './wip';

export interface KpiOptions {
  /** The instant "now" (ISO text or epoch ms): WIP ages, running clocks and open shifts count up to it. */
  now: string | number;
  /** IANA zone the workshop lives in, e.g. 'Europe/Paris': days and weeks are its local ones. */
  timeZone: string;
  /** An open job with no custody event nor labour for this many days is idle. Default 5. */
  idleDays?: number;
  /** Shift start, 'HH:MM' local. Default '09:00'. */
  shiftStart?: string;
  /** Minutes after shift start before a clock-in is a late start. Default 5. */
  lateGraceMinutes?: number;
  /** A shift never clocked out counts at most this many hours. Default 12. */
  openShiftCapHours?: number;
  /** A bench timer never stopped counts at most this many hours. Default 12. */
  openEntryCapHours?: number;
  /** Weeks shown in the charts, ending with the period's last week (more if the period is longer). Default 12. */
  chartWeeks?: number;
}

export const DEFAULT_KPI_OPTIONS = { idleDays: 5, shiftStart: '09:00', lateGraceMinutes: 5, openShiftCapHours: 12, openEntryCapHours: 12, chartWeeks: 12 } as const;

export interface WeeklyPoint {
  week: Week;
  /** The week starts after now: nothing can have happened in it yet (charts leave it empty). */
  future: boolean;
  completed: Figure;
  firstPassYield: Rate;
  reworkRate: Rate;
  clockedHours: Figure;
  labourHours: Figure;
  utilisation: Rate;
}

export interface Compared<T> {
  current: T;
  previous: T;
}

export interface ScopeKpis {
  jobs: Compared<JobKpis>;
  attendance: Compared<AttendanceKpis>;
  wip: Wip;
  weekly: WeeklyPoint[];
}

export interface PersonKpis extends ScopeKpis {
  personId: string;
  /** null for someone this device does not know. */
  name: string | null;
  role: Role | null;
}

export interface ServiceKpis {
  service: ServiceType;
  jobs: Compared<JobKpis>;
}

export interface Dashboard {
  period: Period;
  previous: Period;
  timeZone: string;
  now: string;
  weeks: Week[];
  team: ScopeKpis;
  jewelers: PersonKpis[];
  services: ServiceKpis[];
  /** Every job's facts, for drill-down lists and exports. */
  jobs: JobFacts[];
}

function parseShiftStart(text: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) throw new RangeError(`not a time of day: ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function byKey<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function computeDashboard(input: KpiInput, period: Period, options: KpiOptions): Dashboard {
  const o = { ...DEFAULT_KPI_OPTIONS, ...options };
  const nowMs = typeof o.now === 'number' ? o.now : instant(o.now);
  if (!Number.isFinite(nowMs)) throw new RangeError(`not an instant: ${String(o.now)}`);
  const tz = o.timeZone;
  const rules: AttendanceRules = {
    shiftStartMinutes: parseShiftStart(o.shiftStart),
    lateGraceMinutes: o.lateGraceMinutes,
    openShiftCapMs: o.openShiftCapHours * 3_600_000,
  };
  const openEntryCapMs = o.openEntryCapHours * 3_600_000;

  const previous = previousPeriod(period);
  const spans = { current: spanOf(period, tz), previous: spanOf(previous, tz) };
  const weeksIn = { current: periodDays(period) / 7, previous: periodDays(previous) / 7 };
  const chartFrom = addDays(mondayOf(period.to), -7 * (o.chartWeeks - 1));
  const weeks = weeksBetween(chartFrom < period.from ? chartFrom : period.from, period.to, tz);

  const labour = readLabour(input.timeEntries, nowMs, openEntryCapMs);
  const facts = jobFacts(input, labour, tz);
  const factsByPerson = byKey(facts, (f) => f.jewelerId);
  const shiftsByPerson = byKey<KpiAttendance>(input.attendance, (s) => s.personId);

  const jobsCompared = (list: readonly JobFacts[]): Compared<JobKpis> => ({
    current: jobKpis(list, spans.current, weeksIn.current),
    previous: jobKpis(list, spans.previous, weeksIn.previous),
  });
  // Shifts and labour are read once per person; each span then only compares numbers.
  const shiftsOf = new Map([...shiftsByPerson].map(([id, list]) => [id, readShifts(list, nowMs, tz, rules)]));
  const labourOf = byKey(labour, (l) => l.personId);
  const attendanceOf = (personId: string, span: Span, weeks: number) =>
    personAttendance(shiftsOf.get(personId) ?? [], labourOf.get(personId) ?? [], span, weeks, rules);

  const personIds = new Set<string>([...input.people.map((p) => p.id), ...factsByPerson.keys(), ...shiftsByPerson.keys()]);
  const people = new Map(input.people.map((p) => [p.id, p]));
  const attendanceBy = new Map<string, { current: AttendanceKpis; previous: AttendanceKpis; weekly: AttendanceKpis[] }>();
  for (const id of personIds) {
    attendanceBy.set(id, {
      current: attendanceOf(id, spans.current, weeksIn.current),
      previous: attendanceOf(id, spans.previous, weeksIn.previous),
      weekly: weeks.map((w) => attendanceOf(id, w, 1)),
    });
  }

  const weekly = (list: readonly JobFacts[], attendance: AttendanceKpis[]): WeeklyPoint[] => {
    const byWeek = weeklyJobKpis(list, weeks);
    return weeks.map((week, i) => {
      const k = byWeek[i]!;
      const a = attendance[i]!;
      return { week, future: week.start > nowMs, completed: k.completed, firstPassYield: k.firstPassYield, reworkRate: k.reworkRate, clockedHours: a.clockedHours, labourHours: a.labourHours, utilisation: a.utilisation };
    });
  };

  const all = [...attendanceBy.values()];
  const team: ScopeKpis = {
    jobs: jobsCompared(facts),
    attendance: { current: teamAttendance(all.map((a) => a.current), weeksIn.current), previous: teamAttendance(all.map((a) => a.previous), weeksIn.previous) },
    wip: wip(facts, nowMs, tz, o.idleDays),
    weekly: weekly(facts, weeks.map((_, i) => teamAttendance(all.map((a) => a.weekly[i]!), 1))),
  };

  const jewelers: PersonKpis[] = [];
  for (const id of personIds) {
    const person = people.get(id);
    const list = factsByPerson.get(id) ?? [];
    const attendance = attendanceBy.get(id)!;
    const jobs = jobsCompared(list);
    const hasData = [jobs.current, jobs.previous].some((k) => k.completed.jobIds.length + k.reworkRate.jobIds.length > 0)
      || [attendance.current, attendance.previous].some((a) => (a.clockedHours.value ?? 0) + (a.labourHours.value ?? 0) > 0)
      || list.some((f) => f.open);
    if (!hasData && !(person?.role === 'jeweler' && person.active)) continue;
    jewelers.push({
      personId: id,
      name: person?.name ?? null,
      role: person?.role ?? null,
      jobs,
      attendance: { current: attendance.current, previous: attendance.previous },
      wip: wip(list, nowMs, tz, o.idleDays),
      weekly: weekly(list, attendance.weekly),
    });
  }
  jewelers.sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.personId.localeCompare(b.personId));

  const services: ServiceKpis[] = [];
  const factsByService = new Map<ServiceType, JobFacts[]>();
  for (const f of facts) {
    for (const s of new Set(f.services)) {
      const group = factsByService.get(s);
      if (group) group.push(f);
      else factsByService.set(s, [f]);
    }
  }
  for (const service of SERVICE_TYPES) {
    const jobs = jobsCompared(factsByService.get(service) ?? []);
    if ([jobs.current, jobs.previous].every((k) => k.completed.jobIds.length + k.reworkRate.jobIds.length + k.firstPassYield.jobIds.length === 0)) continue;
    services.push({ service, jobs });
  }

  return { period, previous, timeZone: tz, now: new Date(nowMs).toISOString(), weeks, team, jewelers, services, jobs: facts };
}
