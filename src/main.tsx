import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadFirstScreen } from './routes';
import { initI18n } from './i18n/i18n';
import { useAppStatus, watchConnectivity } from './state/app-status-store';
import { useSession } from './state/session-store';
import { useSyncStatus } from './state/sync-status-store';
import './styles/app.css';

watchConnectivity();
// The service worker's registration (workbox-window) and the sync runner come in their own
// chunks, off the path to the first paint of the bench screen.
if (import.meta.env.PROD) {
  void import('./pwa/register-sw').then(({ registerServiceWorker }) =>
    registerServiceWorker({
      onUpdateWaiting: (apply) => useAppStatus.getState().setUpdateWaiting(apply),
      onOfflineReady: () => useAppStatus.getState().setOfflineReady(true),
    }),
  );
}

// The first paint waits for the language's catalogue (one small chunk, from the service worker's
// cache when offline) so that no screen ever shows a bare translation key; the first screen's
// chunk is fetched beside it rather than after it.
preloadFirstScreen(window.location.pathname);
void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // Sync starts once the screen is up: its schemas and engine cost a tablet about a fifth of a
  // second of main thread (BENCHMARKS.md, "Bench screens"), and a round can wait that long.
  whenIdle(startSync);
});

function startSync() {
  void import('./sync/start-sync').then(({ startAppSync }) => {
    const runner = startAppSync(
      (status) => useSyncStatus.getState().update(status),
      () => useSession.getState().personId,
    );
    useSyncStatus.getState().setSyncNow(runner.syncNow);
    // Photo bytes wait for someone to unlock the tablet: fetch them as soon as someone does.
    useSession.subscribe((now, before) => {
      if (now.personId !== null && now.personId !== before.personId) runner.syncNow();
    });
  });
}

function whenIdle(task: () => void) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2_000 });
  else setTimeout(task, 300);
}
