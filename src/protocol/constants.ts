// The protocol's plain values: versions, header names, enumerations. No zod here, so the screens
// that only need a header name or an entity list do not ship the validator; protocol.ts re-exports
// all of it and stays the one place the protocol is defined and read.

export const PROTOCOL_VERSION = 1;

/** Header every request carries; the server refuses an incompatible one with 426. */
export const PROTOCOL_HEADER = 'x-loupe-protocol';

/** A person's PIN: 4 to 6 digits, checked offline on paired tablets against `Person.pinHash`. */
export const PIN_PATTERN = /^\d{4,6}$/;

/** Fewest PBKDF2 iterations a PIN hash may use (src/security/pin-hash.ts uses more). */
export const PIN_MIN_ITERATIONS = 100_000;

export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/webp', 'image/png'] as const;

/** Every API call but health, setup and pairing carries the device token it got at pairing. */
export const DEVICE_TOKEN_HEADER = 'x-loupe-device-token';

/** Admin calls also carry a short-lived person session, opened by checking the PIN on the server. */
export const PERSON_TOKEN_HEADER = 'x-loupe-person-token';

/**
 * Photo reads also name the person working at the tablet (unlocked by a PIN checked offline):
 * the device vouches for them as it does for the person of each pushed change.
 */
export const PERSON_ID_HEADER = 'x-loupe-person';

/** What a device is for, set by the admin at pairing: a bench device never receives client references. */
export const DEVICE_KINDS = ['bench', 'front_office', 'manager'] as const;

export const ENTITIES = [
  'job',
  'photo',
  'checklistAnswer',
  'timeEntry',
  'custodyEvent',
  'qcReview',
  'person',
  'attendance',
] as const;
export type Entity = (typeof ENTITIES)[number];
