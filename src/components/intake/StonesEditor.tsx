import type { IntakeErrors, StoneDraft, StoneField, StoneFlagDraft } from '../../domain/intake-validation';
import { emptyStone } from '../../domain/intake-validation';
import { useT } from '../../i18n/i18n';
import { FieldError, describedBy } from './FieldError';

interface Props {
  stones: StoneDraft[];
  errors: IntakeErrors;
  onChange: (stones: StoneDraft[]) => void;
}

const FLAGS: readonly StoneFlagDraft[] = ['', 'loose', 'missing'];

/** Stones as rows: type, count, size or carat, colour, notes, and whether loose or missing now. */
export function StonesEditor({ stones, errors, onChange }: Props) {
  const { t } = useT();
  const update = (index: number, patch: Partial<StoneDraft>) => onChange(stones.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  const input = (index: number, field: StoneField, label: string, extra: { inputMode?: 'numeric'; className?: string } = {}) => {
    const id = `intake-stones-${index}-${field}`;
    const error = errors[`stones.${index}.${field}`];
    return (
      <div className={`field stone-field stone-${field}`}>
        <label htmlFor={id} className="field-label">{label}</label>
        <input
          id={id}
          className="input"
          value={stones[index]![field]}
          inputMode={extra.inputMode}
          onChange={(event) => update(index, { [field]: event.currentTarget.value })}
          {...describedBy(id, error)}
        />
        <FieldError fieldId={id} error={error} />
      </div>
    );
  };

  return (
    <fieldset className="card intake-section" aria-describedby="intake-stones-help">
      <legend>{t('intake.stones')}</legend>
      <p className="field-help" id="intake-stones-help">{t('intake.stonesHelp')}</p>
      {stones.length === 0 && <p className="muted">{t('intake.noStones')}</p>}
      <ol className="stone-rows">
        {stones.map((stone, index) => (
          <li key={index} className="stone-row" aria-label={t('intake.stoneN', { n: index + 1 })} data-flag={stone.flag || undefined}>
            {input(index, 'type', t('intake.stoneType'))}
            {input(index, 'count', t('intake.stoneCount'), { inputMode: 'numeric' })}
            {input(index, 'sizeOrCarat', t('intake.stoneSize'))}
            {input(index, 'colour', t('intake.stoneColour'))}
            <div className="field stone-field stone-flag">
              <label htmlFor={`intake-stones-${index}-flag`} className="field-label">{t('intake.stoneFlag')}</label>
              <select
                id={`intake-stones-${index}-flag`}
                className="input"
                value={stone.flag}
                onChange={(event) => update(index, { flag: event.currentTarget.value as StoneFlagDraft })}
              >
                {FLAGS.map((flag) => (
                  <option key={flag || 'none'} value={flag}>{t(`intake.stoneFlags.${flag || 'none'}`)}</option>
                ))}
              </select>
            </div>
            {input(index, 'notes', t('intake.stoneNotes'), { className: 'stone-notes' })}
            <button type="button" className="button stone-remove" onClick={() => onChange(stones.filter((_, i) => i !== index))}>
              {t('intake.removeStone', { n: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <FieldError fieldId="intake-stones" error={errors.stones} />
      <button type="button" id="intake-stones" className="button" onClick={() => onChange([...stones, emptyStone()])}>
        + {t('intake.addStone')}
      </button>
    </fieldset>
  );
}
