import { useState } from 'react';
import { HOLD_REASONS, type HoldReason } from '../../domain/vocabulary';
import { useT } from '../../i18n/i18n';

/** Putting a job on hold needs a reason: the manager's board shows why it waits. */
export function HoldReasonPicker({ onConfirm, onCancel }: { onConfirm: (reason: HoldReason) => void; onCancel: () => void }) {
  const { t } = useT();
  const [reason, setReason] = useState<HoldReason | null>(null);
  return (
    <fieldset className="card hold-picker">
      <legend>{t('moves.holdReasonTitle')}</legend>
      <div className="segmented segmented-wrap">
        {HOLD_REASONS.map((r) => (
          <button key={r} type="button" className="button button-large" aria-pressed={reason === r} onClick={() => setReason(r)}>
            {t(`moves.holdReasons.${r}`)}
          </button>
        ))}
      </div>
      <div className="button-row">
        <button type="button" className="button button-primary button-large" disabled={reason === null} onClick={() => reason && onConfirm(reason)}>
          {t('moves.confirmHold')}
        </button>
        <button type="button" className="button button-large" onClick={onCancel}>{t('moves.back')}</button>
      </div>
    </fieldset>
  );
}
