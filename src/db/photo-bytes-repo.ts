// Photo bytes on the device, addressed by SHA-256 (db.photoBytes). Stored as plain ArrayBuffers
// (never Blobs: WebKit has lost those), hashed on the way in and again on every read, because a
// tablet's storage can hand back something else than what was written; the one exception is the
// uploader's read (readPhotoBytesUnchecked), whose bytes the server hashes on arrival.
//
// Eviction rule: full-size bytes may go once the server was seen to hold the same hash
// (db.photoUploads); thumbnails and bytes the server has not confirmed never go.
import type { LoupeDb } from './loupe-db';
import type { PhotoBytesRecord } from './records';

/** Realm-independent: an ArrayBuffer from another realm (a worker, jsdom) fails `instanceof`. */
function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

export type PhotoBytesKind = PhotoBytesRecord['kind'];

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** An exact copy of the bytes as an ArrayBuffer (a view's buffer may be larger than the view). */
function toArrayBuffer(bytes: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (isArrayBuffer(bytes)) return bytes;
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

/** SHA-256 as 64 lower-case hex digits, with WebCrypto (browsers, and Node 20's globalThis.crypto). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', toArrayBuffer(bytes));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The bytes do not hash to the SHA-256 they were given under. */
export class PhotoHashMismatchError extends Error {
  override name = 'PhotoHashMismatchError';
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`Photo bytes hash to ${actual}, not to ${expected}.`);
  }
}

export interface StorePhotoBytesInput {
  sha256: string;
  type: string;
  bytes: ArrayBuffer | Uint8Array;
  kind: PhotoBytesKind;
  /** Set when the bytes came from the server (downloaded): they are confirmed already. */
  uploadedAt?: string;
}

/**
 * Stores bytes under their hash after checking it (PhotoHashMismatchError otherwise). Storing the
 * same hash again keeps what is known about it: a confirmed upload stays confirmed, and bytes kept
 * as a thumbnail stay a thumbnail (never evicted).
 */
export async function storePhotoBytes(db: LoupeDb, input: StorePhotoBytesInput): Promise<PhotoBytesRecord> {
  if (!SHA256_HEX.test(input.sha256)) throw new TypeError('sha256 must be 64 lower-case hex digits.');
  const bytes = toArrayBuffer(input.bytes);
  const actual = await sha256Hex(bytes);
  if (actual !== input.sha256) throw new PhotoHashMismatchError(input.sha256, actual);
  return db.transaction('rw', db.photoBytes, db.photoUploads, async () => {
    const existing = await db.photoBytes.get(input.sha256);
    const record: PhotoBytesRecord = {
      sha256: input.sha256,
      type: input.type,
      bytes,
      kind: existing?.kind === 'thumb' ? 'thumb' : input.kind,
      storedAt: new Date().toISOString(),
    };
    await db.photoBytes.put(record);
    if (input.uploadedAt !== undefined && !(await db.photoUploads.get(input.sha256))) {
      await db.photoUploads.put({ sha256: input.sha256, uploadedAt: input.uploadedAt });
    }
    return record;
  });
}

export type ReadPhotoBytesResult =
  | { ok: true; record: PhotoBytesRecord }
  /** Never stored here, or evicted (full size, confirmed on the server: fetch it again). */
  | { ok: false; reason: 'missing' }
  /** Stored, but what comes back is not what was stored (or not an ArrayBuffer at all). */
  | { ok: false; reason: 'damaged'; actualSha256: string };

/** Reads bytes by hash and checks them; damaged storage is a typed answer, never silent. */
export async function readPhotoBytes(db: LoupeDb, sha256: string): Promise<ReadPhotoBytesResult> {
  const read = await readPhotoBytesUnchecked(db, sha256);
  if (!read.ok) return read;
  const actual = await sha256Hex(read.record.bytes);
  return actual === sha256 ? read : { ok: false, reason: 'damaged', actualSha256: actual };
}

/**
 * The stored record as it is, not hashed: for the uploader only. The server hashes what it
 * receives and refuses a mismatch, so checking here too would hash every photo twice on the
 * tablet's busiest path; the uploader uses readPhotoBytes to tell "damaged here" when refused.
 */
export async function readPhotoBytesUnchecked(db: LoupeDb, sha256: string): Promise<ReadPhotoBytesResult> {
  if (!SHA256_HEX.test(sha256)) return { ok: false, reason: 'missing' };
  const record = await db.photoBytes.get(sha256);
  if (!record) return { ok: false, reason: 'missing' };
  if (!isArrayBuffer(record.bytes)) return { ok: false, reason: 'damaged', actualSha256: '' };
  return { ok: true, record };
}

/** Whether bytes are stored under this hash (not checked: use readPhotoBytes to use them). */
export async function hasPhotoBytes(db: LoupeDb, sha256: string): Promise<boolean> {
  return (await db.photoBytes.where('sha256').equals(sha256).count()) > 0;
}

// What waits for upload lives in its own small module: the status badge counts it on every
// screen, and the rest of this repo (hashing, eviction, tus bookkeeping) need not ship with it.
export { listUnuploaded, type UnuploadedBytes } from './photo-upload-queue';

/**
 * Records that the server holds these hashes, and forgets their upload errors, in one
 * transaction; an earlier confirmation is kept. Returns how many changed. Writes a small row per
 * hash: the bytes are not rewritten, and their table is not even in the transaction, so that
 * confirming one photo never waits for (nor holds up) the read of another one's bytes.
 */
export async function markUploaded(db: LoupeDb, sha256: string | readonly string[], at = new Date().toISOString()): Promise<number> {
  const shas = [...new Set(typeof sha256 === 'string' ? [sha256] : sha256)];
  if (shas.length === 0) return 0;
  return db.transaction('rw', db.photoUploads, db.syncState, async () => {
    const known = new Set(await db.photoUploads.where('sha256').anyOf(shas).primaryKeys());
    const fresh = shas.filter((sha) => !known.has(sha));
    await db.photoUploads.bulkPut(fresh.map((sha) => ({ sha256: sha, uploadedAt: at })));
    await clearPhotoErrors(db, shas);
    return fresh.length;
  });
}

/** When the server was first seen to hold these bytes; undefined: not yet. */
export async function uploadedAt(db: LoupeDb, sha256: string): Promise<string | undefined> {
  return (await db.photoUploads.get(sha256))?.uploadedAt;
}

/**
 * Frees space: deletes full-size bytes the server confirmed, except those in `keep` (for example
 * the photos of jobs still on this bench). Thumbnails and unconfirmed bytes are never touched.
 * Returns the hashes evicted; fetchFullSize brings one back when it is needed.
 */
export async function evictConfirmedFullSize(db: LoupeDb, keep: Iterable<string> = []): Promise<string[]> {
  const kept = new Set(keep);
  return db.transaction('rw', db.photoBytes, db.photoUploads, async () => {
    const full = await db.photoBytes.where('kind').equals('full').primaryKeys();
    const confirmed = await db.photoUploads.where('sha256').anyOf(full).primaryKeys();
    const evict = confirmed.filter((sha) => !kept.has(sha));
    await db.photoBytes.bulkDelete(evict);
    return evict;
  });
}

/** Thumbnail hashes that photo records name but whose bytes are not on this device. */
export async function listMissingThumbnails(db: LoupeDb): Promise<string[]> {
  return db.transaction('r', db.photos, db.photoBytes, async () => {
    const wanted = new Set<string>();
    await db.photos.each((photo) => {
      if (SHA256_HEX.test(photo.thumbSha256)) wanted.add(photo.thumbSha256);
    });
    if (wanted.size === 0) return [];
    const present = new Set(await db.photoBytes.where('sha256').anyOf([...wanted]).primaryKeys());
    return [...wanted].filter((sha) => !present.has(sha));
  });
}

// ---------------------------------------------------------------- upload bookkeeping (db.syncState)

/** syncState key of the photo upload errors, by hash. */
export const PHOTO_ERRORS = 'photoErrors';
/** syncState key prefix of an unfinished tus upload, by fingerprint. */
export const TUS_UPLOAD_PREFIX = 'tusUpload:';

export interface PhotoError {
  /** hash_mismatch: the server refused the bytes; damaged: they no longer hash right here. */
  code: 'hash_mismatch' | 'damaged' | 'rejected';
  message: string;
  at: string;
}

export async function recordPhotoError(db: LoupeDb, sha256: string, error: Omit<PhotoError, 'at'>, at = new Date().toISOString()): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const errors = await listPhotoErrors(db);
    errors[sha256] = { ...error, at };
    await db.syncState.put({ key: PHOTO_ERRORS, value: errors });
  });
}

/** Forgets the errors of these hashes (their bytes reached the server after all); markUploaded's. */
async function clearPhotoErrors(db: LoupeDb, shas: readonly string[]): Promise<void> {
  const errors = await listPhotoErrors(db);
  const known = shas.filter((sha) => sha in errors);
  if (known.length === 0) return;
  for (const sha of known) delete errors[sha];
  await db.syncState.put({ key: PHOTO_ERRORS, value: errors });
}

/** Photo upload errors by hash, for the sync status screen. */
export async function listPhotoErrors(db: LoupeDb): Promise<Record<string, PhotoError>> {
  const row = await db.syncState.get(PHOTO_ERRORS);
  const value = row?.value;
  return value && typeof value === 'object' ? { ...(value as Record<string, PhotoError>) } : {};
}

/** What tus-js-client keeps to resume an upload after a reload (its PreviousUpload). */
export interface StoredTusUpload {
  size: number | null;
  metadata: Record<string, string>;
  creationTime: string;
  uploadUrl: string | null;
  parallelUploadUrls: string[] | null;
}

export async function saveTusUpload(db: LoupeDb, fingerprint: string, upload: StoredTusUpload): Promise<string> {
  const key = `${TUS_UPLOAD_PREFIX}${fingerprint}`;
  await db.syncState.put({ key, value: upload });
  return key;
}

export async function findTusUploads(db: LoupeDb, fingerprint?: string): Promise<Array<StoredTusUpload & { urlStorageKey: string }>> {
  const rows =
    fingerprint === undefined
      ? await db.syncState.where('key').startsWith(TUS_UPLOAD_PREFIX).toArray()
      : await db.syncState.where('key').equals(`${TUS_UPLOAD_PREFIX}${fingerprint}`).toArray();
  return rows.map((row) => ({ ...(row.value as StoredTusUpload), urlStorageKey: row.key }));
}

export async function removeTusUpload(db: LoupeDb, urlStorageKey: string): Promise<void> {
  if (!urlStorageKey.startsWith(TUS_UPLOAD_PREFIX)) return;
  await db.syncState.delete(urlStorageKey);
}
