import { useId, useState } from 'react';
import { LOCATION_KINDS, type LocationKind } from '../domain/vocabulary';
import { useDeviceLocation } from '../hooks/use-device-location';
import { useStorageStatus } from '../hooks/use-storage-status';
import { LANGUAGES, formatBytes, setLanguage, useT } from '../i18n/i18n';
import { DevicePrefixSetting } from '../components/intake/DevicePrefixSetting';
import { IdleLockSetting } from '../components/lock/IdleLockSetting';


export default function SettingsPage() {
  const { t, language } = useT();
  const [location, setLocation, locationRead] = useDeviceLocation();
  const { status, request } = useStorageStatus();
  const benchId = useId();

  return (
    <section className="page page-settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>

      <fieldset className="card">
        <legend>{t('settings.language')}</legend>
        <p className="muted">{t('settings.languageHelp')}</p>
        <div className="segmented">
          {LANGUAGES.map((lang) => (
            <button
              key={lang}
              type="button"
              lang={lang}
              className="button button-large"
              aria-pressed={language === lang}
              onClick={() => void setLanguage(lang)}
            >
              {t(`languages.${lang}`)}
            </button>
          ))}
        </div>
      </fieldset>

      <fieldset className="card" aria-busy={!locationRead}>
        <legend>{t('settings.location')}</legend>
        <p className="muted">{t('settings.locationHelp')}</p>
        {/* Not before the stored location is read: the default would show as chosen, and seed the bench number. */}
        {locationRead && (
          <>
            <div className="segmented segmented-wrap">
              {LOCATION_KINDS.filter((k) => k !== 'vendor').map((kind: LocationKind) => (
                <button
                  key={kind}
                  type="button"
                  className="button button-large"
                  aria-pressed={location.kind === kind}
                  onClick={() => void setLocation({ kind, label: kind === 'bench' ? location.label ?? '1' : undefined })}
                >
                  {t(`locations.${kind}`)}
                </button>
              ))}
            </div>
            {location.kind === 'bench' && (
              <div className="field">
                <label htmlFor={benchId} className="field-label">{t('settings.benchNumber')}</label>
                <BenchNumberInput id={benchId} value={location.label ?? ''} onSave={(label) => setLocation({ kind: 'bench', label })} />
              </div>
            )}
          </>
        )}
      </fieldset>

      <fieldset className="card">
        <legend>{t('settings.storage')}</legend>
        <p data-testid="storage-persisted">
          {status === null ? '…' : status.persisted === null ? t('settings.persistUnknown') : status.persisted ? t('settings.persisted') : t('settings.notPersisted')}
        </p>
        <p data-testid="storage-usage">
          {status?.usage != null && status.quota != null
            ? t('settings.usage', { used: formatBytes(status.usage, language), quota: formatBytes(status.quota, language) })
            : t('settings.usageUnknown')}
        </p>
        {status?.persisted === false && (
          <button type="button" className="button button-large" onClick={() => void request()}>
            {t('settings.persistRequest')}
          </button>
        )}
      </fieldset>

      <DevicePrefixSetting />

      <IdleLockSetting />

      <p className="muted">
        {t('settings.version')}: <span data-testid="build-id">{__LOUPE_BUILD_ID__}</span>
      </p>
    </section>
  );
}

/** Typed into local state and saved on each keystroke, so fast typing never races the database. */
function BenchNumberInput({ id, value, onSave }: { id: string; value: string; onSave: (label: string) => Promise<void> }) {
  const [text, setText] = useState(value);
  return (
    <input
      id={id}
      className="input input-large input-short"
      inputMode="numeric"
      value={text}
      onChange={(e) => {
        const digits = e.target.value.replace(/\D/g, '').slice(0, 3);
        setText(digits);
        void onSave(digits);
      }}
    />
  );
}
