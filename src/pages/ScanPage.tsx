import { useCallback, useRef, useState } from 'react';
import { Link } from 'react-router';
import { PersonRequired } from '../components/person/PersonRequired';
import { CameraScanner } from '../components/scan/CameraScanner';
import { ScanMessage } from '../components/scan/ScanMessage';
import { useCurrentPerson } from '../hooks/use-current-person';
import { useOpenCode, type OpenOutcome } from '../hooks/use-open-code';
import { useT } from '../i18n/i18n';

// The camera sees the same code many times a second; one answer per code is enough.
const SAME_CODE_QUIET_MS = 2500;

/** The camera scan screen: its own lazy chunk, the only one that loads html5-qrcode. */
export default function ScanPage() {
  const { t } = useT();
  const person = useCurrentPerson();
  const openCode = useOpenCode();
  const [outcome, setOutcome] = useState<OpenOutcome | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const last = useRef<{ raw: string; at: number } | null>(null);
  const busy = useRef(false);

  const open = useCallback(
    async (raw: string) => {
      busy.current = true;
      try {
        const result = await openCode(raw);
        setPending(result.kind === 'no_person' ? raw : null);
        setOutcome(result);
      } finally {
        busy.current = false;
      }
    },
    [openCode],
  );

  const onCode = useCallback(
    (raw: string) => {
      const now = Date.now();
      if (busy.current || (last.current?.raw === raw && now - last.current.at < SAME_CODE_QUIET_MS)) return;
      last.current = { raw, at: now };
      void open(raw);
    },
    [open],
  );

  return (
    <section className="page page-scan" aria-labelledby="scan-title">
      <h1 id="scan-title">{t('scan.title')}</h1>
      {person === null && <PersonRequired onPicked={() => pending !== null && void open(pending)} />}
      <ScanMessage outcome={outcome} />
      <CameraScanner onCode={onCode} />
      <Link className="button button-large" to="/">{t('scan.typeInstead')}</Link>
    </section>
  );
}
