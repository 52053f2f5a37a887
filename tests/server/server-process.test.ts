// The real thing: bundle sync-server with scripts/build-server.mjs, run it with node as
// production does, talk to it over TCP, stop it with SIGTERM.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponse } from '../../src/protocol/protocol';
import { makeTempDir } from './helpers';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
// Inside the repo (bare imports resolve from node_modules) but unique, so parallel runs and
// `npm run build:server` never overwrite the bundle under test.
const BUILD_DIR = join(REPO_ROOT, 'dist-server', `.test-${process.pid}-${Date.now()}`);
const BUNDLE = join(BUILD_DIR, 'main.js');

let temp: Awaited<ReturnType<typeof makeTempDir>>;

beforeAll(async () => {
  temp = await makeTempDir();
  await promisify(execFile)(process.execPath, ['scripts/build-server.mjs', '--outfile', BUNDLE], { cwd: REPO_ROOT });
}, 60_000);

afterAll(async () => {
  await rm(BUILD_DIR, { recursive: true, force: true });
  await temp.remove();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function runServer(env: Record<string, string>): Running {
  // Not the test runner's env as is: VITEST / NODE_ENV=test would silence the log we check.
  const { VITEST: _v, NODE_ENV: _n, VITEST_POOL_ID: _p, VITEST_WORKER_ID: _w, ...inherited } = process.env;
  const child = spawn(process.execPath, [BUNDLE], { cwd: temp.path, env: { ...inherited, ...env }, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

async function waitForHealth(url: string, running: Running, timeoutMs = 10_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`server exited early:\n${running.output()}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`server did not answer within ${timeoutMs} ms:\n${running.output()}`);
}

describe('dist-server/main.js', () => {
  it('starts, answers /api/health, logs its URL and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const running = runServer({
      PORT: String(port),
      HOST: '127.0.0.1',
      LOUPE_DATA_DIR: join(temp.path, 'data'),
      LOUPE_APP_DIR: join(temp.path, 'no-app'),
      LOG_LEVEL: 'info',
    });
    try {
      const res = await waitForHealth(`http://127.0.0.1:${port}/api/health`, running);
      expect(res.status).toBe(200);
      expect(HealthResponse.parse(await res.json()).storage).toBe('sqlite');
      expect(running.output()).toContain(`http://127.0.0.1:${port}`);

      const started = Date.now();
      running.child.kill('SIGTERM');
      const { code } = await running.exited;
      expect(code).toBe(0);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(running.output()).toContain('"stopped"');
    } finally {
      running.child.kill('SIGKILL');
    }
  }, 30_000);

  it('exits 1 naming the variable when the configuration is wrong', async () => {
    const running = runServer({ PORT: 'eighty', LOUPE_DATA_DIR: join(temp.path, 'data') });
    const { code } = await running.exited;
    expect(code).toBe(1);
    expect(running.output()).toMatch(/PORT must be a whole number/);
  }, 15_000);
});
