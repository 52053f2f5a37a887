// Photo bytes on the device (fake-indexeddb): hashed on the way in and on every read, the upload
// bookkeeping, and the eviction rule (confirmed full-size only).
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { LoupeDb } from '../../src/db/loupe-db';
import {
  PhotoHashMismatchError,
  evictConfirmedFullSize,
  hasPhotoBytes,
  listMissingThumbnails,
  listPhotoErrors,
  listUnuploaded,
  markUploaded,
  readPhotoBytes,
  recordPhotoError,
  sha256Hex,
  storePhotoBytes,
  uploadedAt,
} from '../../src/db/photo-bytes-repo';
import type { PhotoMeta } from '../../src/db/records';
import { newId } from '../../src/domain/ids';

const opened: LoupeDb[] = [];
function freshDb() {
  const db = new LoupeDb(`photo-bytes-${Math.random()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function someBytes(size = 2048): Uint8Array {
  const bytes = new Uint8Array(size);
  crypto.getRandomValues(bytes);
  return bytes;
}

async function stored(db: LoupeDb, kind: 'full' | 'thumb', extra: { uploadedAt?: string } = {}) {
  const bytes = someBytes();
  const sha256 = await sha256Hex(bytes);
  await storePhotoBytes(db, { sha256, type: 'image/jpeg', bytes, kind, ...extra });
  return sha256;
}

describe('storePhotoBytes and readPhotoBytes', () => {
  it('hashes like everyone else (the SHA-256 of "abc")', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('stores an exact ArrayBuffer (not the larger buffer behind a view) and reads it back checked', async () => {
    const db = freshDb();
    const backing = someBytes(4096);
    const view = backing.subarray(100, 1100);
    const sha256 = await sha256Hex(view);
    await storePhotoBytes(db, { sha256, type: 'image/webp', bytes: view, kind: 'full' });
    const read = await readPhotoBytes(db, sha256);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.record.bytes).toBeInstanceOf(ArrayBuffer);
    expect(read.record.bytes.byteLength).toBe(1000);
    expect(new Uint8Array(read.record.bytes)).toEqual(view);
    expect(read.record).toMatchObject({ sha256, type: 'image/webp', kind: 'full' });
    expect(read.record.uploadedAt).toBeUndefined();
  });

  it('refuses bytes that do not hash to the given SHA-256', async () => {
    const db = freshDb();
    const error = await storePhotoBytes(db, { sha256: 'a'.repeat(64), type: 'image/jpeg', bytes: someBytes(), kind: 'full' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhotoHashMismatchError);
    expect(await hasPhotoBytes(db, 'a'.repeat(64))).toBe(false);
    await expect(storePhotoBytes(db, { sha256: '../x', type: 'image/jpeg', bytes: someBytes(), kind: 'full' })).rejects.toThrow(TypeError);
  });

  it('detects storage that hands back other bytes (or no ArrayBuffer at all) as damaged', async () => {
    const db = freshDb();
    const sha256 = await stored(db, 'full');
    // What a storage bug looks like: the row is there, its content is not what was written.
    const flipped = new Uint8Array((await db.photoBytes.get(sha256))!.bytes);
    flipped[0] = flipped[0]! ^ 0xff;
    await db.photoBytes.update(sha256, { bytes: flipped.buffer });
    const read = await readPhotoBytes(db, sha256);
    expect(read).toEqual({ ok: false, reason: 'damaged', actualSha256: await sha256Hex(flipped) });

    const empty = await stored(db, 'thumb');
    await db.photoBytes.update(empty, { bytes: undefined as unknown as ArrayBuffer });
    expect(await readPhotoBytes(db, empty)).toEqual({ ok: false, reason: 'damaged', actualSha256: '' });
  });

  it('answers missing for an unknown or malformed hash', async () => {
    const db = freshDb();
    expect(await readPhotoBytes(db, 'b'.repeat(64))).toEqual({ ok: false, reason: 'missing' });
    expect(await readPhotoBytes(db, 'not a hash')).toEqual({ ok: false, reason: 'missing' });
  });

  it('keeps what is known when the same bytes are stored again: confirmed stays confirmed, a thumbnail stays a thumbnail', async () => {
    const db = freshDb();
    const bytes = someBytes();
    const sha256 = await sha256Hex(bytes);
    await storePhotoBytes(db, { sha256, type: 'image/jpeg', bytes, kind: 'thumb', uploadedAt: '2026-01-02T03:04:05.000Z' });
    await storePhotoBytes(db, { sha256, type: 'image/jpeg', bytes, kind: 'full' });
    expect(await db.photoBytes.get(sha256)).toMatchObject({ kind: 'thumb' });
    expect(await uploadedAt(db, sha256)).toBe('2026-01-02T03:04:05.000Z');
  });
});

describe('upload bookkeeping', () => {
  it('lists what the server has not confirmed, thumbnails first, and forgets what was marked', async () => {
    const db = freshDb();
    const full = await stored(db, 'full');
    const thumb = await stored(db, 'thumb');
    const confirmed = await stored(db, 'full', { uploadedAt: new Date().toISOString() });
    expect(await listUnuploaded(db)).toEqual([
      { sha256: thumb, kind: 'thumb' },
      { sha256: full, kind: 'full' },
    ]);
    expect(await markUploaded(db, [thumb, confirmed], '2026-05-01T10:00:00.000Z')).toBe(1);
    expect(await listUnuploaded(db)).toEqual([{ sha256: full, kind: 'full' }]);
    expect(await uploadedAt(db, thumb)).toBe('2026-05-01T10:00:00.000Z');
    expect(await uploadedAt(db, confirmed)).not.toBe('2026-05-01T10:00:00.000Z');
    // A confirmation is a row of its own: the bytes record was not rewritten to carry it.
    expect((await db.photoBytes.get(thumb))?.uploadedAt).toBeUndefined();
    expect(await markUploaded(db, full)).toBe(1);
    expect(await listUnuploaded(db)).toEqual([]);
  });

  it('records photo errors by hash, and forgets those of the bytes it marks uploaded', async () => {
    const db = freshDb();
    const refused = await stored(db, 'full');
    await recordPhotoError(db, refused, { code: 'hash_mismatch', message: 'no' }, '2026-05-01T10:00:00.000Z');
    await recordPhotoError(db, 'd'.repeat(64), { code: 'damaged', message: 'flipped' });
    expect(await listPhotoErrors(db)).toMatchObject({
      [refused]: { code: 'hash_mismatch', message: 'no', at: '2026-05-01T10:00:00.000Z' },
      ['d'.repeat(64)]: { code: 'damaged' },
    });
    expect(await markUploaded(db, refused)).toBe(1);
    expect(Object.keys(await listPhotoErrors(db))).toEqual(['d'.repeat(64)]);
    expect(await listUnuploaded(db)).toEqual([]);
  });
});

describe('evictConfirmedFullSize', () => {
  it('drops only full-size bytes the server confirmed, and not those asked to be kept', async () => {
    const db = freshDb();
    const at = new Date().toISOString();
    const unconfirmedFull = await stored(db, 'full');
    const unconfirmedThumb = await stored(db, 'thumb');
    const confirmedThumb = await stored(db, 'thumb', { uploadedAt: at });
    const confirmedFull = await stored(db, 'full', { uploadedAt: at });
    const keptFull = await stored(db, 'full', { uploadedAt: at });

    expect(await evictConfirmedFullSize(db, [keptFull])).toEqual([confirmedFull]);
    const left = await db.photoBytes.toCollection().primaryKeys();
    expect(left.sort()).toEqual([unconfirmedFull, unconfirmedThumb, confirmedThumb, keptFull].sort());
    expect(await evictConfirmedFullSize(db)).toEqual([keptFull]);
    expect(await evictConfirmedFullSize(db)).toEqual([]);
    expect((await readPhotoBytes(db, unconfirmedFull)).ok).toBe(true);
  });
});

describe('listMissingThumbnails', () => {
  it('names the thumbnails photo records point to that are not stored here, once each', async () => {
    const db = freshDb();
    const present = await stored(db, 'thumb');
    const photo = (thumbSha256: string): PhotoMeta => ({
      id: newId(),
      jobId: newId(),
      stage: 'before',
      sha256: 'e'.repeat(64),
      thumbSha256,
      mime: 'image/jpeg',
      width: 10,
      height: 10,
      byteLength: 100,
      takenAt: new Date().toISOString(),
      takenBy: newId(),
      marks: [],
    });
    await db.photos.bulkAdd([photo(present), photo('f'.repeat(64)), photo('f'.repeat(64))]);
    expect(await listMissingThumbnails(db)).toEqual(['f'.repeat(64)]);
  });
});

describe('schema v6: confirmations apart from the bytes', () => {
  it('carries the confirmations of a v5 tablet over to photoUploads, and nothing else', async () => {
    const name = `photo-bytes-v5-${Math.random()}`;
    // A tablet still on v5 (the stores of photoBytes as they were then), with one confirmed
    // full-size photo, one confirmed thumbnail and one unconfirmed photo.
    const v5 = new Dexie(name);
    v5.version(5).stores({ photoBytes: 'sha256, kind, [kind+uploadedAt]' });
    const [confirmedFull, confirmedThumb, waiting] = [someBytes(), someBytes(), someBytes()];
    const row = async (bytes: Uint8Array, kind: 'full' | 'thumb', at?: string) => ({
      sha256: await sha256Hex(bytes), type: 'image/jpeg', bytes: bytes.slice().buffer, kind, storedAt: '2026-05-01T09:00:00.000Z', ...(at ? { uploadedAt: at } : {}),
    });
    await v5.table('photoBytes').bulkAdd([await row(confirmedFull, 'full', '2026-05-01T10:00:00.000Z'), await row(confirmedThumb, 'thumb', '2026-05-01T11:00:00.000Z'), await row(waiting, 'full')]);
    v5.close();

    const db = new LoupeDb(name);
    opened.push(db);
    expect(await uploadedAt(db, await sha256Hex(confirmedFull))).toBe('2026-05-01T10:00:00.000Z');
    expect(await uploadedAt(db, await sha256Hex(confirmedThumb))).toBe('2026-05-01T11:00:00.000Z');
    expect(await db.photoUploads.count()).toBe(2);
    expect(await listUnuploaded(db)).toEqual([{ sha256: await sha256Hex(waiting), kind: 'full' }]);
    expect(await evictConfirmedFullSize(db)).toEqual([await sha256Hex(confirmedFull)]);
  });
});
