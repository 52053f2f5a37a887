// Quality checklists: versioned templates per service type, the checklist of one job (the union
// of its services' templates, pinned to the versions it was started with), how each answer reads
// against its item, and the QC gate. Pure: the screens and the write path call these.
import type { PhotoStage, ServiceType } from './vocabulary';

/** Units a measurement can be taken in; `size` is a ring size in the job's own scale. */
export const MEASUREMENT_UNITS = ['size', 'mm', 'g', 'ct'] as const;
export type MeasurementUnit = (typeof MEASUREMENT_UNITS)[number];

/**
 * Where a measurement's target comes from:
 * - `value`: fixed in the template;
 * - `item`: another measurement of the same template, taken earlier on this job (the ordered ring
 *   size read off the work order, the strand length measured before the old silk was cut).
 * No target: the value is recorded for the file and never flagged.
 */
export type MeasurementTarget = { readonly value: number } | { readonly item: string };

interface ItemBase {
  /** Stable within its template: answers are stored under `<jobId>:<templateId>:<key>`. */
  readonly key: string;
  /** An i18n key (the `checklistItems` section), never the text itself. */
  readonly label: string;
  readonly required: boolean;
}

export type ChecklistItem =
  | (ItemBase & { readonly kind: 'pass_fail' })
  | (ItemBase & { readonly kind: 'measurement'; readonly unit: MeasurementUnit; readonly target?: MeasurementTarget; readonly tolerance?: number })
  | (ItemBase & { readonly kind: 'photo'; readonly stage: PhotoStage })
  | (ItemBase & { readonly kind: 'note' });

export type ChecklistItemKind = ChecklistItem['kind'];

export interface ChecklistTemplate {
  /** `<service>@<version>`. */
  readonly id: string;
  readonly service: ServiceType;
  readonly version: number;
  readonly items: readonly ChecklistItem[];
}

/** An item of one job's checklist: the template item plus the template it belongs to. */
export type JobChecklistItem = ChecklistItem & { readonly templateId: string; readonly service: ServiceType };

/** The part of a stored answer the rules read. */
export interface AnswerLike {
  readonly templateId: string;
  readonly itemKey: string;
  readonly value: boolean | number | string | null;
  readonly note?: string;
}

export type ItemState = 'missing' | 'ok' | 'failed' | 'out_of_tolerance' | 'note_missing';

export interface ItemEvaluation {
  readonly item: JobChecklistItem;
  readonly state: ItemState;
  /** The measurement's target when it resolved, for the screen to show. */
  readonly target?: number;
}

/** The photos a photo item may link to; when given, a link to anything else counts as missing. */
export interface PhotoRef {
  readonly id: string;
  readonly stage: PhotoStage;
}

export function templateId(service: ServiceType, version: number): string {
  return `${service}@${version}`;
}

export function answerKey(templateIdValue: string, itemKey: string): string {
  return `${templateIdValue}:${itemKey}`;
}

/** The id of one answer record: one per job and item, so two benches never conflict. */
export function answerId(jobId: string, templateIdValue: string, itemKey: string): string {
  return `${jobId}:${answerKey(templateIdValue, itemKey)}`;
}

/** The newest version of each of `services`' templates: what a job pins when work starts. */
export function latestTemplateIds(services: readonly ServiceType[], templates: readonly ChecklistTemplate[]): string[] {
  const ids: string[] = [];
  for (const service of unique(services)) {
    const newest = templates.filter((t) => t.service === service).sort((a, b) => b.version - a.version)[0];
    if (newest) ids.push(newest.id);
  }
  return ids;
}

/**
 * A job's checklist: the items of each service's template, in service order. With `pinned`
 * (the template ids stored on the job when work started) those exact versions are used, so a
 * template revised mid-job never changes what this job is checked against; a service whose
 * pinned version is unknown here falls back to its newest version rather than to nothing.
 */
export function checklistForJob(
  services: readonly ServiceType[],
  templates: readonly ChecklistTemplate[],
  pinned?: readonly string[],
): JobChecklistItem[] {
  const byId = new Map(templates.map((t) => [t.id, t]));
  const latest = new Map(latestTemplateIds(services, templates).map((id) => [byId.get(id)!.service, id]));
  const items: JobChecklistItem[] = [];
  for (const service of unique(services)) {
    const pinnedTemplate = pinned?.map((id) => byId.get(id)).find((t) => t?.service === service);
    const latestId = latest.get(service);
    const template = pinnedTemplate ?? (latestId !== undefined ? byId.get(latestId) : undefined);
    if (!template) continue;
    for (const item of template.items) items.push({ ...item, templateId: template.id, service });
  }
  return items;
}

/** How every item of `items` reads against `answers`. Never throws on odd stored values. */
export function evaluateChecklist(
  items: readonly JobChecklistItem[],
  answers: readonly AnswerLike[],
  photos?: readonly PhotoRef[],
): ItemEvaluation[] {
  const byKey = new Map(answers.map((a) => [answerKey(a.templateId, a.itemKey), a]));
  return items.map((item) => {
    const answer = byKey.get(answerKey(item.templateId, item.key));
    if (item.kind === 'measurement') {
      const target = resolveTarget(item, byKey);
      const state = measurementState(item, answer, target);
      return target === undefined ? { item, state } : { item, state, target };
    }
    return { item, state: itemState(item, answer, photos) };
  });
}

function itemState(item: JobChecklistItem, answer: AnswerLike | undefined, photos: readonly PhotoRef[] | undefined): ItemState {
  const value = answer?.value;
  switch (item.kind) {
    case 'pass_fail':
      if (value === true) return 'ok';
      // A fail must say what failed, or QC cannot judge it.
      if (value === false) return hasText(answer?.note) ? 'failed' : 'note_missing';
      return 'missing';
    case 'photo':
      if (!hasText(value)) return 'missing';
      if (photos && !photos.some((p) => p.id === value && p.stage === item.stage)) return 'missing';
      return 'ok';
    case 'note':
      return hasText(value) ? 'ok' : 'missing';
    default:
      return 'missing';
  }
}

function measurementState(item: JobChecklistItem & { kind: 'measurement' }, answer: AnswerLike | undefined, target: number | undefined): ItemState {
  const value = answer?.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'missing';
  if (target === undefined) return 'ok';
  // A small epsilon so that 54.25 against 54 ± 0.25 is within, despite binary fractions.
  return Math.abs(value - target) <= (item.tolerance ?? 0) + 1e-9 ? 'ok' : 'out_of_tolerance';
}

function resolveTarget(item: JobChecklistItem & { kind: 'measurement' }, answers: Map<string, AnswerLike>): number | undefined {
  if (!item.target) return undefined;
  if ('value' in item.target) return item.target.value;
  const other = answers.get(answerKey(item.templateId, item.target.item))?.value;
  return typeof other === 'number' && Number.isFinite(other) ? other : undefined;
}

export type QcMissing =
  | { readonly kind: 'item'; readonly item: JobChecklistItem; readonly state: 'missing' | 'note_missing' }
  | { readonly kind: 'after_photo' };

export type QcGateResult = { readonly ok: true } | { readonly ok: false; readonly missing: readonly QcMissing[] };

export interface QcGateInput {
  readonly items: readonly JobChecklistItem[];
  readonly answers: readonly AnswerLike[];
  /** How many 'after' photos the job has. */
  readonly afterPhotoCount: number;
  readonly photos?: readonly PhotoRef[];
}

/**
 * May the job go to QC? Every required item answered, every fail explained, and at least one
 * after photo. A failed or out-of-tolerance item does not block: it is an answer, and QC sees it
 * flagged (a stone chipped before intake is a fail the client was told about, not a reason to
 * keep the piece on the bench).
 */
export function qcGate(input: QcGateInput): QcGateResult {
  const missing: QcMissing[] = [];
  for (const { item, state } of evaluateChecklist(input.items, input.answers, input.photos)) {
    if (state === 'note_missing') missing.push({ kind: 'item', item, state });
    else if (state === 'missing' && item.required) missing.push({ kind: 'item', item, state });
  }
  if (!(input.afterPhotoCount >= 1)) missing.push({ kind: 'after_photo' });
  return missing.length === 0 ? { ok: true } : { ok: false, missing };
}

function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

const KEY = /^[a-z0-9_]+$/;

/**
 * Templates received from elsewhere (the device database, synced from an admin's edits) are
 * checked before use: a malformed one is skipped rather than breaking every job's checklist.
 */
export function isChecklistTemplate(value: unknown): value is ChecklistTemplate {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Partial<ChecklistTemplate>;
  if (typeof t.service !== 'string' || typeof t.version !== 'number' || t.id !== templateId(t.service as ServiceType, t.version)) return false;
  return Array.isArray(t.items) && t.items.every(isItem);
}

function isItem(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  if (typeof item.key !== 'string' || !KEY.test(item.key) || typeof item.label !== 'string' || typeof item.required !== 'boolean') return false;
  switch (item.kind) {
    case 'pass_fail':
    case 'note':
      return true;
    case 'photo':
      return typeof item.stage === 'string';
    case 'measurement':
      return typeof item.unit === 'string' && (item.tolerance === undefined || typeof item.tolerance === 'number');
    default:
      return false;
  }
}

/** The templates a device uses: what it stores, plus the seeded set for any id it lacks. */
export function withSeeded(stored: readonly unknown[], seeded: readonly ChecklistTemplate[]): ChecklistTemplate[] {
  const valid = stored.filter(isChecklistTemplate);
  const ids = new Set(valid.map((t) => t.id));
  return [...valid, ...seeded.filter((t) => !ids.has(t.id))];
}

/**
 * A measurement typed at the bench: "54,5" (French keyboards) or "54.5"; blank is no answer
 * (null); anything else is not a number (undefined), so the screen can say so.
 */
export function parseMeasurement(text: string): number | null | undefined {
  const trimmed = text.trim().replace(/\s+/g, '');
  if (trimmed === '') return null;
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) return undefined;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}
