// Server configuration from the environment, validated once at start-up. A bad value stops the
// process with a message naming the variable (never echoing its value: DATABASE_URL holds a password).
import { resolve } from 'node:path';
import { z } from 'zod';
import { LOG_LEVELS, defaultLogLevel, type LogLevel } from './logger';

const Port = z
  .string()
  .regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535')
  .transform(Number)
  .refine((port) => port <= 65_535, 'must be a whole number from 0 to 65535');

const EnvSchema = z.object({
  PORT: Port.default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOUPE_DATA_DIR: z.string().min(1).default('./data'),
  LOUPE_APP_DIR: z.string().min(1).default('./dist'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  LOUPE_DEMO: z.enum(['0', '1'], { error: 'must be 0 or 1' }).optional(),
  /** Largest photo upload, in megabytes (default 40). */
  LOUPE_PHOTO_MAX_MB: z.string().regex(/^\d{1,5}$/, 'must be a whole number of megabytes').transform(Number).refine((mb) => mb >= 1, 'must be at least 1').optional(),
});

export interface Config {
  port: number;
  host: string;
  /** Absolute; holds loupe.sqlite (and later, photo files). */
  dataDir: string;
  /** Absolute; the built PWA (vite's dist/). */
  appDir: string;
  /** Set: PostgreSQL storage; unset: SQLite in dataDir. */
  databaseUrl?: string;
  logLevel: LogLevel;
  /** Seed the demo workshop into an empty data set (npm run demo). */
  demo: boolean;
  /** Set: the largest photo upload in bytes; unset: the server's default (40 MB). */
  photoMaxBytes?: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // An empty variable (PORT= in a .env file or a compose file) means "not set", not "invalid".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid server configuration:\n${lines.join('\n')}`);
  }
  const vars = parsed.data;
  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir: resolve(cwd, vars.LOUPE_DATA_DIR),
    appDir: resolve(cwd, vars.LOUPE_APP_DIR),
    databaseUrl: vars.DATABASE_URL,
    logLevel: vars.LOG_LEVEL ?? defaultLogLevel(env),
    demo: vars.LOUPE_DEMO === '1',
    photoMaxBytes: vars.LOUPE_PHOTO_MAX_MB === undefined ? undefined : vars.LOUPE_PHOTO_MAX_MB * 1024 * 1024,
  };
}
