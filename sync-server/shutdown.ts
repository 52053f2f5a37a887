// Graceful shutdown: on SIGTERM (docker stop, systemd) or SIGINT (Ctrl-C), stop accepting
// connections, let requests in flight finish (a push mid-transaction completes and is acknowledged),
// then close storage and exit 0. Connections still open after the grace period are cut.
// Sync event streams never end by themselves, so they are ended first (devices reconnect to
// another instance, or to this one once it is back).
import type { Server } from 'node:http';
import type { Logger } from './logger';
import type { Storage } from './storage/storage';
import type { Notifier } from './sync/notifier';
import type { PokeStreams } from './sync/poke-streams';

export interface ShutdownOptions {
  server: Server;
  storage: Storage;
  logger: Logger;
  graceMs?: number;
  pokeStreams?: PokeStreams;
  notifier?: Notifier;
}

export function installGracefulShutdown({ server, storage, logger, graceMs = 10_000, pokeStreams, notifier }: ShutdownOptions): void {
  let stopping = false;

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    pokeStreams?.closeAll();
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
      await notifier?.close();
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
