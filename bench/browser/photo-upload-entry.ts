// Bundled by esbuild into the page of a real Chromium (bench/photo-upload.bench.ts): the app's
// own photo uploader (tus-js-client over XHR, bytes read back from Dexie and checked) against a
// raw HTTP PUT of the same bytes from memory.
import { LoupeDb } from '../../src/db/loupe-db';
import { sha256Hex, storePhotoBytes } from '../../src/db/photo-bytes-repo';
import { uploadPendingPhotos } from '../../src/sync/photo-uploader';

const photos = new Map<number, Uint8Array[]>();
const dbs = new Map<number, LoupeDb>();

function randomBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  // getRandomValues fills at most 64 KiB per call. Random bytes: nothing on the way can compress them.
  for (let start = 0; start < size; start += 65_536) crypto.getRandomValues(bytes.subarray(start, Math.min(size, start + 65_536)));
  return bytes;
}

const api = {
  /** New photos for one run (new bytes, so the server holds none of them), stored as the camera would. */
  async prepare(run: number, sizes: number[], token: string): Promise<number> {
    const db = new LoupeDb(`bench-photos-${run}`);
    // A paired device's token (device-auth-repo's DEVICE_TOKEN row): uploads need one.
    await db.syncState.put({ key: 'deviceToken', value: token });
    const list = sizes.map(randomBytes);
    for (const bytes of list) await storePhotoBytes(db, { sha256: await sha256Hex(bytes), type: 'image/jpeg', bytes, kind: 'full' });
    photos.set(run, list);
    dbs.set(run, db);
    return list.reduce((sum, b) => sum + b.byteLength, 0);
  },

  /** Loupe's upload of every pending photo: ask /have, read and check each from Dexie, tus. */
  async loupe(run: number): Promise<{ ms: number; uploaded: number; failed: number }> {
    const db = dbs.get(run)!;
    const t = performance.now();
    const result = await uploadPendingPhotos({ db, baseUrl: '' });
    return { ms: performance.now() - t, uploaded: result.uploaded, failed: result.failed };
  },

  /** The same bytes, one plain PUT each, one after the other, to a handler that writes them to disk. */
  async raw(run: number, fsync: boolean): Promise<number> {
    const t = performance.now();
    for (const [i, bytes] of photos.get(run)!.entries()) {
      const response = await fetch(`/bench-raw-put/${run}-${i}${fsync ? '?fsync=1' : ''}`, { method: 'PUT', body: bytes });
      if (response.status !== 204) throw new Error(`raw PUT answered ${response.status}`);
    }
    return performance.now() - t;
  },

  async dispose(run: number): Promise<void> {
    const db = dbs.get(run);
    photos.delete(run);
    dbs.delete(run);
    if (db) await db.delete();
  },
};

(globalThis as unknown as { loupePhotoBench: typeof api }).loupePhotoBench = api;
