// Bundled by esbuild into the page of a real Chromium (bench/device.bench.ts): the app's own
// Dexie database, repos and sync engine, timed against raw IndexedDB doing the same work.
import { LoupeDb } from '../../src/db/loupe-db';
import { findJobByNumber } from '../../src/db/jobs-repo';
import { syncOnce } from '../../src/sync/sync-engine';
import { pull } from '../../src/sync/sync-client';
import type { Job } from '../../src/protocol/protocol';

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function rawOpen(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('jobs', { keyPath: 'id' });
      store.createIndex('number', 'number', { unique: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

async function deleteDb(name: string) {
  await new Promise((r) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = r;
  });
}

const api = {
  /** One run of bulk write then bulk read of `jobs`, through Dexie and through raw IndexedDB. */
  async bulk(jobs: Job[], run: number) {
    const dexieName = `bench-dexie-${run}`;
    const rawName = `bench-raw-${run}`;
    const db = new LoupeDb(dexieName);
    await db.open();
    let t = performance.now();
    await db.jobs.bulkPut(jobs);
    const dexieWrite = performance.now() - t;
    t = performance.now();
    const read = await db.jobs.toArray();
    const dexieRead = performance.now() - t;
    if (read.length !== jobs.length) throw new Error('dexie read lost rows');
    db.close();

    const raw = await rawOpen(rawName);
    t = performance.now();
    const tx = raw.transaction('jobs', 'readwrite');
    const store = tx.objectStore('jobs');
    for (const job of jobs) store.put(job);
    await done(tx);
    const rawWrite = performance.now() - t;
    t = performance.now();
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const req = raw.transaction('jobs').objectStore('jobs').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rawRead = performance.now() - t;
    if (all.length !== jobs.length) throw new Error('raw read lost rows');
    raw.close();
    await deleteDb(dexieName);
    await deleteDb(rawName);
    return { dexieWrite, dexieRead, rawWrite, rawRead };
  },

  /** Median time of 200 lookups by job number among `jobs` (already written once). */
  async findByNumber(jobs: Job[]) {
    const db = new LoupeDb('bench-find');
    await db.open();
    await db.jobs.clear();
    await db.jobs.bulkPut(jobs);
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const job = jobs[(i * 7919) % jobs.length]!;
      const t = performance.now();
      const found = await findJobByNumber(job.number, db);
      samples.push(performance.now() - t);
      if (found?.id !== job.id) throw new Error('lookup failed');
    }
    db.close();
    await deleteDb('bench-find');
    return median(samples);
  },

  /** A fresh device pulls everything the server holds; returns ms and the records pulled. */
  async pullAll(run: number, token: string) {
    const name = `bench-pull-${run}`;
    const db = new LoupeDb(name);
    // A paired device's token (device-auth-repo's DEVICE_TOKEN row): pulls need one.
    await db.syncState.put({ key: 'deviceToken', value: token });
    const t = performance.now();
    const report = await syncOnce({ db, baseUrl: '' }); // the app's own page size
    const ms = performance.now() - t;
    const jobs = await db.jobs.count();
    db.close();
    await deleteDb(name);
    return { ms, pulled: report.pulled, jobs };
  },

  /**
   * The floor under a pull: the same changes (fetched beforehand, untimed, in the app's pages)
   * written with raw IndexedDB as the device stores them (src/db/record-stores.ts): jobs and
   * people in stores with the same indexes, each job's answers and custody events in one
   * activity record; one transaction per page.
   */
  async rawPullFloor(run: number, token: string) {
    const pages: Array<Array<{ entity: string; data: Record<string, unknown> }>> = [];
    for (let cursor: string | undefined, more = true; more; ) {
      const page = await pull({ baseUrl: '', token }, cursor, 1_000);
      pages.push(page.changes);
      cursor = page.cursor;
      more = page.hasMore;
    }
    const name = `bench-raw-pull-${run}`;
    const stores: Record<string, { key: string; indexes: Array<[string, boolean]> }> = {
      job: { key: 'id', indexes: [['number', true], ['status', false], ['updatedAt', false]] },
      activity: { key: 'jobId', indexes: [] },
      person: { key: 'id', indexes: [['role', false]] },
    };
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        for (const [store, { key, indexes }] of Object.entries(stores)) {
          const os = request.result.createObjectStore(store, { keyPath: key });
          for (const [index, unique] of indexes) os.createIndex(index, index, { unique });
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const field = { checklistAnswer: 'answers', custodyEvent: 'custody' } as Record<string, 'answers' | 'custody' | undefined>;
    let records = 0;
    const t = performance.now();
    for (const changes of pages) {
      const tx = raw.transaction(Object.keys(stores), 'readwrite');
      const activity = new Map<string, { jobId: string; answers: Record<string, unknown>; custody: Record<string, unknown> }>();
      for (const change of changes) {
        const into = field[change.entity];
        if (into === undefined) {
          tx.objectStore(change.entity).put(change.data);
          records += 1;
          continue;
        }
        const jobId = String(change.data.jobId);
        const row = activity.get(jobId) ?? activity.set(jobId, { jobId, answers: {}, custody: {} }).get(jobId)!;
        row[into][String(change.data.id)] = change.data;
      }
      for (const row of activity.values()) tx.objectStore('activity').put(row);
      records += activity.size;
      await done(tx);
    }
    const ms = performance.now() - t;
    raw.close();
    await deleteDb(name);
    return { ms, records, changes: pages.reduce((n, page) => n + page.length, 0) };
  },
};

(globalThis as unknown as { loupeBench: typeof api }).loupeBench = api;
