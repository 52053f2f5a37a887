// The client of bench/photo-upload-server.bench.ts, in a process of its own so that its work is
// not counted as the server's: it sends each photo as tus-js-client does (one creating POST that
// carries the bytes, photos ≤ 4 MB) and as a raw PUT to the hashing, fsyncing handler, three in
// flight, and prints the timings of each run as JSON. Config: one JSON argument.
import { createHash, randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';

export interface ServerBenchConfig {
  origin: string;
  token: string;
  sizes: number[];
  /** Runs after the warm-up. */
  runs: number;
}

export interface ServerBenchRun {
  bytes: number;
  tusMs: number;
  rawVerifiedMs: number;
}

const config = JSON.parse(process.argv[2]!) as ServerBenchConfig;
const agent = new Agent({ keepAlive: true, maxSockets: 3 });

function send(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, config.origin), { method, headers, agent }, (res) => {
      res.resume().on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function threeInFlight(count: number, one: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: 3 }, async () => {
    for (let i = next++; i < count; i = next++) await one(i);
  }));
  return performance.now() - start;
}

async function phase(name: 'loupe' | 'raw', work: () => Promise<number>): Promise<number> {
  await send('POST', `/bench-cpu/${name}/start`, {});
  const ms = await work();
  await send('POST', `/bench-cpu/${name}/end`, {});
  return ms;
}

const base64 = (text: string) => Buffer.from(text).toString('base64');
const runs: ServerBenchRun[] = [];
for (let run = 0; run <= config.runs; run++) {
  const photos = config.sizes.map((size) => {
    const bytes = randomBytes(size);
    return { bytes, sha: createHash('sha256').update(bytes).digest('hex') };
  });
  const tus = () => threeInFlight(photos.length, async (i) => {
    const { bytes, sha } = photos[i]!;
    const status = await send('POST', '/api/photos/uploads', {
      'tus-resumable': '1.0.0',
      'upload-length': String(bytes.length),
      'upload-metadata': `sha256 ${base64(sha)},type ${base64('image/jpeg')}`,
      'content-type': 'application/offset+octet-stream',
      'x-loupe-device-token': config.token,
      'x-loupe-protocol': '1',
    }, bytes);
    if (status !== 201) throw new Error(`tus POST answered ${status}`);
  });
  const raw = () => threeInFlight(photos.length, async (i) => {
    const status = await send('PUT', `/bench-raw-put/server-${run}-${i}?verify=1`, {}, photos[i]!.bytes);
    if (status !== 204) throw new Error(`raw PUT answered ${status}`);
  });
  // Alternate the order so that neither side always runs on a cooler machine.
  let rawVerifiedMs = run % 2 === 0 ? await phase('raw', raw) : 0;
  const tusMs = await phase('loupe', tus);
  if (run % 2 === 1) rawVerifiedMs = await phase('raw', raw);
  if (run > 0) runs.push({ bytes: photos.reduce((sum, p) => sum + p.bytes.length, 0), tusMs, rawVerifiedMs }); // run 0 warms up
}
agent.destroy();
process.stdout.write(JSON.stringify(runs));
