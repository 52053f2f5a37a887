// App-wide status that is not stored data: connectivity and a waiting service-worker update.
// The one place zustand is used for it; screens read it through the hooks below.
import { create } from 'zustand';

interface AppStatus {
  online: boolean;
  /** Set when a new version's service worker is installed and waiting for the person's OK. */
  applyUpdate: (() => void) | null;
  offlineReady: boolean;
  setOnline(online: boolean): void;
  setUpdateWaiting(apply: (() => void) | null): void;
  setOfflineReady(ready: boolean): void;
}

export const useAppStatus = create<AppStatus>((set) => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  applyUpdate: null,
  offlineReady: false,
  setOnline: (online) => set({ online }),
  setUpdateWaiting: (applyUpdate) => set({ applyUpdate }),
  setOfflineReady: (offlineReady) => set({ offlineReady }),
}));

/** Keeps `online` true to the browser's online/offline events. Returns the unsubscribe. */
export function watchConnectivity(target: Window = window): () => void {
  const update = () => useAppStatus.getState().setOnline(target.navigator.onLine);
  target.addEventListener('online', update);
  target.addEventListener('offline', update);
  update();
  return () => {
    target.removeEventListener('online', update);
    target.removeEventListener('offline', update);
  };
}
