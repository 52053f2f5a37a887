// tus-js-client (its Node build) against the real server on a real port: chunked uploads, a
// connection dropped halfway and resumed from the server's offset, and a hash mismatch.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, utimes, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Upload, type DetailedError, type PreviousUpload, type UploadOptions, type UrlStorage } from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../sync-server/app';
import { ABANDONED_UPLOAD_MS, sweepAbandonedUploads } from '../../sync-server/photos/tus-uploads';
import { createSqliteStorage } from '../../sync-server/storage/sqlite-storage';
import type { Storage } from '../../sync-server/storage/storage';
import { asDevice, pairDevice } from './auth-fixtures';
import { makeTempDir, TEST_VERSION } from './helpers';
import { PEOPLE, seedPeople } from './sync-fixtures';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const CHUNK = 256 * 1024;

let dir: { path: string; remove: () => Promise<void> };
let storage: Storage;
let server: Server;
let baseUrl: string;
let dataDir: string;

beforeAll(async () => {
  dir = await makeTempDir('loupe-tus-');
  dataDir = join(dir.path, 'data');
  storage = createSqliteStorage({ dataDir });
  await storage.migrate();
  // Photo reads need an active person (the one unlocked on the tablet): security-flows.test.ts.
  await seedPeople(storage);
  const app = createApp({ storage, version: TEST_VERSION, appDir: join(dir.path, 'no-app'), dataDir });
  // A paired device's calls (the front adds its token); who may call at all: security-identities.test.ts.
  server = createServer(asDevice(app, await pairDevice(storage), PEOPLE.jeweler.id));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await storage.close();
  await dir.remove();
});

/** tus-js-client's URL storage, in memory: what a browser keeps in localStorage (ours: IndexedDB). */
function memoryUrlStorage(): UrlStorage {
  const entries = new Map<string, PreviousUpload & { fingerprint: string }>();
  let next = 0;
  return {
    findAllUploads: async () => [...entries.values()],
    findUploadsByFingerprint: async (fingerprint) => [...entries.values()].filter((e) => e.fingerprint === fingerprint),
    removeUpload: async (key) => void entries.delete(key),
    addUpload: async (fingerprint, upload) => {
      const key = `tus::${fingerprint}::${next++}`;
      entries.set(key, { ...upload, urlStorageKey: key, fingerprint });
      return key;
    },
  };
}

function options(bytes: Buffer, overrides: Partial<UploadOptions> = {}): UploadOptions {
  return {
    endpoint: `${baseUrl}/api/photos/uploads`,
    chunkSize: CHUNK,
    retryDelays: [],
    metadata: { sha256: sha256(bytes), type: 'image/jpeg' },
    fingerprint: async () => `photo:${sha256(bytes)}`,
    ...overrides,
  };
}

function run(upload: Upload): Promise<void> {
  return new Promise((resolve, reject) => {
    upload.options.onSuccess = () => resolve();
    upload.options.onError = reject;
    upload.start();
  });
}

async function download(sha: string): Promise<Buffer> {
  const res = await fetch(`${baseUrl}/api/photos/${sha}`);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('photo upload with tus-js-client', () => {
  it('uploads 3 MB in 256 KB chunks and gets the identical bytes back', async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    const chunks: number[] = [];
    const upload = new Upload(bytes, options(bytes, { onChunkComplete: (size) => chunks.push(size) }));
    await run(upload);
    expect(chunks).toHaveLength(12);
    expect(Buffer.compare(await download(sha256(bytes)), bytes)).toBe(0);
    expect(await readdir(join(dataDir, 'uploads-tmp'))).toEqual([]);
  });

  it('resumes a dropped upload from the server offset, with the same fingerprint, to identical bytes', async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    const urlStorage = memoryUrlStorage();

    // First attempt: the connection goes after more than half the chunks.
    const first = new Upload(bytes, options(bytes, { urlStorage }));
    await new Promise<void>((resolve, reject) => {
      first.options.onChunkComplete = (_size, accepted, total) => {
        if (accepted > total / 2) void first.abort().then(resolve);
      };
      first.options.onSuccess = () => reject(new Error('the first attempt should not finish'));
      first.options.onError = reject;
      first.start();
    });
    const url = first.url!;
    expect(url).toMatch(new RegExp(`/api/photos/uploads/${sha256(bytes)}-[0-9a-f]{16}$`));

    // The server kept what it received.
    const head = await fetch(url, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
    const serverOffset = Number(head.headers.get('upload-offset'));
    expect(serverOffset).toBeGreaterThan(bytes.length / 2);
    expect(serverOffset).toBeLessThan(bytes.length);
    await expect(fetch(`${baseUrl}/api/photos/${sha256(bytes)}`, { method: 'HEAD' })).resolves.toMatchObject({ status: 404 });

    // A new client (after a reload) finds the upload by fingerprint and goes on from there.
    const second = new Upload(bytes, options(bytes, { urlStorage }));
    const previous = await second.findPreviousUploads();
    expect(previous).toHaveLength(1);
    second.resumeFromPreviousUpload(previous[0]!);
    let firstProgress: number | undefined;
    let sentAgain = 0;
    second.options.onProgress = (sent) => (firstProgress ??= sent);
    second.options.onChunkComplete = (size) => (sentAgain += size);
    await run(second);
    expect(second.url).toBe(url);
    expect(firstProgress).toBeGreaterThanOrEqual(serverOffset);
    // Only what the server lacked was sent again.
    expect(sentAgain).toBe(bytes.length - serverOffset);
    expect(Buffer.compare(await download(sha256(bytes)), bytes)).toBe(0);
  });

  it('resumes after the connection drops in the middle of a chunk', async () => {
    const bytes = randomBytes(2 * 1024 * 1024);
    const sha = sha256(bytes);
    const created = await fetch(`${baseUrl}/api/photos/uploads`, {
      method: 'POST',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(bytes.length),
        'Upload-Metadata': `sha256 ${Buffer.from(sha).toString('base64')},type ${Buffer.from('image/jpeg').toString('base64')}`,
      },
    });
    const uploadUrl = new URL(created.headers.get('location')!, baseUrl).toString();

    // A PATCH that announces 1 MB, sends 300 KB and loses its connection.
    const cut = 300 * 1024;
    await new Promise<void>((resolve) => {
      const req = httpRequest(uploadUrl, {
        method: 'PATCH',
        headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream', 'Content-Length': String(1024 * 1024) },
      });
      req.on('error', () => resolve());
      req.write(bytes.subarray(0, cut), () => setTimeout(() => req.destroy(), 100));
    });

    // The server keeps what reached it, once it noticed the cut.
    let serverOffset = 0;
    await expect
      .poll(async () => {
        const head = await fetch(uploadUrl, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
        serverOffset = Number(head.headers.get('upload-offset'));
        return serverOffset;
      })
      .toBe(cut);

    const resumed = new Upload(bytes, options(bytes, { uploadUrl, chunkSize: 1024 * 1024 }));
    let sentAgain = 0;
    resumed.options.onChunkComplete = (size) => (sentAgain += size);
    await run(resumed);
    expect(sentAgain).toBe(bytes.length - cut);
    expect(Buffer.compare(await download(sha), bytes)).toBe(0);
  });

  it('keeps every byte of a creating POST cut after more than one of the server\'s 1 MB writes, and resumes after them', async () => {
    // The server gathers what arrives into writes of 1 MB: bytes still gathered when the
    // connection drops are written too, so the offset is exactly what reached it.
    const bytes = randomBytes(3 * 1024 * 1024);
    const sha = sha256(bytes);
    const cut = 1536 * 1024 + 123;
    const location = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(`${baseUrl}/api/photos/uploads`, {
        method: 'POST',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Length': String(bytes.length),
          'Upload-Metadata': `sha256 ${Buffer.from(sha).toString('base64')},type ${Buffer.from('image/jpeg').toString('base64')}`,
          'Content-Type': 'application/offset+octet-stream',
          'Content-Length': String(bytes.length),
        },
      });
      req.on('error', () => {});
      // The upload's URL is only in the answer, which a cut request never gets: find it on disk.
      req.write(bytes.subarray(0, cut), () =>
        setTimeout(() => {
          req.destroy();
          readdir(join(dataDir, 'uploads-tmp')).then(
            (names) => resolve(`/api/photos/uploads/${names.find((n) => n.startsWith(sha) && !n.endsWith('.json'))}`),
            reject,
          );
        }, 100),
      );
    });
    const uploadUrl = new URL(location, baseUrl).toString();
    await expect
      .poll(async () => Number((await fetch(uploadUrl, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } })).headers.get('upload-offset')))
      .toBe(cut);
    const rest = await fetch(uploadUrl, {
      method: 'PATCH',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(cut), 'Content-Type': 'application/offset+octet-stream' },
      body: new Uint8Array(bytes.subarray(cut)),
    });
    expect(rest.status).toBe(204);
    expect(Buffer.compare(await download(sha), bytes)).toBe(0);
  });

  it('after a restart, checks a resumed upload from its file: the right bytes are stored, others refused', async () => {
    // The server hashes bytes as they arrive; a new process has no running hash for an upload
    // begun before it started, and hashes the whole file at the end instead.
    const restarted = createServer(asDevice(createApp({ storage, version: TEST_VERSION, appDir: join(dir.path, 'no-app'), dataDir }), await pairDevice(storage), PEOPLE.jeweler.id));
    await new Promise<void>((resolve) => restarted.listen(0, '127.0.0.1', resolve));
    const restartedUrl = `http://127.0.0.1:${(restarted.address() as AddressInfo).port}`;
    const tus = { 'Tus-Resumable': '1.0.0' };
    const half = 300 * 1024;
    const begin = async (bytes: Buffer) => {
      const created = await fetch(`${baseUrl}/api/photos/uploads`, {
        method: 'POST',
        headers: { ...tus, 'Upload-Length': String(bytes.length), 'Upload-Metadata': `sha256 ${Buffer.from(sha256(bytes)).toString('base64')},type ${Buffer.from('image/jpeg').toString('base64')}` },
      });
      const path = created.headers.get('location')!;
      const first = await fetch(new URL(path, baseUrl), { method: 'PATCH', headers: { ...tus, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, body: new Uint8Array(bytes.subarray(0, half)) });
      expect(first.status).toBe(204);
      return path;
    };
    const finish = (path: string, rest: Buffer) =>
      fetch(new URL(path, restartedUrl), { method: 'PATCH', headers: { ...tus, 'Upload-Offset': String(half), 'Content-Type': 'application/offset+octet-stream' }, body: new Uint8Array(rest) });
    try {
      const good = randomBytes(700 * 1024);
      expect((await finish(await begin(good), good.subarray(half))).status).toBe(204);
      expect(Buffer.compare(await download(sha256(good)), good)).toBe(0);

      const announced = randomBytes(700 * 1024);
      const sent = Buffer.concat([announced.subarray(0, half), randomBytes(announced.length - half)]);
      const refused = await finish(await begin(announced), sent.subarray(half));
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({ error: { code: 'hash_mismatch', message: expect.stringContaining(sha256(sent)) } });
      await expect(fetch(`${baseUrl}/api/photos/${sha256(announced)}`, { method: 'HEAD' })).resolves.toMatchObject({ status: 404 });
      expect(await readdir(join(dataDir, 'uploads-tmp'))).toEqual([]);
    } finally {
      restarted.closeAllConnections();
      await new Promise((resolve) => restarted.close(resolve));
    }
  });

  it('fails with 422 hash_mismatch when the bytes are not the announced ones, and stores nothing', async () => {
    // Three requests of 256 KB: the server's running hash follows the upload from one to the next.
    const bytes = randomBytes(600 * 1024);
    const claimed = sha256(randomBytes(16));
    const upload = new Upload(bytes, options(bytes, { metadata: { sha256: claimed, type: 'image/jpeg' } }));
    const error = (await run(upload).then(
      () => undefined,
      (err: DetailedError) => err,
    ))!;
    expect(error).toBeDefined();
    expect(error.originalResponse?.getStatus()).toBe(422);
    expect(JSON.parse(error.originalResponse!.getBody())).toMatchObject({ error: { code: 'hash_mismatch' } });
    await expect(fetch(`${baseUrl}/api/photos/${claimed}`, { method: 'HEAD' })).resolves.toMatchObject({ status: 404 });
    expect(await readdir(join(dataDir, 'uploads-tmp'))).toEqual([]);
  });
});

describe('abandoned partial uploads', () => {
  const tus = { 'Tus-Resumable': '1.0.0' };
  const uploadsDir = () => join(dataDir, 'uploads-tmp');

  /** A photo whose first bytes reached the server, then nothing more: its upload's URL. */
  async function abandon(bytes: Buffer, sent: number): Promise<string> {
    const created = await fetch(`${baseUrl}/api/photos/uploads`, {
      method: 'POST',
      headers: { ...tus, 'Upload-Length': String(bytes.length), 'Upload-Metadata': `sha256 ${Buffer.from(sha256(bytes)).toString('base64')},type ${Buffer.from('image/jpeg').toString('base64')}` },
    });
    const url = new URL(created.headers.get('location')!, baseUrl).toString();
    const first = await fetch(url, { method: 'PATCH', headers: { ...tus, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, body: new Uint8Array(bytes.subarray(0, sent)) });
    expect(first.status).toBe(204);
    return url;
  }

  /** Makes an upload's files look last written `ageMs` ago. */
  async function age(url: string, ageMs: number): Promise<void> {
    const id = new URL(url).pathname.split('/').at(-1)!;
    const then = new Date(Date.now() - ageMs);
    for (const name of [id, `${id}.json`]) await utimes(join(uploadsDir(), name), then, then);
  }

  it('removes uploads nobody wrote to for a week (file and info), keeps the others and files that are not uploads', async () => {
    const old = await abandon(randomBytes(400 * 1024), 100 * 1024);
    const recent = await abandon(randomBytes(400 * 1024), 100 * 1024);
    await age(old, ABANDONED_UPLOAD_MS + 60_000);
    await age(recent, ABANDONED_UPLOAD_MS - 60_000);
    await writeFile(join(uploadsDir(), 'README.txt'), 'not an upload');
    const idOf = (url: string) => new URL(url).pathname.split('/').at(-1)!;

    expect(await sweepAbandonedUploads(uploadsDir())).toBe(1);
    const left = await readdir(uploadsDir());
    expect(left.filter((name) => name.startsWith(idOf(old)))).toEqual([]);
    expect(left.filter((name) => name.startsWith(idOf(recent))).sort()).toEqual([idOf(recent), `${idOf(recent)}.json`]);
    expect(left).toContain('README.txt');
    expect((await fetch(old, { method: 'HEAD', headers: tus })).status).toBe(404);
    expect(Number((await fetch(recent, { method: 'HEAD', headers: tus })).headers.get('upload-offset'))).toBe(100 * 1024);
    expect(await sweepAbandonedUploads(uploadsDir())).toBe(0);
  });

  it('a device coming back for a swept upload starts it again and the server stores the right bytes', async () => {
    const bytes = randomBytes(700 * 1024);
    const url = await abandon(bytes, 300 * 1024);
    await age(url, ABANDONED_UPLOAD_MS + 60_000);
    expect(await sweepAbandonedUploads(uploadsDir())).toBeGreaterThanOrEqual(1);

    // What the device kept of its upload: the URL, as tus-js-client stored it.
    const urlStorage = memoryUrlStorage();
    await urlStorage.addUpload(`photo:${sha256(bytes)}`, { size: bytes.length, metadata: {}, creationTime: new Date().toISOString(), uploadUrl: url, parallelUploadUrls: null, urlStorageKey: '' });
    const upload = new Upload(bytes, options(bytes, { urlStorage }));
    const [previous] = await upload.findPreviousUploads();
    upload.resumeFromPreviousUpload(previous!);
    let sent = 0;
    upload.options.onChunkComplete = (size) => (sent += size);
    await run(upload);
    expect(sent).toBe(bytes.length);
    expect(Buffer.compare(await download(sha256(bytes)), bytes)).toBe(0);
  });
});
