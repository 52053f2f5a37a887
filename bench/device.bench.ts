// Device-side figures in a real Chromium: Dexie against raw IndexedDB on the same data, lookup
// by job number among 20,000 jobs, and a fresh device pulling 20,000 jobs with their checklist
// answers and custody events from the real server over loopback (a first download: job by job),
// against raw IndexedDB writing the same records (the floor no sync protocol can beat).
//
// The browser keeps its IndexedDB on disk, in a profile folder, as a tablet does: a default
// Playwright page is an incognito context whose IndexedDB lives in memory, which made every figure
// here look faster than a tablet can be (the pull of 20,000 jobs took about half the time).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createApp } from '../sync-server/app';
import { createLogger } from '../sync-server/logger';
import { createSqliteStorage } from '../sync-server/storage/sqlite-storage';
import { formatJobNumber } from '../src/domain/job-number';
import type { ChecklistAnswer, CustodyEvent, Job, Person } from '../src/protocol/protocol';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium';
import { stats, type Result } from './lib/measure';
import { pairDevice } from '../tests/server/auth-fixtures';

const N = 20_000;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const uuid = (kind: number, n: number) => `01930000-0000-7${hex(kind, 3)}-8000-${hex(n, 12)}`;
const person: Person = { id: uuid(0, 1), name: 'Bench', role: 'jeweler', active: true };

function jobs(): Job[] {
  const at = '2026-11-01T09:00:00.000Z';
  return Array.from({ length: N }, (_, i) => ({
    id: uuid(1, i), number: formatJobNumber({ prefix: 'BN1', year: 2026, sequence: i + 1 }), status: 'in_progress', version: 1,
    piece: { category: 'ring', metal: 'au750_white', stones: [{ type: 'diamond', count: 3, sizeOrCarat: '0.1 ct' }], weightG: 4.2, ringSize: { value: 53, scale: 'eu' } },
    services: ['sizing', 'polishing'], priority: 'standard', promisedDate: '2026-12-01', notes: 'Keep the hallmark visible.', createdAt: at, updatedAt: at,
  }));
}

function answers(all: Job[]): ChecklistAnswer[] {
  return all.flatMap((job) => [
    { id: `${job.id}:sizing@1:size_on_mandrel`, jobId: job.id, templateId: 'sizing@1', itemKey: 'size_on_mandrel', value: 53, answeredBy: person.id, answeredAt: job.createdAt },
    { id: `${job.id}:polishing@1:no_polish_marks`, jobId: job.id, templateId: 'polishing@1', itemKey: 'no_polish_marks', value: true, answeredBy: person.id, answeredAt: job.createdAt },
  ]);
}

function events(all: Job[]): CustodyEvent[] {
  return all.map((job, i) => ({ id: uuid(2, i), jobId: job.id, personId: person.id, deviceId: 'bench-device', location: { kind: 'bench', label: '3' }, action: 'scan_in', at: job.createdAt }));
}

export async function run(): Promise<Result[]> {
  const dir = await mkdtemp(join(tmpdir(), 'loupe-bench-device-'));
  const storage = createSqliteStorage({ dataDir: dir });
  await storage.migrate();
  const all = jobs();
  console.log(`seeding ${N} jobs, ${2 * N} checklist answers and ${N} custody events…`);
  await storage.seedRecords('person', [person]);
  await storage.seedRecords('job', all);
  await storage.seedRecords('checklistAnswer', answers(all));
  await storage.seedRecords('custodyEvent', events(all));
  const app = createApp({ storage, version: 'bench', logger: createLogger({ level: 'silent' }), appDir: '/nonexistent', dataDir: dir });
  // Pulls need a paired device: one is paired through storage, its token handed to the page.
  const { token } = await pairDevice(storage, { kind: 'manager', name: 'Bench device' });
  const server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const bundle = await build({ entryPoints: ['bench/browser/device-entry.ts'], bundle: true, format: 'iife', write: false, platform: 'browser', target: 'es2022' });
  // The bench code is injected as an inline script: the server's CSP would refuse it.
  const browser = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, bypassCSP: true });
  const page = await browser.newPage();
  await page.goto(`${url}/api/health`);
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  await page.evaluate((data) => ((globalThis as unknown as { benchJobs: unknown }).benchJobs = data), all);

  const results: Result[] = [];
  type Bulk = { dexieWrite: number; dexieRead: number; rawWrite: number; rawRead: number };
  const bulks: Bulk[] = [];
  for (let run = 0; run < 6; run++) {
    const b = await page.evaluate((r) => {
      const g = globalThis as unknown as { loupeBench: { bulk(j: unknown, r: number): Promise<unknown> }; benchJobs: unknown };
      return g.loupeBench.bulk(g.benchJobs, r);
    }, run);
    if (run > 0) bulks.push(b as Bulk); // the first is the warm-up
  }
  for (const [label, ours, raw] of [['bulk write', 'dexieWrite', 'rawWrite'], ['bulk read', 'dexieRead', 'rawRead']] as const) {
    const dexie = stats(bulks.map((b) => b[ours]));
    const reference = stats(bulks.map((b) => b[raw]));
    results.push({ name: `Dexie ${label} of ${N} jobs`, unit: 'ms', stats: dexie, ratio: { reference: `raw IndexedDB (median ${reference.median.toFixed(0)} ms)`, value: dexie.median / reference.median } });
  }

  const lookups: number[] = [];
  for (let run = 0; run < 6; run++) {
    const ms = await page.evaluate(() => {
      const g = globalThis as unknown as { loupeBench: { findByNumber(j: unknown): Promise<number> }; benchJobs: unknown };
      return g.loupeBench.findByNumber(g.benchJobs);
    });
    if (run > 0) lookups.push(ms);
  }
  const find = stats(lookups);
  results.push({ name: `find a job by number among ${N} (median of 200 lookups)`, unit: 'ms', stats: find, goal: '≤ 5 ms', meetsGoal: find.median <= 5 });

  // Pulls and their floor alternate, each run in the other order, so that neither always runs on
  // a cooler (or busier) machine: the floor itself moves by a quarter from one series to the next.
  const pulls: number[] = [];
  const floors: number[] = [];
  let pulled = 0;
  const pullOnce = async (run: number) => {
    const r = await page.evaluate(([n, t]) => (globalThis as unknown as { loupeBench: { pullAll(n: number, token: string): Promise<{ ms: number; pulled: number; jobs: number }> } }).loupeBench.pullAll(n, t), [run, token] as const);
    if (r.jobs !== N) throw new Error(`pulled ${r.jobs} jobs, expected ${N}`);
    pulled = r.pulled;
    if (run > 0) pulls.push(r.ms);
  };
  // The floor: raw IndexedDB writing the same changes as the device stores them.
  let written = 0;
  const floorOnce = async (run: number) => {
    const r = await page.evaluate(([n, t]) => (globalThis as unknown as { loupeBench: { rawPullFloor(n: number, token: string): Promise<{ ms: number; records: number; changes: number }> } }).loupeBench.rawPullFloor(n, t), [run, token] as const);
    if (run > 0) floors.push(r.ms);
    written = r.records;
    return r.changes;
  };
  for (let run = 0; run < 6; run++) {
    let records: number;
    if (run % 2 === 0) {
      await pullOnce(run);
      records = await floorOnce(run);
    } else {
      records = await floorOnce(run);
      await pullOnce(run);
    }
    if (records !== pulled) throw new Error(`raw floor wrote ${records} changes, the pull ${pulled}`);
  }
  const pull = stats(pulls);
  const floor = stats(floors);
  results.push({
    name: `fresh device pulls ${N} jobs + answers + events (${pulled} changes, stored as ${written} records)`, unit: 'ms', stats: pull, goal: '≤ 10000 ms', meetsGoal: pull.median <= 10_000,
    ratio: { reference: `raw IndexedDB writes of the same records, no network (median ${floor.median.toFixed(0)} ms)`, value: pull.median / floor.median },
  });

  await browser.close();
  server.closeAllConnections();
  server.close();
  await storage.close();
  await rm(dir, { recursive: true, force: true });
  return results;
}
