import type { TagLayout } from '../../domain/labels';
import { useT } from '../../i18n/i18n';
import { QrCode } from './QrCode';

/** One tag: the QR code, and the job number printed large under it. */
export function TagLabel({ payload, number, layout }: { payload: string; number: string; layout: TagLayout }) {
  const { t } = useT();
  return (
    <div className="tag-label-content">
      <QrCode payload={payload} sizeMm={layout.qrMm} label={t('labels.qrAlt', { number })} />
      <span className="tag-number" style={{ fontSize: `${layout.fontMm}mm` }}>{number}</span>
    </div>
  );
}
