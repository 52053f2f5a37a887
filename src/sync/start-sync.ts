// The app's sync, started once the first screen is up: main.tsx imports this module lazily, so
// the sync engine, the protocol's validators and the upload client are not in the code a bench
// screen waits for.
import { flushSecurityReports } from '../api/security-reports';
import { db } from '../db/database';
import { syncPhotoBytes } from './photo-sync';
import { startSyncRunner, type RunnerStatus, type SyncRunner } from './sync-runner';

/** `currentPerson`: who is unlocked on this tablet now (null: locked); photo reads need one. */
export function startAppSync(onStatus: (status: Partial<RunnerStatus>) => void, currentPerson: () => string | null): SyncRunner {
  // The server that served the app is the sync server (same origin).
  return startSyncRunner({
    db,
    onStatus,
    afterSync: async () => {
      await syncPhotoBytes(db, '', currentPerson());
      // The lock screen's wrong PINs and lockouts, for the audit log; they wait for the next round on failure.
      await flushSecurityReports(db).catch(() => undefined);
    },
  });
}
