// The server side of the photo upload benchmarks (bench/photo-upload.bench.ts in Chromium,
// bench/photo-upload-server.bench.ts from Node): Loupe's real app on SQLite with a paired device,
// the raw PUT handler the goal compares with, and the server's own CPU time per phase.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createApp } from '../../sync-server/app';
import { createLogger } from '../../sync-server/logger';
import { createSqliteStorage } from '../../sync-server/storage/sqlite-storage';
import { pairDevice } from '../../tests/server/auth-fixtures';
import { stats } from './measure';

/** One run: ten photos from 0.3 to 3 MB, 17.6 MB in all. */
export const BENCH_PHOTO_SIZES = [0.3, 0.6, 1, 1.5, 2, 2.5, 3, 3, 1.2, 2.5].map((mb) => Math.round(mb * 1024 * 1024));

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  await handle.sync();
  await handle.close();
}

/**
 * The reference: the request body straight to a file, 204 when written. ?fsync: the file is
 * flushed too. ?verify: hashed on the way and flushed with its folder, the least any upload that
 * lets a device drop its copy must do (Loupe's server does that, and more: tus, auth, the store).
 */
async function rawPut(dir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  const name = url.pathname.slice('/bench-raw-put/'.length).replace(/[^0-9a-z-]/gi, '');
  const path = join(dir, name);
  if (url.searchParams.has('verify')) {
    const hash = createHash('sha256');
    await pipeline(
      req,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(path),
    );
    hash.digest('hex');
    await fsync(path);
    await fsync(dir);
  } else {
    await pipeline(req, createWriteStream(path));
    if (url.searchParams.has('fsync')) await fsync(path);
  }
  res.writeHead(204).end();
}

export interface PhotoBenchServer {
  url: string;
  /** A paired device's token: uploads need one. */
  token: string;
  /** The server's CPU time (this process, every thread) in each phase, in ms per run. */
  cpu: { loupe: number[]; raw: number[] };
  close(): Promise<void>;
}

/**
 * Serves Loupe's app, PUT /bench-raw-put/<name>[?fsync|?verify], and POST /bench-cpu/<loupe|raw>/<start|end>
 * (the client marks each phase). `extra` answers other requests first when it returns true.
 */
export async function startPhotoBenchServer(extra?: (req: IncomingMessage, res: ServerResponse) => boolean): Promise<PhotoBenchServer> {
  const dir = await mkdtemp(join(tmpdir(), 'loupe-bench-photos-'));
  const rawDir = join(dir, 'raw');
  await mkdir(rawDir);
  const storage = createSqliteStorage({ dataDir: join(dir, 'data') });
  await storage.migrate();
  const { token } = await pairDevice(storage, { kind: 'manager', name: 'Bench camera' });
  const app = createApp({ storage, version: 'bench', logger: createLogger({ level: 'silent' }), appDir: '/nonexistent', dataDir: join(dir, 'data') });
  const cpu = { loupe: [] as number[], raw: [] as number[] };
  let phaseStart = 0;
  const server = createServer((req, res) => {
    const cpuMark = /^\/bench-cpu\/(loupe|raw)\/(start|end)$/.exec(req.url ?? '');
    if (req.method === 'POST' && cpuMark) {
      const { user, system } = process.cpuUsage();
      if (cpuMark[2] === 'start') phaseStart = user + system;
      else cpu[cpuMark[1] as 'loupe' | 'raw'].push((user + system - phaseStart) / 1000);
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'PUT' && req.url?.startsWith('/bench-raw-put/')) {
      rawPut(rawDir, req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
      return;
    }
    if (extra?.(req, res)) return;
    app(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    cpu,
    async close() {
      server.closeAllConnections();
      server.close();
      await storage.close();
      await rm(dir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** The median CPU time per photo of a phase, warm-up run excluded. */
export function cpuPerPhoto(perRun: number[], photos: number): number {
  return stats(perRun.slice(1)).median / photos;
}
