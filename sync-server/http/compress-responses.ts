// The one module that knows the compression middleware. Sync pages are JSON that gzip shrinks
// about 2.6 times (BENCHMARKS.md, the PouchDB anchor), and the app's scripts and the QR decoder's
// WebAssembly about 3 times: on a workshop's Wi-Fi, a new tablet's first pull and the service
// worker's install are mostly that download.
import type { RequestHandler } from 'express';
import compression from 'compression';

/**
 * gzip (brotli where the browser offers it, which browsers do over HTTPS only) for every answer
 * whose type compresses. Photos are JPEGs, already compressed, and their type says so. The poke
 * stream is left alone because it says `Cache-Control: no-transform` (sync/poke-streams.ts):
 * events must reach the tablet one by one, not when a compression buffer fills.
 */
export function compressResponses(): RequestHandler {
  return compression();
}
