import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoupeDb } from '../../src/db/loupe-db';
import { isQuotaExceeded, listJobPhotos, readPhotoBlob, savePhoto } from '../../src/db/photos-repo';
import { newId } from '../../src/domain/ids';
import { anEncodedImage, quotaError } from './photo-fakes';

const opened: LoupeDb[] = [];
function freshDb() {
  const db = new LoupeDb(`photos-${Math.random()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) await db.delete();
});

const actor = { personId: newId(), role: 'jeweler' as const };
const jobId = newId();
const aPhoto = (label: string) => ({ id: newId(), jobId, stage: 'before' as const, full: anEncodedImage(`${label} full`), thumb: anEncodedImage(`${label} thumb`, 320, 240) });

async function contents(db: LoupeDb) {
  return { photos: await db.photos.count(), bytes: (await db.photoBytes.toCollection().primaryKeys()).sort(), outbox: await db.outbox.count() };
}

describe('savePhoto', () => {
  it('stores both images, then the record with its outbox entry', async () => {
    const db = freshDb();
    const input = aPhoto('ring');
    const at = '2026-05-04T09:30:00.000Z';
    const outcome = await savePhoto(input, actor, { db, at });
    expect(outcome).toEqual({
      ok: true,
      photo: {
        id: input.id, jobId, stage: 'before', sha256: input.full.sha256, thumbSha256: input.thumb.sha256, mime: 'image/jpeg',
        width: 2560, height: 1920, byteLength: input.full.bytes.byteLength, takenAt: at, takenBy: actor.personId, marks: [],
      },
    });
    expect(await listJobPhotos(jobId, db)).toHaveLength(1);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ entity: 'photo', entityId: input.id, op: 'put', personId: actor.personId });
    expect((await db.photoBytes.get(input.thumb.sha256))?.kind).toBe('thumb');
    const blob = await readPhotoBlob(input.full.sha256, db);
    expect(blob.ok && blob.blob.type).toBe('image/jpeg');
    expect(blob.ok && blob.blob.size).toBe(input.full.bytes.byteLength);
  });

  it('storage full while storing the thumbnail: says so, removes the full size it had stored, keeps every earlier photo', async () => {
    const db = freshDb();
    await savePhoto(aPhoto('earlier'), actor, { db });
    const before = await contents(db);
    const put = db.photoBytes.put.bind(db.photoBytes);
    vi.spyOn(db.photoBytes, 'put').mockImplementation((record, key) => (record.kind === 'thumb' ? Promise.reject(quotaError()) : put(record, key)) as never);

    expect(await savePhoto(aPhoto('new'), actor, { db })).toEqual({ ok: false, reason: 'storage_full' });
    expect(await contents(db)).toEqual(before);
  });

  it('storage full while writing the record: the record and its outbox entry are all-or-nothing, the bytes are removed', async () => {
    const db = freshDb();
    await savePhoto(aPhoto('earlier'), actor, { db });
    const before = await contents(db);
    vi.spyOn(db.outbox, 'add').mockImplementation(() => Promise.reject(quotaError()) as never);

    expect(await savePhoto(aPhoto('new'), actor, { db })).toEqual({ ok: false, reason: 'storage_full' });
    expect(await contents(db)).toEqual(before);
  });

  it('never removes bytes another photo already uses (the same thumbnail twice)', async () => {
    const db = freshDb();
    const first = aPhoto('first');
    await savePhoto(first, actor, { db });
    vi.spyOn(db.outbox, 'add').mockImplementation(() => Promise.reject(new Error('disk on fire')) as never);

    const again = { ...aPhoto('second'), thumb: first.thumb };
    expect(await savePhoto(again, actor, { db })).toMatchObject({ ok: false, reason: 'storage_failed', message: 'Error: disk on fire' });
    expect(await db.photoBytes.get(first.thumb.sha256)).toBeDefined();
    expect(await db.photoBytes.get(again.full.sha256)).toBeUndefined();
  });

  it('refuses bytes that do not hash to their name, and stores nothing', async () => {
    const db = freshDb();
    const input = aPhoto('lying');
    input.full = { ...input.full, sha256: 'f'.repeat(64) };
    expect(await savePhoto(input, actor, { db })).toMatchObject({ ok: false, reason: 'storage_failed' });
    expect(await contents(db)).toEqual({ photos: 0, bytes: [], outbox: 0 });
  });
});

describe('isQuotaExceeded', () => {
  it.each([
    ['the DOMException itself', new DOMException('full', 'QuotaExceededError'), true],
    ['Dexie’s error with it inside', quotaError(), true],
    ['Dexie’s own QuotaExceededError', Object.assign(new Error('x'), { name: 'QuotaExceededError' }), true],
    ['wrapped twice, as a cause', new Error('outer', { cause: quotaError() }), true],
    ['Firefox’s name', Object.assign(new Error('x'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }), true],
    ['a constraint error', Object.assign(new Error('x'), { name: 'ConstraintError' }), false],
    ['a string', 'QuotaExceededError', false],
    ['nothing', undefined, false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isQuotaExceeded(error)).toBe(expected);
  });
});
