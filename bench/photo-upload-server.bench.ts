// Photo upload, the server alone: the same ten photos as bench/photo-upload.bench.ts, sent by a
// Node client in a process of its own (bench/lib/photo-upload-client.ts) to Loupe's tus endpoint
// and to the raw PUT handler that hashes and fsyncs, three in flight. Without a browser on the
// same two cores, what the server does per photo decides the throughput: this is how the upload
// behaves on a machine whose browser and network are fast. The figure to watch is the server's
// CPU time per photo (this process, every thread), not the MB/s, which move with the machine.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ServerBenchConfig, ServerBenchRun } from './lib/photo-upload-client';
import { BENCH_PHOTO_SIZES, cpuPerPhoto, startPhotoBenchServer } from './lib/photo-bench-server';
import { stats, type Result } from './lib/measure';

const MB = 1024 * 1024;
const RUNS = 15;

export async function run(): Promise<Result[]> {
  const server = await startPhotoBenchServer();
  try {
    const config: ServerBenchConfig = { origin: server.url, token: server.token, sizes: BENCH_PHOTO_SIZES, runs: RUNS };
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/lib/photo-upload-client.ts', JSON.stringify(config)], { maxBuffer: 1 << 20 });
    const runs = JSON.parse(stdout) as ServerBenchRun[];
    const total = runs[0]!.bytes;
    const mbps = (ms: number) => total / MB / (ms / 1000);
    const tus = stats(runs.map((r) => mbps(r.tusMs)));
    const raw = stats(runs.map((r) => mbps(r.rawVerifiedMs)));
    const [tusCpu, rawCpu] = [cpuPerPhoto(server.cpu.loupe, BENCH_PHOTO_SIZES.length), cpuPerPhoto(server.cpu.raw, BENCH_PHOTO_SIZES.length)];
    return [
      {
        name: `Loupe's tus endpoint from a Node client (the server alone), ${BENCH_PHOTO_SIZES.length} photos, ${(total / MB).toFixed(1)} MB, 3 in flight`, unit: 'MB/s', stats: tus,
        ratio: { reference: `raw HTTP PUT to the handler that hashes and fsyncs, same client (median ${raw.median.toFixed(1)} MB/s)`, value: tus.median / raw.median },
        note: `the server's CPU time per photo: ${tusCpu.toFixed(1)} ms for Loupe's tus upload (device check, tus, hash, fsyncs, blob store), ${rawCpu.toFixed(1)} ms for the raw PUT that hashes and fsyncs (medians; ${(tusCpu / rawCpu).toFixed(2)}×)`,
      },
      { name: 'raw HTTP PUT from a Node client, the handler hashing (SHA-256) and fsyncing file and folder; 3 in flight', unit: 'MB/s', stats: raw },
    ];
  } finally {
    await server.close();
  }
}
