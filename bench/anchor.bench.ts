// The anchor: the same workload synced by Loupe and by PouchDB 9 replicating with pouchdb-server
// 4.2, both on loopback on this machine, both clients in the same Chromium, the same batch sizes.
// Each server runs in a child process (Loupe's bundled server on SQLite; pouchdb-server on
// LevelDB) so their peak RSS can be read from /proc. pouchdb-server and PouchDB live in their own
// package, bench/anchor (installed here when missing): they compile native modules and must not
// slow the project's `npm ci`. How to read the figures: bench/anchor/README.md.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer, connect, type AddressInfo, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { formatJobNumber } from '../src/domain/job-number';
import type { ChecklistAnswer, CustodyEvent, Job, Mutation, Person } from '../src/protocol/protocol';
import { push } from '../src/sync/sync-client';
import { createSqliteStorage } from '../sync-server/storage/sqlite-storage';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium';
import { pairDevice, type PairedDevice } from '../tests/server/auth-fixtures';
import { stats, type Result } from './lib/measure';

const ANCHOR_DIR = resolve('bench/anchor');
const POUCH_SERVER_BIN = join(ANCHOR_DIR, 'node_modules/pouchdb-server/bin/pouchdb-server');
const LOUPE_SERVER_JS = resolve('dist-server/anchor-loupe-server.js');
/** Timed runs after one warm-up (the warm-up goes through a byte-counting proxy). */
const RUNS = Number(process.env.ANCHOR_RUNS ?? 5);
const RUNS_10K = Number(process.env.ANCHOR_RUNS_10K ?? RUNS);
/** Photo runs after the warm-up (ANCHOR_PHOTO_RUNS=3 for a quicker look: one run uploads 330 MB). */
const PHOTO_RUNS = Number(process.env.ANCHOR_PHOTO_RUNS ?? 5);
const LOCAL_CHANGES = 500;
const REMOTE_CHANGES = 2_000;
/** 200 photos from 0.3 to 3 MB, evenly spread: 330 MB in all. */
const PHOTO_SIZES = Array.from({ length: 200 }, (_, i) => Math.round(300_000 + (2_700_000 * i) / 199));
const MB = 1_000_000;

// ------------------------------------------------------------------ the workload (device.bench.ts's shapes)

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const uuid = (kind: number, n: number) => `01930000-0000-7${hex(kind, 3)}-8000-${hex(n, 12)}`;
const person: Person = { id: uuid(0, 1), name: 'Bench', role: 'manager', active: true };
const actor = { personId: person.id, role: person.role };

interface Workload {
  jobs: Job[];
  answers: ChecklistAnswer[];
  events: CustodyEvent[];
}

function workload(n: number): Workload {
  const at = '2026-11-01T09:00:00.000Z';
  const jobs: Job[] = Array.from({ length: n }, (_, i) => ({
    id: uuid(1, i), number: formatJobNumber({ prefix: 'BN1', year: 2026, sequence: i + 1 }), status: 'in_progress', version: 1,
    piece: { category: 'ring', metal: 'au750_white', stones: [{ type: 'diamond', count: 3, sizeOrCarat: '0.1 ct' }], weightG: 4.2, ringSize: { value: 53, scale: 'eu' } },
    services: ['sizing', 'polishing'], priority: 'standard', promisedDate: '2026-12-01', notes: 'Keep the hallmark visible.', createdAt: at, updatedAt: at,
  }));
  const answers: ChecklistAnswer[] = jobs.flatMap((job) => [
    { id: `${job.id}:sizing@1:size_on_mandrel`, jobId: job.id, templateId: 'sizing@1', itemKey: 'size_on_mandrel', value: 53, answeredBy: person.id, answeredAt: at },
    { id: `${job.id}:polishing@1:no_polish_marks`, jobId: job.id, templateId: 'polishing@1', itemKey: 'no_polish_marks', value: true, answeredBy: person.id, answeredAt: at },
  ]);
  const events: CustodyEvent[] = jobs.map((job, i) => ({ id: uuid(2, i), jobId: job.id, personId: person.id, deviceId: 'bench-device', location: { kind: 'bench', label: '3' }, action: 'scan_in', at }));
  return { jobs, answers, events };
}

/** Offline catch-up on the 1,000-job set: the device edits jobs 0–499; another device edits jobs 500–999 and 1,500 answers. */
const localIds = (w: Workload) => w.jobs.slice(0, LOCAL_CHANGES).map((j) => j.id);
function remoteEdits(w: Workload, run: number): { jobs: Array<[string, Record<string, unknown>]>; answers: Array<[string, Record<string, unknown>]> } {
  const jobs = w.jobs.slice(LOCAL_CHANGES, 2 * LOCAL_CHANGES).map((j): [string, Record<string, unknown>] => [j.id, { notes: `Remote edit, run ${run}.` }]);
  const answers = w.answers.slice(w.answers.length - (REMOTE_CHANGES - LOCAL_CHANGES)).map((a): [string, Record<string, unknown>] => [a.id, { value: 50 + (run % 10) }]);
  if (jobs.length + answers.length !== REMOTE_CHANGES) throw new Error('remote edits miscounted');
  return { jobs, answers };
}

// ------------------------------------------------------------------ processes, memory, disk

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(ppid, [...(map.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  return map;
}

function descendants(pid: number): number[] {
  const map = children();
  const out: number[] = [];
  const walk = (p: number) => (map.get(p) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

const cmdline = (pid: number) => { try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { return ''; } };
const peakKb = (pid: number) => { try { return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0); } catch { return 0; } };
/** Resets a process's peak RSS to its current RSS (Linux ≥ 4.0). */
const resetPeak = (pid: number) => { try { writeFileSync(`/proc/${pid}/clear_refs`, '5'); } catch { /* gone */ } };

/** Our own Chromium browser processes (not their helpers, nor other people's browsers). */
function chromiumPids(): number[] {
  return descendants(process.pid).filter((p) => cmdline(p).includes('chromium') && !cmdline(p).includes('--type='));
}

/** The client's processes: Chromium's browser process (it hosts the IndexedDB backend) and its page renderers. */
function clientPids(browserPid: number): { browser: number; renderers: number[] } {
  return { browser: browserPid, renderers: descendants(browserPid).filter((p) => cmdline(p).includes('--type=renderer')) };
}
function resetClient(browserPid: number) {
  const { browser, renderers } = clientPids(browserPid);
  [browser, ...renderers].forEach(resetPeak);
}
/** Peak RSS of the browser process plus the busiest renderer, in MB. */
function clientPeakMb(browserPid: number): number {
  const { browser, renderers } = clientPids(browserPid);
  return (peakKb(browser) + Math.max(0, ...renderers.map(peakKb))) / 1024;
}

function folderBytes(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((sum, name) => sum + folderBytes(join(path, name)), 0);
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** A loopback TCP relay that counts the bytes each way: the warm-up runs go through it. */
async function byteCounter(targetPort: number): Promise<{ url: string; reset(): void; bytes(): { up: number; down: number }; close(): Promise<void> }> {
  let up = 0;
  let down = 0;
  const sockets = new Set<{ destroy(): void }>();
  const server: NetServer = createNetServer((client) => {
    const target = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(target);
    client.on('data', (chunk: Buffer) => (up += chunk.length));
    target.on('data', (chunk: Buffer) => (down += chunk.length));
    client.pipe(target).pipe(client);
    client.on('error', () => target.destroy());
    target.on('error', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reset: () => ((up = 0), (down = 0)),
    bytes: () => ({ up, down }),
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        sockets.forEach((s) => s.destroy());
      }),
  };
}

// ------------------------------------------------------------------ the two systems

interface Client {
  page: Page;
  via: Page;
  /** Closes the client's browser and removes its profile. */
  close(): Promise<void>;
  pid: number;
}

interface System {
  name: string;
  pid: number;
  url: string;
  dataDir: string;
  /**
   * What the page's functions take to reach the server. Loupe: a paired device's token and id;
   * each catch-up run is a device of its own, since a server never applies a device's sequence
   * number twice (a fresh database would start again at 1).
   */
  link(catchUpRun?: number): unknown[];
  remoteEdits(run: number): Promise<void>;
  close(): Promise<void>;
}

let bundles: { loupe: string; pouch: string } | undefined;
async function bundle() {
  if (bundles) return bundles;
  const common = { bundle: true, format: 'iife', write: false, platform: 'browser', target: 'es2022' } as const;
  const [loupe, pouch] = await Promise.all([
    build({ ...common, entryPoints: ['bench/browser/anchor-loupe-entry.ts'] }),
    build({ ...common, entryPoints: ['bench/browser/anchor-pouch-entry.ts'], nodePaths: [join(ANCHOR_DIR, 'node_modules')], define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' } }),
  ]);
  bundles = { loupe: loupe.outputFiles[0]!.text, pouch: pouch.outputFiles[0]!.text };
  return bundles;
}

async function openClient(system: System, counterUrl: string, kind: 'loupe' | 'pouch', landing: string): Promise<Client> {
  const code = (await bundle())[kind];
  const before = new Set(chromiumPids());
  // A profile folder, so that IndexedDB is on disk as on a tablet (a plain context is incognito
  // and keeps it in memory); both clients alike.
  const profile = await mkdtemp(join(tmpdir(), `anchor-${kind}-profile-`));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, bypassCSP: true });
  // playwright-core does not hand out the pid: the browser process is our new Chromium child.
  const pid = chromiumPids().find((p) => !before.has(p));
  if (!pid) throw new Error('no Chromium pid');
  const pages: Page[] = [];
  for (const origin of [system.url, counterUrl]) {
    const page = await context.newPage();
    await page.goto(`${origin}${landing}`);
    await page.addScriptTag({ content: code });
    pages.push(page);
  }
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { page: pages[0]!, via: pages[1]!, close, pid };
}

type Call = (page: Page, fn: string, ...args: unknown[]) => Promise<unknown>;
const call: Call = (page, fn, ...args) =>
  page.evaluate(([f, a]) => (globalThis as unknown as { anchor: Record<string, (...x: unknown[]) => Promise<unknown>> }).anchor[f as string]!(...(a as unknown[])), [fn, args] as const);

async function startLoupe(w: Workload): Promise<System> {
  const dataDir = await mkdtemp(join(tmpdir(), 'loupe-anchor-'));
  const storage = createSqliteStorage({ dataDir });
  await storage.migrate();
  await storage.seedRecords('person', [person]);
  await storage.seedRecords('job', w.jobs);
  await storage.seedRecords('checklistAnswer', w.answers);
  await storage.seedRecords('custodyEvent', w.events);
  const devices: PairedDevice[] = [];
  for (let i = 0; i <= RUNS + 1; i++) devices.push(await pairDevice(storage, { kind: 'manager', name: `Bench tablet ${i}` }));
  const other = await pairDevice(storage, { kind: 'manager', name: 'Other tablet' });
  await storage.close();
  const port = await freePort();
  const child = spawn(process.execPath, [LOUPE_SERVER_JS], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOUPE_DATA_DIR: dataDir, LOUPE_APP_DIR: '/nonexistent', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/health`, child);
  let seq = 0;
  return {
    name: 'Loupe', pid: child.pid!, url, dataDir,
    link: (run) => {
      const device = devices[run === undefined ? 0 : run + 1]!;
      return [device.token, device.deviceId];
    },
    async remoteEdits(run) {
      const edits = remoteEdits(w, run);
      const mutations: Mutation[] = [
        ...edits.jobs.map(([id, patch]) => ['job', id, patch] as const),
        ...edits.answers.map(([id, patch]) => ['checklistAnswer', id, patch] as const),
      ].map(([entity, entityId, patch]) => ({ id: crypto.randomUUID(), deviceSeq: ++seq, personId: person.id, entity, entityId, op: 'put', patch, at: new Date().toISOString() }));
      for (let i = 0; i < mutations.length; i += 500) {
        const response = await push({ baseUrl: url, token: other.token }, { deviceId: other.deviceId, mutations: mutations.slice(i, i + 500) });
        if (response.results.some((r) => r.status === 'refused')) throw new Error('remote edit refused');
      }
    },
    async close() {
      await stop(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function startPouch(w: Workload): Promise<System> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pouch-anchor-'));
  const runDir = await mkdtemp(join(tmpdir(), 'pouch-anchor-run-'));
  // Logging at warning level, as Loupe's server runs here (LOG_LEVEL=warn).
  await writeFile(join(runDir, 'config.json'), JSON.stringify({ log: { file: join(runDir, 'log.txt'), level: 'warning' } }));
  const port = await freePort();
  const child = spawn(process.execPath, [POUCH_SERVER_BIN, '--port', String(port), '--host', '127.0.0.1', '--dir', dataDir, '--config', join(runDir, 'config.json'), '--no-stdout-logs'], {
    cwd: runDir, env: process.env, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/`, child);
  const db = `${url}/workshop`;
  const json = async (path: string, init?: RequestInit) => {
    const response = await fetch(path, { ...init, headers: { 'content-type': 'application/json' } });
    if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  await json(db, { method: 'PUT' });
  // One document per record, the record's id as _id: the same records as Loupe's tables.
  const docs = [...w.jobs.map((j) => ({ ...j, type: 'job' })), ...w.answers.map((a) => ({ ...a, type: 'checklistAnswer' })), ...w.events.map((e) => ({ ...e, type: 'custodyEvent' }))].map(({ id, ...rest }) => ({ _id: id, ...rest }));
  for (let i = 0; i < docs.length; i += 1_000) await json(`${db}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs: docs.slice(i, i + 1_000) }) });
  return {
    name: 'PouchDB', pid: child.pid!, url, dataDir, link: () => ['/workshop'],
    async remoteEdits(run) {
      const edits = remoteEdits(w, run);
      const all = [...edits.jobs, ...edits.answers];
      // Another client: read the current revisions, write the edits in batches of 500 (as Loupe's other device).
      for (let i = 0; i < all.length; i += 500) {
        const slice = all.slice(i, i + 500);
        const current = (await json(`${db}/_all_docs?include_docs=true`, { method: 'POST', body: JSON.stringify({ keys: slice.map(([id]) => id) }) })) as { rows: Array<{ doc: Record<string, unknown> }> };
        const updated = current.rows.map((row, k) => ({ ...row.doc, ...slice[k]![1] }));
        const results = (await json(`${db}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs: updated }) })) as Array<{ error?: string }>;
        if (results.some((r) => r.error)) throw new Error('remote edit refused');
      }
    },
    async close() {
      await stop(child);
      await rm(dataDir, { recursive: true, force: true });
      await rm(runDir, { recursive: true, force: true });
    },
  };
}

// ------------------------------------------------------------------ measuring one system

interface Figures {
  [key: string]: number[];
}

function add(figures: Figures, key: string, value: number) {
  (figures[key] ??= []).push(value);
}

/** One system through every scenario; returns its samples by figure name, and a few counts for the notes. */
async function measure(kind: 'loupe' | 'pouch', counts: Record<string, number>): Promise<Figures> {
  const figures: Figures = {};
  const start = kind === 'loupe' ? startLoupe : startPouch;
  const landing = kind === 'loupe' ? '/api/health' : '/';
  const label = kind === 'loupe' ? 'Loupe' : 'PouchDB';

  for (const n of [1_000, 10_000]) {
    const w = workload(n);
    console.log(`${label}: seeding ${n} jobs…`);
    const system = await start(w);
    const counter = await byteCounter(Number(new URL(system.url).port));
    const client = await openClient(system, counter.url, kind, landing);
    const runs = n === 10_000 ? RUNS_10K : RUNS;
    try {
      // Cold download: warm-up through the byte counter, then timed runs straight to the server.
      counter.reset();
      const warm = (await call(client.via, 'coldPull', `warm-${n}`, ...system.link())) as { pulled: number };
      add(figures, `cold${n}Bytes`, counter.bytes().up + counter.bytes().down);
      counts[`cold${n}Records`] = warm.pulled;
      await call(client.via, 'drop', `warm-${n}`);
      for (let run = 0; run < runs; run++) {
        resetPeak(system.pid);
        resetClient(client.pid);
        const r = (await call(client.page, 'coldPull', `cold-${n}-${run}`, ...system.link())) as { ms: number };
        add(figures, `cold${n}Ms`, r.ms);
        add(figures, `cold${n}ClientMb`, clientPeakMb(client.pid));
        add(figures, `cold${n}ServerMb`, peakKb(system.pid) / 1024);
        if (run === 0) add(figures, `cold${n}ClientStorage`, ((await call(client.page, 'estimate')) as number) / MB);
        await call(client.page, 'drop', `cold-${n}-${run}`);
        console.log(`${label}: cold download of ${n} jobs, run ${run + 1}: ${r.ms.toFixed(0)} ms`);
      }
      add(figures, `cold${n}ServerStorage`, folderBytes(system.dataDir) / MB);
      if (n === 10_000) continue;

      // Offline catch-up: a synced device makes 500 edits offline while another makes 2,000; then one sync.
      for (let run = 0; run <= runs; run++) {
        const page = run === 0 ? client.via : client.page;
        const name = `catchup-${run}`;
        await call(page, 'coldPull', name, ...system.link(run));
        await call(page, 'offlineEdits', name, localIds(w), ...(kind === 'loupe' ? [actor, run] : [run]));
        await system.remoteEdits(run);
        counter.reset();
        resetPeak(system.pid);
        resetClient(client.pid);
        const r = (await call(page, 'catchUp', name, ...(kind === 'loupe' ? [] : system.link()))) as { ms: number; pushed: number; pulled: number };
        if (r.pushed !== LOCAL_CHANGES) throw new Error(`${label} pushed ${r.pushed}, expected ${LOCAL_CHANGES}`);
        if (run === 0) {
          add(figures, 'catchUpBytes', counter.bytes().up + counter.bytes().down);
          counts.catchUpPulled = r.pulled;
        } else {
          add(figures, 'catchUpMs', r.ms);
          add(figures, 'catchUpClientMb', clientPeakMb(client.pid));
          add(figures, 'catchUpServerMb', peakKb(system.pid) / 1024);
        }
        await call(page, 'drop', name);
        console.log(`${label}: offline catch-up, run ${run}: ${r.ms.toFixed(0)} ms (pushed ${r.pushed}, pulled ${r.pulled})`);
      }

      // Photos: 200 of 0.3–3 MB stored on the device, then uploaded (new random bytes every run).
      for (let run = 0; run <= PHOTO_RUNS; run++) {
        const page = run === 0 ? client.via : client.page;
        const name = `photos-${run}`;
        await call(page, 'storePhotos', name, PHOTO_SIZES, ...(kind === 'loupe' ? system.link() : [run]));
        const before = folderBytes(system.dataDir);
        counter.reset();
        resetPeak(system.pid);
        resetClient(client.pid);
        const r = (await call(page, 'uploadPhotos', name, ...(kind === 'loupe' ? [] : system.link()))) as { ms: number; uploaded: number };
        if (r.uploaded !== PHOTO_SIZES.length) throw new Error(`${label} uploaded ${r.uploaded} photos`);
        if (run === 0) {
          add(figures, 'photoBytes', counter.bytes().up + counter.bytes().down);
          add(figures, 'photoServerStorage', (folderBytes(system.dataDir) - before) / MB);
        } else {
          add(figures, 'photoMs', r.ms);
          add(figures, 'photoClientMb', clientPeakMb(client.pid));
          add(figures, 'photoServerMb', peakKb(system.pid) / 1024);
          if (run === 1) add(figures, 'photoClientStorage', ((await call(page, 'estimate')) as number) / MB);
        }
        await call(page, 'drop', name);
        console.log(`${label}: 200 photos, run ${run}: ${r.ms.toFixed(0)} ms`);
      }
    } finally {
      await client.close();
      await counter.close();
      await system.close();
    }
  }
  return figures;
}

// ------------------------------------------------------------------ the section

function ensureInstalled() {
  if (!existsSync(POUCH_SERVER_BIN) || !existsSync(join(ANCHOR_DIR, 'node_modules/pouchdb-browser'))) {
    console.log('installing bench/anchor (PouchDB 9, pouchdb-server 4.2)…');
    execSync('npm --prefix bench/anchor ci --no-audit --no-fund', { stdio: 'inherit' });
  }
}

export async function run(): Promise<Result[]> {
  ensureInstalled();
  // Loupe's server as it ships (scripts/build-server.mjs's options), bundled fresh for this run.
  await mkdir('dist-server', { recursive: true });
  await build({ entryPoints: ['sync-server/main.ts'], outfile: LOUPE_SERVER_JS, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });

  const loupeCounts: Record<string, number> = {};
  const pouchCounts: Record<string, number> = {};
  const loupe = await measure('loupe', loupeCounts);
  const pouch = await measure('pouch', pouchCounts);

  const row = (key: string, name: string, unit: string, note?: string): Result => {
    const ours = stats(loupe[key]!);
    const theirs = stats(pouch[key]!);
    const shown = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
    const range = theirs.runs > 1 ? `median ${shown(theirs.median)}, ${shown(theirs.min)}–${shown(theirs.max)}` : shown(theirs.median);
    return { name, unit, stats: ours, ratio: { reference: `PouchDB (${range} ${unit})`, value: ours.median / theirs.median }, ...(note ? { note } : {}) };
  };
  const records = (n: number) => `${n} jobs + ${2 * n} answers + ${n} events`;
  const r10k = RUNS_10K < 5 ? ` (${RUNS_10K} runs: one takes minutes)` : '';
  const rPhotos = PHOTO_RUNS < 5 ? `; ${PHOTO_RUNS} runs after the warm-up, not 5: one run takes minutes` : '';
  return [
    row('cold1000Ms', `cold download, ${records(1_000)}`, 'ms',
      'Loupe: pages of 1,000 from one server-ordered cursor, each page applied in one transaction with its cursor. PouchDB: replicate() with batch_size 1,000 (_changes, then _bulk_get of the revisions the client lacks; revision trees stored; a checkpoint written on both sides per batch).'),
    row('cold1000Bytes', 'cold download of 1,000 jobs: bytes on the wire (both ways, headers included; one run)', 'bytes',
      'Both servers gzip their JSON answers (pouchdb-server through express-pouchdb, Loupe through compression). Loupe sends each record once, as its latest state; PouchDB adds revision metadata and checkpoints. The generated records are much alike, so both compress far better than a workshop’s would.'),
    row('cold10000Ms', `cold download, ${records(10_000)}${r10k}`, 'ms'),
    row('cold10000Bytes', 'cold download of 10,000 jobs: bytes on the wire (one run)', 'bytes'),
    row('cold10000ClientMb', 'client peak RSS during the 10,000-job download (Chromium browser process + page)', 'MB'),
    row('cold10000ServerMb', 'server peak RSS during the 10,000-job download', 'MB'),
    row('cold10000ClientStorage', 'client storage after the 10,000-job download (navigator.storage.estimate)', 'MB'),
    row('cold10000ServerStorage', 'server data folder holding 10,000 jobs (SQLite file vs LevelDB folder)', 'MB'),
    row('catchUpMs', `offline catch-up: ${LOCAL_CHANGES} local + ${REMOTE_CHANGES} remote changes, one sync both ways`, 'ms',
      `Loupe pushed ${LOCAL_CHANGES} in batches of 200 and pulled ${loupeCounts.catchUpPulled} records (its own echoed back; latest state only); PouchDB sync() pushed ${LOCAL_CHANGES} and wrote ${pouchCounts.catchUpPulled}. Loupe: each device's sequence applied once, stale status moves refused, field-level merge by the server. CouchDB: every revision accepted, concurrent edits kept as conflicts for the app to resolve.`),
    row('catchUpBytes', 'offline catch-up: bytes on the wire (one run)', 'bytes'),
    row('catchUpClientMb', 'client peak RSS during the catch-up', 'MB'),
    row('catchUpServerMb', 'server peak RSS during the catch-up', 'MB'),
    row('photoMs', `upload of 200 photos, 0.3–3 MB (${(PHOTO_SIZES.reduce((a, b) => a + b, 0) / MB).toFixed(0)} MB${rPhotos})`, 'ms',
      'Loupe: tus, three photos in flight, 4 MB chunks (the first in the creating POST), raw bytes, resumable, SHA-256 checked by the server and the file fsynced before it answers. PouchDB: attachments replicated in batches of 10 documents, base64 inside JSON _bulk_docs, MD5 digests that the receiver recomputes from what it got and never compares with the sender’s; LevelDB writes not fsynced; an interrupted batch is sent again whole.'),
    row('photoBytes', 'upload of 200 photos: bytes on the wire (one run)', 'bytes', 'PouchDB sends attachments as base64 inside JSON (+33%); browsers do not compress request bodies.'),
    row('photoClientMb', 'client peak RSS during the photo upload', 'MB'),
    row('photoServerMb', 'server peak RSS during the photo upload', 'MB'),
    row('photoClientStorage', 'client storage holding the 200 photos', 'MB'),
    row('photoServerStorage', 'server data folder growth for 200 photos', 'MB'),
  ];
}
