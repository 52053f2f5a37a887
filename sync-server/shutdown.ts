// Graceful shutdown: on SIGTERM (docker stop, systemd) or SIGINT (Ctrl-C), stop accepting
// connections, let requests in flight finish (a push mid-transaction completes and is acknowledged),
// then close storage and exit 0. Connections still open after the grace period are cut.
import type { Server } from 'node:http';
import type { Logger } from './logger';
import type { Storage } from './storage/storage';

export interface ShutdownOptions {
  server: Server;
  storage: Storage;
  logger: Logger;
  graceMs?: number;
}

export function installGracefulShutdown({ server, storage, logger, graceMs = 10_000 }: ShutdownOptions): void {
  let stopping = false;

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive sockets with no request in flight would otherwise hold close() open.
    server.closeIdleConnections();
    const cut = setTimeout(() => {
      logger.warn({ graceMs }, 'grace period over: closing remaining connections');
      server.closeAllConnections();
    }, graceMs);
    cut.unref();
    await closed;
    clearTimeout(cut);
    try {
      await storage.close();
    } catch (err) {
      logger.error({ err }, 'closing storage failed');
      process.exit(1);
    }
    logger.info('stopped');
    process.exit(0);
  };

  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}
