// Photo bytes on the server: the tus endpoint spoken by hand (supertest), the content-addressed
// GET/HEAD, the "have" batch question, and what lands on the disk. tus-js-client end to end
// (chunks, resumption) is in photos-tus.test.ts.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../sync-server/app';
import { createSqliteStorage } from '../../sync-server/storage/sqlite-storage';
import type { Storage } from '../../sync-server/storage/storage';
import { asDevice, pairDevice } from './auth-fixtures';
import { makeTempDir, TEST_VERSION } from './helpers';
import { PEOPLE, seedPeople } from './sync-fixtures';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const b64 = (text: string) => Buffer.from(text).toString('base64');
const metadata = (fields: Record<string, string>) => Object.entries(fields).map(([k, v]) => `${k} ${b64(v)}`).join(',');

let dir: { path: string; remove: () => Promise<void> };
let storage: Storage;
let app: ReturnType<typeof createApp>;
let dataDir: string;

beforeAll(async () => {
  dir = await makeTempDir('loupe-photos-');
  dataDir = join(dir.path, 'data');
  storage = createSqliteStorage({ dataDir });
  await storage.migrate();
  // Photo reads need an active person (the one unlocked on the tablet): security-flows.test.ts.
  await seedPeople(storage);
  // A paired device's calls (the front adds its token); who may call at all: security-identities.test.ts.
  app = asDevice(createApp({ storage, version: TEST_VERSION, appDir: join(dir.path, 'no-app'), dataDir, photoMaxBytes: 1024 * 1024 }), await pairDevice(storage), PEOPLE.jeweler.id);
});
afterAll(async () => {
  await storage.close();
  await dir.remove();
});

/** Creates a tus upload by hand; returns its Location. */
function create(bytes: Buffer, fields: Record<string, string>) {
  return request(app)
    .post('/api/photos/uploads')
    .set('Tus-Resumable', '1.0.0')
    .set('Upload-Length', String(bytes.length))
    .set('Upload-Metadata', metadata(fields));
}

async function uploadWhole(bytes: Buffer, fields: Record<string, string>) {
  const created = await create(bytes, fields).expect(201);
  const location = created.headers.location as string;
  const patch = await request(app)
    .patch(location)
    .set('Tus-Resumable', '1.0.0')
    .set('Upload-Offset', '0')
    .set('Content-Type', 'application/offset+octet-stream')
    .send(bytes);
  return { location, patch };
}

describe('tus upload, by hand', () => {
  it('stores the bytes under their hash, sharded, and serves them back with type, ETag and an immutable cache', async () => {
    const bytes = randomBytes(50_000);
    const sha = sha256(bytes);
    const { location, patch } = await uploadWhole(bytes, { sha256: sha, type: 'image/webp' });
    expect(location).toMatch(new RegExp(`^/api/photos/uploads/${sha}-[0-9a-f]{16}$`));
    expect(patch.status).toBe(204);
    // Same-origin only, like the rest of the API.
    expect(patch.headers['access-control-allow-origin']).toBeUndefined();
    expect(patch.headers['upload-offset']).toBe(String(bytes.length));

    const onDisk = join(dataDir, 'photos', sha.slice(0, 2), sha.slice(2, 4), sha);
    expect(await readFile(onDisk)).toEqual(bytes);
    // Nothing is left behind in the upload area (neither the bytes nor tus's .json).
    expect(await readdir(join(dataDir, 'uploads-tmp'))).toEqual([]);

    const got = await request(app).get(`/api/photos/${sha}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body as Buffer, bytes)).toBe(0);
    expect(got.headers['content-type']).toBe('image/webp');
    expect(got.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(got.headers.etag).toBe(`"${sha}"`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');

    await request(app).get(`/api/photos/${sha}`).set('If-None-Match', `"${sha}"`).expect(304);
    const head = await request(app).head(`/api/photos/${sha}`).expect(200);
    expect(head.headers['content-length']).toBe(String(bytes.length));
  });

  it('refuses bytes that do not hash to the announced SHA-256 with 422 hash_mismatch, and keeps nothing', async () => {
    const bytes = randomBytes(20_000);
    const claimed = sha256(randomBytes(8));
    const { location, patch } = await uploadWhole(bytes, { sha256: claimed, type: 'image/jpeg' });
    expect(patch.status).toBe(422);
    expect(patch.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(patch.text)).toEqual({ error: { code: 'hash_mismatch', message: expect.stringContaining(sha256(bytes)) } });
    await request(app).head(`/api/photos/${claimed}`).expect(404);
    await request(app).head(`/api/photos/${sha256(bytes)}`).expect(404);
    expect(existsSync(join(dataDir, 'photos', claimed.slice(0, 2), claimed.slice(2, 4), claimed))).toBe(false);
    expect(await readdir(join(dataDir, 'uploads-tmp'))).toEqual([]);
    // The upload is gone: a client asking for its offset is told to start again.
    await request(app).head(location).set('Tus-Resumable', '1.0.0').expect(404);
  });

  it('tells a client that lost the last acknowledgement that its upload is complete', async () => {
    const bytes = randomBytes(10_000);
    const { location } = await uploadWhole(bytes, { sha256: sha256(bytes), type: 'image/png' });
    const head = await request(app).head(location).set('Tus-Resumable', '1.0.0').expect(200);
    expect(head.headers['upload-offset']).toBe(String(bytes.length));
    expect(head.headers['upload-length']).toBe(String(bytes.length));
  });

  it('takes the same bytes twice (two devices, or a retry) without harm', async () => {
    const bytes = randomBytes(5_000);
    const sha = sha256(bytes);
    expect((await uploadWhole(bytes, { sha256: sha, type: 'image/jpeg' })).patch.status).toBe(204);
    expect((await uploadWhole(bytes, { sha256: sha, type: 'image/jpeg' })).patch.status).toBe(204);
    await request(app).head(`/api/photos/${sha}`).expect(200);
    expect(await readdir(join(dataDir, 'uploads-tmp'))).toEqual([]);
  });

  it.each([
    ['no metadata', {}],
    ['no type', { sha256: 'a'.repeat(64) }],
    ['a type that is not a photo', { sha256: 'a'.repeat(64), type: 'text/html' }],
    ['an upper-case hash', { sha256: 'A'.repeat(64), type: 'image/jpeg' }],
    ['a path for a hash', { sha256: '../../etc/passwd', type: 'image/jpeg' }],
  ])('refuses a creation with %s: 400 validation_failed', async (_name, fields) => {
    const res = await create(Buffer.alloc(10), fields as Record<string, string>).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(await readdir(join(dataDir, 'uploads-tmp'))).toEqual([]);
  });

  it('refuses a photo larger than the limit (413) and one without a length (400)', async () => {
    const tooBig = await request(app)
      .post('/api/photos/uploads')
      .set('Tus-Resumable', '1.0.0')
      .set('Upload-Length', String(1024 * 1024 + 1))
      .set('Upload-Metadata', metadata({ sha256: 'b'.repeat(64), type: 'image/jpeg' }))
      .expect(413);
    expect(tooBig.body.error.code).toBe('payload_too_large');
    await request(app)
      .post('/api/photos/uploads')
      .set('Tus-Resumable', '1.0.0')
      .set('Upload-Defer-Length', '1')
      .set('Upload-Metadata', metadata({ sha256: 'b'.repeat(64), type: 'image/jpeg' }))
      .expect(400);
  });

  it('answers upload ids it did not make with 404', async () => {
    await request(app).head('/api/photos/uploads/not-an-upload').set('Tus-Resumable', '1.0.0').expect(404);
    await request(app)
      .patch(`/api/photos/uploads/${'c'.repeat(64)}-0123456789abcdef`)
      .set('Tus-Resumable', '1.0.0')
      .set('Upload-Offset', '0')
      .set('Content-Type', 'application/offset+octet-stream')
      .send(Buffer.alloc(4))
      .expect(404);
  });

  it('speaks the protocol version check like the rest of the API', async () => {
    const res = await create(Buffer.alloc(10), { sha256: 'd'.repeat(64), type: 'image/jpeg' }).set('x-loupe-protocol', '99').expect(426);
    expect(res.body.error.code).toBe('protocol_mismatch');
  });
});

/** A raw request, so that "../" reaches the server as sent (clients normalise it away). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => server.close(() => resolve({ status: res.statusCode ?? 0, body })));
      });
      req.on('error', (err) => server.close(() => reject(err)));
      req.end();
    });
  });
}

describe('GET and HEAD /api/photos/:sha256', () => {
  it.each([
    ['an encoded path', encodeURIComponent('../../etc/passwd')],
    ['upper-case hex', 'A'.repeat(64)],
    ['63 digits', 'a'.repeat(63)],
    ['65 digits', 'a'.repeat(65)],
    ['not hex', 'g'.repeat(64)],
  ])('refuses %s with 400 validation_failed', async (_name, sha) => {
    const res = await request(app).get(`/api/photos/${sha}`).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    await request(app).head(`/api/photos/${sha}`).expect(400);
  });

  it('refuses a path traversal sent raw with 400, never reaching the disk', async () => {
    const res = await rawGet('/api/photos/../../etc/passwd');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('validation_failed');
    expect(res.body).not.toContain('root:');
  });

  it('answers an unknown hash with 404 JSON (GET) and 404 (HEAD)', async () => {
    const res = await request(app).get(`/api/photos/${'e'.repeat(64)}`).expect(404);
    expect(res.body.error.code).toBe('not_found');
    await request(app).head(`/api/photos/${'e'.repeat(64)}`).expect(404);
  });
});

describe('POST /api/photos/have', () => {
  it('names the asked hashes the server holds, each once, in the order asked', async () => {
    const a = randomBytes(1_000);
    const b = randomBytes(1_000);
    await uploadWhole(a, { sha256: sha256(a), type: 'image/jpeg' });
    await uploadWhole(b, { sha256: sha256(b), type: 'image/jpeg' });
    const unknown = 'f'.repeat(64);
    const res = await request(app)
      .post('/api/photos/have')
      .send({ sha256: [sha256(b), unknown, sha256(a), sha256(b)] })
      .expect(200);
    expect(res.body).toEqual({ have: [sha256(b), sha256(a)] });
    expect((await request(app).post('/api/photos/have').send({ sha256: [] }).expect(200)).body).toEqual({ have: [] });
  });

  it('refuses malformed hashes, more than 500 of them, and a missing body with 400', async () => {
    const bad = await request(app).post('/api/photos/have').send({ sha256: ['../x'] }).expect(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'sha256.0' }] });
    await request(app).post('/api/photos/have').send({ sha256: Array.from({ length: 501 }, () => 'a'.repeat(64)) }).expect(400);
    await request(app).post('/api/photos/have').expect(400);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await request(app).get('/api/openapi.json').expect(200)).body;
    expect(doc.paths['/api/photos/have'].post.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/PhotoHaveResponse' });
    expect(doc.paths['/api/photos/{sha256}'].get).toBeDefined();
    expect(doc.paths['/api/photos/uploads'].post).toBeDefined();
  });
});
