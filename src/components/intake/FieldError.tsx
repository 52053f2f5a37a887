import type { IntakeError } from '../../domain/intake-validation';
import { formatNumber, useT } from '../../i18n/i18n';

/** The id of a field's error text, for aria-describedby. */
export function errorId(fieldId: string): string {
  return `${fieldId}-error`;
}

/** The words for one intake error, in the person's language. */
export function useIntakeErrorText(): (error: IntakeError) => string {
  const { t, language } = useT();
  return (error) =>
    t(`intake.errors.${error.code}`, {
      max: error.max === undefined ? '' : formatNumber(error.max, language),
      min: error.min === undefined ? '' : formatNumber(error.min, language),
    });
}

/** An error beside its field; nothing when the field is fine. */
export function FieldError({ fieldId, error }: { fieldId: string; error: IntakeError | undefined }) {
  const text = useIntakeErrorText();
  if (!error) return null;
  return (
    <p className="field-error" id={errorId(fieldId)}>
      {text(error)}
    </p>
  );
}

/** aria props of a field that may have an error and a help text. */
export function describedBy(fieldId: string, error: IntakeError | undefined, helpId?: string) {
  const ids = [helpId, error ? errorId(fieldId) : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined } as const;
}
