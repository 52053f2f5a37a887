import { Link } from 'react-router';
import type { PersonKpis } from '../../domain/kpi';
import { useT } from '../../i18n/i18n';
import { KpiNumber } from './DrillDown';
import { formatFigure } from './format';

/** The team, one row per jeweler; each name opens the jeweler's page, each number its jobs. */
export function JewelerTable({ jewelers, search }: { jewelers: readonly PersonKpis[]; search: string }) {
  const { t, language } = useT();
  const tile = (key: string) => t(`kpi.tiles.${key}`);
  return (
    <div className="kpi-table-wrap">
      <table className="kpi-table" aria-label={t('kpi.jewelers.title')}>
        <thead>
          <tr>
            <th scope="col">{t('kpi.jewelers.name')}</th>
            <th scope="col">{tile('completed')}</th>
            <th scope="col">{tile('firstPassYield')}</th>
            <th scope="col">{tile('reworkRate')}</th>
            <th scope="col">{tile('labourPerJob')}</th>
            <th scope="col">{tile('leadTime')}</th>
            <th scope="col">{tile('onTime')}</th>
            <th scope="col">{tile('hoursPerWeek')}</th>
            <th scope="col">{tile('lateStarts')}</th>
            <th scope="col">{tile('utilisation')}</th>
          </tr>
        </thead>
        <tbody>
          {jewelers.map((p) => {
            const name = p.name ?? t('kpi.jewelers.unknown');
            const k = p.jobs.current;
            const a = p.attendance.current;
            const cell = (label: string, text: string, figure: Parameters<typeof KpiNumber>[0]['drill']['figure'], hitLabel?: string) => (
              <td><KpiNumber text={text} drill={{ title: `${name} · ${label}`, figure, hitLabel }} /></td>
            );
            return (
              <tr key={p.personId}>
                <th scope="row">
                  <Link to={`/kpi/jeweler/${p.personId}${search}`} aria-label={t('kpi.jewelers.open', { name })}>{name}</Link>
                </th>
                {cell(tile('completed'), formatFigure(k.completed.value, 'count', language), k.completed)}
                {cell(tile('firstPassYield'), formatFigure(k.firstPassYield.value, 'percent', language), k.firstPassYield, t('kpi.drill.hits.firstPassYield'))}
                {cell(tile('reworkRate'), formatFigure(k.reworkRate.value, 'percent', language), k.reworkRate, t('kpi.drill.hits.reworkRate'))}
                {cell(tile('labourPerJob'), formatFigure(k.labourHours.median, 'hours', language), k.labourHours)}
                {cell(tile('leadTime'), formatFigure(k.leadTimeDays.median, 'days', language), k.leadTimeDays)}
                {cell(tile('onTime'), formatFigure(k.onTimeRate.value, 'percent', language), k.onTimeRate, t('kpi.drill.hits.onTime'))}
                {cell(tile('hoursPerWeek'), formatFigure(a.hoursPerWeek.value, 'hours', language), a.hoursPerWeek)}
                {cell(tile('lateStarts'), formatFigure(a.lateStarts.numerator, 'count', language), a.lateStarts, t('kpi.drill.hits.lateStarts'))}
                {cell(tile('utilisation'), formatFigure(a.utilisation.value, 'percent', language), a.utilisation)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
