import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useJoinWorkshop } from '../hooks/use-join-workshop';
import { useT } from '../i18n/i18n';
import { isPin } from '../security/pin-hash';
import '../styles/bench.css';
import '../styles/security.css';

/**
 * First start: the link the server printed opens this screen. It names the workshop and its first
 * admin (name and PIN), and pairs this device as the admin's. There is no default password: until
 * this is done, only the person holding the printed link can get in.
 */
export default function SetupPage() {
  const { t } = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { state, setUp } = useJoinWorkshop();
  const [values, setValues] = useState({ workshopName: '', adminName: '', pin: '', pinAgain: '', deviceName: t('setup.defaultDeviceName') });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!values.workshopName.trim() || !values.adminName.trim() || !values.deviceName.trim()) return setProblem(t('setup.missing'));
    if (!isPin(values.pin)) return setProblem(t('setup.pinRule'));
    if (values.pin !== values.pinAgain) return setProblem(t('setup.pinMismatch'));
    setProblem(null);
    void setUp({ token, workshopName: values.workshopName.trim(), adminName: values.adminName.trim(), pin: values.pin, deviceName: values.deviceName.trim() });
  }

  return (
    <main id="main" className="app-main join-page">
      <section className="card" aria-labelledby="setup-title">
        <h1 id="setup-title">{t('setup.title')}</h1>
        {!token ? (
          <p className="message message-error" role="alert">{t('setup.noToken')}</p>
        ) : (
          <form onSubmit={submit} aria-busy={state.kind === 'busy'}>
            <p>{t('setup.explain')}</p>
            <Field id="setup-workshop" label={t('setup.workshopName')} value={values.workshopName} onChange={set('workshopName')} />
            <Field id="setup-admin" label={t('setup.adminName')} value={values.adminName} onChange={set('adminName')} />
            <Field id="setup-pin" label={t('setup.pin')} value={values.pin} onChange={set('pin')} pin />
            <Field id="setup-pin-again" label={t('setup.pinAgain')} value={values.pinAgain} onChange={set('pinAgain')} pin />
            <Field id="setup-device" label={t('setup.deviceName')} value={values.deviceName} onChange={set('deviceName')} />
            <div className="button-row">
              <button type="submit" className="button button-primary button-large" disabled={state.kind === 'busy'}>{t('setup.submit')}</button>
            </div>
            {(problem ?? (state.kind === 'failed' ? state.message : null)) && (
              <p className="message message-error" role="alert">{problem ?? (state.kind === 'failed' ? state.message : '')}</p>
            )}
          </form>
        )}
      </section>
    </main>
  );
}

function Field({ id, label, value, onChange, pin = false }: { id: string; label: string; value: string; onChange: (e: { target: { value: string } }) => void; pin?: boolean }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">{label}</label>
      <input
        id={id}
        className="input input-large"
        value={value}
        onChange={onChange}
        autoComplete="off"
        {...(pin ? { type: 'password', inputMode: 'numeric' as const, maxLength: 6 } : {})}
      />
    </div>
  );
}
