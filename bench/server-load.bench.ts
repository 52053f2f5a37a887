// Server load (issue 8): autocannon against push and pull with 10 concurrent devices, on SQLite
// and on PostgreSQL: requests per second, p50 and p99 latency.
//
// Each of autocannon's 10 connections is one paired device with its own token and its own device
// sequence (setupClient gives each connection a per-device request builder), so every push is a
// valid, increasing batch, as a real tablet sends: 10 descriptive edits of that device's own jobs.
// A pull asks for the 100 changes before the head (a catch-up page of whole job records).
// The server runs in a process of its own (bench/lib/load-server.ts): autocannon's load
// generation here does not share its event loop, but it does share the machine's two cores.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { newId } from '../src/domain/ids';
import { DEVICE_TOKEN_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION, PullResponse, type Mutation } from '../src/protocol/protocol';
import type { LoadServerReady } from './lib/load-server';
import { stats, type Result } from './lib/measure';

const DURATION_S = 3;
const RUNS = 5;
const MUTATIONS_PER_PUSH = 10;
const PULL_PAGE = 100;

interface Server {
  child: ChildProcess;
  ready: LoadServerReady;
}

function startServer(env: Record<string, string>): Promise<Server> {
  const child = fork(fileURLToPath(new URL('./lib/load-server.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`load server exited with ${code}`)));
    child.once('message', (message) => resolve({ child, ready: (message as { ready: LoadServerReady }).ready }));
  });
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(message);
  });
}

const protocolHeaders = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };

async function pull(base: string, token: string, query: string): Promise<PullResponse> {
  const response = await fetch(`${base}/api/sync/pull?${query}`, { headers: { ...protocolHeaders, [DEVICE_TOKEN_HEADER]: token } });
  if (!response.ok) throw new Error(`pull answered ${response.status}: ${await response.text()}`);
  return PullResponse.parse(await response.json());
}

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
  requests: number;
}

function check(label: string, result: autocannon.Result): void {
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${label}: ${result.non2xx} answers not 2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
}

/** What one autocannon run measured. */
function runOf(result: autocannon.Result): Run {
  return { perSecond: result.requests.total / (result.duration || DURATION_S), p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total };
}

/** One autocannon run of pushes: each connection is one device, numbering from where the server stands. */
async function pushRun({ ready }: Server, base: string): Promise<Run> {
  // The last requests of the previous run may have been cut off (or applied after autocannon
  // stopped counting): each device numbers on from the server's last applied sequence.
  await new Promise((r) => setTimeout(r, 200));
  const { devices: applied } = await pull(base, ready.devices[0]!.token, 'limit=1');
  let nextClient = 0;
  let refused = 0;
  const result = await autocannon({
    url: base,
    connections: ready.devices.length,
    pipelining: 1,
    duration: DURATION_S,
    setupClient: (client) => {
      const device = ready.devices[nextClient++ % ready.devices.length]!;
      let seq = applied[device.id] ?? 0;
      let job = 0;
      const headers = { 'content-type': 'application/json', ...protocolHeaders, [DEVICE_TOKEN_HEADER]: device.token };
      client.setRequests([
        {
          method: 'POST',
          path: '/api/sync/push',
          headers,
          setupRequest: (request) => {
            const at = new Date().toISOString();
            const mutations: Mutation[] = Array.from({ length: MUTATIONS_PER_PUSH }, () => {
              seq += 1;
              job = (job + 1) % device.jobIds.length;
              return { id: newId(), deviceSeq: seq, personId: ready.personId, entity: 'job', entityId: device.jobIds[job]!, op: 'put', patch: { notes: `edit ${seq}`, priority: seq % 2 ? 'express' : 'standard' }, at };
            });
            return { ...request, body: JSON.stringify({ deviceId: device.id, mutations }) };
          },
          // Every edit must be applied: a refusal would mean the benchmark measures refusing.
          onResponse: (status, body) => {
            if (status === 200 && body.includes('"refused"')) refused += 1;
          },
        },
      ]);
    },
  });
  check('push', result);
  if (refused > 0) throw new Error(`push: ${refused} answers refused some edits`);
  return runOf(result);
}

async function pullRun({ ready }: Server, base: string, cursor: string): Promise<Run> {
  let nextClient = 0;
  const result = await autocannon({
    url: base,
    connections: ready.devices.length,
    pipelining: 1,
    duration: DURATION_S,
    setupClient: (client) => {
      const device = ready.devices[nextClient++ % ready.devices.length]!;
      client.setHeaders({ ...protocolHeaders, [DEVICE_TOKEN_HEADER]: device.token });
    },
    requests: [{ method: 'GET', path: `/api/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=${PULL_PAGE}` }],
  });
  check('pull', result);
  return runOf(result);
}

/** A warm-up run, then RUNS measured ones. */
async function runs(fn: () => Promise<Run>): Promise<Run[]> {
  await fn();
  const out: Run[] = [];
  for (let i = 0; i < RUNS; i++) out.push(await fn());
  return out;
}

function results(label: string, what: string, measured: Run[], note: string): Result[] {
  const pick = (f: (r: Run) => number) => stats(measured.map(f));
  return [
    { name: `${what} requests/s, 10 devices (${label})`, unit: 'req/s', stats: pick((r) => r.perSecond), note },
    { name: `${what} latency p50 (${label})`, unit: 'ms', stats: pick((r) => r.p50) },
    { name: `${what} latency p99 (${label})`, unit: 'ms', stats: pick((r) => r.p99) },
  ];
}

async function measure(label: string, env: Record<string, string>): Promise<Result[]> {
  const server = await startServer(env);
  const base = `http://127.0.0.1:${server.ready.port}`;
  try {
    const pushes = await runs(() => pushRun(server, base));
    const mutationsPerSecond = stats(pushes.map((r) => r.perSecond * MUTATIONS_PER_PUSH)).median;
    const out = results(label, 'push', pushes, `${MUTATIONS_PER_PUSH} edits per push, ${DURATION_S} s per run: ${Math.round(mutationsPerSecond)} mutations/s at the median`);

    const { cursor } = await pull(base, server.ready.devices[0]!.token, 'limit=1');
    const workshopId = cursor.split('.')[0]!; // <workshopId>.<seq>[.<job>]: the id has no dot
    const { seq } = await ask<{ seq: number }>(server.child, 'seq');
    const pulls = await runs(() => pullRun(server, base, `${workshopId}.${Math.max(0, seq - PULL_PAGE)}`));
    out.push(...results(label, 'pull', pulls, `a page of the ${PULL_PAGE} latest changes (whole job records), ${DURATION_S} s per run`));
    return out;
  } finally {
    server.child.kill();
  }
}

export async function run(): Promise<Result[]> {
  const dir = await mkdtemp(join(tmpdir(), 'loupe-load-sqlite-'));
  const out = await measure('SQLite', { LOAD_STORAGE: 'sqlite', LOAD_DIR: dir });
  await rm(dir, { recursive: true, force: true });

  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `loupe_load_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    out.push(...(await measure('PostgreSQL', { LOAD_STORAGE: 'postgres', LOAD_DATABASE_URL: url, LOAD_SCHEMA: schema })));
  } catch (error) {
    console.error(`PostgreSQL load benchmark skipped: ${(error as Error).message}`);
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await admin.end().catch(() => {});
  }
  return out;
}
