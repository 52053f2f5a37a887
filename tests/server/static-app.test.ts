// Serving the built PWA: cache headers that keep offline updates safe, and the SPA fallback.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../src/protocol/protocol';
import { FAKE_INDEX_HTML, makeFakeAppDir, makeTempDir, startTestServer, type TestServer } from './helpers';

const HTML_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('with a built app', () => {
  let server: TestServer;
  let removeAppRoot: () => Promise<void>;
  beforeAll(async () => {
    const root = await makeTempDir();
    removeAppRoot = root.remove;
    const appDir = await makeFakeAppDir(root.path);
    // Files the size of real ones, for compression (none below 1 KB is compressed).
    await writeFile(join(appDir, 'assets', 'scan-def456.js'), 'export const words = ["scan", "tag"];\n'.repeat(500));
    await writeFile(join(appDir, 'assets', 'zxing_reader-0a1b2c.wasm'), Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(20_000, 7)]));
    server = await startTestServer({ appDir });
  });
  afterAll(async () => {
    await server.close();
    await removeAppRoot();
  });

  it('caches hashed assets forever', async () => {
    const res = await request(server.app).get('/assets/app-abc123.js').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it.each(['/sw.js', '/registerSW.js', '/workbox-4f3c2a1b.js', '/manifest.webmanifest', '/index.html'])(
    'revalidates %s on every load (never a stale service worker)',
    async (path) => {
      const res = await request(server.app).get(path).expect(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it('sends scripts and WebAssembly gzipped to a browser that offers gzip, still cached forever', async () => {
    for (const [path, type] of [['/assets/scan-def456.js', /javascript/], ['/assets/zxing_reader-0a1b2c.wasm', /^application\/wasm$/]] as const) {
      const zipped = await request(server.app).get(path).set('Accept-Encoding', 'gzip').expect(200);
      expect(zipped.headers['content-encoding'], path).toBe('gzip');
      expect(zipped.headers['content-type'], path).toMatch(type);
      expect(zipped.headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
      const plain = await request(server.app).get(path).set('Accept-Encoding', 'identity').expect(200);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
    }
  });

  it('serves index.html at / with no-cache', async () => {
    const res = await request(server.app).get('/').set('Accept', HTML_ACCEPT).expect(200);
    expect(res.text).toBe(FAKE_INDEX_HTML);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers an app route navigation with index.html (SPA fallback)', async () => {
    const res = await request(server.app).get('/job/123').set('Accept', HTML_ACCEPT).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toBe(FAKE_INDEX_HTML);
  });

  it('keeps unknown /api routes as JSON (never the app shell) even for a browser navigation', async () => {
    // Without a device token the API answers 401 before routing (a paired device gets 404: api-errors.test.ts).
    const res = await request(server.app).get('/api/nope').set('Accept', HTML_ACCEPT).expect(401);
    expect(ErrorBody.parse(res.body).error.code).toBe('device_unpaired');
  });

  it('gives a missing asset a 404, never index.html', async () => {
    const res = await request(server.app).get('/assets/missing.js').set('Accept', HTML_ACCEPT).expect(404);
    expect(res.text).not.toContain('<!doctype html>');
    expect(ErrorBody.parse(res.body).error.code).toBe('not_found');
  });

  it('gives a missing file outside /assets a 404 too', async () => {
    await request(server.app).get('/icons/nope.png').set('Accept', HTML_ACCEPT).expect(404);
  });

  it('does not answer a non-HTML request for an app route with HTML', async () => {
    await request(server.app).get('/job/123').set('Accept', 'application/json').expect(404);
    await request(server.app).get('/job/123').set('Accept', '*/*').expect(404);
  });

  it('only falls back for GET and HEAD', async () => {
    await request(server.app).head('/job/123').set('Accept', HTML_ACCEPT).expect(200);
    await request(server.app).post('/job/123').set('Accept', HTML_ACCEPT).expect(404);
  });

  it('does not serve files outside the app dir', async () => {
    const res = await request(server.app).get('/..%2f..%2fetc%2fpasswd').set('Accept', HTML_ACCEPT);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.text).not.toContain('root:');
  });
});

describe('without a built app', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(); // appDir points at a folder that does not exist
  });
  afterAll(() => server.close());

  it('answers / with 503 and says how to build it', async () => {
    const res = await request(server.app).get('/').expect(503);
    const body = ErrorBody.parse(res.body);
    expect(body.error.code).toBe('unavailable');
    expect(body.error.message).toMatch(/the app is not built: run npm run build/i);
  });

  it('answers an app route navigation with the same 503', async () => {
    await request(server.app).get('/job/123').set('Accept', HTML_ACCEPT).expect(503);
  });

  it('keeps the API working', async () => {
    await request(server.app).get('/api/health').expect(200);
  });
});
