// The device's photo downloader and the eviction of confirmed full-size bytes, against the real
// server (tests/sync/photo-sync-harness.ts), with the device database in fake-indexeddb.
import { describe, expect, it } from 'vitest';
import { evictConfirmedFullSize, readPhotoBytes, uploadedAt } from '../../src/db/photo-bytes-repo';
import { newId } from '../../src/domain/ids';
import { downloadMissingThumbnails, fetchFullSize } from '../../src/sync/photo-downloader';
import { uploadPendingPhotos } from '../../src/sync/photo-uploader';
import { PEOPLE } from '../server/sync-fixtures';
import { baseUrl, freshDb, same, seen, takePhoto, usePhotoServer } from './photo-sync-harness';

usePhotoServer();

describe('eviction and fetching back', () => {
  it('evicts only confirmed full-size bytes, and fetchFullSize brings them back checked', async () => {
    const db = freshDb();
    const uploaded = await takePhoto(db);
    await uploadPendingPhotos({ db, baseUrl });
    const pending = await takePhoto(db);

    expect(await evictConfirmedFullSize(db)).toEqual([uploaded.fullSha]);
    expect(await readPhotoBytes(db, uploaded.fullSha)).toEqual({ ok: false, reason: 'missing' });
    expect((await readPhotoBytes(db, uploaded.thumbSha)).ok).toBe(true);
    expect((await readPhotoBytes(db, pending.fullSha)).ok).toBe(true);
    expect((await readPhotoBytes(db, pending.thumbSha)).ok).toBe(true);

    const back = await fetchFullSize({ db, baseUrl, personId: PEOPLE.manager.id, sha: uploaded.fullSha });
    expect(back.ok).toBe(true);
    if (back.ok) expect(same(back.record.bytes, uploaded.full)).toBe(true);
    expect(await db.photoBytes.get(uploaded.fullSha)).toMatchObject({ kind: 'full', type: 'image/jpeg' });
    expect(await uploadedAt(db, uploaded.fullSha)).toEqual(expect.any(String));
    // Cached: asked again, it does not touch the network.
    seen.length = 0;
    expect((await fetchFullSize({ db, baseUrl, personId: PEOPLE.manager.id, sha: uploaded.fullSha })).ok).toBe(true);
    expect(seen).toEqual([]);
    expect(await fetchFullSize({ db, baseUrl, personId: PEOPLE.manager.id, sha: 'cd'.repeat(32) })).toEqual({ ok: false, reason: 'not_found' });
  });
});

/** A photo taken and uploaded on a bench tablet, and the iPad its record reached by sync (no bytes yet). */
async function photoOnServerAndIpad() {
  const bench = freshDb();
  const photo = await takePhoto(bench);
  await uploadPendingPhotos({ db: bench, baseUrl });
  const ipad = freshDb();
  await ipad.photos.add(photo.meta);
  return { photo, ipad };
}

describe('downloadMissingThumbnails', () => {
  it('fetches the thumbnails this device lacks, checks and stores them; what the server lacks is counted', async () => {
    const bench = freshDb();
    const photos = [await takePhoto(bench), await takePhoto(bench), await takePhoto(bench)];
    await uploadPendingPhotos({ db: bench, baseUrl });

    // The manager's iPad: the records arrived by sync, no bytes yet.
    const ipad = freshDb();
    await ipad.photos.bulkAdd(photos.map((p) => p.meta));
    const notUploaded = { ...photos[0]!.meta, id: newId(), thumbSha256: 'ab'.repeat(32) };
    await ipad.photos.add(notUploaded);

    expect(await downloadMissingThumbnails({ db: ipad, baseUrl, personId: PEOPLE.manager.id })).toEqual({ downloaded: 3, missing: 1, failed: 0 });
    for (const p of photos) {
      const read = await readPhotoBytes(ipad, p.thumbSha);
      expect(read.ok).toBe(true);
      if (read.ok) expect(read.record).toMatchObject({ kind: 'thumb', type: 'image/webp' });
      expect(await uploadedAt(ipad, p.thumbSha)).toEqual(expect.any(String));
    }
    // Full-size bytes stay on the server until someone opens one.
    expect(await ipad.photoBytes.count()).toBe(3);
    // Nothing left to do but the one the server lacks.
    seen.length = 0;
    expect(await downloadMissingThumbnails({ db: ipad, baseUrl, personId: PEOPLE.manager.id })).toEqual({ downloaded: 0, missing: 1, failed: 0 });
    expect(seen).toEqual([`GET /api/photos/${'ab'.repeat(32)}`]);
  });

  it('a locked tablet (nobody unlocked) fetches no photo bytes; the server refuses a read that names no person', async () => {
    const { photo, ipad } = await photoOnServerAndIpad();
    seen.length = 0;
    expect(await downloadMissingThumbnails({ db: ipad, baseUrl, personId: null })).toEqual({ downloaded: 0, missing: 0, failed: 0, stopped: 'locked' });
    expect(await fetchFullSize({ db: ipad, baseUrl, personId: null, sha: photo.fullSha })).toEqual({ ok: false, reason: 'locked' });
    expect(seen).toEqual([]);
    expect((await fetch(`${baseUrl}/api/photos/${photo.thumbSha}`)).status).toBe(401);
    expect(await downloadMissingThumbnails({ db: ipad, baseUrl, personId: PEOPLE.jeweler.id })).toEqual({ downloaded: 1, missing: 0, failed: 0 });
  });

  it('refuses bytes that do not match their hash (a damaged answer) and stores nothing', async () => {
    const { photo, ipad } = await photoOnServerAndIpad();
    const tampering: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const bytes = new Uint8Array(await res.arrayBuffer());
      bytes[0] = bytes[0]! ^ 0xff;
      return new Response(bytes, { status: res.status, headers: res.headers });
    };
    expect(await downloadMissingThumbnails({ db: ipad, baseUrl, personId: PEOPLE.manager.id, fetch: tampering })).toEqual({ downloaded: 0, missing: 0, failed: 1 });
    expect(await ipad.photoBytes.count()).toBe(0);
    expect(await fetchFullSize({ db: ipad, baseUrl, personId: PEOPLE.manager.id, sha: photo.fullSha, fetch: tampering })).toEqual({ ok: false, reason: 'damaged' });
  });
});
