// GET /api/health: liveness and readiness in one. It pings storage, so a load balancer takes an
// instance that lost its database out of rotation (the ping failure answers 500).
import { Router } from 'express';
import { HealthResponse, PROTOCOL_VERSION } from '../../src/protocol/protocol';
import { errorResponses, openApiRegistry, registerSchema } from '../openapi';
import type { Storage } from '../storage/storage';

const HealthResponseSchema = registerSchema('HealthResponse', HealthResponse);

openApiRegistry.registerPath({
  method: 'get',
  path: '/api/health',
  summary: 'Server health, version and storage kind',
  description: 'Exempt from the protocol version check, so an outdated app can still learn the server version.',
  responses: {
    200: { description: 'The server and its storage are up.', content: { 'application/json': { schema: HealthResponseSchema } } },
    ...errorResponses(500),
  },
});

export function healthRouter({ storage, version }: { storage: Storage; version: string }): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    await storage.ping();
    const body: HealthResponse = { status: 'ok', version, protocolVersion: PROTOCOL_VERSION, storage: storage.kind };
    res.json(body);
  });
  return router;
}
