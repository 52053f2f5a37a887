import { AGE_BUCKETS, OPEN_STATUSES, type Dashboard, type WeeklyPoint } from '../../domain/kpi';
import { useT, type Language } from '../../i18n/i18n';
import { Chart } from './chart';
import { KPI_COLORS } from './colors';
import { useDrill } from './DrillDown';
import { formatFigure } from './format';

/** "9 Mar": a week by its Monday. */
export function weekLabels(weekly: readonly WeeklyPoint[], language: Language): string[] {
  const format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return weekly.map((p) => format.format(new Date(`${p.week.monday}T00:00:00Z`)));
}

/** The team's charts: trends by week, work in progress, labour by service type. */
export function TeamCharts({ dashboard }: { dashboard: Dashboard }) {
  const { t, language } = useT();
  const drill = useDrill();
  const weekly = dashboard.team.weekly;
  const weeks = weekLabels(weekly, language);
  const common = { categoryHeading: t('kpi.charts.week'), figuresLabel: t('kpi.charts.figures') };
  const percent = (v: number | null) => formatFigure(v, 'percent', language);
  const hours = (v: number | null) => formatFigure(v, 'hours', language);
  const count = (v: number | null) => formatFigure(v, 'count', language);
  const services = dashboard.services;

  return (
    <>
      <h2>{t('kpi.charts.title')}</h2>
      <div className="kpi-charts">
        <Chart
          {...common}
          title={t('kpi.charts.completed')}
          categories={weeks}
          series={[{ label: t('kpi.charts.jobs'), values: weekly.map((p) => (p.future ? null : p.completed.value)), kind: 'bar', color: KPI_COLORS.gold }]}
          format={count}
          integers
          onPick={(i) => drill({ title: `${t('kpi.charts.completed')} · ${weeks[i]}`, figure: weekly[i]!.completed })}
        />
        <Chart
          {...common}
          title={t('kpi.charts.quality')}
          categories={weeks}
          series={[
            { label: t('kpi.tiles.firstPassYield'), values: weekly.map((p) => (p.future ? null : p.firstPassYield.value)), kind: 'line', color: KPI_COLORS.ok },
            { label: t('kpi.tiles.reworkRate'), values: weekly.map((p) => (p.future ? null : p.reworkRate.value)), kind: 'line', color: KPI_COLORS.bad },
          ]}
          format={percent}
          yMax={1}
          onPick={(i) => drill({ title: `${t('kpi.tiles.firstPassYield')} · ${weeks[i]}`, figure: weekly[i]!.firstPassYield, hitLabel: t('kpi.drill.hits.firstPassYield') })}
        />
        <Chart
          {...common}
          title={t('kpi.charts.hours')}
          categories={weeks}
          series={[
            { label: t('kpi.charts.clocked'), values: weekly.map((p) => (p.future ? null : p.clockedHours.value)), kind: 'bar', color: KPI_COLORS.blue },
            { label: t('kpi.charts.labour'), values: weekly.map((p) => (p.future ? null : p.labourHours.value)), kind: 'line', color: KPI_COLORS.gold },
          ]}
          format={hours}
          onPick={(i) => drill({ title: `${t('kpi.tiles.utilisation')} · ${weeks[i]}`, figure: weekly[i]!.utilisation })}
        />
      </div>

      <h2>{t('kpi.wip.title')}</h2>
      <div className="kpi-charts kpi-charts-two">
        <Chart
          {...common}
          categoryHeading={t('kpi.wip.byAge')}
          title={t('kpi.charts.wipByAge')}
          categories={AGE_BUCKETS.map((b) => t(`kpi.wip.ages.${b}`))}
          series={[{ label: t('kpi.charts.jobs'), values: AGE_BUCKETS.map((b) => dashboard.team.wip.byAge[b].value), kind: 'bar', color: KPI_COLORS.ink }]}
          format={count}
          integers
          onPick={(i) => drill({ title: `${t('kpi.charts.wipByAge')} · ${t(`kpi.wip.ages.${AGE_BUCKETS[i]}`)}`, figure: dashboard.team.wip.byAge[AGE_BUCKETS[i]!] })}
        />
        <Chart
          {...common}
          categoryHeading={t('kpi.wip.byStatus')}
          title={t('kpi.charts.wipByStatus')}
          categories={OPEN_STATUSES.map((s) => t(`statuses.${s}`))}
          series={[{ label: t('kpi.charts.jobs'), values: OPEN_STATUSES.map((s) => dashboard.team.wip.byStatus[s].value), kind: 'bar', color: KPI_COLORS.gold }]}
          format={count}
          integers
          onPick={(i) => drill({ title: `${t('kpi.charts.wipByStatus')} · ${t(`statuses.${OPEN_STATUSES[i]}`)}`, figure: dashboard.team.wip.byStatus[OPEN_STATUSES[i]!] })}
        />
      </div>

      {services.length > 0 && (
        <Chart
          {...common}
          categoryHeading={t('kpi.services.service')}
          title={t('kpi.charts.labourByService')}
          categories={services.map((s) => t(`services.${s.service}`))}
          series={[
            { label: t('kpi.charts.median'), values: services.map((s) => s.jobs.current.labourHours.median), kind: 'bar', color: KPI_COLORS.gold },
            { label: t('kpi.charts.p90'), values: services.map((s) => s.jobs.current.labourHours.p90), kind: 'dots', color: KPI_COLORS.ink },
          ]}
          format={hours}
          height={260}
          onPick={(i) => drill({ title: `${t('kpi.charts.labourByService')} · ${t(`services.${services[i]!.service}`)}`, figure: services[i]!.jobs.current.labourHours })}
        />
      )}
    </>
  );
}
