// The new-job form's rules. The form keeps what was typed (strings); validateIntake turns it into
// the job's fields, or says for each field what is wrong with a typed code that the page puts
// into words beside that field, in the person's language. The limits are the protocol's, so
// whatever passes here is accepted by the server's schema.
import type { ClientAuthorisation, ConditionCode, HandlingFlag } from './intake-vocabulary';
import { parseRingSize } from './ring-size';
import type { Metal, PieceCategory, Priority, RingSizeScale, ServiceType } from './vocabulary';

export const INTAKE_LIMITS = {
  clientRef: 120,
  model: 120,
  reference: 80,
  serialNumber: 80,
  stoneType: 60,
  sizeOrCarat: 40,
  colour: 40,
  stoneNotes: 500,
  stoneCount: 10_000,
  stones: 200,
  weightG: 10_000,
  conditionNotes: 2_000,
} as const;

export type StoneFlagDraft = '' | 'loose' | 'missing';

export interface StoneDraft {
  type: string;
  count: string;
  sizeOrCarat: string;
  colour: string;
  notes: string;
  flag: StoneFlagDraft;
}

/** The form as typed. */
export interface IntakeDraft {
  clientRef: string;
  category: PieceCategory | '';
  model: string;
  reference: string;
  serialNumber: string;
  metal: Metal | '';
  stones: StoneDraft[];
  weight: string;
  ringSize: string;
  ringScale: RingSizeScale;
  conditions: ConditionCode[];
  conditionNotes: string;
  services: ServiceType[];
  authorisations: ClientAuthorisation[];
  handlingFlags: HandlingFlag[];
  priority: Priority;
  promisedDate: string;
}

export interface StoneValue {
  type: string;
  count: number;
  sizeOrCarat?: string;
  colour?: string;
  notes?: string;
  flag?: 'loose' | 'missing';
}

/** What a valid form gives: the job's descriptive fields. */
export interface IntakeValues {
  clientRef: string;
  piece: {
    category: PieceCategory;
    model?: string;
    reference?: string;
    serialNumber?: string;
    metal: Metal;
    stones: StoneValue[];
    weightG: number;
    ringSize?: { value: number; scale: RingSizeScale };
  };
  services: ServiceType[];
  priority: Priority;
  promisedDate: string;
  condition: { codes: ConditionCode[]; notes?: string };
  authorisations: ClientAuthorisation[];
  handlingFlags: HandlingFlag[];
}

export type IntakeErrorCode =
  | 'required'
  | 'too_long'
  | 'not_a_number'
  | 'not_whole'
  | 'too_many_decimals'
  | 'out_of_range'
  | 'not_a_ring_size'
  | 'invalid_date'
  | 'in_the_past'
  | 'too_many';

export interface IntakeError {
  code: IntakeErrorCode;
  /** The limit that was crossed, for the message: a length, a count or a range. */
  max?: number;
  min?: number;
}

export type StoneField = 'type' | 'count' | 'sizeOrCarat' | 'colour' | 'notes';
export type IntakeField =
  | 'clientRef'
  | 'category'
  | 'model'
  | 'reference'
  | 'serialNumber'
  | 'metal'
  | 'stones'
  | `stones.${number}.${StoneField}`
  | 'weight'
  | 'ringSize'
  | 'conditionNotes'
  | 'services'
  | 'promisedDate';

export type IntakeErrors = Partial<Record<IntakeField, IntakeError>>;

export type IntakeResult = { ok: true; values: IntakeValues } | { ok: false; errors: IntakeErrors };

export function emptyStone(): StoneDraft {
  return { type: '', count: '1', sizeOrCarat: '', colour: '', notes: '', flag: '' };
}

export function emptyIntakeDraft(): IntakeDraft {
  return {
    clientRef: '',
    category: '',
    model: '',
    reference: '',
    serialNumber: '',
    metal: '',
    stones: [],
    weight: '',
    ringSize: '',
    ringScale: 'eu',
    conditions: [],
    conditionNotes: '',
    services: [],
    authorisations: [],
    handlingFlags: [],
    priority: 'standard',
    promisedDate: '',
  };
}

/** Is this the field of a ring that needs its size (a ring being sized)? */
export function ringSizeRequired(draft: Pick<IntakeDraft, 'category' | 'services'>): boolean {
  return draft.category === 'ring' && draft.services.includes('sizing');
}

const DECIMAL = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A number typed with a point or a comma; undefined when it is not one. */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim().replace(/\s+/g, '');
  if (!DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

function decimals(text: string): number {
  const fraction = text.trim().split(/[.,]/)[1];
  return fraction?.length ?? 0;
}

function isRealDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Optional text: trimmed, absent when blank. */
function optional(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A row added and left as it came (the count starts at 1): nothing was said about a stone. */
function isBlankStone(stone: StoneDraft): boolean {
  const count = stone.count.trim();
  return (
    stone.type.trim() === '' && stone.sizeOrCarat.trim() === '' && stone.colour.trim() === '' && stone.notes.trim() === '' && stone.flag === '' && (count === '' || count === '1')
  );
}

/**
 * Checks the whole form at once, so every wrong field is shown together. `today` (an ISO date)
 * is when the piece is taken in: a promised date before it is refused. Stone rows left
 * entirely blank are dropped rather than refused.
 */
export function validateIntake(draft: IntakeDraft, today: string): IntakeResult {
  const errors: IntakeErrors = {};
  const text = (field: IntakeField, value: string, max: number, required = false) => {
    const trimmed = value.trim();
    if (required && trimmed === '') errors[field] = { code: 'required' };
    else if (trimmed.length > max) errors[field] = { code: 'too_long', max };
  };

  text('clientRef', draft.clientRef, INTAKE_LIMITS.clientRef, true);
  if (draft.category === '') errors.category = { code: 'required' };
  text('model', draft.model, INTAKE_LIMITS.model);
  text('reference', draft.reference, INTAKE_LIMITS.reference);
  text('serialNumber', draft.serialNumber, INTAKE_LIMITS.serialNumber);
  if (draft.metal === '') errors.metal = { code: 'required' };

  // Stones: keep each row's index as typed, so an error stands beside the row it belongs to.
  const stoneRows = draft.stones.map((stone, index) => ({ stone, index })).filter(({ stone }) => !isBlankStone(stone));
  if (stoneRows.length > INTAKE_LIMITS.stones) errors.stones = { code: 'too_many', max: INTAKE_LIMITS.stones };
  const stones: StoneValue[] = [];
  for (const { stone, index } of stoneRows) {
    text(`stones.${index}.type`, stone.type, INTAKE_LIMITS.stoneType, true);
    text(`stones.${index}.sizeOrCarat`, stone.sizeOrCarat, INTAKE_LIMITS.sizeOrCarat);
    text(`stones.${index}.colour`, stone.colour, INTAKE_LIMITS.colour);
    text(`stones.${index}.notes`, stone.notes, INTAKE_LIMITS.stoneNotes);
    const count = parseDecimal(stone.count);
    if (stone.count.trim() === '') errors[`stones.${index}.count`] = { code: 'required' };
    else if (count === undefined) errors[`stones.${index}.count`] = { code: 'not_a_number' };
    else if (!Number.isInteger(count)) errors[`stones.${index}.count`] = { code: 'not_whole' };
    else if (count < 1 || count > INTAKE_LIMITS.stoneCount) errors[`stones.${index}.count`] = { code: 'out_of_range', min: 1, max: INTAKE_LIMITS.stoneCount };
    stones.push({
      type: stone.type.trim(),
      count: count ?? 0,
      ...(optional(stone.sizeOrCarat) ? { sizeOrCarat: optional(stone.sizeOrCarat) } : {}),
      ...(optional(stone.colour) ? { colour: optional(stone.colour) } : {}),
      ...(optional(stone.notes) ? { notes: optional(stone.notes) } : {}),
      ...(stone.flag !== '' ? { flag: stone.flag } : {}),
    });
  }

  // Intake weight: the reconciliation at release compares against it, so it is required, to 0.01 g.
  const weight = parseDecimal(draft.weight);
  if (draft.weight.trim() === '') errors.weight = { code: 'required' };
  else if (weight === undefined) errors.weight = { code: 'not_a_number' };
  else if (decimals(draft.weight) > 2) errors.weight = { code: 'too_many_decimals', max: 2 };
  else if (weight <= 0 || weight > INTAKE_LIMITS.weightG) errors.weight = { code: 'out_of_range', min: 0.01, max: INTAKE_LIMITS.weightG };

  // Ring size: only for rings; required when the ring is being sized.
  let ringSize: { value: number; scale: RingSizeScale } | undefined;
  if (draft.category === 'ring') {
    if (draft.ringSize.trim() === '') {
      if (ringSizeRequired(draft)) errors.ringSize = { code: 'required' };
    } else {
      const value = parseRingSize(draft.ringSize, draft.ringScale);
      if (value === undefined) errors.ringSize = { code: 'not_a_ring_size' };
      else ringSize = { value, scale: draft.ringScale };
    }
  }

  text('conditionNotes', draft.conditionNotes, INTAKE_LIMITS.conditionNotes);
  if (draft.services.length === 0) errors.services = { code: 'required' };

  if (draft.promisedDate.trim() === '') errors.promisedDate = { code: 'required' };
  else if (!isRealDate(draft.promisedDate.trim())) errors.promisedDate = { code: 'invalid_date' };
  else if (draft.promisedDate.trim() < today) errors.promisedDate = { code: 'in_the_past' };

  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const conditionNotes = optional(draft.conditionNotes);
  return {
    ok: true,
    values: {
      clientRef: draft.clientRef.trim(),
      piece: {
        category: draft.category as PieceCategory,
        ...(optional(draft.model) ? { model: optional(draft.model) } : {}),
        ...(optional(draft.reference) ? { reference: optional(draft.reference) } : {}),
        ...(optional(draft.serialNumber) ? { serialNumber: optional(draft.serialNumber) } : {}),
        metal: draft.metal as Metal,
        stones,
        weightG: Math.round(weight! * 100) / 100,
        ...(ringSize ? { ringSize } : {}),
      },
      services: [...new Set(draft.services)],
      priority: draft.priority,
      promisedDate: draft.promisedDate.trim(),
      condition: { codes: [...new Set(draft.conditions)], ...(conditionNotes ? { notes: conditionNotes } : {}) },
      authorisations: [...new Set(draft.authorisations)],
      handlingFlags: [...new Set(draft.handlingFlags)],
    },
  };
}

/** The fields with errors in the order they appear on the form, to move focus to the first. */
export function firstErrorField(errors: IntakeErrors, order: readonly string[]): IntakeField | undefined {
  const fields = Object.keys(errors) as IntakeField[];
  return [...fields].sort((a, b) => rank(a, order) - rank(b, order))[0];
}

function rank(field: string, order: readonly string[]): number {
  const base = field.startsWith('stones.') ? 'stones' : field;
  const index = order.indexOf(base);
  const stoneIndex = field.startsWith('stones.') ? Number(field.split('.')[1]) / 1000 : 0;
  return (index === -1 ? order.length : index) + stoneIndex;
}
