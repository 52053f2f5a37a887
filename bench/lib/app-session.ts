// The built app (dist/) served by the real server in this process, and a Chromium tablet that
// installed it and holds some jobs and people, as a sync would have left them. The browser-side
// benchmarks (photo pipeline, bench screens) measure the app's own user paths on top of this.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../../sync-server/app';
import { createLogger } from '../../sync-server/logger';
import { createSqliteStorage } from '../../sync-server/storage/sqlite-storage';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/support/chromium';
// The same IndexedDB seeding and sign-in as the end-to-end tests.
export { seedStores, signIn } from '../../tests/e2e/support/front-office';

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The server as `npm start` runs it, serving dist/. Files in `extraDir` are also served under
 * /__bench/ (same origin, so a page can fetch the benchmark's own inputs).
 */
export async function startAppServer(extraDir?: string): Promise<AppServer> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does).');
  const dataDir = await mkdtemp(join(tmpdir(), 'loupe-bench-app-'));
  const storage = createSqliteStorage({ dataDir });
  await storage.migrate();
  const app = createApp({ storage, version: 'bench', logger: createLogger({ level: 'silent' }), appDir: resolve('dist'), dataDir });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (extraDir && req.url?.startsWith('/__bench/')) {
      const file = join(extraDir, basename(req.url));
      if (!existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' });
      createReadStream(file).pipe(res);
      return;
    }
    app(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh tablet profile that installed the app: the service worker is active and controls the
 * page, so from here the app loads with the network off. The profile is a folder, so IndexedDB is
 * on disk as on a tablet (a plain Playwright context is incognito and keeps it in memory). CSP is
 * bypassed only so the benchmark can start its own reference worker from a blob: URL; the app
 * runs the same either way.
 */
export async function installedTablet(url: string, viewport = { width: 1180, height: 820 }): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'loupe-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport,
    deviceScaleFactor: 1,
    hasTouch: true,
    locale: 'en-GB',
    bypassCSP: true,
    serviceWorkers: 'allow',
  });
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.getByRole('heading', { name: 'Bench' }).waitFor();
  await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.ready).active));
  await page.reload();
  await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.ready).active && navigator.serviceWorker.controller), undefined, { timeout: 30_000 });
  return { context, page, close };
}

/** Starts collecting the page's long tasks (over 50 ms on the main thread) into window.__longTasks. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: Array<{ start: number; ms: number }> };
    w.__longTasks = [];
    new PerformanceObserver((list) => w.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, ms: e.duration })))).observe({ type: 'longtask' });
  });
}

/** The long tasks (ms) that started at or after `since` (page clock). */
export async function longTasksSince(page: Page, since: number): Promise<number[]> {
  return page.evaluate((from) => (window as unknown as { __longTasks: Array<{ start: number; ms: number }> }).__longTasks.filter((t) => t.start >= from).map((t) => t.ms), since);
}
