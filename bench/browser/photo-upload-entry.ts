// Bundled by esbuild into a page of a real Chromium (bench/photo-upload.bench.ts): the app's own
// photo uploader (tus-js-client over XHR, bytes read from Dexie) against raw HTTP PUTs of the same
// bytes: taken from the same IndexedDB store, three in flight like the uploader (the reference of
// the goal), and from memory (the network alone). It runs on load and posts its timings back: no
// DevTools client is attached, because one that tracks requests copies every request body it sees
// and slows uploads several times over (which would hide what the upload code itself costs).
import { LoupeDb } from '../../src/db/loupe-db';
import { sha256Hex, storePhotoBytes } from '../../src/db/photo-bytes-repo';
import { PHOTO_UPLOAD_CONCURRENCY, uploadPendingPhotos } from '../../src/sync/photo-uploader';

export interface PhotoBenchConfig {
  token: string;
  sizes: number[];
  /** Runs after the warm-up. */
  runs: number;
}

export interface PhotoBenchRun {
  bytes: number;
  loupeMs: number;
  /** Raw PUTs of the bytes read from IndexedDB, as many in flight as the uploader. */
  rawStoredMs: number;
  /** The same, to a handler that also hashes the bytes and fsyncs file and folder. */
  rawVerifiedMs: number;
  /** Reading the bytes from IndexedDB alone, one photo after the other. */
  readMs: number;
  /** Raw PUTs from memory, one after the other (and each file fsynced). */
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
async function prepare(run: number, { sizes, token }: PhotoBenchConfig): Promise<{ db: LoupeDb; photos: Array<Uint8Array<ArrayBuffer>>; shas: string[] }> {
  const db = new LoupeDb(`bench-photos-${run}`);
  // A paired device's token (device-auth-repo's DEVICE_TOKEN row): uploads need one.
  await db.syncState.put({ key: 'deviceToken', value: token });
  const photos = sizes.map(randomBytes);
  const shas: string[] = [];
  for (const bytes of photos) {
    shas.push(await sha256Hex(bytes));
    await storePhotoBytes(db, { sha256: shas.at(-1)!, type: 'image/jpeg', bytes, kind: 'full' });
  }
  return { db, photos, shas };
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

async function put(name: string, body: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<void> {
  const response = await fetch(`/bench-raw-put/${name}`, { method: 'PUT', body });
  if (response.status !== 204) throw new Error(`raw PUT answered ${response.status}`);
}

/** The same bytes from memory, one plain PUT each, one after the other, to a handler that writes them to disk. */
async function raw(run: number, photos: Array<Uint8Array<ArrayBuffer>>, fsync: boolean): Promise<number> {
  const t = performance.now();
  for (const [i, bytes] of photos.entries()) await put(`${run}-${i}${fsync ? '?fsync=1' : ''}`, bytes);
  return performance.now() - t;
}

/** One photo's record straight from IndexedDB, without Dexie. */
function getStored(db: LoupeDb, sha256: string): Promise<{ bytes: ArrayBuffer }> {
  return new Promise((resolve, reject) => {
    const request = db.backendDB().transaction('photoBytes', 'readonly').objectStore('photoBytes').get(sha256);
    request.onsuccess = () => resolve(request.result as { bytes: ArrayBuffer });
    request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
  });
}

/**
 * The stored bytes, each read from IndexedDB and PUT, as many at once as the uploader sends;
 * `verified`: to a handler that hashes them and makes them durable, as the real server must.
 */
async function rawStored(run: number, db: LoupeDb, shas: string[], verified = false): Promise<number> {
  let next = 0;
  const t = performance.now();
  const lane = async () => {
    for (let i = next++; i < shas.length; i = next++) {
      await put(verified ? `verified-${run}-${i}?verify=1` : `stored-${run}-${i}`, (await getStored(db, shas[i]!)).bytes);
    }
  };
  await Promise.all(Array.from({ length: PHOTO_UPLOAD_CONCURRENCY }, lane));
  return performance.now() - t;
}

/** Reading alone: what any upload of these photos from this device pays before the network. */
async function readAll(db: LoupeDb, shas: string[]): Promise<number> {
  const t = performance.now();
  for (const sha of shas) await getStored(db, sha);
  return performance.now() - t;
}

/** Tells the server a phase starts or ends: it notes its own CPU time then (bench/photo-upload.bench.ts). */
async function phase<T>(name: 'loupe' | 'raw', run: () => Promise<T>): Promise<T> {
  await fetch(`/bench-cpu/${name}/start`, { method: 'POST' });
  const result = await run();
  await fetch(`/bench-cpu/${name}/end`, { method: 'POST' });
  return result;
}

async function main(config: PhotoBenchConfig): Promise<PhotoBenchRun[]> {
  const runs: PhotoBenchRun[] = [];
  for (let run = 0; run <= config.runs; run++) {
    const { db, photos, shas } = await prepare(run, config);
    // Alternate the order so that neither side always runs on a cooler machine.
    let rawStoredMs = run % 2 === 0 ? await phase('raw', () => rawStored(run, db, shas)) : 0;
    const loupeMs = await phase('loupe', () => loupe(db));
    if (run % 2 === 1) rawStoredMs = await phase('raw', () => rawStored(run, db, shas));
    const rawVerifiedMs = await rawStored(run, db, shas, true);
    const readMs = await readAll(db, shas);
    const rawMs = await raw(run, photos, false);
    const rawSyncedMs = await raw(run, photos, true);
    await db.delete();
    if (run > 0) runs.push({ bytes: photos.reduce((sum, b) => sum + b.byteLength, 0), loupeMs, rawStoredMs, rawVerifiedMs, readMs, rawMs, rawSyncedMs }); // run 0 warms up
  }
  return runs;
}

const config = (globalThis as unknown as { photoBenchConfig: PhotoBenchConfig }).photoBenchConfig;
main(config).then(
  (runs) => fetch('/bench-result', { method: 'POST', body: JSON.stringify({ runs }) }),
  (error: unknown) => fetch('/bench-result', { method: 'POST', body: JSON.stringify({ error: String(error) }) }),
);
