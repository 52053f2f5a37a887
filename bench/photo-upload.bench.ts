// Photo upload against the physical limit (issues 4 and 8): in a real Chromium, Loupe's uploader
// (src/sync/photo-uploader.ts: /have, bytes read from Dexie, tus-js-client over XHR, three in
// flight) sends photos of 0.3–3 MB to the real server's tus endpoint (which hashes them as they
// arrive and moves them into the blob store, fsynced), against raw HTTP PUTs of the same bytes from
// the same page to a minimal handler on the same server that writes them to disk.
//
// Goal: at least 80% of the raw PUT's throughput, the raw PUT taking the same bytes from the same
// place: the photos wait in IndexedDB (a shift offline), so a raw PUT reads each one from the
// same store (plain IndexedDB, no Dexie) and sends it, three in flight like the uploader. What is
// left between the two is the upload protocol: tus, the server's hash and fsync, the bookkeeping.
// Also measured: the read alone, and raw PUTs from memory (the network alone, without and with an
// fsync per file), so that the cost of keeping photos in IndexedDB is in the table too.
//
// Chromium is started on its own (headless, no DevTools client): Playwright tracks every request
// and copies its body, which slowed uploads here from ~30 MB/s to ~5 MB/s and drowned what the
// upload code costs. The page runs the benchmark on load and posts its timings back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium';
import type { PhotoBenchConfig, PhotoBenchRun } from './browser/photo-upload-entry';
import { BENCH_PHOTO_SIZES, cpuPerPhoto, startPhotoBenchServer } from './lib/photo-bench-server';
import { stats, type Result } from './lib/measure';

const MB = 1024 * 1024;
const SIZES = BENCH_PHOTO_SIZES;
const RUNS = 9;

export async function run(): Promise<Result[]> {
  const bundle = await build({ entryPoints: ['bench/browser/photo-upload-entry.ts'], bundle: true, format: 'iife', write: false, platform: 'browser', target: 'es2022' });
  const profile = await mkdtemp(join(tmpdir(), 'loupe-bench-photos-chromium-'));
  let settle: (body: string) => void = () => {};
  const posted = new Promise<string>((resolve) => (settle = resolve));
  let page = '';
  // The page and where it posts its timings; everything else is the shared bench server's.
  const server = await startPhotoBenchServer((req, res) => {
    if (req.method === 'GET' && req.url === '/bench-photo-upload') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return true;
    }
    if (req.method === 'POST' && req.url === '/bench-result') {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        res.writeHead(204).end();
        settle(body);
      });
      return true;
    }
    return false;
  });
  const { url, token } = server;
  const config: PhotoBenchConfig = { token, sizes: SIZES, runs: RUNS };
  // </script> cannot occur in the JSON config; the bundle is escaped the same way to be safe.
  page = `<!doctype html><meta charset="utf-8"><script>globalThis.photoBenchConfig = ${JSON.stringify(config)};</script><script>${bundle.outputFiles[0]!.text.replaceAll('</script', '<\\/script')}</script>`;

  // Its own process group, ended by its id when the page has answered.
  const browser = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, '--headless', `--user-data-dir=${profile}`, `${url}/bench-photo-upload`], { detached: true, stdio: 'ignore' });
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the photo upload page did not answer within 10 minutes')), 600_000).unref());
    const answer = JSON.parse(await Promise.race([posted, timeout])) as { runs?: PhotoBenchRun[]; error?: string };
    if (!answer.runs) throw new Error(`photo upload page failed: ${answer.error}`);
    const total = answer.runs[0]!.bytes;
    const mbps = (ms: number) => total / MB / (ms / 1000);
    const ours = stats(answer.runs.map((r) => mbps(r.loupeMs)));
    const reference = stats(answer.runs.map((r) => mbps(r.rawStoredMs)));
    const verified = stats(answer.runs.map((r) => mbps(r.rawVerifiedMs)));
    // Warm-up run excluded, as for the timings.
    const cpu = (phase: 'loupe' | 'raw') => cpuPerPhoto(server.cpu[phase], SIZES.length).toFixed(1);
    const read = stats(answer.runs.map((r) => mbps(r.readMs)));
    const fromMemory = stats(answer.runs.map((r) => mbps(r.rawMs)));
    const synced = stats(answer.runs.map((r) => mbps(r.rawSyncedMs)));
    return [
      {
        name: `Loupe photo upload (tus, Chromium), ${SIZES.length} photos, ${(total / MB).toFixed(1)} MB`, unit: 'MB/s', stats: ours,
        goal: '≥ 0.8× raw PUT', meetsGoal: ours.median / reference.median >= 0.8,
        ratio: { reference: `raw HTTP PUT of the same stored bytes (median ${reference.median.toFixed(1)} MB/s)`, value: ours.median / reference.median },
        note: `against raw PUTs from memory, one after the other (median ${fromMemory.median.toFixed(1)} MB/s): ${(ours.median / fromMemory.median).toFixed(2)}×; against the raw PUT hashed and fsynced by the handler (median ${verified.median.toFixed(1)} MB/s): ${(ours.median / verified.median).toFixed(2)}×. The server's CPU time per photo: ${cpu('loupe')} ms for Loupe's upload, ${cpu('raw')} ms for the raw PUT (medians)`,
      },
      {
        name: 'raw HTTP PUT of the stored bytes (each read from IndexedDB, then fetch → file; 3 in flight)', unit: 'MB/s', stats: reference,
        note: 'Loupe adds, per photo: a tus POST carrying the first 4 MB (PATCHes for the rest), the server hashing the bytes as they arrive, an fsync of file and folder, and one small IndexedDB write (the confirmation)',
      },
      { name: 'raw HTTP PUT of the stored bytes, the handler hashing them (SHA-256) and fsyncing file and folder; 3 in flight', unit: 'MB/s', stats: verified },
      { name: 'reading the stored bytes from IndexedDB alone (one after the other)', unit: 'MB/s', stats: read },
      { name: 'raw HTTP PUT from memory (fetch → file, no fsync; one after the other)', unit: 'MB/s', stats: fromMemory },
      { name: 'raw HTTP PUT from memory + fsync per file', unit: 'MB/s', stats: synced },
    ];
  } finally {
    if (browser.pid !== undefined && browser.exitCode === null) {
      const exited = new Promise((resolve) => browser.once('exit', resolve));
      process.kill(-browser.pid);
      await exited;
    }
    await server.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 5 });
  }
}
