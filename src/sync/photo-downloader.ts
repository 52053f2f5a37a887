// Brings photo bytes from the server: every missing thumbnail eagerly (the manager's iPad shows
// them in lists), full-size photos on demand (when someone opens one). What arrives is checked
// against its hash before it is stored, and is stored as confirmed (the server holds it), so a
// fetched full-size copy may be evicted again later.
import { PERSON_ID_HEADER, PHOTO_MIME_TYPES, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol/protocol';
import type { LoupeDb } from '../db/loupe-db';
import {
  PhotoHashMismatchError,
  listMissingThumbnails,
  readPhotoBytes,
  storePhotoBytes,
  type PhotoBytesKind,
} from '../db/photo-bytes-repo';
import type { PhotoBytesRecord } from '../db/records';
import { authHeaders } from '../db/device-auth-repo';

export interface PhotoDownloadOptions {
  db: LoupeDb;
  /** The server's origin, e.g. http://loupe.local:8080; '' means this page's origin. */
  baseUrl: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /**
   * The person unlocked on this tablet, or null when it is locked. The server hands photo bytes
   * only to a paired device AND a person (ARCHITECTURE.md, "Security"): a locked tablet fetches none.
   */
  personId: string | null;
}

type FetchOutcome =
  | { ok: true; record: PhotoBytesRecord }
  /** The server does not hold it (yet: the device that took it has not uploaded it). */
  | { ok: false; reason: 'not_found' }
  /** What arrived does not hash to what was asked. */
  | { ok: false; reason: 'damaged' }
  | { ok: false; reason: 'offline' }
  /** Nobody is unlocked on this tablet: photo bytes wait for a person. */
  | { ok: false; reason: 'locked' }
  | { ok: false; reason: 'server_error'; status: number };

export type FetchFullSizeResult = FetchOutcome;

export interface DownloadThumbnailsResult {
  downloaded: number;
  /** Not on the server yet. */
  missing: number;
  failed: number;
  stopped?: 'aborted' | 'offline' | 'locked';
}

const CONCURRENCY = 4;

function photoUrl(baseUrl: string, sha256: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/photos/${sha256}`;
}

const isPhotoMime = (value: string): boolean => (PHOTO_MIME_TYPES as readonly string[]).includes(value);

async function fetchAndStore(options: PhotoDownloadOptions, sha256: string, kind: PhotoBytesKind): Promise<FetchOutcome> {
  if (options.personId === null) return { ok: false, reason: 'locked' };
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  let bytes: ArrayBuffer;
  try {
    response = await fetchFn(photoUrl(options.baseUrl, sha256), {
      headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...(await authHeaders(options.db)), [PERSON_ID_HEADER]: options.personId },
      signal: options.signal,
    });
    if (response.status === 404) return { ok: false, reason: 'not_found' };
    if (!response.ok) return { ok: false, reason: 'server_error', status: response.status };
    bytes = await response.arrayBuffer();
  } catch {
    return { ok: false, reason: 'offline' };
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  try {
    const record = await storePhotoBytes(options.db, {
      sha256,
      type: isPhotoMime(type) ? type : 'application/octet-stream',
      bytes,
      kind,
      uploadedAt: new Date().toISOString(),
    });
    return { ok: true, record };
  } catch (error) {
    if (error instanceof PhotoHashMismatchError) return { ok: false, reason: 'damaged' };
    throw error;
  }
}

/** Fetches, checks and stores every thumbnail that a photo record names and this device lacks. */
export async function downloadMissingThumbnails(options: PhotoDownloadOptions): Promise<DownloadThumbnailsResult> {
  const result: DownloadThumbnailsResult = { downloaded: 0, missing: 0, failed: 0 };
  if (options.personId === null) return { ...result, stopped: 'locked' };
  const queue = await listMissingThumbnails(options.db);
  const worker = async () => {
    for (let sha = queue.shift(); sha !== undefined; sha = queue.shift()) {
      if (options.signal?.aborted) {
        result.stopped = 'aborted';
        return;
      }
      if (result.stopped) return;
      const outcome = await fetchAndStore(options, sha, 'thumb');
      if (outcome.ok) result.downloaded += 1;
      else if (outcome.reason === 'not_found') result.missing += 1;
      else if (outcome.reason === 'offline') result.stopped = options.signal?.aborted ? 'aborted' : 'offline';
      else result.failed += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return result;
}

/** The full-size bytes of one photo: from this device when they are here and sound, else from the server (and kept). */
export async function fetchFullSize(options: PhotoDownloadOptions & { sha: string }): Promise<FetchFullSizeResult> {
  if (!/^[0-9a-f]{64}$/.test(options.sha)) return { ok: false, reason: 'not_found' };
  const local = await readPhotoBytes(options.db, options.sha);
  if (local.ok) return local;
  // Missing (evicted) or damaged here: the server's copy replaces it.
  return fetchAndStore(options, options.sha, 'full');
}
