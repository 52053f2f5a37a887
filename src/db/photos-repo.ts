// Photo records and their stored bytes. A photo is saved in two steps that cannot share one
// IndexedDB transaction (the bytes are hashed and checked on the way in): the bytes first (full
// size and thumbnail, content-addressed), then the record with its outbox entry through the one
// write path (putRecord). If the second step fails, the bytes this save added are removed again,
// so a failure leaves the device exactly as it was: nothing half-saved, nothing else touched.
import type { PhotoStage } from '../domain/vocabulary';
import { db as appDb } from './database';
import { putRecord, type Actor } from './local-changes';
import type { LoupeDb } from './loupe-db';
import { readPhotoBytes, storePhotoBytes } from './photo-bytes-repo';
import type { PhotoMeta } from './records';

export interface StoredImage {
  bytes: ArrayBuffer;
  sha256: string;
  width: number;
  height: number;
  type: 'image/jpeg';
}

export interface NewPhoto {
  id: string;
  jobId: string;
  stage: PhotoStage;
  full: StoredImage;
  thumb: StoredImage;
}

export type SavePhotoOutcome =
  | { ok: true; photo: PhotoMeta }
  /** The device is out of space: sync (so full-size photos may be freed), then free space. */
  | { ok: false; reason: 'storage_full' }
  /** Any other storage failure, or a record the local rules refused; `message` is for logs. */
  | { ok: false; reason: 'storage_failed'; message: string };

export interface PhotoRepoOptions {
  db?: LoupeDb;
  at?: string;
}

/** Whether an error (Dexie's, or the DOMException it wraps, at any depth) means the disk is full. */
export function isQuotaExceeded(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth += 1) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    current = inner ?? cause;
  }
  return false;
}

export async function savePhoto(input: NewPhoto, actor: Actor, options: PhotoRepoOptions = {}): Promise<SavePhotoOutcome> {
  const db = options.db ?? appDb;
  const at = options.at ?? new Date().toISOString();
  // Bytes already on the device (the same thumbnail twice) belong to other photos: never removed.
  const existing = new Set(await db.photoBytes.where('sha256').anyOf([input.full.sha256, input.thumb.sha256]).primaryKeys());
  const added: string[] = [];
  try {
    for (const [image, kind] of [[input.full, 'full'], [input.thumb, 'thumb']] as const) {
      if (existing.has(image.sha256)) continue;
      added.push(image.sha256);
      await storePhotoBytes(db, { sha256: image.sha256, type: image.type, bytes: image.bytes, kind });
    }
    const photo: PhotoMeta = {
      id: input.id,
      jobId: input.jobId,
      stage: input.stage,
      sha256: input.full.sha256,
      thumbSha256: input.thumb.sha256,
      mime: input.full.type,
      width: input.full.width,
      height: input.full.height,
      byteLength: input.full.bytes.byteLength,
      takenAt: at,
      takenBy: actor.personId,
      marks: [],
    };
    const outcome = await putRecord('photo', photo.id, { ...photo }, actor, { db, at });
    if (!outcome.ok) {
      await removeBytes(db, added);
      return { ok: false, reason: 'storage_failed', message: outcome.message };
    }
    return { ok: true, photo };
  } catch (error) {
    await removeBytes(db, added);
    if (isQuotaExceeded(error)) return { ok: false, reason: 'storage_full' };
    return { ok: false, reason: 'storage_failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Removes bytes this save added; deleting frees space, so it works on a full disk too. */
async function removeBytes(db: LoupeDb, shas: string[]): Promise<void> {
  if (shas.length === 0) return;
  try {
    await db.photoBytes.bulkDelete(shas);
  } catch {
    // The bytes stay as an orphan that no record points to; harmless, and better than throwing over the real error.
  }
}

/** A job's photos, oldest first. */
export function listJobPhotos(jobId: string, db: LoupeDb = appDb): Promise<PhotoMeta[]> {
  return db.photos.where('jobId').equals(jobId).sortBy('takenAt');
}

export type PhotoBlobOutcome = { ok: true; blob: Blob } | { ok: false; reason: 'missing' | 'damaged' };

/** The stored bytes of one image as a Blob for an <img>, after their hash was checked. */
export async function readPhotoBlob(sha256: string, db: LoupeDb = appDb): Promise<PhotoBlobOutcome> {
  const read = await readPhotoBytes(db, sha256);
  if (!read.ok) return { ok: false, reason: read.reason };
  return { ok: true, blob: new Blob([read.record.bytes], { type: read.record.type }) };
}
