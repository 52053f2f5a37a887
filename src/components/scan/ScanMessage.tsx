import type { OpenOutcome } from '../../hooks/use-open-code';
import { useT } from '../../i18n/i18n';

/** What a scan led to, in words. Nothing for a job that opened: the job screen says it. */
export function ScanMessage({ outcome }: { outcome: OpenOutcome | null }) {
  const { t } = useT();
  if (!outcome || outcome.kind === 'opened') return null;
  switch (outcome.kind) {
    case 'not_loupe':
      return <p className="message message-error" role="alert">{t('bench.notLoupe', { raw: outcome.raw })}</p>;
    case 'damaged':
      return (
        <p className="message message-error" role="alert">
          {t('bench.damaged')} <span className="scan-raw">{t('scan.read', { raw: outcome.raw })}</span>
        </p>
      );
    case 'not_on_tablet':
      return <p className="message message-info" role="alert">{t('bench.notOnTablet', { number: outcome.number })}</p>;
    case 'no_person':
      return <p className="message message-info" role="alert">{t('scan.choosePersonFirst')}</p>;
    case 'failed':
      return <p className="message message-error" role="alert">{t('scan.failed')}</p>;
  }
}
