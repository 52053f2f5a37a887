import type { ReactNode } from 'react';
import type { IntakeError } from '../../domain/intake-validation';
import { FieldError, errorId } from './FieldError';

interface Props<T extends string> {
  /** Also the id of the first input, so the error summary can move focus there. */
  id: string;
  legend: ReactNode;
  help?: string;
  options: readonly T[];
  labelOf: (value: T) => string;
  error?: IntakeError | undefined;
  /** Checkboxes: several may be chosen. */
  multiple?: boolean;
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  columns?: 'narrow' | 'wide' | 'inline';
}

/** Radio buttons or checkboxes drawn as large tappable tiles, in one fieldset with its legend. */
export function ChoiceGroup<T extends string>({ id, legend, help, options, labelOf, error, multiple = false, selected, onChange, columns = 'narrow' }: Props<T>) {
  const helpId = help ? `${id}-help` : undefined;
  const described = [helpId, error ? errorId(id) : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="choice-group" aria-describedby={described} aria-invalid={error ? true : undefined}>
      <legend className="field-label">{legend}</legend>
      {help && <p className="field-help" id={helpId}>{help}</p>}
      <div className={`choices choices-${columns}`}>
        {options.map((value, index) => {
          const checked = selected.includes(value);
          return (
            <label key={value} className="choice" data-checked={checked}>
              <input
                id={index === 0 ? id : undefined}
                type={multiple ? 'checkbox' : 'radio'}
                name={id}
                value={value}
                checked={checked}
                onChange={() => onChange(multiple ? (checked ? selected.filter((v) => v !== value) : [...selected, value]) : [value])}
              />
              <span>{labelOf(value)}</span>
            </label>
          );
        })}
      </div>
      <FieldError fieldId={id} error={error} />
    </fieldset>
  );
}
