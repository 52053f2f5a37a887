import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export interface LoupeServer {
  url: string;
  port: number;
  dataDir: string;
  /** Stop the process (SIGTERM, then wait for it to exit). */
  stop(): Promise<void>;
  /** Start again on the same port and data folder, optionally serving another build. */
  restart(options?: { appDir?: string }): Promise<void>;
  /** Stop and remove the data folder. */
  dispose(): Promise<void>;
  /** What the server printed on its standard output so far (the first-start setup link, for one). */
  output(): string;
}

/** The production server (dist-server/main.js) with its own temp data folder and port. */
export async function startServer(options: { appDir?: string; env?: Record<string, string> } = {}): Promise<LoupeServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'loupe-data-'));
  let appDir = options.appDir ?? join(REPO_ROOT, 'dist');
  let child: ChildProcess | null = null;
  let printed = '';

  async function boot() {
    child = spawn(process.execPath, ['--enable-source-maps', join(REPO_ROOT, 'dist-server/main.js')], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOUPE_DATA_DIR: dataDir, LOUPE_APP_DIR: appDir, LOG_LEVEL: 'warn', ...options.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      process.stdout.write(chunk);
    });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the server did not answer /api/health within 20 s');
  }

  async function stop() {
    const running = child;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((done) => {
      running.once('exit', () => done());
      running.kill('SIGTERM');
    });
    child = null;
  }

  await boot();
  return {
    url: `http://localhost:${port}`,
    port,
    dataDir,
    stop,
    async restart(next = {}) {
      await stop();
      if (next.appDir) appDir = next.appDir;
      await boot();
    },
    output: () => printed,
    async dispose() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
