// The OpenAPI registry: route modules register their paths here (at import time, next to the
// handler), from the same zod schemas they validate with, so the document cannot drift from the code.
import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ErrorBody, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../src/protocol/protocol';

// Adds .openapi() to zod schemas. Done here, on the server only, so the app's bundle never carries it.
extendZodWithOpenApi(z);

export const openApiRegistry = new OpenAPIRegistry();

// zod 4 copies prototype methods onto each schema when it is built, so schemas created before the
// extension above (the protocol's, whenever src/protocol was imported first) have no .openapi().
// Calling the method from the prototype works whatever the import order.
const openapiMethod = (z.ZodType.prototype as unknown as { openapi: (refId: string) => z.ZodType }).openapi;

/**
 * Registers a protocol schema as a named component; use the returned copy in route definitions
 * so the document says $ref: '#/components/schemas/<refId>' instead of inlining it.
 */
export function registerSchema<T extends z.ZodType>(refId: string, schema: T): T {
  return openApiRegistry.register(refId, openapiMethod.call(schema, refId) as T);
}

export const ErrorBodySchema = registerSchema('ErrorBody', ErrorBody);

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request (bad_request) or invalid input (validation_failed, with fields).',
  404: 'No such resource (not_found).',
  409: 'Conflict (conflict); on push, the device skipped a sequence number (sequence_gap, with details.lastAppliedSeq).',
  413: 'Request body too large (payload_too_large).',
  426: `The ${PROTOCOL_HEADER} header names an incompatible protocol version (protocol_mismatch): update the app.`,
  500: 'Unexpected server error (internal); details are in the server log only.',
  503: 'The server cannot serve this now (unavailable).',
};

/** Response entries for the error statuses a route can answer, all with the ErrorBody shape. */
export function errorResponses(...statuses: number[]): Record<string, ResponseConfig> {
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: ERROR_DESCRIPTIONS[status] ?? 'Error.',
        content: { 'application/json': { schema: ErrorBodySchema } },
      },
    ]),
  );
}

export function buildOpenApiDocument(version: string) {
  return new OpenApiGeneratorV31(openApiRegistry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Loupe sync server',
      version,
      description: `Wire protocol version ${PROTOCOL_VERSION}. Clients send it in the ${PROTOCOL_HEADER} header.`,
    },
  });
}

openApiRegistry.registerPath({
  method: 'get',
  path: '/api/openapi.json',
  summary: 'This document',
  responses: { 200: { description: 'The OpenAPI 3.1 document of the sync API.' } },
});
