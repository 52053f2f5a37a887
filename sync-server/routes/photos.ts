// Photo bytes, addressed by SHA-256 (mounted at /api/photos):
//   POST|HEAD|PATCH|DELETE /uploads[/<id>]  tus resumable upload (sync-server/photos/tus-uploads.ts)
//   POST /have                              which of these hashes does the server hold?
//   HEAD /<sha256>                          whether the server holds it (device only, like /have)
//   GET /<sha256>                           the bytes, cacheable for ever (a hash never changes); needs
//                                           the device AND the person unlocked on it (x-loupe-person)
// Mounted on the app before the API router, so express.json never sees a tus PATCH body; it
// runs the same protocol-version check itself.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import {
  PHOTO_MAX_BYTES_DEFAULT,
  PHOTO_MIME_TYPES,
  PHOTO_UPLOADS_PATH,
  PhotoHaveRequest,
  PhotoHaveResponse,
  PhotoUploadMetadata,
  Sha256Hex,
} from '../../src/protocol/protocol';
import { HttpError, validate } from '../http/errors';
import { checkProtocolVersion } from '../http/protocol-version';
import type { Logger } from '../logger';
import { errorResponses, openApiRegistry, registerSchema } from '../openapi';
import { createFileBlobStore, type BlobStore } from '../photos/blob-store';
import { jsonErrorsFromTus } from '../photos/tus-json-errors';
import { createPhotoUploads, shaOfUploadId, type PhotoUploads } from '../photos/tus-uploads';

export interface PhotosRouterOptions {
  /**
   * Photos go to <dataDir>/photos, partial uploads to <dataDir>/uploads-tmp. main.ts passes
   * config.dataDir; only tests may leave it out (a fresh temp dir, made on first use).
   */
  dataDir?: string;
  /** Default: files under <dataDir>/photos. Several instances share one store (a shared mount). */
  blobStore?: BlobStore;
  /** Largest photo accepted, in bytes; default PHOTO_MAX_BYTES_DEFAULT (40 MB). */
  maxBytes?: number;
  logger?: Logger;
  /** Refuses callers that are not a paired, not revoked, device (sync-server/auth/device-auth.ts). */
  requireDevice: RequestHandler;
  /** Refuses a photo read that names no active person (x-loupe-person): the tablet must be unlocked. */
  requireUnlockedPerson: RequestHandler;
}

export const PHOTOS_DIR = 'photos';
export const UPLOADS_TMP_DIR = 'uploads-tmp';
/** /have carries at most 500 hashes of 64 characters: 40 kB of JSON is plenty. */
const HAVE_JSON_LIMIT = '64kb';
const IMMUTABLE = 'private, max-age=31536000, immutable';
const TUS_VERSION = '1.0.0';

// ---------------------------------------------------------------- OpenAPI

const PhotoHaveRequestSchema = registerSchema('PhotoHaveRequest', PhotoHaveRequest);
const PhotoHaveResponseSchema = registerSchema('PhotoHaveResponse', PhotoHaveResponse);
const ShaParams = z.object({ sha256: Sha256Hex });

openApiRegistry.registerPath({
  method: 'post',
  path: '/api/photos/have',
  summary: 'Which of these photo hashes the server already holds',
  description: 'A device asks before uploading, and skips the bytes the server has.',
  request: { body: { content: { 'application/json': { schema: PhotoHaveRequestSchema } } } },
  responses: {
    200: { description: 'The asked hashes the server holds.', content: { 'application/json': { schema: PhotoHaveResponseSchema } } },
    ...errorResponses(400, 401, 403, 413, 426),
  },
});

openApiRegistry.registerPath({
  method: 'get',
  path: '/api/photos/{sha256}',
  summary: 'The bytes of one photo (or thumbnail), by SHA-256',
  description: `Needs the device token and x-loupe-person: the active person unlocked on the tablet (401 person_required otherwise). Content-Type is the type it was uploaded with; ETag is the hash; Cache-Control: ${IMMUTABLE}.`,
  request: { params: ShaParams },
  responses: {
    200: { description: 'The bytes.', content: Object.fromEntries(PHOTO_MIME_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) },
    304: { description: 'Not modified (If-None-Match named the hash).' },
    ...errorResponses(400, 401, 403, 404),
  },
});

openApiRegistry.registerPath({
  method: 'head',
  path: '/api/photos/{sha256}',
  summary: 'Whether the server holds a photo, and its size',
  request: { params: ShaParams },
  responses: {
    200: { description: 'Held; Content-Length is its size.' },
    400: { description: 'Not a SHA-256 of 64 lower-case hex digits.' },
    404: { description: 'Not held.' },
  },
});

openApiRegistry.registerPath({
  method: 'post',
  path: PHOTO_UPLOADS_PATH,
  summary: 'Start a resumable photo upload (tus 1.0.0 creation)',
  description:
    'The tus protocol (https://tus.io/protocols/resumable-upload): Upload-Length is required, Upload-Metadata carries ' +
    `sha256 (64 lower-case hex) and type (${PHOTO_MIME_TYPES.join(', ')}). Then HEAD and PATCH the Location answered. ` +
    'When the last byte arrives the server hashes the file: a mismatch answers 422 with code hash_mismatch and keeps nothing.',
  responses: {
    201: { description: 'Created; Location is the upload URL.' },
    ...errorResponses(400, 401, 403, 413, 426),
    422: { description: 'hash_mismatch (on the request that completes the upload).' },
  },
});

// ---------------------------------------------------------------- helpers

function fallbackDataDir(): () => string {
  const underTest = process.env.VITEST !== undefined || process.env.NODE_ENV === 'test';
  if (!underTest) throw new Error('The photo routes need a data directory (main.ts passes config.dataDir).');
  return () => join(tmpdir(), `loupe-photos-${randomBytes(6).toString('hex')}`);
}

/** tus Upload-Metadata: "key base64value,key2 base64value2"; undefined when malformed. */
export function parseTusMetadata(header: string | undefined): Record<string, string> | undefined {
  if (header === undefined || header.trim() === '') return {};
  const out: Record<string, string> = {};
  for (const pair of header.split(',')) {
    const [key, value, ...rest] = pair.trim().split(' ');
    if (!key || rest.length > 0 || Object.hasOwn(out, key)) return undefined;
    if (value !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return undefined;
    out[key] = value === undefined ? '' : Buffer.from(value, 'base64').toString('utf8');
  }
  return out;
}

/** The :sha256 of a photo URL; a wildcard so that "a/../b" is refused as a bad hash, not routed elsewhere. */
function shaParam(req: Request): string {
  const raw: unknown = req.params.sha256;
  const value = Array.isArray(raw) ? raw.join('/') : String(raw);
  return validate(ShaParams, { sha256: value }).sha256;
}

// ---------------------------------------------------------------- router

export function photosRouter(options: PhotosRouterOptions): Router {
  const maxBytes = options.maxBytes ?? PHOTO_MAX_BYTES_DEFAULT;
  const makeTempDir = options.dataDir === undefined ? fallbackDataDir() : undefined;

  let parts: { blobStore: BlobStore; uploads: PhotoUploads } | undefined;
  const build = (dataDir: string) => {
    const uploadsDir = join(dataDir, UPLOADS_TMP_DIR);
    // Made here, synchronously, so that an unwritable data dir stops the start, not a later request.
    mkdirSync(uploadsDir, { recursive: true });
    const blobStore = options.blobStore ?? createFileBlobStore(join(dataDir, PHOTOS_DIR));
    return { blobStore, uploads: createPhotoUploads({ uploadsDir, blobStore, maxBytes, logger: options.logger }) };
  };
  if (options.dataDir !== undefined) parts = build(options.dataDir);
  const get = () => (parts ??= build(makeTempDir!()));

  const router = Router();
  router.use(checkProtocolVersion);
  // Every photo read and write needs a paired device: photos are the workshop's evidence.
  router.use(options.requireDevice);

  // -- tus: checked here first so that a bad request gets our JSON error, then handed to tus.
  const createChecks: RequestHandler = (req, _res, next) => {
    const length = req.get('upload-length');
    if (req.get('upload-defer-length') !== undefined || length === undefined || !/^\d{1,15}$/.test(length) || Number(length) === 0) {
      throw new HttpError(400, 'validation_failed', 'A photo upload must declare its Upload-Length (more than 0 bytes).');
    }
    if (Number(length) > maxBytes) {
      throw new HttpError(413, 'payload_too_large', `A photo may be at most ${maxBytes} bytes; this one is ${length}.`);
    }
    const metadata = parseTusMetadata(req.get('upload-metadata'));
    if (metadata === undefined) throw new HttpError(400, 'validation_failed', 'Upload-Metadata is malformed.');
    validate(PhotoUploadMetadata, metadata);
    next();
  };

  // An upload that finished and moved into the store has no partial file any more: a device that
  // lost the last acknowledgement and asks again is told "complete" rather than starting over.
  const headOfFinished: RequestHandler = async (req, res, next) => {
    const id = String(req.params.id);
    const sha = shaOfUploadId(id);
    const { uploads, blobStore } = get();
    if (sha === undefined || (await uploads.hasPartial(id))) return next();
    const size = await blobStore.size(sha);
    if (size === undefined) return next();
    res.set({ 'Tus-Resumable': TUS_VERSION, 'Upload-Offset': String(size), 'Upload-Length': String(size), 'Cache-Control': 'no-store' });
    res.status(200).end();
  };

  const tus: RequestHandler = async (req, res, next) => {
    // GET on an upload is not part of what we serve.
    if (req.method === 'GET') return next();
    // tus reads upload ids from, and builds Locations with, the full path.
    req.url = req.originalUrl;
    // tus's own plain-text refusals leave as our JSON error shape, like every other API answer.
    jsonErrorsFromTus(res, req.method);
    await get().uploads.server.handle(req, res);
  };

  router.post('/uploads', createChecks);
  router.head('/uploads/:id', headOfFinished);
  router.all(['/uploads', '/uploads/:id'], tus);

  // -- which of these does the server hold?
  router.post('/have', express.json({ limit: HAVE_JSON_LIMIT }), async (req, res) => {
    const { sha256 } = validate(PhotoHaveRequest, req.body);
    const unique = [...new Set(sha256)];
    const { blobStore } = get();
    const held = await Promise.all(unique.map((sha) => blobStore.has(sha)));
    const body: PhotoHaveResponse = { have: unique.filter((_, i) => held[i]) };
    res.json(body);
  });

  // -- the bytes
  const serveBlob = async (req: Request, res: Response) => {
    const sha = shaParam(req);
    const { blobStore } = get();
    const info = await blobStore.stat(sha);
    if (!info) throw new HttpError(404, 'not_found', `No photo with SHA-256 ${sha} on this server.`);
    res.set({
      'Content-Type': info.type,
      'Content-Length': String(info.size),
      'Cache-Control': IMMUTABLE,
      ETag: `"${sha}"`,
    });
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    if (req.method === 'HEAD') {
      res.status(200).end();
      return;
    }
    try {
      await pipeline(blobStore.createReadStream(sha), res);
    } catch (err) {
      // The client went away mid-download (a page closed, or it had all Content-Length bytes and
      // hung up before our end()): nothing to answer and nothing wrong.
      if ((err as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      // Headers are out and pipeline destroyed the response: log it here, the client sees a cut.
      req.log.error({ err, sha256: sha }, 'photo read failed');
    }
  };
  // Existence (HEAD, like /have) is the uploader's question and needs the device only; the bytes are
  // shown to a person, so a read also needs the person working at the tablet. The id is checked
  // first: a hostile path is refused the same way whoever asks.
  const checkedSha: RequestHandler = (req, _res, next) => {
    shaParam(req);
    next();
  };
  router.head('/*sha256', serveBlob);
  router.get('/*sha256', checkedSha, options.requireUnlockedPerson, serveBlob);

  return router;
}
