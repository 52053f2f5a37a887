// Bundled by esbuild into a real Chromium page (bench/anchor.bench.ts): Loupe's own Dexie
// database, write path, sync engine and tus photo uploader, doing the anchor's workload. Its twin,
// anchor-pouch-entry.ts, does the same work with PouchDB so the two can be compared.
import { LoupeDb } from '../../src/db/loupe-db';
import { putRecord } from '../../src/db/local-changes';
import { sha256Hex, storePhotoBytes } from '../../src/db/photo-bytes-repo';
import { syncOnce } from '../../src/sync/sync-engine';
import { uploadPendingPhotos } from '../../src/sync/photo-uploader';
import type { Role } from '../../src/domain/vocabulary';

/** Loupe's own defaults; the PouchDB side uses the same batch sizes (bench/anchor/README.md). */
const PULL_LIMIT = 1_000;
const PUSH_BATCH = 200;

const dbs = new Map<string, LoupeDb>();

async function open(name: string, token?: string, deviceId?: string): Promise<LoupeDb> {
  let db = dbs.get(name);
  if (!db) {
    db = new LoupeDb(name);
    await db.open();
    dbs.set(name, db);
  }
  // A paired device's token (device-auth-repo's DEVICE_TOKEN row): sync needs one.
  if (token) await db.syncState.put({ key: 'deviceToken', value: token });
  // …and its id (device-repo's DEVICE_ID row), which the server checks against the token.
  if (deviceId) await db.syncState.put({ key: 'deviceId', value: deviceId });
  return db;
}

function randomBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  // getRandomValues fills at most 64 KiB at a time; random bytes stand for JPEGs (incompressible).
  for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
  return bytes;
}

const api = {
  /** A fresh device downloads everything: ms, records pulled, jobs stored. */
  async coldPull(name: string, token: string, deviceId: string) {
    const db = await open(name, token, deviceId);
    const t = performance.now();
    const report = await syncOnce({ db, baseUrl: '', pullLimit: PULL_LIMIT, pushBatch: PUSH_BATCH });
    const ms = performance.now() - t;
    return { ms, pulled: report.pulled, jobs: await db.jobs.count() };
  },

  /** `count` edits made offline through the app's one write path (record + outbox entry). */
  async offlineEdits(name: string, jobIds: string[], actor: { personId: string; role: Role }, run: number) {
    const db = await open(name);
    for (const id of jobIds) {
      const outcome = await putRecord('job', id, { notes: `Local edit, run ${run}.` }, actor, { db });
      if (!outcome.ok) throw new Error(`local edit refused: ${JSON.stringify(outcome)}`);
    }
    return db.outbox.count();
  },

  /** Back online: one sync round, both ways. */
  async catchUp(name: string) {
    const db = await open(name);
    const t = performance.now();
    const report = await syncOnce({ db, baseUrl: '', pullLimit: PULL_LIMIT, pushBatch: PUSH_BATCH });
    const ms = performance.now() - t;
    if (report.refused.length > 0) throw new Error(`${report.refused.length} local changes refused`);
    return { ms, pushed: report.pushed, pulled: report.pulled, outbox: await db.outbox.count() };
  },

  /** Stores photos of these sizes as the camera pipeline would (bytes keyed by their SHA-256). */
  async storePhotos(name: string, sizes: number[], token: string, deviceId: string) {
    const db = await open(name, token, deviceId);
    for (const size of sizes) {
      const bytes = randomBytes(size);
      await storePhotoBytes(db, { sha256: await sha256Hex(bytes), type: 'image/jpeg', bytes, kind: 'full' });
    }
    return db.photoBytes.count();
  },

  /** Uploads every stored photo with the app's tus uploader, as the app does (its defaults; hash checked by the server). */
  async uploadPhotos(name: string) {
    const db = await open(name);
    const t = performance.now();
    const result = await uploadPendingPhotos({ db, baseUrl: '' });
    const ms = performance.now() - t;
    if (result.failed > 0 || result.stopped) throw new Error(`photo upload: ${JSON.stringify(result)}`);
    return { ms, uploaded: result.uploaded };
  },

  /** What the origin uses on disk, as the app would see it. */
  async estimate() {
    return (await navigator.storage.estimate()).usage ?? 0;
  },

  async drop(name: string) {
    const db = dbs.get(name);
    dbs.delete(name);
    if (db) await db.delete();
    else await new LoupeDb(name).delete();
  },
};

(globalThis as unknown as { anchor: typeof api }).anchor = api;
