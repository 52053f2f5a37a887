import type { PairingCodeResponse } from '../../protocol/protocol';
import { formatTime, useT } from '../../i18n/i18n';
import { QrCode } from '../print/QrCode';

/** The code to type on the new tablet, and the same as a QR code its camera can read. */
export function PairingCodeCard({ code }: { code: PairingCodeResponse }) {
  const { t, language } = useT();
  const shown = `${code.code.slice(0, 4)}-${code.code.slice(4)}`;
  const link = `${window.location.origin}/pair?code=${code.code}`;
  return (
    <section className="card pairing-code" aria-labelledby="pairing-code-title">
      <h2 id="pairing-code-title">{t('admin.codeFor', { name: code.name })}</h2>
      <p className="pairing-code-text" data-testid="pairing-code">{shown}</p>
      <QrCode payload={link} sizeMm={45} label={t('admin.codeQr')} />
      <p className="muted">{t('admin.codeHelp', { time: formatTime(code.expiresAt, language), prefix: code.prefix })}</p>
    </section>
  );
}
