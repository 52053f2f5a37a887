// Service-worker registration through workbox-window (the one module that imports it).
// Loupe never reloads by itself: a new version waits until the person taps "Update now",
// because a shift of unsynced work may be on screen. Only then do we ask the waiting worker to
// take over, and reload once it controls the page.
import { Workbox } from 'workbox-window';

export interface UpdateHandlers {
  onUpdateWaiting(apply: () => void): void;
  onOfflineReady(): void;
}

export function registerServiceWorker(handlers: UpdateHandlers, url = '/sw.js'): Workbox | null {
  if (!('serviceWorker' in navigator)) return null;
  const wb = new Workbox(url, { scope: '/' });

  const offerUpdate = () => {
    handlers.onUpdateWaiting(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  };

  wb.addEventListener('waiting', offerUpdate);
  wb.addEventListener('installed', (event) => {
    if (!event.isUpdate) handlers.onOfflineReady();
  });

  void wb.register().then((registration) => {
    // Look for a new version when the app comes back to the foreground and every hour:
    // a bench tablet can stay open for a whole shift.
    const check = () => void registration?.update().catch(() => undefined);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') check();
    });
    setInterval(check, 60 * 60 * 1000);
  });
  return wb;
}
