// Shared fixtures for server tests: temp dirs, a real SQLite storage, a fake built app.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../sync-server/app';
import type { RateLimitOptions } from '../../sync-server/http/rate-limits';
import { createSqliteStorage } from '../../sync-server/storage/sqlite-storage';
import type { Storage } from '../../sync-server/storage/storage';

export const TEST_VERSION = '0.0.0-test';

/** A temp dir and its removal; call remove() in afterEach/afterAll. */
export async function makeTempDir(prefix = 'loupe-test-'): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface TestServer {
  app: ReturnType<typeof createApp>;
  storage: Storage;
  dataDir: string;
  close: () => Promise<void>;
}

/** createApp over a real, migrated SQLite file in a fresh temp dir. */
export async function startTestServer(options: { appDir?: string; jsonLimit?: string; rateLimits?: RateLimitOptions } = {}): Promise<TestServer> {
  const dir = await makeTempDir();
  const storage = createSqliteStorage({ dataDir: join(dir.path, 'data') });
  await storage.migrate();
  const app = createApp({
    storage,
    version: TEST_VERSION,
    appDir: options.appDir ?? join(dir.path, 'no-app-here'),
    jsonLimit: options.jsonLimit,
    rateLimits: options.rateLimits,
    // Photos and partial uploads beside the database, where a test can look at them.
    dataDir: join(dir.path, 'data'),
  });
  return {
    app,
    storage,
    dataDir: join(dir.path, 'data'),
    close: async () => {
      await storage.close();
      await dir.remove();
    },
  };
}

export const FAKE_INDEX_HTML = '<!doctype html><title>Loupe</title><div id="root"></div>';

/** A minimal stand-in for vite's dist/: what the static tests need and nothing else. */
export async function makeFakeAppDir(root: string): Promise<string> {
  const appDir = join(root, 'dist');
  await mkdir(join(appDir, 'assets'), { recursive: true });
  await writeFile(join(appDir, 'index.html'), FAKE_INDEX_HTML);
  await writeFile(join(appDir, 'sw.js'), 'self.addEventListener("install", () => {});');
  await writeFile(join(appDir, 'registerSW.js'), '/* register */');
  await writeFile(join(appDir, 'workbox-4f3c2a1b.js'), '/* workbox */');
  await writeFile(join(appDir, 'manifest.webmanifest'), '{"name":"Loupe"}');
  await writeFile(join(appDir, 'assets', 'app-abc123.js'), 'console.log("app");');
  return appDir;
}
