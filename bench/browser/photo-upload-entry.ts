// Bundled by esbuild into a page of a real Chromium (bench/photo-upload.bench.ts): the app's own
// photo uploader (tus-js-client over XHR, bytes read back from Dexie and checked) against a raw
// HTTP PUT of the same bytes from memory. It runs on load and posts its timings back: no DevTools
// client is attached, because one that tracks requests copies every request body it sees and
// slows uploads several times over (which would hide what the upload code itself costs).
import { LoupeDb } from '../../src/db/loupe-db';
import { sha256Hex, storePhotoBytes } from '../../src/db/photo-bytes-repo';
import { uploadPendingPhotos } from '../../src/sync/photo-uploader';

export interface PhotoBenchConfig {
  token: string;
  sizes: number[];
  /** Runs after the warm-up. */
  runs: number;
}

export interface PhotoBenchRun {
  bytes: number;
  loupeMs: number;
  rawMs: number;
  rawSyncedMs: number;
}

function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  // getRandomValues fills at most 64 KiB per call. Random bytes: nothing on the way can compress them.
  for (let start = 0; start < size; start += 65_536) crypto.getRandomValues(bytes.subarray(start, Math.min(size, start + 65_536)));
  return bytes;
}

/** New photos for one run (new bytes, so the server holds none of them), stored as the camera would. */
async function prepare(run: number, { sizes, token }: PhotoBenchConfig): Promise<{ db: LoupeDb; photos: Array<Uint8Array<ArrayBuffer>> }> {
  const db = new LoupeDb(`bench-photos-${run}`);
  // A paired device's token (device-auth-repo's DEVICE_TOKEN row): uploads need one.
  await db.syncState.put({ key: 'deviceToken', value: token });
  const photos = sizes.map(randomBytes);
  for (const bytes of photos) await storePhotoBytes(db, { sha256: await sha256Hex(bytes), type: 'image/jpeg', bytes, kind: 'full' });
  return { db, photos };
}

/** Loupe's upload of every pending photo: ask /have, read and check each from Dexie, tus. */
async function loupe(db: LoupeDb): Promise<number> {
  const t = performance.now();
  const result = await uploadPendingPhotos({ db, baseUrl: '' });
  const ms = performance.now() - t;
  const pending = await db.photoBytes.count();
  if (result.uploaded !== pending || result.failed !== 0) throw new Error(`Loupe uploaded ${result.uploaded} of ${pending} (${result.failed} failed, ${result.stopped ?? 'not stopped'})`);
  return ms;
}

/** The same bytes, one plain PUT each, one after the other, to a handler that writes them to disk. */
async function raw(run: number, photos: Array<Uint8Array<ArrayBuffer>>, fsync: boolean): Promise<number> {
  const t = performance.now();
  for (const [i, bytes] of photos.entries()) {
    const response = await fetch(`/bench-raw-put/${run}-${i}${fsync ? '?fsync=1' : ''}`, { method: 'PUT', body: bytes });
    if (response.status !== 204) throw new Error(`raw PUT answered ${response.status}`);
  }
  return performance.now() - t;
}

async function main(config: PhotoBenchConfig): Promise<PhotoBenchRun[]> {
  const runs: PhotoBenchRun[] = [];
  for (let run = 0; run <= config.runs; run++) {
    const { db, photos } = await prepare(run, config);
    // Alternate the order so that neither side always runs on a cooler machine.
    let rawMs = run % 2 === 0 ? await raw(run, photos, false) : 0;
    const loupeMs = await loupe(db);
    if (run % 2 === 1) rawMs = await raw(run, photos, false);
    const rawSyncedMs = await raw(run, photos, true);
    await db.delete();
    if (run > 0) runs.push({ bytes: photos.reduce((sum, b) => sum + b.byteLength, 0), loupeMs, rawMs, rawSyncedMs }); // run 0 warms up
  }
  return runs;
}

const config = (globalThis as unknown as { photoBenchConfig: PhotoBenchConfig }).photoBenchConfig;
main(config).then(
  (runs) => fetch('/bench-result', { method: 'POST', body: JSON.stringify({ runs }) }),
  (error: unknown) => fetch('/bench-result', { method: 'POST', body: JSON.stringify({ error: String(error) }) }),
);
