// The protocol's records: errors, primitives and every synced entity (jobs, photos, custody,
// checklist answers, time, QC, people, attendance), with the signature and PIN-hash shapes they
// carry. Part of src/protocol/protocol.ts, which re-exports it: import from there.
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
import { PIN_PATTERN, PIN_MIN_ITERATIONS } from './constants';

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
