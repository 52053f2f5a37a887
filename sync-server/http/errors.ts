// Every failure leaves the server as { error: { code, message } } (protocol ErrorBody) with the
// matching HTTP status. Routes throw HttpError (or let a promise reject: Express 5 forwards it);
// errorHandler turns whatever arrives into that shape and keeps stacks in the log only.
import type { ErrorRequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { ErrorBody, ErrorCode } from '../../src/protocol/protocol';

type FieldError = NonNullable<ErrorBody['error']['fields']>[number];
type ErrorDetails = NonNullable<ErrorBody['error']['details']>;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    /** Machine-readable facts the client recovers with, e.g. { lastAppliedSeq } for sequence_gap. */
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Most field errors one answer lists. */
export const MAX_FIELD_ERRORS = 20;

/**
 * Parses client input with a protocol schema; a mismatch is the client's fault (400 with the
 * failing paths). Server-side parses of trusted data should call schema.parse directly, so that a
 * mismatch there surfaces as a 500, not as a misleading 400.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  // A hostile or broken batch can fail in thousands of places: the first few say what is wrong.
  const fields = issues.slice(0, MAX_FIELD_ERRORS).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const more = issues.length - fields.length;
  const message = more > 0 ? `The request is not valid (${more} more problems not listed).` : 'The request is not valid.';
  throw new HttpError(400, 'validation_failed', message, fields);
}

export const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  426: 'protocol_mismatch',
  429: 'rate_limited',
  503: 'unavailable',
};

// Errors raised by Express's own parts (body-parser, send, router) are http-errors objects:
// a numeric status, a `type` for body-parser, and `expose` when the message is safe to show.
interface LibraryHttpError {
  status: number;
  type?: string;
  expose?: boolean;
  message: string;
}

function isLibraryHttpError(err: unknown): err is LibraryHttpError {
  if (typeof err !== 'object' || err === null) return false;
  const status = (err as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

const BODY_PARSER_MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'encoding.unsupported': 'The request body encoding is not supported.',
  'charset.unsupported': 'The request body charset is not supported.',
  'request.aborted': 'The request was aborted before its body arrived.',
};

/** Maps any thrown value to an HttpError; undefined means "unexpected": a 500. */
export function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  if (!isLibraryHttpError(err)) return undefined;
  const code = CODE_BY_STATUS[err.status] ?? 'bad_request';
  const known = err.type ? BODY_PARSER_MESSAGES[err.type] : undefined;
  const message = known ?? (err.expose ? err.message : 'The request could not be processed.');
  return new HttpError(err.status, code, message);
}

export function sendError(res: Response, err: HttpError): void {
  const body: ErrorBody = { error: { code: err.code, message: err.message } };
  if (err.fields) body.error.fields = err.fields;
  if (err.details) body.error.details = err.details;
  res.status(err.status).json(body);
}

export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  // Too late to send a JSON body: let Express abort the connection.
  if (res.headersSent) return next(err);
  const known = toHttpError(err);
  if (known && known.status < 500) return sendError(res, known);
  // Server-side failures: pino-http logs res.err (with its stack) on the request's own log line.
  // req.log is absent only in an app assembled without pino-http; the stack must not be lost there.
  res.err = err instanceof Error ? err : new Error(String(err));
  if ((req.log as typeof req.log | undefined) === undefined) console.error('unexpected error', err);
  sendError(res, known ?? new HttpError(500, 'internal', 'Something went wrong on the server. It has been logged.'));
};
