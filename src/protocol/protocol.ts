// The wire protocol between the app and sync-server: one file of zod schemas plus the protocol
// version. Both sides import this file; every server route validates its input with it and the
// app validates what it receives. Bump PROTOCOL_VERSION on any change a peer on the old version
// would misread (the server answers 426 to an incompatible version).
import { z } from 'zod';
import {
  CUSTODY_ACTIONS,
  HOLD_REASONS,
  JOB_STATUSES,
  LOCATION_KINDS,
  METALS,
  PHOTO_STAGES,
  PIECE_CATEGORIES,
  PRIORITIES,
  QC_REJECT_REASONS,
  RING_SIZE_SCALES,
  ROLES,
  SERVICE_TYPES,
} from '../domain/vocabulary';
import { CLIENT_AUTHORISATIONS, CONDITION_CODES, HANDLING_FLAGS } from '../domain/intake-vocabulary';
import { PROTOCOL_VERSION, PIN_PATTERN, PIN_MIN_ITERATIONS, PHOTO_MIME_TYPES, DEVICE_KINDS, ENTITIES, type Entity } from './constants';

export * from './constants';

// The app runs under a Content Security Policy without 'unsafe-eval' (sync-server/http/
// security-headers.ts), where zod cannot compile validators with new Function anyway: saying so
// up front spares its probe, which browsers report as a CSP violation. The server keeps the JIT.
if (typeof document !== 'undefined') z.config({ jitless: true });


// ---------------------------------------------------------------- errors

export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'protocol_mismatch',
  'unauthorized',
  'forbidden',
  'conflict',
  'rate_limited',
  'internal',
  /** 503: the server is up but cannot serve this yet (e.g. the app is not built). */
  'unavailable',
  /** 409 on push: the device skipped a sequence number; `details.lastAppliedSeq` says where the server is. */
  'sequence_gap',
  /** 422 on photo upload: the bytes do not hash to the SHA-256 they were sent under. */
  'hash_mismatch',
  /** 401: no device token, or one the server does not know: pair this device (ARCHITECTURE.md, "Security"). */
  'device_unpaired',
  /** 403: this device was removed from the workshop: it must stop showing workshop data. */
  'device_revoked',
  /** 401 on admin calls: confirm your PIN with the server again (no person session, or it expired). */
  'person_required',
  /** 429 on a PIN check: too many wrong PINs for this person; `details.retryAfterMs`. */
  'locked_out',
  /** 400: the pairing code is unknown, used or expired. */
  'pairing_invalid',
  /** 409/403: setup is done already, or its link is unknown or expired. */
  'setup_unavailable',
  /** 403: a request from another web origin. */
  'cross_origin',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Where the input was wrong, for validation errors: zod issue paths joined by dots. */
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** Machine-readable facts a client recovers with (e.g. lastAppliedSeq for sequence_gap). */
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

// ---------------------------------------------------------------- primitives

export const Id = z.uuid();
export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 as 64 lower-case hex digits');
export const JobNumberText = z.string().regex(/^[A-Z][A-Z0-9]{1,3}-\d{2}-\d{6}-[0-9A-Z]$/, 'a job number like NY1-26-000123-K');

export const Role = z.enum(ROLES);
export const JobStatus = z.enum(JOB_STATUSES);
export const ServiceType = z.enum(SERVICE_TYPES);
export const PhotoStage = z.enum(PHOTO_STAGES);

export const Location = z.object({
  kind: z.enum(LOCATION_KINDS),
  /** Bench number, vault name or vendor name. */
  label: z.string().max(80).optional(),
});
export type Location = z.infer<typeof Location>;

// ---------------------------------------------------------------- records

export const Stone = z.object({
  type: z.string().min(1).max(60),
  count: z.int().min(0).max(10_000),
  sizeOrCarat: z.string().max(40).optional(),
  colour: z.string().max(40).optional(),
  notes: z.string().max(500).optional(),
  flag: z.enum(['loose', 'missing']).optional(),
});
export type Stone = z.infer<typeof Stone>;

export const Piece = z.object({
  category: z.enum(PIECE_CATEGORIES),
  model: z.string().max(120).optional(),
  reference: z.string().max(80).optional(),
  serialNumber: z.string().max(80).optional(),
  metal: z.enum(METALS),
  stones: z.array(Stone).max(200),
  /** Intake weight in grams, to 0.01 g. */
  weightG: z.number().min(0).max(10_000).optional(),
  ringSize: z.object({ value: z.number().min(0).max(100), scale: z.enum(RING_SIZE_SCALES) }).optional(),
});
export type Piece = z.infer<typeof Piece>;

/** The condition report taken at intake: common conditions ticked, plus free notes. */
export const ConditionReport = z.object({
  codes: z.array(z.enum(CONDITION_CODES)).max(CONDITION_CODES.length),
  notes: z.string().max(2_000).optional(),
});
export type ConditionReport = z.infer<typeof ConditionReport>;

/**
 * Weight and stone count when the piece leaves, compared with intake (src/domain/reconciliation.ts).
 * A result outside tolerance needs a manager's note before release.
 */
export const Reconciliation = z.object({
  weightOutG: z.number().min(0).max(10_000),
  stoneCountOut: z.int().min(0).max(100_000),
  /** The verdict when it was recorded, with the tolerances of the day. */
  withinTolerance: z.boolean(),
  recordedBy: Id,
  recordedAt: IsoDateTime,
  /** Why a mismatch is acceptable; written by a manager. */
  managerNote: z.string().max(2_000).optional(),
  managerId: Id.optional(),
});
export type Reconciliation = z.infer<typeof Reconciliation>;

export const Job = z.object({
  id: Id,
  number: JobNumberText,
  status: JobStatus,
  /** Server-assigned version; status moves and QC sign-off carry the version they were made on. */
  version: z.int().min(0),
  piece: Piece,
  services: z.array(ServiceType).min(1),
  priority: z.enum(PRIORITIES),
  promisedDate: IsoDate.optional(),
  assigneeId: Id.optional(),
  holdReason: z.enum(HOLD_REASONS).optional(),
  notes: z.string().max(5_000).default(''),
  /** Checklist template ids (`<service>@<version>`) pinned when work first started. */
  checklistTemplates: z.array(z.string().regex(/^[a-z_]+@\d+$/)).max(20).optional(),
  /** Seen by manager and intake only; never sent to a jeweler's device. */
  clientRef: z.string().max(120).optional(),
  condition: ConditionReport.optional(),
  authorisations: z.array(z.enum(CLIENT_AUTHORISATIONS)).max(CLIENT_AUTHORISATIONS.length).optional(),
  handlingFlags: z.array(z.enum(HANDLING_FLAGS)).max(HANDLING_FLAGS.length).optional(),
  reconciliation: Reconciliation.optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Job = z.infer<typeof Job>;

// ---------------------------------------------------------------- security primitives

/** Base64url without padding (RFC 4648 §5): tokens, salts, keys and signatures on the wire. */
export const Base64Url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'base64url');

export const Pin = z.string().regex(PIN_PATTERN, 'a PIN of 4 to 6 digits');

/** A slow salted hash of a PIN (PBKDF2-HMAC-SHA256), made by the server; only paired devices receive it. */
export const PinHash = z.object({
  alg: z.literal('PBKDF2-SHA256'),
  iterations: z.int().min(PIN_MIN_ITERATIONS).max(10_000_000),
  /** 16 random bytes, base64url. */
  salt: Base64Url.min(22).max(86),
  /** 32 bytes, base64url. */
  hash: Base64Url.length(43),
});
export type PinHash = z.infer<typeof PinHash>;

/**
 * A device's ECDSA P-256 signature (IEEE P1363 r‖s, 64 bytes) over the canonical JSON of a custody
 * event or QC review without its signature (src/security/evidence-signature.ts). The public half
 * of the device's key is registered at pairing; the server checks it on push and again when it
 * walks the custody chain.
 */
export const EvidenceSignature = z.object({
  alg: z.literal('ES256'),
  /** The paired device whose key made it. */
  deviceId: z.string().min(1).max(64),
  sig: Base64Url.length(86),
});
export type EvidenceSignature = z.infer<typeof EvidenceSignature>;

export const Person = z.object({
  id: Id,
  name: z.string().min(1).max(80),
  role: Role,
  active: z.boolean(),
  /** Sent to paired devices only (pull needs a device token), never by the admin listings. */
  pinHash: PinHash.optional(),
});
export type Person = z.infer<typeof Person>;

export const PhotoMark = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('circle'), cx: z.number(), cy: z.number(), r: z.number().positive() }),
  z.object({ kind: z.literal('arrow'), x1: z.number(), y1: z.number(), x2: z.number(), y2: z.number() }),
  z.object({ kind: z.literal('freehand'), points: z.array(z.tuple([z.number(), z.number()])).min(2).max(2_000) }),
]);
export type PhotoMark = z.infer<typeof PhotoMark>;

export const PhotoMeta = z.object({
  id: Id,
  jobId: Id,
  stage: PhotoStage,
  sha256: Sha256Hex,
  thumbSha256: Sha256Hex,
  mime: z.enum(['image/jpeg', 'image/webp', 'image/png']),
  width: z.int().positive(),
  height: z.int().positive(),
  byteLength: z.int().positive(),
  takenAt: IsoDateTime,
  takenBy: Id,
  /** Annotation marks in the photo's own pixel coordinates, over the untouched original. */
  marks: z.array(PhotoMark).max(200).default([]),
});
export type PhotoMeta = z.infer<typeof PhotoMeta>;

export const CustodyEvent = z.object({
  id: Id,
  jobId: Id,
  personId: Id,
  deviceId: z.string().min(1).max(64),
  location: Location,
  action: z.enum(CUSTODY_ACTIONS),
  at: IsoDateTime,
  note: z.string().max(500).optional(),
  expectedReturn: IsoDate.optional(),
  /** The recording device's signature; required from paired devices (server checks on push). */
  signature: EvidenceSignature.optional(),
});
export type CustodyEvent = z.infer<typeof CustodyEvent>;

export const TimeEntry = z.object({
  id: Id,
  jobId: Id,
  personId: Id,
  startedAt: IsoDateTime,
  /** Absent while the stretch is running. */
  endedAt: IsoDateTime.optional(),
});
export type TimeEntry = z.infer<typeof TimeEntry>;

/** One answer per job and checklist item: keyed `<jobId>:<templateId>:<itemKey>`, so answers never conflict. */
export const ChecklistAnswer = z.object({
  id: z.string().regex(/^[0-9a-f-]{36}:[a-z_]+@\d+:[a-z0-9_]+$/, 'jobId:templateId:itemKey'),
  jobId: Id,
  templateId: z.string().regex(/^[a-z_]+@\d+$/),
  itemKey: z.string().regex(/^[a-z0-9_]+$/).max(60),
  /** pass/fail → boolean; measurement → number; photo → a photo id; note → text; null → cleared. */
  value: z.union([z.boolean(), z.number(), z.string().max(2_000), z.null()]),
  note: z.string().max(1_000).optional(),
  answeredBy: Id,
  answeredAt: IsoDateTime,
});
export type ChecklistAnswer = z.infer<typeof ChecklistAnswer>;

/** A shift on the tablet: clock-in, and clock-out once it ends. */
export const Attendance = z.object({
  id: Id,
  personId: Id,
  clockIn: IsoDateTime,
  clockOut: IsoDateTime.optional(),
});
export type Attendance = z.infer<typeof Attendance>;

export const QcReview = z.object({
  id: Id,
  jobId: Id,
  reviewerId: Id,
  decision: z.enum(['approve', 'reject']),
  reasons: z.array(z.enum(QC_REJECT_REASONS)).max(8),
  comment: z.string().max(2_000).default(''),
  at: IsoDateTime,
  /** The deciding device's signature; required from paired devices (server checks on push). */
  signature: EvidenceSignature.optional(),
});
export type QcReview = z.infer<typeof QcReview>;

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
  cursor: z.string().max(200).optional(),
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

// ---------------------------------------------------------------- security: setup, pairing, people, audit


export const DeviceKind = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** Device token: `lpd_` and 32 random bytes (base64url). The server keeps only its SHA-256. */
export const DeviceToken = z.string().regex(/^lpd_[A-Za-z0-9_-]{43}$/, 'a device token');
/** Person session token: `lps_` and 32 random bytes (base64url). */
export const PersonToken = z.string().regex(/^lps_[A-Za-z0-9_-]{43}$/, 'a person session token');
/** Pairing code: 8 characters of an alphabet without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX. */
export const PAIRING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PairingCode = z.string().regex(/^[2-9A-HJKMNP-Z]{8}$/, 'a pairing code of 8 letters and digits');
/** The job-number prefix of a device (src/domain/device-prefix.ts). */
export const DevicePrefix = z.string().regex(/^[A-Z][A-Z0-9]{1,3}$/, '2 to 4 capital letters or digits, a letter first');

/** The public half of a device's ECDSA P-256 signing key, as a JWK. */
export const PublicKeyJwk = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: Base64Url.length(43),
  y: Base64Url.length(43),
});
export type PublicKeyJwk = z.infer<typeof PublicKeyJwk>;

export const DeviceName = z.string().trim().min(1).max(60);
export const WorkshopName = z.string().trim().min(1).max(80);

/** GET /api/setup: whether the first start is still waiting for its admin. */
export const SetupStatusResponse = z.object({ needed: z.boolean(), workshopName: z.string().optional() });
export type SetupStatusResponse = z.infer<typeof SetupStatusResponse>;

/** POST /api/setup: the one-time link's token, the workshop, its first admin, and this device. */
export const SetupRequest = z.object({
  token: z.string().min(1).max(200),
  workshopName: WorkshopName,
  admin: z.object({ name: z.string().trim().min(1).max(80), pin: Pin }),
  device: z.object({ name: DeviceName, publicKey: PublicKeyJwk }),
});
export type SetupRequest = z.infer<typeof SetupRequest>;

/** POST /api/pair: a pairing code and this device's public key. */
export const PairRequest = z.object({
  code: z.string().min(1).max(20),
  publicKey: PublicKeyJwk,
});
export type PairRequest = z.infer<typeof PairRequest>;

/** What a device receives once paired (and the device that ran setup). Keep the token secret. */
export const PairResponse = z.object({
  deviceId: DeviceId,
  token: DeviceToken,
  name: z.string(),
  kind: DeviceKind,
  prefix: DevicePrefix,
  workshopId: z.string(),
  workshopName: z.string(),
});
export type PairResponse = z.infer<typeof PairResponse>;

export const SetupResponse = PairResponse.extend({ adminId: Id });
export type SetupResponse = z.infer<typeof SetupResponse>;

/** POST /api/auth/session: a person confirms their PIN with the server (admin screens). */
export const PersonSessionRequest = z.object({ personId: Id, pin: z.string().max(12) });
export type PersonSessionRequest = z.infer<typeof PersonSessionRequest>;

/** A person as the admin screens list them: never the PIN hash. */
export const PersonSummary = Person.omit({ pinHash: true }).extend({ hasPin: z.boolean() });
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PersonSessionResponse = z.object({ token: PersonToken, expiresAt: IsoDateTime, person: PersonSummary });
export type PersonSessionResponse = z.infer<typeof PersonSessionResponse>;

/** POST /api/admin/pairing-codes (admin). Without a prefix the server picks the next free one. */
export const CreatePairingCodeRequest = z.object({
  name: DeviceName,
  kind: DeviceKind,
  prefix: DevicePrefix.optional(),
});
export type CreatePairingCodeRequest = z.infer<typeof CreatePairingCodeRequest>;

export const PairingCodeResponse = z.object({
  code: PairingCode,
  expiresAt: IsoDateTime,
  name: z.string(),
  kind: DeviceKind,
  prefix: DevicePrefix,
});
export type PairingCodeResponse = z.infer<typeof PairingCodeResponse>;

export const DeviceInfo = z.object({
  id: DeviceId,
  name: z.string(),
  kind: DeviceKind,
  prefix: DevicePrefix,
  pairedAt: IsoDateTime,
  pairedBy: Id.nullable(),
  lastContactAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
  revokedBy: Id.nullable(),
});
export type DeviceInfo = z.infer<typeof DeviceInfo>;

export const DeviceListResponse = z.object({ devices: z.array(DeviceInfo) });
export type DeviceListResponse = z.infer<typeof DeviceListResponse>;

export const PeopleResponse = z.object({ people: z.array(PersonSummary) });
export type PeopleResponse = z.infer<typeof PeopleResponse>;

/** POST /api/admin/people (admin; a manager may add anyone but an admin). */
export const CreatePersonRequest = z.object({ name: z.string().trim().min(1).max(80), role: Role, pin: Pin });
export type CreatePersonRequest = z.infer<typeof CreatePersonRequest>;

/** PATCH /api/admin/people/:id: what changes. A new PIN replaces the old one on every device at its next sync. */
export const UpdatePersonRequest = z
  .object({ name: z.string().trim().min(1).max(80), role: Role, active: z.boolean(), pin: Pin })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type UpdatePersonRequest = z.infer<typeof UpdatePersonRequest>;

/** What a device reports about its own lock screen (failed unlocks and lockouts happen offline). */
export const SECURITY_REPORT_KINDS = ['unlock_failed', 'lockout'] as const;
export const SecurityReport = z.object({
  id: Id,
  kind: z.enum(SECURITY_REPORT_KINDS),
  personId: Id,
  at: IsoDateTime,
  /** lockout: until when. */
  lockedUntil: IsoDateTime.optional(),
});
export type SecurityReport = z.infer<typeof SecurityReport>;

export const SecurityReportRequest = z.object({ reports: z.array(SecurityReport).min(1).max(200) });
export type SecurityReportRequest = z.infer<typeof SecurityReportRequest>;

export const AUDIT_KINDS = [
  'setup',
  'pairing_code_created',
  'device_paired',
  'pairing_failed',
  'device_revoked',
  'revoked_device_refused',
  'unlock_failed',
  'lockout',
  'person_session_opened',
  'person_session_failed',
  'person_created',
  'person_changed',
  'mutation_refused',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const AuditEntry = z.object({
  id: Id,
  at: IsoDateTime,
  kind: z.enum(AUDIT_KINDS),
  deviceId: z.string().nullable(),
  personId: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  /** An entry id: list the entries older than it. */
  before: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditResponse = z.object({ entries: z.array(AuditEntry), hasMore: z.boolean() });
export type AuditResponse = z.infer<typeof AuditResponse>;

/** What the custody chain check found wrong with one link or one record. */
export const CHAIN_PROBLEM_KINDS = ['altered', 'removed', 'forged', 'unchained'] as const;
export const ChainProblem = z.object({
  kind: z.enum(CHAIN_PROBLEM_KINDS),
  /** The chain position, when the problem sits on a link. */
  position: z.int().min(1).optional(),
  entity: z.enum(['custodyEvent', 'qcReview']).optional(),
  id: z.string().optional(),
  message: z.string(),
});
export type ChainProblem = z.infer<typeof ChainProblem>;

export const ChainReport = z.object({
  ok: z.boolean(),
  /** Links walked. */
  links: z.int().min(0),
  /** Signatures checked and found good. */
  signed: z.int().min(0),
  /** The hash of the last link (hex), or null for an empty chain. */
  head: z.string().nullable(),
  problems: z.array(ChainProblem),
  checkedAt: IsoDateTime,
});
export type ChainReport = z.infer<typeof ChainReport>;
