// Browser-facing hardening for every answer: helmet's headers with a strict Content Security
// Policy that still lets the app, its service worker and its photo worker run, and a refusal of
// API calls made from another web origin (no CORS: Loupe's API serves only the app it ships).
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { HttpError } from './errors';

/**
 * The CSP: only our own scripts (no inline script, no eval; WebAssembly compiled from our own
 * files, for the QR decoder: 'wasm-unsafe-eval', which allows no JavaScript eval), workers from
 * our origin or blob:, images from our origin, blob: (photos read from IndexedDB) and data: (QR
 * codes), network calls to our origin only. Inline style *attributes* are allowed (React, uPlot
 * and the QR scanner set element styles); inline <style> and style sheets from elsewhere are not.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  workerSrc: ["'self'", 'blob:'],
  imgSrc: ["'self'", 'blob:', 'data:'],
  mediaSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  styleSrc: ["'self'"],
  styleSrcAttr: ["'unsafe-inline'"],
  fontSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // A workshop LAN server often speaks plain HTTP: upgrading every request to HTTPS would break it.
    // HSTS is still sent; browsers honour it only over HTTPS (behind a TLS proxy).
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * Browsers send Origin on cross-origin requests (and on same-origin POSTs). One that names another
 * host is refused before any handler runs: with no CORS headers the caller could not read the
 * answer anyway, but a write must not even happen.
 */
export const sameOriginOnly: RequestHandler = (req, _res, next) => {
  const origin = req.get('origin');
  if (origin === undefined || origin === 'null') {
    if (origin === 'null') throw new HttpError(403, 'cross_origin', 'Requests from an opaque origin are refused.');
    return next();
  }
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new HttpError(403, 'cross_origin', 'The Origin header is not a URL.');
  }
  const forwarded = req.get('x-forwarded-host');
  const own = req.app.get('trust proxy') && forwarded ? forwarded.split(',')[0]!.trim() : req.get('host');
  if (host !== own) throw new HttpError(403, 'cross_origin', 'This API answers only the Loupe app served from this server.');
  next();
};
