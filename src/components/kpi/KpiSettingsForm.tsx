import { useId } from 'react';
import { useKpiSettings, type KpiSettings } from '../../hooks/use-kpi';
import { useT } from '../../i18n/i18n';

/** Idle after N days, the shift start and the grace for late starts: this device's settings. */
export function KpiSettingsForm() {
  const { t } = useT();
  const [settings, save, loaded] = useKpiSettings();
  const ids = { idle: useId(), start: useId(), grace: useId() };
  const update = (patch: Partial<KpiSettings>) => void save({ ...settings, ...patch });
  const whole = (text: string, min: number, max: number) => Math.min(max, Math.max(min, Math.round(Number(text) || 0)));
  return (
    <details className="card kpi-settings">
      <summary>{t('kpi.settings.title')}</summary>
      {/* Only once the stored settings are read: an edit made on the defaults would save them over the stored ones. */}
      {loaded && (
        <div className="kpi-settings-grid">
          <label htmlFor={ids.idle}>{t('kpi.settings.idleDays')}</label>
          <input id={ids.idle} className="input input-short" type="number" min={1} max={90} value={settings.idleDays} onChange={(e) => update({ idleDays: whole(e.target.value, 1, 90) })} />
          <label htmlFor={ids.start}>{t('kpi.settings.shiftStart')}</label>
          <input id={ids.start} className="input input-short" type="time" value={settings.shiftStart} onChange={(e) => /^\d{2}:\d{2}$/.test(e.target.value) && update({ shiftStart: e.target.value })} />
          <label htmlFor={ids.grace}>{t('kpi.settings.grace')}</label>
          <input id={ids.grace} className="input input-short" type="number" min={0} max={120} value={settings.lateGraceMinutes} onChange={(e) => update({ lateGraceMinutes: whole(e.target.value, 0, 120) })} />
        </div>
      )}
      <p className="muted">{t('kpi.settings.definitions')}</p>
    </details>
  );
}
