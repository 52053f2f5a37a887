// When to sync. One runner per device across tabs (a Web Lock); it runs on start, when the
// network comes back, when the app returns to the foreground (visibility, pageshow), shortly after
// each local change, every 30 s while online, and when the server pokes over Server-Sent Events.
// Failures back off with jitter. Background Sync is not used: Safari has none, and a tablet app
// that is open all shift gets the same effect from these triggers.
import { getDeviceToken } from '../db/device-auth-repo';
import { watchOutboxCount } from '../db/outbox-repo';
import type { LoupeDb } from '../db/loupe-db';
import { backoffDelay } from './backoff';
import { syncOnce, type SyncReport } from './sync-engine';
import { SyncError, type SyncFailure } from './sync-client';

export interface RunnerStatus {
  running: boolean;
  /** Changes received so far in the running round (a new tablet's first pull is tens of thousands). */
  received: number;
  lastSyncAt: string | null;
  lastError: SyncFailure | null;
}

export interface RunnerOptions {
  db: LoupeDb;
  baseUrl?: string;
  onStatus(status: Partial<RunnerStatus>): void;
  onReport?(report: SyncReport): void;
  /** Extra work after each successful round (photo bytes). */
  afterSync?(): Promise<void>;
  periodMs?: number;
  localChangeDelayMs?: number;
}

const LOCK = 'loupe-sync';
export const LAST_SYNC_AT = 'lastSyncAt';

export interface SyncRunner {
  /** Run a round now (or as soon as the current one ends). */
  syncNow(): void;
  stop(): void;
}

export function startSyncRunner(options: RunnerOptions): SyncRunner {
  const { db, baseUrl = '' } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;

  async function round(): Promise<void> {
    if (stopped) return;
    if (!navigator.onLine) {
      options.onStatus({ lastError: { kind: 'offline', message: 'offline' } });
      return;
    }
    options.onStatus({ running: true, received: 0 });
    try {
      const report = await syncOnce({ db, baseUrl, onPulled: (received) => options.onStatus({ received }) });
      await options.afterSync?.();
      failures = 0;
      const at = new Date().toISOString();
      await db.syncState.put({ key: LAST_SYNC_AT, value: at });
      options.onStatus({ running: false, lastSyncAt: at, lastError: null });
      options.onReport?.(report);
    } catch (error) {
      failures += 1;
      const failure: SyncFailure = error instanceof SyncError ? error.failure : { kind: 'server', status: 0, code: 'internal', message: (error as Error).message };
      options.onStatus({ running: false, lastError: failure });
      // An app too old for the server waits for its update, a device that is not (or no longer)
      // paired for its pairing (which reloads the app); anything else retries with backoff.
      if (failure.kind !== 'update_needed' && failure.kind !== 'unpaired' && failure.kind !== 'revoked') schedule(backoffDelay(failures));
    }
  }

  function run(): Promise<void> {
    // Only one tab of this device syncs at a time; the others skip this round.
    if (typeof navigator !== 'undefined' && navigator.locks) {
      return navigator.locks
        .request(LOCK, { ifAvailable: true }, async (lock) => {
          if (lock) await round();
        })
        .then(() => undefined);
    }
    return round();
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delayMs);
  }

  const soon = () => schedule(0);
  const onVisible = () => document.visibilityState === 'visible' && soon();
  window.addEventListener('online', soon);
  window.addEventListener('pageshow', soon);
  document.addEventListener('visibilitychange', onVisible);
  const period = setInterval(() => navigator.onLine && soon(), options.periodMs ?? 30_000);

  // Shortly after each local change: the outbox grew.
  let lastCount = Infinity;
  const unwatch = watchOutboxCount(db, (count) => {
    if (count > lastCount) schedule(options.localChangeDelayMs ?? 500);
    lastCount = count;
  });

  // The server pokes when anything changed; EventSource reconnects by itself. It cannot send
  // headers, so the device token goes in the query (the server keeps it out of its logs).
  let events: EventSource | null = null;
  if (typeof EventSource !== 'undefined') {
    void getDeviceToken(db).then((token) => {
      if (!token || stopped) return;
      events = new EventSource(`${baseUrl}/api/sync/events?token=${encodeURIComponent(token)}`);
      events.addEventListener('poke', soon);
    });
  }

  void db.syncState.get(LAST_SYNC_AT).then((row) => {
    if (typeof row?.value === 'string') options.onStatus({ lastSyncAt: row.value });
  });
  soon();

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(period);
    window.removeEventListener('online', soon);
    window.removeEventListener('pageshow', soon);
    document.removeEventListener('visibilitychange', onVisible);
    unwatch();
    events?.close();
  };
  return { syncNow: soon, stop };
}
