// Pokes across server instances through PostgreSQL: each instance LISTENs on one channel on a
// dedicated connection (a pooled one would be handed to other queries and miss notifications) and
// NOTIFYs after each push that committed changes. PostgreSQL delivers a notification to every
// listening session, the sender's included, so local streams hear local pushes the same way.
//
// The payload is `<workshopId>.<seq>`, like a pull cursor: several workshops (schemas) may share
// one database, and a poke with another workshop's seq would mislead devices.
import pg from 'pg';
import type { Logger } from '../logger';
import { createPokeEmitter, type Notifier } from './notifier';

export const POKE_CHANNEL = 'loupe_poke';
const RECONNECT_MS = 2_000;

export interface PostgresNotifierOptions {
  connectionString: string;
  workshopId: string;
  logger?: Logger;
  /** Read after a reconnection, to poke with the current seq: pokes sent meanwhile were missed. */
  currentSeq?: () => Promise<number>;
}

export async function createPostgresNotifier(options: PostgresNotifierOptions): Promise<Notifier> {
  const { connectionString, workshopId, logger } = options;
  const pokes = createPokeEmitter();
  const prefix = `${workshopId}.`;
  let client: pg.Client | undefined;
  let closed = false;
  let reconnectTimer: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
    next.on('notification', (message) => {
      if (message.channel !== POKE_CHANNEL || !message.payload?.startsWith(prefix)) return;
      const seq = Number(message.payload.slice(prefix.length));
      if (Number.isSafeInteger(seq) && seq >= 0) pokes.emit(seq);
    });
    // Without an 'error' listener a lost connection would crash the process.
    next.on('error', (err) => logger?.warn({ err }, 'poke listener connection error'));
    next.on('end', () => {
      if (client === next) client = undefined;
      if (!closed) scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${POKE_CHANNEL}`);
    client = next;
  }

  function scheduleReconnect(): void {
    if (reconnectTimer || closed) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect()
        .then(async () => {
          logger?.info('poke listener reconnected');
          if (options.currentSeq) pokes.emit(await options.currentSeq());
        })
        .catch((err: unknown) => {
          logger?.warn({ err }, 'poke listener could not reconnect; retrying');
          scheduleReconnect();
        });
    }, RECONNECT_MS);
    reconnectTimer.unref();
  }

  await connect();

  return {
    notify(seq) {
      const current = client;
      if (!current) {
        // Disconnected: at least this instance's devices hear it; the others catch up on reconnect.
        pokes.emit(seq);
        return;
      }
      current.query('select pg_notify($1, $2)', [POKE_CHANNEL, `${prefix}${seq}`]).catch((err: unknown) => {
        logger?.warn({ err }, 'NOTIFY failed; poking local streams only');
        pokes.emit(seq);
      });
    },
    subscribe: pokes.subscribe,
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
    },
  };
}
