import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_VERSION, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document generated from the protocol schemas', async () => {
    const res = await request(server.app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.info.version).toBe(TEST_VERSION);
    const health = res.body.paths['/api/health'].get;
    expect(health.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/HealthResponse' });
    expect(health.responses['500'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    expect(res.body.components.schemas.ErrorBody.properties.error.properties.code.enum).toContain('protocol_mismatch');
  });

  it('is served to any protocol version', async () => {
    await request(server.app).get('/api/openapi.json').set('x-loupe-protocol', '99').expect(200);
  });
});
