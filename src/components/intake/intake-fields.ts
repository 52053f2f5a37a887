// Where each intake field sits on the form: its element id (for labels, errors and the error
// summary's links) and its order (focus goes to the first wrong field).
import type { IntakeField } from '../../domain/intake-validation';

export const FIELD_ORDER = ['clientRef', 'category', 'model', 'reference', 'serialNumber', 'metal', 'stones', 'weight', 'ringSize', 'conditionNotes', 'services', 'promisedDate'] as const;

export function fieldId(field: IntakeField | string): string {
  return `intake-${field.replaceAll('.', '-')}`;
}

const LABEL_KEYS: Record<string, string> = {
  clientRef: 'intake.clientRef',
  category: 'intake.category',
  model: 'intake.model',
  reference: 'intake.reference',
  serialNumber: 'intake.serialNumber',
  metal: 'intake.metal',
  stones: 'intake.stones',
  weight: 'intake.weight',
  ringSize: 'intake.ringSize',
  conditionNotes: 'intake.conditionNotes',
  services: 'intake.services',
  promisedDate: 'intake.promisedDate',
  type: 'intake.stoneType',
  count: 'intake.stoneCount',
  sizeOrCarat: 'intake.stoneSize',
  colour: 'intake.stoneColour',
  notes: 'intake.stoneNotes',
};

/** The field's name as the error summary says it: "Weight", "Stone 2 · Count". */
export function fieldLabel(field: IntakeField | string, t: (key: string, options?: Record<string, unknown>) => string): string {
  const parts = field.split('.');
  if (parts[0] === 'stones' && parts.length === 3) {
    return `${t('intake.stoneN', { n: Number(parts[1]) + 1 })} · ${t(LABEL_KEYS[parts[2]!] ?? parts[2]!)}`;
  }
  return t(LABEL_KEYS[field] ?? field);
}
