// What intake records about a piece besides what it is: the condition it came in, what the
// client allowed, and how it must be handled. Closed lists, like vocabulary.ts: stored data,
// never rename a value without a migration.

/** Common conditions ticked on the condition report (free notes say the rest). */
export const CONDITION_CODES = [
  'scratches',
  'dents',
  'worn_prongs',
  'loose_stones',
  'missing_stones',
  'chipped_stones',
  'bent_or_misshapen',
  'thin_shank',
  'broken_clasp',
  'kinked_chain',
  'worn_plating',
  'worn_hallmark',
  'dirty',
  'previous_repair',
] as const;
export type ConditionCode = (typeof CONDITION_CODES)[number];

/** What the client allowed, or asked to be asked about first. */
export const CLIENT_AUTHORISATIONS = [
  'parts_only_with_approval',
  'quote_before_work',
  'return_old_parts',
  'may_unset_stones',
  'may_change_finish',
] as const;
export type ClientAuthorisation = (typeof CLIENT_AUTHORISATIONS)[number];

/** Warnings for the bench: what must not happen to this piece. */
export const HANDLING_FLAGS = [
  'no_ultrasonic',
  'no_steam',
  'heat_sensitive',
  'fracture_filled',
  'fragile_antique',
] as const;
export type HandlingFlag = (typeof HANDLING_FLAGS)[number];

/** Print views of a job: a 62 mm roll label, an A4 sheet of labels, the A4 job sheet, the release slip. */
export const PRINT_KINDS = ['label62', 'labelA4', 'sheet', 'release'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];
