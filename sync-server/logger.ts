// One pino logger for the server plus the pino-http request logger built on it.
// Credentials (authorization, cookies) are redacted here, in one place, so that no route and no
// future log call can leak a device token into the log files.
import { randomUUID } from 'node:crypto';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = Level | 'silent';
export type { Logger };

const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-loupe-device-token"]',
  'req.headers["x-loupe-person-token"]',
  // The event stream's token, when EventSource passes it in the query (it cannot send headers);
  // the setup link's token and a pairing code arrive in page URLs (/setup?token=, /pair?code=).
  'req.query.token',
  'req.query.code',
  'res.headers["set-cookie"]',
];

/** Tests stay quiet unless LOG_LEVEL asks otherwise; everything else defaults to info. */
export function defaultLogLevel(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const underTest = env.NODE_ENV === 'test' || env.VITEST !== undefined;
  return underTest ? 'silent' : 'info';
}

export function createLogger(options: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  const level = options.level ?? defaultLogLevel();
  const config = { level, base: { service: 'loupe-sync' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return options.destination ? pino(config, options.destination) : pino(config);
}

/** The same secrets in the request line: `?token=…` and `?code=…` (and any `&token=…`) are blanked out. */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/([?&](?:token|code)=)[^&#]*/gi, '$1[redacted]');
}

export function httpLogger(logger: Logger) {
  return pinoHttp({
    logger,
    serializers: {
      req: (req: { url?: string }) => {
        req.url = redactUrl(req.url);
        return req;
      },
    },
    // A request id the client can quote when reporting a problem; ours, never the client's,
    // so a hostile header cannot forge log lines.
    genReqId: (_req, res) => {
      const id = randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => {
      if (err || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return 'info';
    },
    // Load balancers poll health every few seconds; those lines would drown the useful ones.
    autoLogging: { ignore: (req) => req.url === '/api/health' },
  });
}
