// Uploads the photo bytes the server does not hold yet. Bytes travel apart from the sync outbox,
// addressed by SHA-256, so every step can be retried without harm:
//   1. ask POST /api/photos/have in batches and mark what the server already holds;
//   2. upload the rest with tus, three at a time (one photo's hashing and fsync on the server
//      overlap another's bytes on the wire), the first chunk already in the creating POST, in
//      chunks of 4 MB (most photos travel in that one request). A photo of several chunks keeps
//      its upload URL in db.syncState under its hash, so a reload or a dropped connection resumes
//      from the server's offset instead of starting again; a photo of one request has nothing
//      to resume (its URL arrives with the answer that completes it), so nothing is written;
//   3. mark each upload the server accepted (it checked the hash before answering). The marks are
//      written together, at most once a second and when the run ends: a transaction per photo cost
//      the tablet about as much as reading the photo (BENCHMARKS.md, "Photo upload"). A mark lost
//      to a closed page costs nothing: the next run's step 1 finds the photo on the server.
// The bytes are sent as read, not hashed here first: the server hashes what it receives and
// refuses a mismatch (422 hash_mismatch), and only then does the device hash its copy, to tell
// bytes damaged here ('damaged') from bytes changed on the way. Either is recorded in syncState
// 'photoErrors' and the others go on.
import {
  PHOTO_HAVE_MAX,
  PHOTO_UPLOADS_PATH,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PhotoHaveResponse,
} from '../protocol/protocol';
import type { LoupeDb } from '../db/loupe-db';
import { authHeaders } from '../db/device-auth-repo';
import {
  TUS_UPLOAD_PREFIX,
  findTusUploads,
  listUnuploaded,
  markUploaded,
  readPhotoBytes,
  readPhotoBytesUnchecked,
  recordPhotoError,
  removeTusUpload,
  type PhotoBytesKind,
} from '../db/photo-bytes-repo';
import { tusFingerprint, tusUpload } from './tus-photo-upload';

/**
 * At most this much per request. A dropped request costs at most one chunk again; larger chunks
 * were faster here (BENCHMARKS.md, "Photo upload"). A reverse proxy in front of the server must
 * accept bodies of this size (nginx: client_max_body_size 5m).
 */
export const PHOTO_CHUNK_SIZE = 4 * 1024 * 1024;
/** Photos in flight at once. */
export const PHOTO_UPLOAD_CONCURRENCY = 3;
/** Confirmations wait at most this long to be written, together with those that arrive meanwhile. */
export const PHOTO_CONFIRM_EVERY_MS = 1_000;
/** tus-js-client's retries within one upload (ms); after them the upload waits for the next sync. */
export const PHOTO_RETRY_DELAYS = [0, 1_000, 3_000, 10_000];

export interface PhotoUploadProgress {
  sha256: string;
  kind: PhotoBytesKind;
  bytesSent: number;
  bytesTotal: number;
  /** This photo's place among the uploads of this run (1-based) and how many there are. */
  index: number;
  count: number;
}

export interface UploadPendingPhotosOptions {
  db: LoupeDb;
  /** The server's origin, e.g. http://loupe.local:8080; '' means this page's origin. */
  baseUrl: string;
  fetch?: typeof fetch;
  onProgress?: (progress: PhotoUploadProgress) => void;
  /** Stops between chunks; the upload resumes from the server's offset on the next run. */
  signal?: AbortSignal;
  chunkSize?: number;
  retryDelays?: number[];
  concurrency?: number;
  /** Default PHOTO_CONFIRM_EVERY_MS. */
  confirmEveryMs?: number;
}

export interface UploadPendingPhotosResult {
  /** Sent and accepted in this run. */
  uploaded: number;
  /** Already on the server (another device sent them, or a lost acknowledgement): not sent. */
  skipped: number;
  /** Damaged here, refused by the server, or interrupted by an error. */
  failed: number;
  /** Set when the run ended early; what is left is picked up by the next run. */
  stopped?: 'aborted' | 'offline' | 'server_error';
}

// ---------------------------------------------------------------- helpers

/** Absolute: tus-js-client resolves upload URLs against its endpoint. */
function originOf(baseUrl: string): string {
  if (baseUrl) return baseUrl.replace(/\/+$/, '');
  const origin = (globalThis as { location?: Location }).location?.origin;
  if (!origin) throw new Error('baseUrl is required outside a browser page.');
  return origin;
}

const protocolHeaders = (): Record<string, string> => ({ [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) });

type HaveOutcome = { ok: true; have: string[] } | { ok: false; stopped: 'offline' | 'server_error' };

async function askHave(fetchFn: typeof fetch, origin: string, shas: string[], headers: Record<string, string>, signal?: AbortSignal): Promise<HaveOutcome> {
  const have: string[] = [];
  for (let start = 0; start < shas.length; start += PHOTO_HAVE_MAX) {
    let response: Response;
    try {
      response = await fetchFn(`${origin}/api/photos/have`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ sha256: shas.slice(start, start + PHOTO_HAVE_MAX) }),
        signal,
      });
    } catch {
      return { ok: false, stopped: 'offline' };
    }
    if (!response.ok) return { ok: false, stopped: 'server_error' };
    const parsed = PhotoHaveResponse.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) return { ok: false, stopped: 'server_error' };
    have.push(...parsed.data.have);
  }
  return { ok: true, have };
}

/**
 * The server's confirmations, written to db.photoUploads in batches: the first when a second has
 * passed since the run started, then at most once a second, and the rest by drain() at the end.
 * One write at a time, in the order the confirmations came.
 */
function confirmationBatches(db: LoupeDb, everyMs: number) {
  let waiting: string[] = [];
  let writing: Promise<unknown> = Promise.resolve();
  let lastWrite = Date.now();
  let failure: unknown;
  const write = () => {
    const batch = waiting;
    waiting = [];
    lastWrite = Date.now();
    writing = writing.then(() => markUploaded(db, batch)).catch((error: unknown) => {
      failure ??= error;
    });
  };
  return {
    add(sha256: string) {
      waiting.push(sha256);
      if (Date.now() - lastWrite >= everyMs) write();
    },
    /** Writes what is waiting and waits for every write; throws the first write's error. */
    async drain() {
      if (waiting.length > 0) write();
      await writing;
      if (failure !== undefined) throw failure;
    },
  };
}

// ---------------------------------------------------------------- the run

export async function uploadPendingPhotos(options: UploadPendingPhotosOptions): Promise<UploadPendingPhotosResult> {
  const { db, signal } = options;
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const origin = originOf(options.baseUrl);
  const result: UploadPendingPhotosResult = { uploaded: 0, skipped: 0, failed: 0 };

  const headers = { ...protocolHeaders(), ...(await authHeaders(db)) };
  const pending = await listUnuploaded(db);
  if (pending.length === 0) return result;
  if (signal?.aborted) return { ...result, stopped: 'aborted' };

  const asked = await askHave(fetchFn, origin, pending.map((p) => p.sha256), headers, signal);
  if (!asked.ok) return { ...result, stopped: signal?.aborted ? 'aborted' : asked.stopped };
  const held = new Set(asked.have);
  if (held.size > 0) {
    await markUploaded(db, [...held]);
    result.skipped = held.size;
  }

  const toSend = pending.filter((p) => !held.has(p.sha256));
  // The unfinished uploads of earlier runs, read once rather than once per photo.
  const unfinished = new Map((await findTusUploads(db)).map((u) => [u.urlStorageKey, u]));
  const endpoint = `${origin}${PHOTO_UPLOADS_PATH}`;
  const confirmations = confirmationBatches(db, options.confirmEveryMs ?? PHOTO_CONFIRM_EVERY_MS);
  let next = 0;
  let stopped: UploadPendingPhotosResult['stopped'];
  // Each lane takes the next photo until none is left or one of them has to stop the run; the
  // photos already in flight then finish (or stop) on their own.
  const lane = async () => {
    while (stopped === undefined && next < toSend.length) {
      if (signal?.aborted) {
        stopped = 'aborted';
        return;
      }
      const i = next++;
      const stop = await uploadOne(toSend[i]!, i);
      if (stop) stopped ??= stop;
    }
  };
  const uploadOne = async (item: (typeof toSend)[number], i: number): Promise<UploadPendingPhotosResult['stopped']> => {
    const read = await readPhotoBytesUnchecked(db, item.sha256);
    if (!read.ok) {
      // Gone meanwhile (evicted or deleted): nothing to send. Not bytes at all: nothing to send either.
      if (read.reason === 'damaged') {
        await recordPhotoError(db, item.sha256, { code: 'damaged', message: 'What is stored under this hash is not photo bytes.' });
        result.failed += 1;
      }
      return undefined;
    }
    const { record } = read;
    const urlStorageKey = `${TUS_UPLOAD_PREFIX}${tusFingerprint(item.sha256)}`;
    const outcome = await tusUpload({
      db,
      endpoint,
      previous: unfinished.get(urlStorageKey),
      sha256: item.sha256,
      type: record.type,
      bytes: new Uint8Array(record.bytes),
      chunkSize: options.chunkSize ?? PHOTO_CHUNK_SIZE,
      retryDelays: options.retryDelays ?? PHOTO_RETRY_DELAYS,
      signal,
      headers,
      onProgress: (bytesSent, bytesTotal) =>
        options.onProgress?.({ sha256: item.sha256, kind: item.kind, bytesSent, bytesTotal, index: i + 1, count: toSend.length }),
    });
    switch (outcome.status) {
      case 'uploaded':
        confirmations.add(item.sha256);
        result.uploaded += 1;
        return undefined;
      case 'aborted':
        return 'aborted';
      case 'hash_mismatch':
      case 'rejected': {
        // The server kept nothing: start from scratch next time.
        await removeTusUpload(db, urlStorageKey);
        // Refused for its hash: were the bytes damaged here, or on the way?
        const here = outcome.status === 'hash_mismatch' ? await readPhotoBytes(db, item.sha256) : undefined;
        const error =
          here && !here.ok && here.reason === 'damaged'
            ? { code: 'damaged' as const, message: `The stored bytes hash to ${here.actualSha256 || 'nothing'}, not to their key.` }
            : { code: outcome.status, message: outcome.message };
        await recordPhotoError(db, item.sha256, error);
        result.failed += 1;
        return undefined;
      }
      case 'interrupted':
        // The upload URL stays stored: the next run resumes from the server's offset.
        result.failed += 1;
        return outcome.offline ? 'offline' : 'server_error';
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? PHOTO_UPLOAD_CONCURRENCY, toSend.length));
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    await confirmations.drain();
  }
  return stopped ? { ...result, stopped } : result;
}
