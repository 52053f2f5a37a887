import type { QcMissing } from '../../domain/checklists';
import { useT } from '../../i18n/i18n';

/** "Not ready for QC", and exactly what is missing, so the jeweler knows what to do next. */
export function QcRefusal({ missing }: { missing: readonly QcMissing[] }) {
  const { t } = useT();
  return (
    <div className="message message-error qc-refusal" role="alert">
      <p>{t('moves.qcRefused', { count: missing.length })}</p>
      <ul>
        {missing.map((m) =>
          m.kind === 'after_photo' ? (
            <li key="after-photo">{t('moves.qcMissingAfterPhoto')}</li>
          ) : (
            <li key={`${m.item.templateId}:${m.item.key}`}>
              {t(m.item.label)} <span className="muted">({t(`services.${m.item.service}`)})</span>
              {m.state === 'note_missing' && ` — ${t('moves.qcMissingNote')}`}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
