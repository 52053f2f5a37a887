// The KPI arithmetic (docs/KPIS.md): pure, no clock, no storage. The app and the server call
// computeDashboard on the same records and get the same figures.
export { computeDashboard, DEFAULT_KPI_OPTIONS } from './dashboard';
export type { Compared, Dashboard, KpiOptions, PersonKpis, ScopeKpis, ServiceKpis, WeeklyPoint } from './dashboard';
export type { AttendanceKpis } from './attendance';
export type { Figure, Rate, Spread } from './figures';
export type { JobFacts, KpiInput, OpenStatus } from './job-facts';
export { OPEN_STATUSES } from './job-facts';
export type { JobKpis } from './job-kpis';
export { AGE_BUCKETS, type AgeBucket, type Wip } from './wip';
export { PERIOD_KINDS, currentPeriod, customPeriod, periodHolding, previousPeriod, type Period, type PeriodKind } from './period';
export { addDays, isLocalDate, isoWeek, isTimeZone, localDate } from './calendar';
export { EXPORT_KINDS, buildExport, exportFileName, type ExportKind, type CsvLanguage } from './csv';
