import type { ServiceKpis } from '../../domain/kpi';
import { useT } from '../../i18n/i18n';
import { KpiNumber } from './DrillDown';
import { formatFigure } from './format';

/** Quality and labour per service type over the period. */
export function ServiceTable({ services }: { services: readonly ServiceKpis[] }) {
  const { t, language } = useT();
  const tile = (key: string) => t(`kpi.tiles.${key}`);
  return (
    <div className="kpi-table-wrap">
      <table className="kpi-table" aria-label={t('kpi.services.title')}>
        <thead>
          <tr>
            <th scope="col">{t('kpi.services.service')}</th>
            <th scope="col">{tile('completed')}</th>
            <th scope="col">{tile('firstPassYield')}</th>
            <th scope="col">{tile('reworkRate')}</th>
            <th scope="col">{tile('labourPerJob')}</th>
            <th scope="col">p90</th>
            <th scope="col">{tile('leadTime')}</th>
          </tr>
        </thead>
        <tbody>
          {services.map(({ service, jobs }) => {
            const name = t(`services.${service}`);
            const k = jobs.current;
            return (
              <tr key={service}>
                <th scope="row">{name}</th>
                <td><KpiNumber text={formatFigure(k.completed.value, 'count', language)} drill={{ title: `${name} · ${tile('completed')}`, figure: k.completed }} /></td>
                <td><KpiNumber text={formatFigure(k.firstPassYield.value, 'percent', language)} drill={{ title: `${name} · ${tile('firstPassYield')}`, figure: k.firstPassYield, hitLabel: t('kpi.drill.hits.firstPassYield') }} /></td>
                <td><KpiNumber text={formatFigure(k.reworkRate.value, 'percent', language)} drill={{ title: `${name} · ${tile('reworkRate')}`, figure: k.reworkRate, hitLabel: t('kpi.drill.hits.reworkRate') }} /></td>
                <td><KpiNumber text={formatFigure(k.labourHours.median, 'hours', language)} drill={{ title: `${name} · ${tile('labourPerJob')}`, figure: k.labourHours }} /></td>
                <td><KpiNumber text={formatFigure(k.labourHours.p90, 'hours', language)} drill={{ title: `${name} · ${tile('labourPerJob')} (p90)`, figure: k.labourHours }} /></td>
                <td><KpiNumber text={formatFigure(k.leadTimeDays.median, 'days', language)} drill={{ title: `${name} · ${tile('leadTime')}`, figure: k.leadTimeDays }} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
