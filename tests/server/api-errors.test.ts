// The API's envelope: health, and every error as ErrorBody with the right status.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, HealthResponse, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/protocol/protocol';
import { asDevice, pairDevice } from './auth-fixtures';
import { startTestServer, TEST_VERSION, type TestServer } from './helpers';

let server: TestServer;
/** The API as a paired device sees it: past the device check, where routing and parsing answer. */
let paired: TestServer['app'];
beforeAll(async () => {
  server = await startTestServer();
  paired = asDevice(server.app, await pairDevice(server.storage));
});
afterAll(() => server.close());

function expectError(res: request.Response, status: number, code: ErrorBody['error']['code']) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = ErrorBody.parse(res.body);
  expect(body.error.code).toBe(code);
  return body;
}

describe('GET /api/health', () => {
  it('reports ok, versions and the storage kind', async () => {
    const res = await request(server.app).get('/api/health').expect(200);
    expect(HealthResponse.parse(res.body)).toEqual({
      status: 'ok',
      version: TEST_VERSION,
      protocolVersion: PROTOCOL_VERSION,
      storage: 'sqlite',
    });
  });

  it('answers whatever protocol the caller speaks, so an old app can learn it is old', async () => {
    await request(server.app).get('/api/health').set(PROTOCOL_HEADER, '99').expect(200);
  });

  it('says which protocol the server speaks and never advertises Express', async () => {
    const res = await request(server.app).get('/api/health');
    expect(res.headers[PROTOCOL_HEADER]).toBe(String(PROTOCOL_VERSION));
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('API errors', () => {
  it('401 device_unpaired for any /api route but health, setup and pairing, without a device token', async () => {
    for (const path of ['/api/nope', '/api', '/api/sync/pull']) {
      const body = expectError(await request(server.app).get(path), 401, 'device_unpaired');
      expect(body.error.message).toMatch(/not paired/);
    }
    expectError(await request(server.app).post('/api/anything').set('Content-Type', 'application/json').send('{"a": '), 401, 'device_unpaired');
  });

  it('404 not_found as JSON for an unknown /api route', async () => {
    const body = expectError(await request(paired).get('/api/nope'), 404, 'not_found');
    expect(body.error.message).toContain('/api/nope');
  });

  it('404 for /api itself too (never the app shell)', async () => {
    expectError(await request(paired).get('/api').set('Accept', 'text/html'), 404, 'not_found');
  });

  it('400 bad_request for malformed JSON', async () => {
    const res = await request(paired).post('/api/anything').set('Content-Type', 'application/json').send('{"a": ');
    const body = expectError(res, 400, 'bad_request');
    expect(body.error.message).toMatch(/not valid JSON/);
  });

  it('413 payload_too_large for a body over the limit', async () => {
    const big = JSON.stringify({ blob: 'x'.repeat(1_100_000) });
    const res = await request(paired).post('/api/anything').set('Content-Type', 'application/json').send(big);
    expectError(res, 413, 'payload_too_large');
  });

  it('426 protocol_mismatch for another major version, telling the app to update', async () => {
    const res = await request(paired).get('/api/nope').set(PROTOCOL_HEADER, String(PROTOCOL_VERSION - 1));
    const body = expectError(res, 426, 'protocol_mismatch');
    expect(body.error.message).toMatch(/app needs updating/);
  });

  it('426 comes before body parsing: an old app with an odd body is still told to update', async () => {
    const res = await request(paired)
      .post('/api/anything')
      .set(PROTOCOL_HEADER, String(PROTOCOL_VERSION + 1))
      .set('Content-Type', 'application/json')
      .send('{not json');
    expectError(res, 426, 'protocol_mismatch');
  });

  it('accepts the same major (with a minor) and a missing header', async () => {
    expectError(await request(paired).get('/api/nope').set(PROTOCOL_HEADER, `${PROTOCOL_VERSION}.3`), 404, 'not_found');
    expectError(await request(paired).get('/api/nope'), 404, 'not_found');
  });

  it('400 for a protocol header that is not a version number', async () => {
    expectError(await request(paired).get('/api/nope').set(PROTOCOL_HEADER, 'banana'), 400, 'bad_request');
  });
});
