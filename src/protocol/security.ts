// The protocol's security endpoints: first-start setup, pairing, people and PIN sessions,
// security reports, the audit log and the custody chain check. Part of src/protocol/protocol.ts,
// which re-exports it: import from there.
import { z } from 'zod';
import { DEVICE_KINDS } from './constants';
import { Id, IsoDateTime, Role, Base64Url, Pin, Person } from './records';
import { DeviceId } from './sync';

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
