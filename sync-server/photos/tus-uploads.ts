// Resumable photo uploads with the tus protocol (@tus/server over @tus/file-store). Partial files
// live in <dataDir>/uploads-tmp under ids the server makes (<sha256>-<random>), never under a
// name or path from the client. When the last byte arrives the upload's SHA-256 is checked: a
// mismatch is deleted and answered 422 hash_mismatch; a match moves into the blob store.
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { ERRORS, Server, type Upload } from '@tus/server';
import type { ErrorBody, ErrorCode } from '../../src/protocol/protocol';
import { PHOTO_MIME_TYPES, PHOTO_UPLOADS_PATH } from '../../src/protocol/protocol';
import type { Logger } from '../logger';
import { isSha256Hex, type BlobStore } from './blob-store';

/** An upload id: the photo's hash, a dash, 16 random hex digits. */
const UPLOAD_ID = /^([0-9a-f]{64})-[0-9a-f]{16}$/;

export function shaOfUploadId(id: string): string | undefined {
  return UPLOAD_ID.exec(id)?.[1];
}

export interface PhotoUploadsOptions {
  /** Where partial uploads live (<dataDir>/uploads-tmp). */
  uploadsDir: string;
  blobStore: BlobStore;
  /** Largest photo accepted, in bytes. */
  maxBytes: number;
  logger?: Logger;
}

/** tus hooks fail by throwing (or returning) { status_code, body }; the body is our ErrorBody. */
export interface TusFailure {
  status_code: number;
  body: string;
}

export function errorJson(code: ErrorCode, message: string): string {
  const body: ErrorBody = { error: { code, message } };
  return JSON.stringify(body);
}

function tusFailure(status: number, code: ErrorCode, message: string): TusFailure {
  return { status_code: status, body: errorJson(code, message) };
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

const isPhotoMime = (value: unknown): value is (typeof PHOTO_MIME_TYPES)[number] =>
  typeof value === 'string' && (PHOTO_MIME_TYPES as readonly string[]).includes(value);

/** Running hashes kept at most: one per upload in progress; an abandoned one is dropped first. */
const MAX_RUNNING_HASHES = 1_000;

/** Received bytes are gathered up to this size before they go to the file: few large writes. */
const WRITE_BATCH_BYTES = 1024 * 1024;

/**
 * A FileStore that hashes the bytes on their way to the file, so that a finished upload is not
 * read back from the disk to be checked. The running hash follows an upload written from its
 * first byte on, request after request, in this process; an upload resumed after a restart (or
 * after a failed write) has none, and is hashed from its file instead (sha256OfFile).
 *
 * write() replaces FileStore's (a Transform and a WriteStream per request, one write per network
 * chunk of about 64 KB): it reads the request's chunks, hashes them, and writes them in batches
 * of up to 1 MB while the next batch arrives. The server then spends much less time per photo
 * (BENCHMARKS.md, "Photo upload"). What it returns and leaves on the disk is what FileStore's
 * write did: every byte received is in the file when it returns, even when the request broke off,
 * so that the file's size is the offset a client resumes from.
 */
class HashingFileStore extends FileStore {
  private readonly running = new Map<string, { hash: Hash; bytes: number }>();

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const earlier = this.running.get(id);
    this.running.delete(id);
    // No running hash for bytes that do not follow on from it: the finished file is read instead.
    const state = offset === 0 ? { hash: createHash('sha256'), bytes: 0 } : earlier?.bytes === offset ? earlier : undefined;
    // Ids are checked before tus calls here; checked again as FileStore's own path check is skipped.
    if (!UPLOAD_ID.test(id)) throw ERRORS.FILE_NOT_FOUND;
    let file: FileHandle;
    try {
      file = await open(join(this.directory, id), 'r+');
    } catch {
      throw ERRORS.FILE_WRITE_ERROR;
    }
    let position = offset;
    let batch: Uint8Array[] = [];
    let batchBytes = 0;
    let writing: Promise<unknown> = Promise.resolve();
    // Hands the gathered chunks to the file, after the write before (one in flight at a time).
    const flush = async (): Promise<void> => {
      await writing;
      if (batchBytes === 0) return;
      const [chunks, at, length] = [batch, position, batchBytes];
      writing = file.writev(chunks, at).then(({ bytesWritten }) => {
        if (bytesWritten !== length) throw new Error(`wrote ${bytesWritten} of ${length} bytes`);
      });
      position += length;
      batch = [];
      batchBytes = 0;
    };
    let failed = false;
    try {
      try {
        for await (const chunk of readable as AsyncIterable<Uint8Array>) {
          state?.hash.update(chunk);
          if (state) state.bytes += chunk.byteLength;
          batch.push(chunk);
          batchBytes += chunk.byteLength;
          if (batchBytes >= WRITE_BATCH_BYTES) await flush();
        }
      } catch {
        // The request broke off: what arrived is still written below, and the client resumes after it.
        failed = true;
      }
      await flush();
      await writing;
    } catch {
      // The disk refused: the file's size, read by the next request, says what is in it.
      failed = true;
    } finally {
      await file.close().catch(() => {});
    }
    if (failed) throw ERRORS.FILE_WRITE_ERROR;
    if (state) {
      if (this.running.size >= MAX_RUNNING_HASHES) this.running.delete(this.running.keys().next().value!);
      this.running.set(id, state);
    }
    return position;
  }

  /** The SHA-256 of the upload's bytes if they were all hashed on the way in; once only. */
  takeDigest(id: string, size: number | undefined): string | undefined {
    const state = this.running.get(id);
    this.running.delete(id);
    return state !== undefined && state.bytes === size ? state.hash.digest('hex') : undefined;
  }

  override async remove(id: string): Promise<void> {
    this.running.delete(id);
    await super.remove(id);
  }
}

export interface PhotoUploads {
  server: Server;
  /** Whether a partial (unfinished) upload with this id is still on disk. */
  hasPartial(id: string): Promise<boolean>;
}

function isTusFailure(err: unknown): err is TusFailure {
  return typeof err === 'object' && err !== null && typeof (err as TusFailure).status_code === 'number';
}

export function createPhotoUploads({ uploadsDir, blobStore, maxBytes, logger }: PhotoUploadsOptions): PhotoUploads {
  const datastore = new HashingFileStore({ directory: uploadsDir });

  const server = new Server({
    path: PHOTO_UPLOADS_PATH,
    datastore,
    maxSize: maxBytes,
    // Location: /api/photos/uploads/<id>; the client resolves it against the endpoint, so it
    // stays right behind a proxy that rewrites the host.
    relativeLocation: true,
    // The app is served from this server's own origin; like the rest of the API, no CORS
    // (tus would otherwise answer Access-Control-Allow-Origin: * to everyone).
    allowedOrigins: [],
    // The checks below repeat the router's (which answer first, with JSON content type): the
    // hooks are the last line before the disk whatever the router does.
    namingFunction: (_req, metadata) => {
      const sha = metadata?.sha256;
      if (!isSha256Hex(sha)) {
        throw tusFailure(400, 'validation_failed', 'Upload-Metadata must carry sha256: 64 lower-case hex digits.');
      }
      return `${sha}-${randomBytes(8).toString('hex')}`;
    },
    getFileIdFromRequest: (_req, lastPath) => (lastPath !== undefined && UPLOAD_ID.test(lastPath) ? lastPath : undefined),
    onUploadCreate: async (_req, upload: Upload) => {
      const { sha256, type } = upload.metadata ?? {};
      if (!isPhotoMime(type)) {
        throw tusFailure(400, 'validation_failed', `Upload-Metadata must carry type: one of ${PHOTO_MIME_TYPES.join(', ')}.`);
      }
      if (upload.size === undefined || upload.size <= 0) {
        throw tusFailure(400, 'validation_failed', 'A photo upload must declare its Upload-Length (more than 0 bytes).');
      }
      // Only what we use is kept with the upload.
      return { metadata: { sha256: sha256 ?? null, type } };
    },
    onUploadFinish: async (_req, upload: Upload) => {
      const sha = upload.metadata?.sha256;
      const type = upload.metadata?.type;
      const path = join(uploadsDir, upload.id);
      if (!isSha256Hex(sha) || !isPhotoMime(type)) {
        await datastore.remove(upload.id).catch(() => {});
        throw tusFailure(400, 'validation_failed', 'The upload lost its metadata; start it again.');
      }
      const actual = datastore.takeDigest(upload.id, upload.size) ?? (await sha256OfFile(path));
      if (actual !== sha) {
        await datastore.remove(upload.id).catch(() => {});
        // Returned rather than thrown so that the answer can say it is JSON; tus-js-client sees
        // a 4xx, does not retry, and hands the response to onError.
        return {
          ...tusFailure(422, 'hash_mismatch', `The bytes received hash to ${actual}, not to ${sha}: nothing was stored.`),
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
        };
      }
      await blobStore.put(sha, path, type);
      // The bytes moved away; the upload's .json info goes too.
      await datastore.configstore.delete(upload.id).catch(() => {});
      return {};
    },
    // tus answers an unexpected error with its message (which may name server paths): log it,
    // answer our generic 500 instead.
    onResponseError: (_req, err) => {
      if (isTusFailure(err)) {
        // tus's own answers (a dropped connection is a 500 "receiving the file"): the client retries.
        if (err.status_code >= 500) logger?.warn({ status: err.status_code, tus: err.body.trim() }, 'photo upload interrupted');
        return undefined;
      }
      logger?.error({ err }, 'photo upload failed on the server');
      return tusFailure(500, 'internal', 'Something went wrong on the server. It has been logged.');
    },
  });

  return {
    server,
    async hasPartial(id) {
      if (!UPLOAD_ID.test(id)) return false;
      try {
        return (await stat(join(uploadsDir, id))).isFile();
      } catch {
        return false;
      }
    },
  };
}

/** A partial upload untouched for this long is abandoned (its photo deleted, its tablet replaced). */
export const ABANDONED_UPLOAD_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Removes the partial uploads in uploadsDir (each a file and its .json info) that nobody wrote to
 * for olderThanMs; returns how many. A device that comes back for one later is told 404 and
 * tus-js-client starts that photo again from its first byte. Files that are not uploads stay.
 */
export async function sweepAbandonedUploads(uploadsDir: string, { olderThanMs = ABANDONED_UPLOAD_MS, now = Date.now() } = {}): Promise<number> {
  const lastWritten = new Map<string, number>();
  for (const name of await readdir(uploadsDir)) {
    const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : name;
    if (!UPLOAD_ID.test(id)) continue;
    const written = await stat(join(uploadsDir, name)).then(
      (info) => info.mtimeMs,
      () => undefined,
    );
    if (written !== undefined) lastWritten.set(id, Math.max(written, lastWritten.get(id) ?? 0));
  }
  let removed = 0;
  for (const [id, written] of lastWritten) {
    if (now - written < olderThanMs) continue;
    await Promise.all([id, `${id}.json`].map((name) => unlink(join(uploadsDir, name)).catch(() => {})));
    removed += 1;
  }
  return removed;
}
