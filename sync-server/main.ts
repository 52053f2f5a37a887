// Entry point (bundled to dist-server/main.js): config → storage → migrations → app → listen.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createApp } from './app';
import { announceAccess } from './auth/first-start';
import { isCommand, runCommand } from './cli';
import { seedDemo } from './demo/seed-demo';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { sweepAbandonedUploads } from './photos/tus-uploads';
import { UPLOADS_TMP_DIR } from './routes/photos';
import { installGracefulShutdown } from './shutdown';
import { openStorage } from './storage/open-storage';
import { openNotifier } from './sync/open-notifier';
import { createPokeStreams } from './sync/poke-streams';
import { SERVER_VERSION } from './version';

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function displayUrl(server: Server, host: string): string {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : '?';
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shownHost}:${port}`;
}

/** Partial photo uploads nobody finished for a week go, at start and then once a day. */
function sweepAbandonedUploadsNowAndDaily(uploadsDir: string, logger: Logger): void {
  const sweep = () =>
    sweepAbandonedUploads(uploadsDir).then(
      (removed) => {
        if (removed > 0) logger.info({ removed }, 'abandoned photo uploads removed');
      },
      (err: unknown) => logger.warn({ err }, 'could not sweep abandoned photo uploads'),
    );
  void sweep();
  setInterval(() => void sweep(), 24 * 60 * 60 * 1000).unref();
}

async function start(config: Config, logger: Logger): Promise<void> {
  const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  try {
    await storage.migrate();
    if (config.demo) await seedDemo(storage, logger);
    if (!existsSync(config.appDir)) {
      logger.warn({ appDir: config.appDir }, 'the app is not built (npm run build); serving the API only');
    }
    const notifier = await openNotifier({ databaseUrl: config.databaseUrl, storage, logger });
    const pokeStreams = createPokeStreams({ notifier, currentSeq: () => storage.currentSeq() });
    const app = createApp({ storage, appDir: config.appDir, dataDir: config.dataDir, photoMaxBytes: config.photoMaxBytes, logger, version: SERVER_VERSION, notifier, pokeStreams });
    const server = createServer(app);
    await listen(server, config.port, config.host);
    const url = displayUrl(server, config.host);
    logger.info({ url, storage: storage.kind, version: SERVER_VERSION }, `Loupe server listening on ${url}`);
    // A setup link on first start, a pairing code in demo mode: printed, never logged.
    await announceAccess(storage, url, { demo: config.demo });
    installGracefulShutdown({ server, storage, logger, pokeStreams, notifier });
    sweepAbandonedUploadsNowAndDaily(join(config.dataDir, UPLOADS_TMP_DIR), logger);
  } catch (err) {
    await storage.close().catch(() => {});
    throw err;
  }
}

const config = loadConfigOrExit();
const logger = createLogger({ level: config.logLevel });
const command = process.argv[2];
if (command !== undefined) {
  if (!isCommand(command)) {
    console.error(`Unknown command "${command}". Commands: verify-chain, pairing-code.`);
    process.exit(2);
  }
  runCommand(command, config, logger).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`${command} failed: ${(err as Error).message}`);
      process.exit(1);
    },
  );
} else start(config, logger).catch((err: unknown) => {
  logger.fatal({ err }, 'the server could not start');
  console.error(`Loupe server could not start: ${(err as Error).message}`);
  process.exit(1);
});
