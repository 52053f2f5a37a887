// The device's photo uploader against the real server (tests/sync/photo-sync-harness.ts), with the
// device database in fake-indexeddb.
import { request as httpRequest } from 'node:http';
import { Transform } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { LoupeDb } from '../../src/db/loupe-db';
import { TUS_UPLOAD_PREFIX, listPhotoErrors, listUnuploaded, sha256Hex, storePhotoBytes, uploadedAt } from '../../src/db/photo-bytes-repo';
import { uploadPendingPhotos, type PhotoUploadProgress } from '../../src/sync/photo-uploader';
import { baseUrl, close, freshDb, listen, onServer, randomBytes, same, seen, takePhoto, usePhotoServer } from './photo-sync-harness';

usePhotoServer();

const tusUploadKeys = (db: LoupeDb) => db.syncState.where('key').startsWith(TUS_UPLOAD_PREFIX).primaryKeys();

describe('uploadPendingPhotos', () => {
  /** One photo at a time; what was confirmed (rows written) by the time the last upload ended, and in all. */
  async function uploadCountingConfirmations(db: LoupeDb, confirmEveryMs: number) {
    const confirmed: string[] = [];
    const onPut = (sha: string) => void confirmed.push(sha);
    db.photoUploads.hook('creating', onPut);
    let beforeTheEnd = -1;
    const result = await uploadPendingPhotos({
      db,
      baseUrl,
      concurrency: 1,
      confirmEveryMs,
      onProgress: (p) => {
        if (p.index === p.count && p.bytesSent === p.bytesTotal) beforeTheEnd = confirmed.length;
      },
    });
    db.photoUploads.hook('creating').unsubscribe(onPut);
    return { result, beforeTheEnd, confirmed: confirmed.length };
  }

  it('writes the confirmations of a run together, not one transaction per photo', async () => {
    const db = freshDb();
    for (let i = 0; i < 3; i++) await takePhoto(db, 50_000);
    const { result, beforeTheEnd, confirmed } = await uploadCountingConfirmations(db, 60_000);
    expect(result).toEqual({ uploaded: 6, skipped: 0, failed: 0 });
    expect(beforeTheEnd).toBe(0);
    expect(confirmed).toBe(6);
    expect(await listUnuploaded(db)).toEqual([]);
  });

  it('writes confirmations during a run once their interval has passed', async () => {
    const db = freshDb();
    for (let i = 0; i < 2; i++) await takePhoto(db, 50_000);
    const { result, beforeTheEnd, confirmed } = await uploadCountingConfirmations(db, 0);
    expect(result).toEqual({ uploaded: 4, skipped: 0, failed: 0 });
    // Three uploads (and their HTTP round trips) went before the last one: their marks are written.
    expect(beforeTheEnd).toBeGreaterThanOrEqual(1);
    expect(confirmed).toBe(4);
  });

  it('uploads thumbnails and full-size bytes, then marks them confirmed', async () => {
    const db = freshDb();
    const a = await takePhoto(db);
    const b = await takePhoto(db);
    const progress: PhotoUploadProgress[] = [];
    // What the run writes to syncState: a photo sent in one request has no upload URL to keep.
    const written: string[] = [];
    const onWrite = (key: string) => void written.push(key);
    db.syncState.hook('creating', onWrite);
    const result = await uploadPendingPhotos({ db, baseUrl, onProgress: (p) => progress.push(p) });
    db.syncState.hook('creating').unsubscribe(onWrite);
    expect(result).toEqual({ uploaded: 4, skipped: 0, failed: 0 });
    expect(written.filter((key) => key.startsWith(TUS_UPLOAD_PREFIX))).toEqual([]);
    // Each photo went in the one POST that created its upload.
    expect(seen.filter((s) => s.startsWith('PATCH'))).toEqual([]);
    for (const photo of [a, b]) {
      expect(same(await onServer(photo.fullSha), photo.full)).toBe(true);
      expect(same(await onServer(photo.thumbSha), photo.thumb)).toBe(true);
    }
    expect(await listUnuploaded(db)).toEqual([]);
    expect(await uploadedAt(db, a.fullSha)).toEqual(expect.any(String));
    // Thumbnails went first; the stored upload URLs are gone once done.
    expect(progress[0]?.kind).toBe('thumb');
    expect(progress.at(-1)).toMatchObject({ index: 4, count: 4 });
    expect(await tusUploadKeys(db)).toEqual([]);
    // A second run has nothing to do and asks nothing.
    seen.length = 0;
    expect(await uploadPendingPhotos({ db, baseUrl })).toEqual({ uploaded: 0, skipped: 0, failed: 0 });
    expect(seen).toEqual([]);
  });

  it('skips the bytes the server already holds (asked in one batch), sending nothing', async () => {
    const first = freshDb();
    const photo = await takePhoto(first);
    await uploadPendingPhotos({ db: first, baseUrl });

    // Another device holds the same bytes (a lost acknowledgement looks the same).
    const second = freshDb();
    await storePhotoBytes(second, { sha256: photo.fullSha, type: 'image/jpeg', bytes: photo.full, kind: 'full' });
    await storePhotoBytes(second, { sha256: photo.thumbSha, type: 'image/webp', bytes: photo.thumb, kind: 'thumb' });
    seen.length = 0;
    expect(await uploadPendingPhotos({ db: second, baseUrl })).toEqual({ uploaded: 0, skipped: 2, failed: 0 });
    expect(seen).toEqual(['POST /api/photos/have']);
    expect(await listUnuploaded(second)).toEqual([]);
  });

  it('resumes an interrupted upload from the server offset on the next run (after a reload)', async () => {
    const db = freshDb();
    const big = randomBytes(3 * 1024 * 1024);
    const bigSha = await sha256Hex(big);
    await storePhotoBytes(db, { sha256: bigSha, type: 'image/jpeg', bytes: big, kind: 'full' });

    const controller = new AbortController();
    const interrupted = await uploadPendingPhotos({
      db,
      baseUrl,
      chunkSize: 256 * 1024,
      signal: controller.signal,
      onProgress: ({ bytesSent, bytesTotal }) => {
        if (bytesSent > bytesTotal / 2) controller.abort();
      },
    });
    expect(interrupted).toEqual({ uploaded: 0, skipped: 0, failed: 0, stopped: 'aborted' });
    expect(await onServer(bigSha)).toBeUndefined();

    // The upload URL survived in the device database, and the server kept what it received.
    const [key] = await tusUploadKeys(db);
    const stored = (await db.syncState.get(key!))?.value as { uploadUrl: string };
    expect(stored.uploadUrl).toMatch(new RegExp(`^${baseUrl}/api/photos/uploads/${bigSha}-`));
    let serverOffset = 0;
    await expect
      .poll(async () => {
        const head = await fetch(stored.uploadUrl, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
        serverOffset = Number(head.headers.get('upload-offset'));
        return serverOffset;
      })
      .toBeGreaterThan(0);

    // A fresh run (as after a reload) goes on from there.
    let firstSent: number | undefined;
    seen.length = 0;
    const resumed = await uploadPendingPhotos({ db, baseUrl, chunkSize: 256 * 1024, onProgress: ({ bytesSent }) => (firstSent ??= bytesSent) });
    expect(resumed).toEqual({ uploaded: 1, skipped: 0, failed: 0 });
    expect(firstSent).toBeGreaterThanOrEqual(serverOffset);
    expect(seen.filter((s) => s.startsWith('POST /api/photos/uploads'))).toEqual([]);
    expect(same(await onServer(bigSha), big)).toBe(true);
    expect(await tusUploadKeys(db)).toEqual([]);
  });

  it('tells damaged local bytes (the server refuses them, and they no longer hash right here), records them, and goes on with the others', async () => {
    const db = freshDb();
    const damaged = await takePhoto(db);
    const fine = await takePhoto(db);
    const row = await db.photoBytes.get(damaged.fullSha);
    const flipped = new Uint8Array(row!.bytes);
    flipped[10] = flipped[10]! ^ 0x01;
    await db.photoBytes.update(damaged.fullSha, { bytes: flipped.buffer });

    const result = await uploadPendingPhotos({ db, baseUrl });
    expect(result).toEqual({ uploaded: 3, skipped: 0, failed: 1 });
    expect(await onServer(damaged.fullSha)).toBeUndefined();
    expect(same(await onServer(fine.fullSha), fine.full)).toBe(true);
    expect(await listPhotoErrors(db)).toEqual({ [damaged.fullSha]: { code: 'damaged', message: expect.any(String), at: expect.any(String) } });
    // Never confirmed, so never evicted: the only copy stays for someone to look at.
    expect(await listUnuploaded(db)).toEqual([{ sha256: damaged.fullSha, kind: 'full' }]);
  });

  it('records storage that hands back no bytes at all as damaged, sends nothing for it, and goes on', async () => {
    const db = freshDb();
    const broken = await takePhoto(db);
    await db.photoBytes.update(broken.fullSha, { bytes: 'not bytes' as unknown as ArrayBuffer });
    seen.length = 0;
    expect(await uploadPendingPhotos({ db, baseUrl })).toEqual({ uploaded: 1, skipped: 0, failed: 1 });
    expect(await listPhotoErrors(db)).toEqual({ [broken.fullSha]: { code: 'damaged', message: expect.any(String), at: expect.any(String) } });
    expect(seen.filter((s) => s.startsWith('POST /api/photos/uploads'))).toHaveLength(1);
  });

  it('records a 422 hash_mismatch from the server (bytes changed on the way) and goes on', async () => {
    const db = freshDb();
    const target = await takePhoto(db);
    const other = await takePhoto(db);
    // A proxy that flips one byte of every body for the target photo: the creating POST carries
    // the first chunk (its metadata names the hash), later PATCHes go to its upload URL.
    const targetMeta = Buffer.from(target.fullSha).toString('base64');
    const proxy = await listen((req, res) => {
      const flip =
        (req.method === 'PATCH' && req.url!.includes(target.fullSha)) ||
        (req.method === 'POST' && String(req.headers['upload-metadata'] ?? '').includes(targetMeta) && Number(req.headers['content-length'] ?? 0) > 0);
      let first = true;
      const upstream = httpRequest(`${baseUrl}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req
        .pipe(
          new Transform({
            transform(chunk: Buffer, _enc, done) {
              if (flip && first) {
                chunk[0] = chunk[0]! ^ 0xff;
                first = false;
              }
              done(null, chunk);
            },
          }),
        )
        .pipe(upstream);
    });
    try {
      const result = await uploadPendingPhotos({ db, baseUrl: proxy.url, retryDelays: [] });
      expect(result).toEqual({ uploaded: 3, skipped: 0, failed: 1 });
    } finally {
      await close(proxy.server);
    }
    expect(await listPhotoErrors(db)).toMatchObject({ [target.fullSha]: { code: 'hash_mismatch' } });
    expect(await onServer(target.fullSha)).toBeUndefined();
    expect(same(await onServer(other.fullSha), other.full)).toBe(true);
    expect(await tusUploadKeys(db)).toEqual([]);

    // Once the bytes go through, the error is cleared.
    expect(await uploadPendingPhotos({ db, baseUrl })).toEqual({ uploaded: 1, skipped: 0, failed: 0 });
    expect(await listPhotoErrors(db)).toEqual({});
  });

  it('stops at once when the server cannot be reached, changing nothing', async () => {
    const db = freshDb();
    await takePhoto(db);
    const nowhere = await listen(() => {});
    const url = nowhere.url;
    await close(nowhere.server);
    expect(await uploadPendingPhotos({ db, baseUrl: url })).toEqual({ uploaded: 0, skipped: 0, failed: 0, stopped: 'offline' });
    expect(await listUnuploaded(db)).toHaveLength(2);
  });
});
