// The sync runner's last word, for the badge and the sync screen. Not stored data: the runner
// re-reads the last successful sync time from the database when it starts.
import { create } from 'zustand';
import type { RunnerStatus } from '../sync/sync-runner';

interface SyncStatus extends RunnerStatus {
  update(status: Partial<RunnerStatus>): void;
  /** Set by the app to run a round now (the "Sync now" button). */
  syncNow: (() => void) | null;
  setSyncNow(syncNow: () => void): void;
}

export const useSyncStatus = create<SyncStatus>((set) => ({
  running: false,
  received: 0,
  lastSyncAt: null,
  lastError: null,
  syncNow: null,
  update: (status) => set(status),
  setSyncNow: (syncNow) => set({ syncNow }),
}));
