// The workshop's words (../shared/PRODUCT.md, "Domain words") as closed lists. Everything else —
// the Dexie schema, the zod protocol, the server's checks, the i18n catalogues — is keyed by
// these values, so they are stored data: never rename one without a migration.

export const ROLES = ['jeweler', 'manager', 'intake', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const JOB_STATUSES = [
  'intake',
  'queued',
  'in_progress',
  'on_hold',
  'awaiting_qc',
  'rework',
  'completed',
  'released',
  'cancelled',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const PIECE_CATEGORIES = ['ring', 'bracelet', 'necklace', 'earrings', 'brooch', 'other'] as const;
export type PieceCategory = (typeof PIECE_CATEGORIES)[number];

export const METALS = ['pt950', 'au750_yellow', 'au750_white', 'au750_rose', 'ag925', 'other'] as const;
export type Metal = (typeof METALS)[number];

export const SERVICE_TYPES = [
  'sizing',
  'polishing',
  'rhodium_plating',
  'stone_tightening',
  'stone_replacement',
  'prong_retipping',
  'clasp_repair',
  'chain_soldering',
  'engraving',
  'pearl_restringing',
  'cleaning_inspection',
  'authentication',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const PRIORITIES = ['standard', 'express', 'vip'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const RING_SIZE_SCALES = ['eu', 'us', 'uk'] as const;
export type RingSizeScale = (typeof RING_SIZE_SCALES)[number];

export const PHOTO_STAGES = ['intake', 'before', 'progress', 'after', 'qc', 'hallmark'] as const;
export type PhotoStage = (typeof PHOTO_STAGES)[number];

/** Where a device sits; a custody event records the scanning device's location. */
export const LOCATION_KINDS = ['bench', 'vault', 'safe', 'qc_desk', 'dispatch', 'vendor'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export const CUSTODY_ACTIONS = ['scan_in', 'hand_over', 'send_out', 'return', 'release'] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

export const HOLD_REASONS = ['awaiting_parts', 'client_approval', 'quote', 'other'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

export const QC_REJECT_REASONS = [
  'polish_marks',
  'loose_stone',
  'wrong_size',
  'visible_solder',
  'uneven_plating',
  'hallmark_damaged',
  'dirty',
  'other',
] as const;
export type QcRejectReason = (typeof QC_REJECT_REASONS)[number];
