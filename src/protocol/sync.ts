// The protocol's endpoints for health, sync (push, pull, poke) and photo bytes. Part of
// src/protocol/protocol.ts, which re-exports it: import from there.
import { z } from 'zod';
import { HOLD_REASONS } from '../domain/vocabulary';
import { PROTOCOL_VERSION, PHOTO_MIME_TYPES, ENTITIES, type Entity } from './constants';
import { Id, IsoDateTime, Sha256Hex, JobStatus, Job, Person, PhotoMeta, CustodyEvent, TimeEntry, ChecklistAnswer, Attendance, QcReview } from './records';

// ---------------------------------------------------------------- endpoints

export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  protocolVersion: z.literal(PROTOCOL_VERSION),
  storage: z.enum(['sqlite', 'postgres']),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

// ---------------------------------------------------------------- sync

/**
 * What travels through sync. Each entity has its own table on both sides; a change is a
 * mutation on one record of one entity. Conflict rules (ARCHITECTURE.md, "Sync"):
 * - job `put`: descriptive fields merge field by field, the later in server order wins;
 * - job `move`: a status move (and a QC decision) carries the job version it was made on and is
 *   refused when stale;
 * - every other entity is append-only or keyed per item, so puts never conflict.
 */

/** The record schema of each entity: the server validates the merged record with it. */
export const ENTITY_SCHEMAS = {
  job: Job,
  photo: PhotoMeta,
  checklistAnswer: ChecklistAnswer,
  timeEntry: TimeEntry,
  custodyEvent: CustodyEvent,
  qcReview: QcReview,
  person: Person,
  attendance: Attendance,
} as const satisfies Record<Entity, z.ZodType>;

export const DeviceId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a device id of 8 to 64 letters, digits, - or _');
export const EntityId = z.string().regex(/^[A-Za-z0-9@:._-]{1,200}$/, 'an entity id');

/** The patch of a job `move`: the target status and what the move needs. */
export const JobMovePatch = z.object({
  to: JobStatus,
  holdReason: z.enum(HOLD_REASONS).optional(),
  /** A QC decision travels with its move, so the review exists only if the move was accepted. */
  review: QcReview.optional(),
});
export type JobMovePatch = z.infer<typeof JobMovePatch>;

export const Mutation = z.object({
  /** UUIDv7 made on the device; unique for ever. */
  id: Id,
  /** Monotonic per device, from 1; the server applies each device's mutations in this order once. */
  deviceSeq: z.int().min(1),
  /** Who made the change. */
  personId: Id,
  entity: z.enum(ENTITIES),
  entityId: EntityId,
  op: z.enum(['put', 'move']),
  /** put: the fields that changed (the whole record on create); move: a JobMovePatch. */
  patch: z.record(z.string(), z.unknown()),
  /** move: the job version the person saw when deciding. */
  baseVersion: z.int().min(0).optional(),
  at: IsoDateTime,
});
export type Mutation = z.infer<typeof Mutation>;

export const PushRequest = z.object({
  deviceId: DeviceId,
  mutations: z.array(Mutation).min(1).max(500),
});
export type PushRequest = z.infer<typeof PushRequest>;

/** Why the server refused one mutation; the batch goes on. */
export const REFUSAL_CODES = [
  'stale',
  'no_such_move',
  'role_not_allowed',
  'terminal',
  'read_only',
  'missing_requirement',
  'invalid',
  'not_found',
  'unknown_person',
  'forbidden_field',
  'duplicate_number',
  /** The person exists but was deactivated: their changes are no longer accepted. */
  'inactive_person',
  /** A custody event or QC review without a valid signature of the pushing device. */
  'bad_signature',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export const MutationResult = z.discriminatedUnion('status', [
  z.object({ id: Id, status: z.literal('applied') }),
  /** At or below the device's last applied sequence, and applied the first time: acknowledged, not applied again. */
  z.object({ id: Id, status: z.literal('duplicate') }),
  /** Refused; it still consumed its sequence. A retry of a refused mutation gets the same refusal again. */
  z.object({ id: Id, status: z.literal('refused'), code: z.enum(REFUSAL_CODES), message: z.string() }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  lastAppliedSeq: z.int().min(0),
  results: z.array(MutationResult),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PullQuery = z.object({
  /** Opaque; absent on a fresh device. */
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(5_000).default(1_000),
});
export type PullQuery = z.infer<typeof PullQuery>;

export const Change = z.object({
  entity: z.enum(ENTITIES),
  id: EntityId,
  /** Server order of the record's latest change. */
  seq: z.int().min(1),
  data: z.record(z.string(), z.unknown()),
});
export type Change = z.infer<typeof Change>;

export const PullResponse = z.object({
  cursor: z.string(),
  hasMore: z.boolean(),
  /** True when the cursor was not usable (another workshop's, or ahead of the server): start again from nothing. */
  reset: z.boolean(),
  /**
   * A page of a first download: whole jobs (each with all its records) in job id order, then the
   * records of no job. Otherwise the records changed after the cursor, in server order.
   */
  snapshot: z.boolean(),
  changes: z.array(Change),
  /** Each device's last applied sequence, so a device knows which of its mutations landed. */
  devices: z.record(z.string(), z.int().min(0)),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** Server-Sent Event on /api/sync/events: "something changed, pull". */
export const PokeEvent = z.object({ seq: z.int().min(0) });

// ---------------------------------------------------------------- photos

/**
 * Photo bytes travel apart from sync, addressed by their SHA-256 (the record's `sha256` and
 * `thumbSha256`): uploaded with tus (resumable) to PHOTO_UPLOADS_PATH, read back with
 * GET /api/photos/<sha256>. Retrying is always safe: the same bytes have the same address.
 */
export const PhotoMime = z.enum(PHOTO_MIME_TYPES);
export type PhotoMime = z.infer<typeof PhotoMime>;

/** The tus endpoint (creation: POST here; then HEAD/PATCH on the Location it answers). */
export const PHOTO_UPLOADS_PATH = '/api/photos/uploads';
/** The server's default largest photo, in bytes (LOUPE_PHOTO_MAX_MB changes it). */
export const PHOTO_MAX_BYTES_DEFAULT = 40 * 1024 * 1024;
/** Most hashes one POST /api/photos/have may ask about. */
export const PHOTO_HAVE_MAX = 500;

/** What a tus upload says about itself in its Upload-Metadata header. */
export const PhotoUploadMetadata = z.object({
  sha256: Sha256Hex,
  type: PhotoMime,
});
export type PhotoUploadMetadata = z.infer<typeof PhotoUploadMetadata>;

/** POST /api/photos/have: which of these does the server already hold? */
export const PhotoHaveRequest = z.object({
  sha256: z.array(Sha256Hex).max(PHOTO_HAVE_MAX),
});
export type PhotoHaveRequest = z.infer<typeof PhotoHaveRequest>;

export const PhotoHaveResponse = z.object({
  /** The asked hashes the server holds, each once, in the order asked. */
  have: z.array(Sha256Hex),
});
export type PhotoHaveResponse = z.infer<typeof PhotoHaveResponse>;
