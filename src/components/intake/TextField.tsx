import type { InputHTMLAttributes } from 'react';
import type { IntakeError } from '../../domain/intake-validation';
import { FieldError, describedBy } from './FieldError';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: IntakeError | undefined;
  help?: string;
  required?: boolean;
  requiredText?: string;
}

/** A labelled text input with its help and its error beside it. */
export function TextField({ id, label, value, onChange, error, help, required, requiredText, className, ...rest }: Props) {
  const helpId = help ? `${id}-help` : undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {required && <span className="field-required"> ({requiredText})</span>}
      </label>
      {help && <p className="field-help" id={helpId}>{help}</p>}
      <input
        id={id}
        className="input"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        aria-required={required || undefined}
        {...describedBy(id, error, helpId)}
        {...rest}
      />
      <FieldError fieldId={id} error={error} />
    </div>
  );
}
