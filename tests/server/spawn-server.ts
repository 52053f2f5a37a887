// Runs the bundled server (scripts/build-server.mjs) as production does, for tests that need a
// real process: to kill it, restart it, and talk to it over TCP.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const REPO_ROOT = join(import.meta.dirname, '..', '..');

/** Bundles the server into a unique folder inside the repo (bare imports resolve from node_modules). */
export async function buildBundle(): Promise<{ bundle: string; remove: () => Promise<void> }> {
  const dir = join(REPO_ROOT, 'dist-server', `.test-${process.pid}-${Date.now()}`);
  const bundle = join(dir, 'main.js');
  await promisify(execFile)(process.execPath, ['scripts/build-server.mjs', '--outfile', bundle], { cwd: REPO_ROOT });
  return { bundle, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

export interface RunningServer {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the bundle and resolves once /api/health answers. */
export async function startServer(bundle: string, env: Record<string, string>, timeoutMs = 10_000): Promise<RunningServer> {
  const port = await freePort();
  // Not the runner's env as is: VITEST / NODE_ENV=test change the server's logging.
  const { VITEST: _v, NODE_ENV: _n, VITEST_POOL_ID: _p, VITEST_WORKER_ID: _w, ...inherited } = process.env;
  const child = spawn(process.execPath, [bundle], {
    cwd: REPO_ROOT,
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { child, baseUrl, output: () => output, exited };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer within ${timeoutMs} ms:\n${output}`);
}
