// Refuses requests from an app speaking another major version of the wire protocol, before any
// handler can misread them. The answer is 426 so the app can tell "update me" from other errors.
import type { RequestHandler } from 'express';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/protocol/protocol';
import { HttpError } from './errors';

/** Paths (relative to /api) an app of any version may call: how it finds out it is outdated. */
const EXEMPT_PATHS = new Set(['/health', '/openapi.json']);

export function parseProtocolMajor(header: string): number | undefined {
  const match = /^\s*(\d+)(?:\.\d+)*\s*$/.exec(header);
  return match ? Number(match[1]) : undefined;
}

export const checkProtocolVersion: RequestHandler = (req, res, next) => {
  // Every answer says which version this server speaks.
  res.setHeader(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
  if (EXEMPT_PATHS.has(req.path)) return next();
  const header = req.get(PROTOCOL_HEADER);
  // A missing header is accepted for now; once every client sends it this becomes a 426 too.
  if (header === undefined) return next();
  const major = parseProtocolMajor(header);
  if (major === undefined) {
    throw new HttpError(400, 'bad_request', `The ${PROTOCOL_HEADER} header must be a version number like ${PROTOCOL_VERSION}.`);
  }
  if (major !== PROTOCOL_VERSION) {
    // The server serves the app, so an older app is the usual case; a newer one means the server
    // was rolled back under a cached app.
    const fix = major < PROTOCOL_VERSION ? 'the app needs updating: reload it' : 'the server needs updating: tell the admin';
    throw new HttpError(426, 'protocol_mismatch', `This app speaks protocol version ${major}, the server ${PROTOCOL_VERSION}: ${fix}.`);
  }
  next();
};
