// The manager's KPI dashboard (/kpi): headline figures with their trend, charts by week, the
// team by jeweler and by service type, CSV exports. Computed on this device from its own data,
// so it works offline; uPlot comes with this screen's chunk only.
import { DrillProvider } from '../components/kpi/DrillDown';
import { ExportPanel } from '../components/kpi/ExportPanel';
import { JewelerTable } from '../components/kpi/JewelerTable';
import { KpiSettingsForm } from '../components/kpi/KpiSettingsForm';
import { KpiTile } from '../components/kpi/KpiTile';
import { PeriodPicker, periodLabel } from '../components/kpi/PeriodPicker';
import { ServiceTable } from '../components/kpi/ServiceTable';
import { TeamCharts } from '../components/kpi/TeamCharts';
import { formatFigure } from '../components/kpi/format';
import { useDashboard, usePeriod, type DashboardData } from '../hooks/use-kpi';
import { useT } from '../i18n/i18n';
import '../components/kpi/kpi.css';

export default function DashboardPage() {
  const { t } = useT();
  const control = usePeriod();
  const data = useDashboard(control.period);

  return (
    <section className="page page-kpi" aria-labelledby="kpi-title">
      <div className="kpi-head">
        <h1 id="kpi-title">{t('kpi.title')}</h1>
        <PeriodPicker control={control} />
      </div>
      {!data && <p className="muted" aria-busy="true">{t('kpi.loading')}</p>}
      {data && (
        <DrillProvider input={data.input} dashboard={data.dashboard}>
          <TeamDashboard data={data} search={control.search} />
        </DrillProvider>
      )}
    </section>
  );
}

function TeamDashboard({ data: { input, dashboard }, search }: { data: DashboardData; search: string }) {
  const { t, language } = useT();
  const previousLabel = periodLabel(dashboard.previous, language, t);
  const { current: k, previous: p } = dashboard.team.jobs;
  const { current: a, previous: ap } = dashboard.team.attendance;
  const { wip } = dashboard.team;
  const hours = (v: number | null) => formatFigure(v, 'hours', language);
  return (
    <>
      <p className="muted kpi-compare">
        {t('kpi.previousIs', { range: previousLabel })} · {t('kpi.offlineNote')}
      </p>
      {input.jobs.length === 0 && <p className="message message-info">{t('kpi.noData')}</p>}
      <div className="kpi-tiles">
        <KpiTile label={t('kpi.tiles.firstPassYield')} figure={k.firstPassYield} unit="percent" previous={p.firstPassYield.value} better="up" previousLabel={previousLabel}
          sub={t('kpi.sub.ofJobs', { hits: k.firstPassYield.numerator, total: k.firstPassYield.denominator })} hitLabel={t('kpi.drill.hits.firstPassYield')} />
        <KpiTile label={t('kpi.tiles.reworkRate')} figure={k.reworkRate} unit="percent" previous={p.reworkRate.value} better="down" previousLabel={previousLabel}
          sub={t('kpi.sub.ofReviews', { hits: k.reworkRate.numerator, total: k.reworkRate.denominator })} hitLabel={t('kpi.drill.hits.reworkRate')} />
        <KpiTile label={t('kpi.tiles.completed')} figure={k.completed} unit="count" previous={p.completed.value} better="up" previousLabel={previousLabel}
          sub={t('kpi.sub.perWeek', { value: formatFigure(k.completedPerWeek.value, 'decimal', language) })} />
        <KpiTile label={t('kpi.tiles.onTime')} figure={k.onTimeRate} unit="percent" previous={p.onTimeRate.value} better="up" previousLabel={previousLabel}
          sub={t('kpi.sub.ofJobs', { hits: k.onTimeRate.numerator, total: k.onTimeRate.denominator })} hitLabel={t('kpi.drill.hits.onTime')} />
        <KpiTile label={t('kpi.tiles.labourPerJob')} figure={k.labourHours} unit="hours" previous={p.labourHours.median} previousLabel={previousLabel}
          sub={t('kpi.sub.medianP90', { p90: hours(k.labourHours.p90) })} />
        <KpiTile label={t('kpi.tiles.leadTime')} figure={k.leadTimeDays} unit="days" previous={p.leadTimeDays.median} better="down" previousLabel={previousLabel}
          sub={t('kpi.sub.medianP90', { p90: formatFigure(k.leadTimeDays.p90, 'days', language) })} />
        <KpiTile label={t('kpi.tiles.wip')} figure={wip.total} unit="count" sub={t('kpi.sub.now')} />
        <KpiTile label={t('kpi.tiles.overdue')} figure={wip.overdue} unit="count" sub={t('kpi.sub.now')} />
        <KpiTile label={t('kpi.tiles.idle')} figure={wip.idle} unit="count" sub={t('kpi.sub.idleFor', { count: wip.idleDays })} />
        <KpiTile label={t('kpi.tiles.hoursPerWeek')} figure={a.hoursPerWeek} unit="hours" previous={ap.hoursPerWeek.value} previousLabel={previousLabel}
          sub={t('kpi.sub.clockedTotal', { value: hours(a.clockedHours.value) })} />
        <KpiTile label={t('kpi.tiles.lateStarts')} figure={{ ...a.lateStarts, value: a.lateStarts.numerator }} unit="count" previous={ap.lateStarts.numerator} better="down" previousLabel={previousLabel}
          sub={t('kpi.sub.ofDays', { hits: a.lateStarts.numerator, total: a.lateStarts.denominator })} hitLabel={t('kpi.drill.hits.lateStarts')} />
        <KpiTile label={t('kpi.tiles.utilisation')} figure={a.utilisation} unit="percent" previous={ap.utilisation.value} better="up" previousLabel={previousLabel}
          sub={t('kpi.sub.labourOverClocked', { labour: hours(a.labourHours.value), clocked: hours(a.clockedHours.value) })} />
      </div>

      <TeamCharts dashboard={dashboard} />

      <h2>{t('kpi.jewelers.title')}</h2>
      <JewelerTable jewelers={dashboard.jewelers} search={search} />

      {dashboard.services.length > 0 && (
        <>
          <h2>{t('kpi.services.title')}</h2>
          <p className="muted">{t('kpi.services.note')}</p>
          <ServiceTable services={dashboard.services} />
        </>
      )}

      <ExportPanel input={input} dashboard={dashboard} />
      <KpiSettingsForm />
    </>
  );
}
