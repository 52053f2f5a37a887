// The Express app: the JSON API under /api, the built PWA everywhere else, one error shape.
// A factory (no listen, no globals) so tests run it in-process with supertest.
import { resolve } from 'node:path';
import express, { Router } from 'express';
import { deviceAuth, type DeviceAuth } from './auth/device-auth';
import { HttpError, errorHandler } from './http/errors';
import { compressResponses } from './http/compress-responses';
import { checkProtocolVersion } from './http/protocol-version';
import { createRateLimits, type RateLimitOptions, type RateLimits } from './http/rate-limits';
import { sameOriginOnly, securityHeaders } from './http/security-headers';
import { staticApp } from './http/static-app';
import { createLogger, httpLogger, type Logger } from './logger';
import { buildOpenApiDocument } from './openapi';
import { exportsRouter } from './routes/exports';
import { adminRouter } from './routes/admin';
import { authRouter } from './routes/auth';
import { healthRouter } from './routes/health';
import { photosRouter } from './routes/photos';
import { setupRouter } from './routes/setup';
import { pushBodyParser, syncRouter } from './routes/sync';
import type { Storage } from './storage/storage';
import { createLocalNotifier, type Notifier } from './sync/notifier';
import { createPokeStreams, type PokeStreams } from './sync/poke-streams';

export interface AppOptions {
  storage: Storage;
  /** The built PWA; default dist/ under the working directory. */
  appDir?: string;
  logger?: Logger;
  /** Server version, shown by /api/health and the OpenAPI document. */
  version: string;
  /** Largest JSON body accepted (body-parser syntax). */
  jsonLimit?: string | number;
  /** Photo files live under it (<dataDir>/photos, uploads-tmp); main.ts passes config.dataDir. Tests may omit it. */
  dataDir?: string;
  /** Largest photo accepted, in bytes (default 40 MB). */
  photoMaxBytes?: number;
  /** Carries sync pokes between instances; default: in-process (right for one SQLite server). */
  notifier?: Notifier;
  /** The open sync event streams, built on the same notifier; pass it to close them on shutdown. */
  pokeStreams?: PokeStreams;
  /** Limits on setup, pairing, PIN and report calls (sync-server/http/rate-limits.ts). */
  rateLimits?: RateLimitOptions;
}

export function createApp(options: AppOptions): express.Express {
  const { storage, version } = options;
  const appDir = options.appDir ?? resolve(process.cwd(), 'dist');
  const logger = options.logger ?? createLogger();

  const app = express();
  app.disable('x-powered-by');
  app.use(httpLogger(logger));
  // Helmet's headers and a strict CSP on every answer (nosniff included); no cross-origin API calls.
  app.use(securityHeaders());
  app.use('/api', sameOriginOnly);
  app.use(compressResponses());
  const auth = deviceAuth(storage);
  const limits = createRateLimits(options.rateLimits);
  app.use('/api/photos', photosRouter({ dataDir: options.dataDir, maxBytes: options.photoMaxBytes, logger, requireDevice: auth.requireDevice, requireUnlockedPerson: auth.requireUnlockedPerson }));
  const notifier = options.notifier ?? createLocalNotifier();
  const pokeStreams = options.pokeStreams ?? createPokeStreams({ notifier, currentSeq: () => storage.currentSeq() });
  app.use('/api', apiRouter({ storage, version, jsonLimit: options.jsonLimit ?? '1mb', notifier, pokeStreams, auth, limits }));
  app.use(staticApp(appDir));
  app.use((req) => {
    throw new HttpError(404, 'not_found', `Nothing at ${req.path}.`);
  });
  app.use(errorHandler);
  return app;
}

interface ApiOptions {
  storage: Storage;
  version: string;
  jsonLimit: string | number;
  notifier: Notifier;
  pokeStreams: PokeStreams;
  auth: DeviceAuth;
  limits: RateLimits;
}

/** Small bodies: setup and pairing requests are a few hundred bytes. */
const PUBLIC_JSON_LIMIT = '16kb';

function apiRouter(options: ApiOptions): Router {
  const api = Router();
  // Version first: an incompatible app is told to update even when its body would not parse.
  api.use(checkProtocolVersion);
  // Public: what a device may call before it is paired.
  api.use(healthRouter(options));
  api.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApiDocument(options.version));
  });
  api.post(['/setup', '/pair'], express.json({ limit: PUBLIC_JSON_LIMIT }));
  api.use(setupRouter(options));
  // Everything below needs a paired, not revoked, device (ARCHITECTURE.md, "Security"): routers
  // mounted here are covered without asking. The event stream may carry its token as ?token=.
  api.use((req, res, next) => (req.method === 'GET' && req.path === '/sync/events' ? options.auth.requireDeviceOrQueryToken : options.auth.requireDevice)(req, res, next));
  // Push first with its larger limit; the default parser then skips the already-read body.
  api.post('/sync/push', pushBodyParser);
  api.use(express.json({ limit: options.jsonLimit }));
  api.use(syncRouter(options));
  api.use(authRouter(options));
  api.use(adminRouter(options));
  api.use(exportsRouter(options));
  // Later routers (photos, ...) mount here.
  api.use((req) => {
    throw new HttpError(404, 'not_found', `No API route for ${req.method} ${req.baseUrl}${req.path}.`);
  });
  return api;
}
