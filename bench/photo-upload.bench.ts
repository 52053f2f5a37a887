// Photo upload against the physical limit (issues 4 and 8): in a real Chromium, Loupe's uploader
// (src/sync/photo-uploader.ts: /have, bytes read back from Dexie and checked, tus-js-client over
// XHR) sends photos of 0.3–3 MB to the real server's tus endpoint (which hashes them again and
// moves them into the blob store, fsynced), against a raw HTTP PUT of the same bytes from the same
// page to a minimal handler on the same server that writes them to disk. Goal: at least 80% of
// the raw PUT's throughput. The raw PUT with an fsync per file is measured too, as the fair
// floor for a store that promises the bytes survive a power cut.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createApp } from '../sync-server/app';
import { createLogger } from '../sync-server/logger';
import { createSqliteStorage } from '../sync-server/storage/sqlite-storage';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium';
import { pairDevice } from '../tests/server/auth-fixtures';
import { stats, type Result } from './lib/measure';

const MB = 1024 * 1024;
/** One run: ten photos from 0.3 to 3 MB, 17.6 MB in all. */
const SIZES = [0.3, 0.6, 1, 1.5, 2, 2.5, 3, 3, 1.2, 2.5].map((mb) => Math.round(mb * MB));
const RUNS = 5;

/** The reference: the request body straight to a file, 204 when written (and flushed, if asked). */
async function rawPut(dir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  const name = url.pathname.slice('/bench-raw-put/'.length).replace(/[^0-9a-z-]/gi, '');
  const path = join(dir, name);
  await pipeline(req, createWriteStream(path));
  if (url.searchParams.has('fsync')) {
    const handle = await open(path, 'r');
    await handle.sync();
    await handle.close();
  }
  res.writeHead(204).end();
}

export async function run(): Promise<Result[]> {
  const dir = await mkdtemp(join(tmpdir(), 'loupe-bench-photos-'));
  const rawDir = join(dir, 'raw');
  await mkdir(rawDir);
  const storage = createSqliteStorage({ dataDir: join(dir, 'data') });
  await storage.migrate();
  const { token } = await pairDevice(storage, { kind: 'manager', name: 'Bench camera' });
  const app = createApp({ storage, version: 'bench', logger: createLogger({ level: 'silent' }), appDir: '/nonexistent', dataDir: join(dir, 'data') });
  const server = createServer((req, res) => {
    if (req.method === 'PUT' && req.url?.startsWith('/bench-raw-put/')) {
      rawPut(rawDir, req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
      return;
    }
    app(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const bundle = await build({ entryPoints: ['bench/browser/photo-upload-entry.ts'], bundle: true, format: 'iife', write: false, platform: 'browser', target: 'es2022' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    // The bench code is injected as an inline script: the server's CSP would refuse it.
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${url}/api/health`);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    type Api = {
      prepare(run: number, sizes: number[], token: string): Promise<number>;
      loupe(run: number): Promise<{ ms: number; uploaded: number; failed: number }>;
      raw(run: number, fsync: boolean): Promise<number>;
      dispose(run: number): Promise<void>;
    };
    const call = <K extends keyof Api>(name: K, ...args: Parameters<Api[K]>) =>
      page.evaluate(([n, a]) => (globalThis as unknown as { loupePhotoBench: Record<string, (...x: unknown[]) => unknown> }).loupePhotoBench[n]!(...a), [name, args] as const) as ReturnType<Api[K]>;

    const loupe: number[] = [];
    const raw: number[] = [];
    const rawSynced: number[] = [];
    let total = 0;
    for (let run = 0; run <= RUNS; run++) {
      total = await call('prepare', run, SIZES, token);
      // Alternate the order so that neither side always runs on a cooler machine.
      const first = run % 2 === 0;
      const rawMs = first ? await call('raw', run, false) : 0;
      const ours = await call('loupe', run);
      if (ours.uploaded !== SIZES.length || ours.failed !== 0) throw new Error(`Loupe uploaded ${ours.uploaded} of ${SIZES.length} (${ours.failed} failed)`);
      const rawLater = first ? rawMs : await call('raw', run, false);
      const syncedMs = await call('raw', run, true);
      await call('dispose', run);
      await rm(rawDir, { recursive: true, force: true });
      await mkdir(rawDir);
      if (run === 0) continue; // warm-up
      loupe.push(ours.ms);
      raw.push(rawLater);
      rawSynced.push(syncedMs);
    }
    const mbps = (ms: number) => total / MB / (ms / 1000);
    const ours = stats(loupe.map(mbps));
    const reference = stats(raw.map(mbps));
    const synced = stats(rawSynced.map(mbps));
    return [
      {
        name: `Loupe photo upload (tus, Chromium), ${SIZES.length} photos, ${(total / MB).toFixed(1)} MB`, unit: 'MB/s', stats: ours,
        goal: '≥ 0.8× raw PUT', meetsGoal: ours.median / reference.median >= 0.8,
        ratio: { reference: `raw HTTP PUT of the same bytes (median ${reference.median.toFixed(0)} MB/s)`, value: ours.median / reference.median },
        note: `against a raw PUT that also fsyncs each file (median ${synced.median.toFixed(0)} MB/s): ${(ours.median / synced.median).toFixed(2)}×`,
      },
      { name: 'raw HTTP PUT (Chromium fetch → file, no fsync)', unit: 'MB/s', stats: reference },
      { name: 'raw HTTP PUT + fsync per file', unit: 'MB/s', stats: synced },
    ];
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  }
}
