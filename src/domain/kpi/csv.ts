// CSV exports that Excel opens as they are: UTF-8 with a byte-order mark (or Excel reads "Inès"
// as "InÃ¨s"), the list separator of the language's Excel (';' in French, where ',' is the
// decimal mark; ',' in English), CRLF line ends, and RFC 4180 quoting. Built from the same
// dashboard the screen shows, by the app (download) and by the server (GET /api/exports).
import type { ServiceType } from '../vocabulary';
import { instant, localDate, localMinutes } from './calendar';
import type { Dashboard } from './dashboard';
import { shiftSpan } from './attendance';
import type { JobKpis } from './job-kpis';
import type { AttendanceKpis } from './attendance';
import type { KpiInput } from './job-facts';

export type CsvLanguage = 'en' | 'fr';
export type Cell = string | number | null | undefined;

export const EXPORT_KINDS = ['jobs', 'jewelers', 'attendance'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const BOM = '\uFEFF';
const CRLF = '\r\n';

export function csvSeparator(language: CsvLanguage): ';' | ',' {
  return language === 'fr' ? ';' : ',';
}

/** A number with the language's decimal mark, no thousands grouping, at most `decimals` places. */
export function csvNumber(value: number, language: CsvLanguage, decimals = 2): string {
  const fixed = Number(value.toFixed(decimals)).toString();
  return language === 'fr' ? fixed.replace('.', ',') : fixed;
}

/**
 * One cell. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe (OWASP "CSV injection"); a cell holding the separator, a quote or a line break is
 * quoted, its quotes doubled.
 */
export function csvCell(value: Cell, language: CsvLanguage): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? csvNumber(value, language) : '') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  const needsQuotes = text.includes(csvSeparator(language)) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly Cell[])[], language: CsvLanguage): string {
  const separator = csvSeparator(language);
  return BOM + rows.map((row) => row.map((cell) => csvCell(cell, language)).join(separator)).join(CRLF) + CRLF;
}

/** Column titles and words, from the language's catalogue (src/i18n/csv-labels.ts). */
export interface CsvLabels {
  columns: Record<CsvColumn, string>;
  statuses: Record<string, string>;
  services: Record<ServiceType, string>;
  yes: string;
  no: string;
  team: string;
  unknownPerson: string;
}

export const CSV_COLUMNS = [
  'number', 'status', 'services', 'jeweler', 'intakeAt', 'firstQcAt', 'qcReviews', 'rejections', 'firstPass', 'completedAt',
  'leadTimeDays', 'labourHours', 'promisedDate', 'onTime',
  'person', 'completed', 'completedPerWeek', 'firstPassYield', 'reworkRate', 'labourMedian', 'labourP90', 'leadMedian', 'leadP90',
  'onTimeRate', 'clockedHours', 'hoursPerWeek', 'daysWorked', 'lateStarts', 'utilisation',
  'date', 'clockIn', 'clockOut', 'hours', 'late', 'open',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const COLUMNS_OF: Record<ExportKind, readonly CsvColumn[]> = {
  jobs: ['number', 'status', 'services', 'jeweler', 'intakeAt', 'firstQcAt', 'qcReviews', 'rejections', 'firstPass', 'completedAt', 'leadTimeDays', 'labourHours', 'promisedDate', 'onTime'],
  jewelers: ['person', 'completed', 'completedPerWeek', 'firstPassYield', 'reworkRate', 'labourMedian', 'labourP90', 'leadMedian', 'leadP90', 'onTimeRate', 'clockedHours', 'hoursPerWeek', 'daysWorked', 'lateStarts', 'utilisation'],
  attendance: ['person', 'date', 'clockIn', 'clockOut', 'hours', 'late', 'open'],
};

export function exportFileName(kind: ExportKind, dashboard: Pick<Dashboard, 'period'>): string {
  return `loupe-${kind}-${dashboard.period.from}-${dashboard.period.to}.csv`;
}

const round = (value: number | null | undefined, decimals: number) => (value === null || value === undefined ? null : Number(value.toFixed(decimals)));
const percent = (value: number | null) => (value === null ? null : round(value * 100, 1));

/** The rows (heading first) of one export over the dashboard's period. */
export function exportRows(kind: ExportKind, input: Pick<KpiInput, 'attendance' | 'people'>, dashboard: Dashboard, labels: CsvLabels): Cell[][] {
  const tz = dashboard.timeZone;
  const names = new Map(input.people.map((p) => [p.id, p.name]));
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? labels.unknownPerson));
  const at = (ms: number) => (Number.isFinite(ms) ? `${localDate(ms, tz)} ${hhmm(localMinutes(ms, tz))}` : null);
  const yesNo = (value: boolean | null) => (value === null ? null : value ? labels.yes : labels.no);
  const heading = COLUMNS_OF[kind].map((c) => labels.columns[c]);

  if (kind === 'jobs') {
    const k = dashboard.team.jobs.current;
    const ids = new Set([...k.completed.jobIds, ...k.reworkRate.jobIds, ...k.firstPassYield.jobIds, ...dashboard.team.attendance.current.labourHours.jobIds]);
    const rows = dashboard.jobs
      .filter((job) => ids.has(job.id) || intakeIn(job.createdMs, dashboard))
      .sort((a, b) => a.createdMs - b.createdMs || a.number.localeCompare(b.number))
      .map((job): Cell[] => {
        const completed = Number.isFinite(job.completedMs);
        const onTime = completed && job.promisedDate ? localDate(job.completedMs, tz) <= job.promisedDate : null;
        return [
          job.number,
          labels.statuses[job.status] ?? job.status,
          job.services.map((s) => labels.services[s] ?? s).join(' + '),
          nameOf(job.jewelerId),
          at(job.createdMs),
          at(job.firstReviewMs),
          job.reviewMs.length,
          job.rejectMs.length,
          job.reviewMs.length > 0 ? yesNo(job.firstPass) : null,
          at(job.completedMs),
          completed ? round((job.completedMs - job.createdMs) / 86_400_000, 1) : null,
          round(job.labourMs / 3_600_000, 2),
          job.promisedDate ?? null,
          yesNo(onTime),
        ];
      });
    return [heading, ...rows];
  }

  if (kind === 'jewelers') {
    const row = (name: string | null, jobs: JobKpis, attendance: AttendanceKpis): Cell[] => [
      name,
      jobs.completed.value,
      round(jobs.completedPerWeek.value, 2),
      percent(jobs.firstPassYield.value),
      percent(jobs.reworkRate.value),
      round(jobs.labourHours.median, 2),
      round(jobs.labourHours.p90, 2),
      round(jobs.leadTimeDays.median, 1),
      round(jobs.leadTimeDays.p90, 1),
      percent(jobs.onTimeRate.value),
      round(attendance.clockedHours.value, 2),
      round(attendance.hoursPerWeek.value, 2),
      attendance.daysWorked,
      attendance.lateStarts.numerator,
      percent(attendance.utilisation.value),
    ];
    return [
      heading,
      ...dashboard.jewelers.map((p) => row(p.name ?? labels.unknownPerson, p.jobs.current, p.attendance.current)),
      row(labels.team, dashboard.team.jobs.current, dashboard.team.attendance.current),
    ];
  }

  const shiftIds = new Set(dashboard.team.attendance.current.clockedHours.shiftIds ?? []);
  const late = new Set(dashboard.team.attendance.current.lateStarts.hitIds);
  const nowMs = instant(dashboard.now);
  const rows = input.attendance
    .filter((s) => shiftIds.has(s.id))
    .map((s) => ({ s, span: shiftSpan(s, nowMs, Infinity) }))
    .sort((a, b) => (a.span?.[0] ?? 0) - (b.span?.[0] ?? 0) || (nameOf(a.s.personId) ?? '').localeCompare(nameOf(b.s.personId) ?? ''))
    .map(({ s, span }): Cell[] => {
      const start = instant(s.clockIn);
      const end = s.clockOut === undefined ? NaN : instant(s.clockOut);
      return [
        nameOf(s.personId),
        Number.isFinite(start) ? localDate(start, tz) : null,
        Number.isFinite(start) ? hhmm(localMinutes(start, tz)) : null,
        // The time alone, with the date only when the shift ran past midnight.
        Number.isFinite(end) ? (localDate(end, tz) === localDate(start, tz) ? hhmm(localMinutes(end, tz)) : at(end)) : null,
        span && s.clockOut !== undefined ? round((span[1] - span[0]) / 3_600_000, 2) : null,
        yesNo(late.has(s.id)),
        yesNo(s.clockOut === undefined),
      ];
    });
  return [heading, ...rows];
}

function intakeIn(createdMs: number, dashboard: Dashboard): boolean {
  const day = Number.isFinite(createdMs) ? localDate(createdMs, dashboard.timeZone) : '';
  return day >= dashboard.period.from && day <= dashboard.period.to;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The whole file: BOM, heading, rows, CRLF. */
export function buildExport(kind: ExportKind, input: Pick<KpiInput, 'attendance' | 'people'>, dashboard: Dashboard, labels: CsvLabels, language: CsvLanguage): string {
  return toCsv(exportRows(kind, input, dashboard, labels), language);
}
