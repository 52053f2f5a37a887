import { buildExport, EXPORT_KINDS, exportFileName, type Dashboard, type KpiInput } from '../../domain/kpi';
import { csvLabels } from '../../i18n/csv-labels';
import { useT } from '../../i18n/i18n';
import { downloadText } from './download';

/** CSV files for Excel over the period on screen, made on this device (works offline). */
export function ExportPanel({ input, dashboard }: { input: KpiInput; dashboard: Dashboard }) {
  const { t, language } = useT();
  return (
    <section className="card kpi-export" aria-labelledby="kpi-export-title">
      <h2 id="kpi-export-title">{t('export.title')}</h2>
      <p className="muted">{t('export.help')}</p>
      <div className="segmented segmented-wrap">
        {EXPORT_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="button"
            onClick={() => downloadText(exportFileName(kind, dashboard), buildExport(kind, input, dashboard, csvLabels(language), language))}
          >
            ⤓ {t(`export.${kind}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
