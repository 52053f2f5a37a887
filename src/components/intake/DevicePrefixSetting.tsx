import { useId, useState, type FormEvent } from 'react';
import { setDevicePrefix } from '../../db/job-number-repo';
import { isDevicePrefix } from '../../domain/device-prefix';
import { useDevicePrefix } from '../../hooks/use-front-office';
import { useT } from '../../i18n/i18n';

/** The prefix of the job numbers this device makes (a device setting until pairing assigns it). */
export function DevicePrefixSetting() {
  const { t } = useT();
  const id = useId();
  const current = useDevicePrefix();
  const [text, setText] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'saved' | 'invalid'>('idle');
  const value = text ?? current ?? '';

  async function save(event: FormEvent) {
    event.preventDefault();
    const prefix = value.trim().toUpperCase();
    if (!isDevicePrefix(prefix)) {
      setState('invalid');
      return;
    }
    await setDevicePrefix(prefix);
    setText(null);
    setState('saved');
  }

  return (
    <form className="card" onSubmit={(event) => void save(event)} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} className="field-label">{t('intake.devicePrefix')}</h2>
      <p className="muted" id={`${id}-help`}>{t('intake.devicePrefixHelp')}</p>
      <div className="scan-row">
        <label htmlFor={id} className="visually-hidden">{t('intake.devicePrefix')}</label>
        <input
          id={id}
          className="input input-short"
          value={value}
          maxLength={4}
          autoCapitalize="characters"
          onChange={(event) => {
            setText(event.currentTarget.value);
            setState('idle');
          }}
          aria-invalid={state === 'invalid' || undefined}
          aria-describedby={`${id}-help${state === 'invalid' ? ` ${id}-error` : ''}`}
        />
        <button type="submit" className="button">{t('intake.devicePrefixSave')}</button>
      </div>
      {state === 'invalid' && <p className="message message-error" id={`${id}-error`}>{t('intake.devicePrefixInvalid')}</p>}
      {state === 'saved' && <p className="muted" role="status">{t('settings.saved')}</p>}
    </form>
  );
}
