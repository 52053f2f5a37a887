// The Express app: the JSON API under /api, the built PWA everywhere else, one error shape.
// A factory (no listen, no globals) so tests run it in-process with supertest.
import { resolve } from 'node:path';
import express, { Router } from 'express';
import { HttpError, errorHandler } from './http/errors';
import { checkProtocolVersion } from './http/protocol-version';
import { staticApp } from './http/static-app';
import { createLogger, httpLogger, type Logger } from './logger';
import { buildOpenApiDocument } from './openapi';
import { healthRouter } from './routes/health';
import type { Storage } from './storage/storage';

export interface AppOptions {
  storage: Storage;
  /** The built PWA; default dist/ under the working directory. */
  appDir?: string;
  logger?: Logger;
  /** Server version, shown by /api/health and the OpenAPI document. */
  version: string;
  /** Largest JSON body accepted (body-parser syntax). */
  jsonLimit?: string | number;
}

export function createApp(options: AppOptions): express.Express {
  const { storage, version } = options;
  const appDir = options.appDir ?? resolve(process.cwd(), 'dist');
  const logger = options.logger ?? createLogger();

  const app = express();
  app.disable('x-powered-by');
  app.use(httpLogger(logger));
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.use('/api', apiRouter({ storage, version, jsonLimit: options.jsonLimit ?? '1mb' }));
  app.use(staticApp(appDir));
  app.use((req) => {
    throw new HttpError(404, 'not_found', `Nothing at ${req.path}.`);
  });
  app.use(errorHandler);
  return app;
}

function apiRouter(options: { storage: Storage; version: string; jsonLimit: string | number }): Router {
  const api = Router();
  // Version first: an incompatible app is told to update even when its body would not parse.
  api.use(checkProtocolVersion);
  api.use(express.json({ limit: options.jsonLimit }));
  api.use(healthRouter(options));
  api.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApiDocument(options.version));
  });
  // Later routers (sync, photos, ...) mount here.
  api.use((req) => {
    throw new HttpError(404, 'not_found', `No API route for ${req.method} ${req.baseUrl}${req.path}.`);
  });
  return api;
}
