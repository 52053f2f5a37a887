import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { usePairing } from '../hooks/use-device-security';
import { useJoinWorkshop } from '../hooks/use-join-workshop';
import { useT } from '../i18n/i18n';
import '../styles/bench.css';
import '../styles/security.css';

const CameraScanner = lazy(async () => ({ default: (await import('../components/scan/CameraScanner')).CameraScanner }));

/** The code in what a camera read: the pairing link the admin screen shows as a QR code, or the bare code. */
export function codeFromScan(text: string): string {
  try {
    return new URL(text).searchParams.get('code') ?? text;
  } catch {
    return text;
  }
}

/** A new tablet joins the workshop: the code from the admin's Devices screen, typed or scanned. */
export default function PairPage() {
  const { t } = useT();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [scanning, setScanning] = useState(false);
  const pairing = usePairing();
  const { state, pair } = useJoinWorkshop();
  const busy = state.kind === 'busy';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (code.trim()) void pair(code);
  }

  return (
    <main id="main" className="app-main join-page">
      <section className="card" aria-labelledby="pair-title">
        <h1 id="pair-title">{t('pairing.title')}</h1>
        {/* Not while joining: the pairing just made is the one the tablet is receiving data for. */}
        {pairing && !busy && <p className="message message-info">{t('pairing.alreadyPaired', { name: pairing.name, workshop: pairing.workshopName })}</p>}
        <p>{t('pairing.explain')}</p>
        <form onSubmit={submit} aria-busy={busy}>
          <label className="field-label" htmlFor="pair-code">{t('pairing.codeLabel')}</label>
          <div className="scan-row">
            <input
              id="pair-code"
              className="input input-large"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              placeholder="AB7K-2MQX"
            />
            <button type="submit" className="button button-primary button-large" disabled={busy}>{t('pairing.pair')}</button>
          </div>
        </form>
        {state.kind === 'busy' && state.received > 0 && (
          // A new tablet receives the workshop's jobs before it starts: it says how far it is.
          <p className="message message-info" role="status">{t('sync.received', { count: state.received })}</p>
        )}
        {state.kind === 'failed' && (
          <p className="message message-error" role="alert">{state.code === 'offline' ? t('pairing.offline') : state.message}</p>
        )}
        {scanning && !busy ? (
          <Suspense fallback={<div className="loading" aria-busy="true" />}>
            <CameraScanner
              onCode={(text) => {
                const scanned = codeFromScan(text);
                setCode(scanned);
                setScanning(false);
                void pair(scanned);
              }}
            />
          </Suspense>
        ) : (
          <button type="button" className="button button-large" disabled={busy} onClick={() => setScanning(true)}>
            {t('pairing.scan')}
          </button>
        )}
      </section>
    </main>
  );
}
