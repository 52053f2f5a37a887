// Bundled by esbuild (from bench/anchor/node_modules) into a real Chromium page: PouchDB 9 with
// its default browser adapter (IndexedDB, "idb") replicating with pouchdb-server 4.2, doing the
// same work as anchor-loupe-entry.ts with the same batch sizes. PouchDB ships no types: the few
// calls used here are typed below.
// @ts-expect-error -- resolved by esbuild from bench/anchor/node_modules, which tsc does not see
import PouchDBModule from 'pouchdb-browser';

interface Doc {
  _id: string;
  _rev?: string;
  [field: string]: unknown;
}
interface ReplicationResult {
  docs_written: number;
  docs_read: number;
  doc_write_failures: number;
}
interface Pouch {
  info(): Promise<{ doc_count: number }>;
  get(id: string): Promise<Doc>;
  put(doc: Doc): Promise<{ ok: boolean }>;
  destroy(): Promise<unknown>;
}
interface PouchStatic {
  new (name: string): Pouch;
  replicate(source: Pouch, target: Pouch, options: Record<string, unknown>): Promise<ReplicationResult>;
  sync(local: Pouch, remote: Pouch, options: Record<string, unknown>): Promise<{ push: ReplicationResult; pull: ReplicationResult }>;
}
const PouchDB = PouchDBModule as PouchStatic;

/** Loupe's batch sizes (sync-engine: pages of 1,000 pulled, batches of 200 pushed). */
const PULL_BATCH = 1_000;
const PUSH_BATCH = 200;
/** Photos: one replication batch is sent as one JSON request with base64 bodies; 10 photos ≈ 22 MB. */
const PHOTO_BATCH = 10;

const dbs = new Map<string, Pouch>();
function local(name: string): Pouch {
  let db = dbs.get(name);
  if (!db) {
    db = new PouchDB(name);
    dbs.set(name, db);
  }
  return db;
}
/** The server's database, on this page's origin (the bench opens one page straight to the server, one through a byte counter). */
const remote = (path: string): Pouch => new PouchDB(new URL(path, location.origin).href);

function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
  return bytes;
}

function check(result: ReplicationResult, what: string): void {
  if (result.doc_write_failures > 0) throw new Error(`${what}: ${result.doc_write_failures} write failures`);
}

const api = {
  async coldPull(name: string, url: string) {
    const db = local(name);
    const t = performance.now();
    const result = await PouchDB.replicate(remote(url), db, { batch_size: PULL_BATCH });
    const ms = performance.now() - t;
    check(result, 'pull');
    return { ms, pulled: result.docs_written, docs: (await db.info()).doc_count };
  },

  /** The same offline edits as Loupe's: each job's notes, one write per job. */
  async offlineEdits(name: string, jobIds: string[], run: number) {
    const db = local(name);
    for (const id of jobIds) {
      const doc = await db.get(id);
      await db.put({ ...doc, notes: `Local edit, run ${run}.`, updatedAt: new Date().toISOString() });
    }
    return jobIds.length;
  },

  /** Back online: one-shot sync both ways. */
  async catchUp(name: string, url: string) {
    const db = local(name);
    const t = performance.now();
    const result = await PouchDB.sync(db, remote(url), { push: { batch_size: PUSH_BATCH }, pull: { batch_size: PULL_BATCH } });
    const ms = performance.now() - t;
    check(result.push, 'push');
    check(result.pull, 'pull');
    return { ms, pushed: result.push.docs_written, pulled: result.pull.docs_written };
  },

  /** One document per photo with the bytes as an attachment (PouchDB digests it with MD5). */
  async storePhotos(name: string, sizes: number[], run: number) {
    const db = local(name);
    for (const [i, size] of sizes.entries()) {
      const data = new Blob([randomBytes(size)], { type: 'image/jpeg' });
      await db.put({ _id: `photo-${run}-${i}`, kind: 'full', _attachments: { 'photo.jpg': { content_type: 'image/jpeg', data } } });
    }
    return (await db.info()).doc_count;
  },

  async uploadPhotos(name: string, url: string) {
    const db = local(name);
    const t = performance.now();
    const result = await PouchDB.replicate(db, remote(url), { batch_size: PHOTO_BATCH });
    const ms = performance.now() - t;
    check(result, 'photo push');
    return { ms, uploaded: result.docs_written };
  },

  async estimate() {
    return (await navigator.storage.estimate()).usage ?? 0;
  },

  async drop(name: string) {
    await local(name).destroy();
    dbs.delete(name);
  },
};

(globalThis as unknown as { anchor: typeof api }).anchor = api;
