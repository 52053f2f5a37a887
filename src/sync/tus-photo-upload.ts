// One photo's upload with tus-js-client, the only module that knows that library: our bytes
// handed over in chunks, its URL storage in db.syncState (so a reload resumes), and what its
// errors mean for the photo. src/sync/photo-uploader.ts decides which photos go, and when.
import { Upload, type DetailedError, type HttpResponse } from 'tus-js-client';
import { ErrorBody } from '../protocol/protocol';
import type { LoupeDb } from '../db/loupe-db';
import { findTusUploads, removeTusUpload, saveTusUpload, type StoredTusUpload } from '../db/photo-bytes-repo';

/** The fingerprint tus-js-client stores an unfinished upload under: the photo's hash. */
export const tusFingerprint = (sha256: string): string => `photo:${sha256}`;

/** Hands tus-js-client our bytes in chunks; the same code in the browser (XHR) and in Node (http). */
const bytesReader = {
  async openFile(input: unknown) {
    const bytes = input as Uint8Array;
    return {
      size: bytes.byteLength,
      async slice(start: number, end: number) {
        // Node's http stack sends `size` as Content-Length; XHR sends the view as it is.
        const value = Object.assign(bytes.subarray(start, end), { size: Math.max(0, Math.min(end, bytes.byteLength) - start) });
        return { value, done: end >= bytes.byteLength };
      },
      close() {},
    };
  },
};

/** tus-js-client's URL storage, in db.syncState, so an upload resumes after a reload. */
function dexieUrlStorage(db: LoupeDb) {
  return {
    findAllUploads: () => findTusUploads(db),
    findUploadsByFingerprint: (fingerprint: string) => findTusUploads(db, fingerprint),
    removeUpload: (urlStorageKey: string) => removeTusUpload(db, urlStorageKey),
    addUpload: (fingerprint: string, upload: { size: number | null; metadata: Record<string, string>; creationTime: string; uploadUrl: string | null; parallelUploadUrls: string[] | null }) =>
      saveTusUpload(db, fingerprint, {
        size: upload.size,
        metadata: upload.metadata,
        creationTime: upload.creationTime,
        uploadUrl: upload.uploadUrl,
        parallelUploadUrls: upload.parallelUploadUrls,
      }),
  };
}

export type TusOutcome =
  | { status: 'uploaded' }
  | { status: 'aborted' }
  | { status: 'hash_mismatch'; message: string }
  /** The server refused this upload for good (4xx): too large, bad metadata… */
  | { status: 'rejected'; message: string }
  /** Network or server trouble after tus-js-client's retries: try again on the next run. */
  | { status: 'interrupted'; offline: boolean; message: string };

function errorBodyOf(response: HttpResponse): ErrorBody | undefined {
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(response.getBody()));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function classify(error: Error | DetailedError): TusOutcome {
  const response = 'originalResponse' in error ? error.originalResponse : null;
  if (!response) return { status: 'interrupted', offline: true, message: error.message };
  const status = response.getStatus();
  const body = errorBodyOf(response);
  const message = body?.error.message ?? error.message;
  if (status === 422 && body?.error.code === 'hash_mismatch') return { status: 'hash_mismatch', message };
  // Not paired (any more): nothing wrong with the photo; the sync round sorts the device out.
  if (status === 401 || status === 403) return { status: 'interrupted', offline: false, message };
  if (status >= 400 && status < 500 && status !== 409 && status !== 423) return { status: 'rejected', message };
  return { status: 'interrupted', offline: false, message };
}

export interface TusUploadArgs {
  db: LoupeDb;
  endpoint: string;
  /** This photo's unfinished upload stored by an earlier run, if any. */
  previous: (StoredTusUpload & { urlStorageKey: string }) | undefined;
  sha256: string;
  type: string;
  bytes: Uint8Array;
  chunkSize: number;
  retryDelays: number[];
  signal?: AbortSignal;
  /** The protocol version and the device token. */
  headers: Record<string, string>;
  onProgress: (sent: number, total: number) => void;
}

export function tusUpload(args: TusUploadArgs): Promise<TusOutcome> {
  const { db, endpoint, sha256, signal } = args;
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve({ status: 'aborted' });
    const upload = new Upload(args.bytes as unknown as Blob, {
      endpoint,
      chunkSize: args.chunkSize,
      retryDelays: args.retryDelays,
      metadata: { sha256, type: args.type },
      headers: args.headers,
      fingerprint: async () => tusFingerprint(sha256),
      urlStorage: dexieUrlStorage(db),
      fileReader: bytesReader,
      // Only an upload of several requests can be resumed: see the top of photo-uploader.ts.
      storeFingerprintForResuming: args.bytes.byteLength > args.chunkSize,
      // creation-with-upload: the POST that creates the upload carries the first chunk.
      uploadDataDuringCreation: true,
      removeFingerprintOnSuccess: true,
      onProgress: args.onProgress,
      onSuccess: () => finish({ status: 'uploaded' }),
      onError: (error) => finish(classify(error)),
    });
    const onAbort = () => {
      // Not terminated: the partial upload stays on the server and its URL here, to resume.
      void upload.abort(false);
      finish({ status: 'aborted' });
    };
    function finish(outcome: TusOutcome) {
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    // Resume a stored upload of the same bytes to the same server, if there is one.
    if (args.previous?.uploadUrl?.startsWith(`${endpoint}/`)) upload.resumeFromPreviousUpload(args.previous);
    upload.start();
  });
}
