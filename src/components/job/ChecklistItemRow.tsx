import { useId, useState } from 'react';
import type { JobPhotoRef } from '../../db/checklist-repo';
import type { ChecklistAnswerRecord } from '../../db/records';
import { parseMeasurement, type ItemEvaluation } from '../../domain/checklists';
import { formatNumber, useT } from '../../i18n/i18n';
import { PhotoLink } from './PhotoLink';

export interface AnswerInput {
  value: boolean | number | string | null;
  note?: string;
}

interface Props {
  evaluation: ItemEvaluation;
  answer: ChecklistAnswerRecord | undefined;
  photos: readonly JobPhotoRef[];
  editable: boolean;
  onSave: (answer: AnswerInput) => Promise<void>;
}

/** One checklist item: its question, the control for its kind, and how it reads now. */
export function ChecklistItemRow({ evaluation, answer, photos, editable, onSave }: Props) {
  const { t } = useT();
  const { item, state } = evaluation;
  return (
    <li className="checklist-item" data-state={state}>
      <div className="checklist-item-head">
        <span className="checklist-label">{t(item.label)}</span>
        <span className="checklist-flags">
          {!item.required && <span className="chip">{t('checklist.optional')}</span>}
          <span className={`chip chip-check-${state}`}>{t(`checklist.states.${state}`)}</span>
        </span>
      </div>
      {item.kind === 'pass_fail' && <PassFail label={t(item.label)} answer={answer} editable={editable} onSave={onSave} />}
      {item.kind === 'measurement' && <Measurement evaluation={evaluation} answer={answer} editable={editable} onSave={onSave} />}
      {item.kind === 'note' && <NoteField label={t(item.label)} initial={typeof answer?.value === 'string' ? answer.value : ''} editable={editable} onSave={(text) => onSave({ value: text.trim() === '' ? null : text })} />}
      {item.kind === 'photo' && (
        <PhotoLink label={t(item.label)} stage={item.stage} photos={photos} linkedId={typeof answer?.value === 'string' ? answer.value : null} editable={editable} onLink={(id) => onSave({ value: id })} />
      )}
    </li>
  );
}

function PassFail({ label, answer, editable, onSave }: { label: string; answer: ChecklistAnswerRecord | undefined; editable: boolean; onSave: Props['onSave'] }) {
  const { t } = useT();
  const value = answer?.value;
  return (
    <>
      <div className="segmented" role="group" aria-label={label}>
        <button type="button" className="button button-large button-pass" aria-pressed={value === true} disabled={!editable} onClick={() => void onSave({ value: true })}>
          {t('checklist.pass')}
        </button>
        <button type="button" className="button button-large button-fail" aria-pressed={value === false} disabled={!editable} onClick={() => void onSave({ value: false, note: answer?.note ?? '' })}>
          {t('checklist.fail')}
        </button>
      </div>
      {value === false && (
        <NoteField
          label={t('checklist.whatFailed', { item: label })}
          initial={answer?.note ?? ''}
          editable={editable}
          onSave={(note) => onSave({ value: false, note })}
        />
      )}
    </>
  );
}

function Measurement({ evaluation, answer, editable, onSave }: { evaluation: ItemEvaluation; answer: ChecklistAnswerRecord | undefined; editable: boolean; onSave: Props['onSave'] }) {
  const { t, language } = useT();
  const id = useId();
  const item = evaluation.item;
  const stored = typeof answer?.value === 'number' ? formatNumber(answer.value, language, { maximumFractionDigits: 3, useGrouping: false }) : '';
  const [text, setText] = useState(stored);
  const [invalid, setInvalid] = useState(false);
  if (item.kind !== 'measurement') return null;
  const unit = t(`checklist.units.${item.unit}`);

  async function commit() {
    const parsed = parseMeasurement(text);
    setInvalid(parsed === undefined);
    if (parsed === undefined || parsed === (typeof answer?.value === 'number' ? answer.value : null)) return;
    await onSave({ value: parsed });
  }

  return (
    <div className="measurement">
      <label htmlFor={id} className="visually-hidden">{t(item.label)}</label>
      <input
        id={id}
        className="input input-measure"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        disabled={!editable}
        aria-invalid={invalid || evaluation.state === 'out_of_tolerance'}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => e.key === 'Enter' && void commit()}
      />
      <span className="unit">{unit}</span>
      {evaluation.target !== undefined && (
        <span className="muted target">
          {t('checklist.target', { target: formatNumber(evaluation.target, language), tolerance: formatNumber(item.tolerance ?? 0, language), unit })}
        </span>
      )}
      {invalid && <p className="message message-error" role="alert">{t('checklist.notANumber')}</p>}
      {evaluation.state === 'out_of_tolerance' && !invalid && (
        <p className="message message-error" role="alert">{t('checklist.outOfTolerance')}</p>
      )}
    </div>
  );
}

function NoteField({ label, initial, editable, onSave }: { label: string; initial: string; editable: boolean; onSave: (text: string) => Promise<void> }) {
  const id = useId();
  const [text, setText] = useState(initial);
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">{label}</label>
      <textarea
        id={id}
        className="input textarea"
        rows={2}
        maxLength={1000}
        value={text}
        disabled={!editable}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => text !== initial && void onSave(text)}
      />
    </div>
  );
}
