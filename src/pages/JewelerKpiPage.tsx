// One jeweler's figures beside the team's, for a performance review (/kpi/jeweler/:personId):
// quality, productivity, attendance, and their weeks. Every number opens its jobs or shifts.
import { Link, useParams } from 'react-router';
import { Chart } from '../components/kpi/chart';
import { KPI_COLORS } from '../components/kpi/colors';
import { DrillProvider, KpiNumber, useDrill } from '../components/kpi/DrillDown';
import { formatFigure, trendOf, type Better, type Unit } from '../components/kpi/format';
import { PeriodPicker, periodLabel } from '../components/kpi/PeriodPicker';
import { weekLabels } from '../components/kpi/TeamCharts';
import type { Dashboard, Figure, PersonKpis } from '../domain/kpi';
import { useDashboard, usePeriod } from '../hooks/use-kpi';
import { useT } from '../i18n/i18n';
import '../components/kpi/kpi.css';

export default function JewelerKpiPage() {
  const { t } = useT();
  const { personId = '' } = useParams();
  const control = usePeriod();
  const data = useDashboard(control.period);
  const person = data?.dashboard.jewelers.find((p) => p.personId === personId);

  return (
    <section className="page page-kpi" aria-labelledby="kpi-jeweler-title">
      <Link to={`/kpi${control.search}`} className="kpi-back">‹ {t('kpi.jeweler.back')}</Link>
      <div className="kpi-head">
        <h1 id="kpi-jeweler-title">{person ? (person.name ?? t('kpi.jewelers.unknown')) : t('kpi.title')}</h1>
        <PeriodPicker control={control} />
      </div>
      {!data && <p className="muted" aria-busy="true">{t('kpi.loading')}</p>}
      {data && !person && <p className="message message-info">{t('kpi.jeweler.notFound')}</p>}
      {data && person && (
        <DrillProvider input={data.input} dashboard={data.dashboard}>
          <Review person={person} dashboard={data.dashboard} />
        </DrillProvider>
      )}
    </section>
  );
}

interface Row {
  label: string;
  unit: Unit;
  better: Better;
  mine: Figure;
  previous: number | null;
  team: Figure;
  hitLabel?: string;
}

/** A figure averaged over the team's jewelers (for counts and hours, which add up across people). */
function perJeweler(figure: Figure, people: number): Figure {
  return { ...figure, value: figure.value === null || people === 0 ? null : figure.value / people };
}

function Review({ person, dashboard }: { person: PersonKpis; dashboard: Dashboard }) {
  const { t, language } = useT();
  const drill = useDrill();
  const name = person.name ?? t('kpi.jewelers.unknown');
  const people = dashboard.jewelers.length;
  const [k, kp, team] = [person.jobs.current, person.jobs.previous, dashboard.team.jobs.current];
  const [a, ap, teamA] = [person.attendance.current, person.attendance.previous, dashboard.team.attendance.current];
  const tile = (key: string) => t(`kpi.tiles.${key}`);
  const late = (f: typeof a.lateStarts): Figure => ({ ...f, value: f.numerator });

  const sections: Array<[string, Row[]]> = [
    [t('kpi.jeweler.quality'), [
      { label: tile('firstPassYield'), unit: 'percent', better: 'up', mine: k.firstPassYield, previous: kp.firstPassYield.value, team: team.firstPassYield, hitLabel: t('kpi.drill.hits.firstPassYield') },
      { label: tile('reworkRate'), unit: 'percent', better: 'down', mine: k.reworkRate, previous: kp.reworkRate.value, team: team.reworkRate, hitLabel: t('kpi.drill.hits.reworkRate') },
      { label: tile('onTime'), unit: 'percent', better: 'up', mine: k.onTimeRate, previous: kp.onTimeRate.value, team: team.onTimeRate, hitLabel: t('kpi.drill.hits.onTime') },
    ]],
    [t('kpi.jeweler.productivity'), [
      { label: tile('completed'), unit: 'decimal', better: 'up', mine: k.completed, previous: kp.completed.value, team: perJeweler(team.completed, people) },
      { label: tile('labourPerJob'), unit: 'hours', better: 'neither', mine: k.labourHours, previous: kp.labourHours.median, team: team.labourHours },
      { label: tile('leadTime'), unit: 'days', better: 'down', mine: k.leadTimeDays, previous: kp.leadTimeDays.median, team: team.leadTimeDays },
      { label: t('kpi.jeweler.openJobs'), unit: 'decimal', better: 'neither', mine: person.wip.total, previous: null, team: perJeweler(dashboard.team.wip.total, people) },
      { label: tile('overdue'), unit: 'decimal', better: 'down', mine: person.wip.overdue, previous: null, team: perJeweler(dashboard.team.wip.overdue, people) },
    ]],
    [t('kpi.jeweler.attendance'), [
      { label: t('kpi.jeweler.clockedHours'), unit: 'hours', better: 'neither', mine: a.clockedHours, previous: ap.clockedHours.value, team: perJeweler(teamA.clockedHours, people) },
      { label: tile('hoursPerWeek'), unit: 'hours', better: 'neither', mine: a.hoursPerWeek, previous: ap.hoursPerWeek.value, team: teamA.hoursPerWeek },
      { label: tile('lateStarts'), unit: 'decimal', better: 'down', mine: late(a.lateStarts), previous: ap.lateStarts.numerator, team: perJeweler(late(teamA.lateStarts), people), hitLabel: t('kpi.drill.hits.lateStarts') },
      { label: tile('utilisation'), unit: 'percent', better: 'up', mine: a.utilisation, previous: ap.utilisation.value, team: teamA.utilisation },
      { label: t('kpi.jeweler.openShifts'), unit: 'count', better: 'down', mine: a.openShifts, previous: null, team: perJeweler(teamA.openShifts, people) },
    ]],
  ];

  const weekly = person.weekly;
  const teamWeekly = dashboard.team.weekly;
  const weeks = weekLabels(weekly, language);
  const common = { categoryHeading: t('kpi.charts.week'), figuresLabel: t('kpi.charts.figures'), categories: weeks };

  return (
    <>
      <p className="muted kpi-compare">{t('kpi.previousIs', { range: periodLabel(dashboard.previous, language, t) })}</p>
      <div className="kpi-review">
        {sections.map(([title, rows]) => (
          <section key={title} className="card" aria-label={title}>
            <h2>{title}</h2>
            <table className="kpi-table kpi-review-table">
              <thead>
                <tr>
                  <th scope="col">{t('kpi.jeweler.figure')}</th>
                  <th scope="col">{name}</th>
                  <th scope="col">{t('kpi.jeweler.previous')}</th>
                  <th scope="col">{t('kpi.jeweler.team')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const trend = trendOf(row.mine.value, row.previous, row.unit, row.better, language);
                  return (
                    <tr key={row.label}>
                      <th scope="row">{row.label}</th>
                      <td><KpiNumber text={formatFigure(row.mine.value, row.unit, language)} drill={{ title: `${name} · ${row.label}`, figure: row.mine, hitLabel: row.hitLabel }} /></td>
                      <td className={`kpi-trend kpi-trend-${trend?.tone ?? 'neutral'}`}>
                        {formatFigure(row.previous, row.unit, language)}
                        {trend && trend.direction !== 'same' && <> ({trend.delta})</>}
                      </td>
                      <td><KpiNumber text={formatFigure(row.team.value, row.unit, language)} drill={{ title: `${t('kpi.jeweler.team')} · ${row.label}`, figure: row.team, hitLabel: row.hitLabel }} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        ))}
      </div>

      <h2>{t('kpi.charts.title')}</h2>
      <div className="kpi-charts">
        <Chart
          {...common}
          title={t('kpi.charts.completed')}
          series={[
            { label: name, values: weekly.map((p) => (p.future ? null : p.completed.value)), kind: 'bar', color: KPI_COLORS.gold },
            { label: t('kpi.charts.teamPerJeweler'), values: teamWeekly.map((p) => (people && !p.future ? (p.completed.value ?? 0) / people : null)), kind: 'line', color: KPI_COLORS.ink },
          ]}
          format={(v) => formatFigure(v, 'decimal', language)}
          onPick={(i) => drill({ title: `${name} · ${t('kpi.charts.completed')} · ${weeks[i]}`, figure: weekly[i]!.completed })}
        />
        <Chart
          {...common}
          title={t('kpi.tiles.firstPassYield')}
          series={[
            { label: name, values: weekly.map((p) => (p.future ? null : p.firstPassYield.value)), kind: 'line', color: KPI_COLORS.ok },
            { label: t('kpi.charts.team'), values: teamWeekly.map((p) => (p.future ? null : p.firstPassYield.value)), kind: 'line', color: KPI_COLORS.grey },
          ]}
          format={(v) => formatFigure(v, 'percent', language)}
          yMax={1}
          onPick={(i) => drill({ title: `${name} · ${t('kpi.tiles.firstPassYield')} · ${weeks[i]}`, figure: weekly[i]!.firstPassYield, hitLabel: t('kpi.drill.hits.firstPassYield') })}
        />
        <Chart
          {...common}
          title={t('kpi.charts.hours')}
          series={[
            { label: t('kpi.charts.clocked'), values: weekly.map((p) => (p.future ? null : p.clockedHours.value)), kind: 'bar', color: KPI_COLORS.blue },
            { label: t('kpi.charts.labour'), values: weekly.map((p) => (p.future ? null : p.labourHours.value)), kind: 'line', color: KPI_COLORS.gold },
          ]}
          format={(v) => formatFigure(v, 'hours', language)}
          onPick={(i) => drill({ title: `${name} · ${t('kpi.tiles.utilisation')} · ${weeks[i]}`, figure: weekly[i]!.utilisation })}
        />
      </div>
    </>
  );
}
