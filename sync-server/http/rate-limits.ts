// Rate limits on the endpoints where guessing could pay: setup, pairing codes, PIN checks, and
// the devices' security reports. Per client address, in memory (each instance counts its own:
// behind a load balancer, set Express's "trust proxy" so req.ip is the tablet, not the balancer).
// A refusal is our usual JSON error, 429 rate_limited, with RateLimit headers saying when to retry.
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from './errors';

export interface RateLimitOptions {
  /** The window every limit below counts in (default 15 minutes). */
  windowMs?: number;
  /** Setup attempts per address and window (default 10). */
  setup?: number;
  /** Pairing attempts per address and window (default 20). */
  pairing?: number;
  /** Server-side PIN checks per address and window (default 30); each person also has a lockout. */
  pin?: number;
  /** Security report batches per address and window (default 300). */
  reports?: number;
}

export interface RateLimits {
  setup: RequestHandler;
  pairing: RequestHandler;
  pin: RequestHandler;
  reports: RequestHandler;
}

function limiter(limit: number, windowMs: number, what: string): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // A proxy's X-Forwarded-For is not trusted unless the operator says so (trust proxy).
    validate: { xForwardedForHeader: false },
    handler: (_req, _res, next) => next(new HttpError(429, 'rate_limited', `Too many ${what} from this address: wait a few minutes and try again.`)),
  });
}

export function createRateLimits(options: RateLimitOptions = {}): RateLimits {
  const windowMs = options.windowMs ?? 15 * 60_000;
  return {
    setup: limiter(options.setup ?? 10, windowMs, 'setup attempts'),
    pairing: limiter(options.pairing ?? 20, windowMs, 'pairing attempts'),
    pin: limiter(options.pin ?? 30, windowMs, 'PIN checks'),
    reports: limiter(options.reports ?? 300, windowMs, 'security reports'),
  };
}
