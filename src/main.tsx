import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n/i18n';
import { registerServiceWorker } from './pwa/register-sw';
import { useAppStatus, watchConnectivity } from './state/app-status-store';
import { useSession } from './state/session-store';
import { useSyncStatus } from './state/sync-status-store';
import './styles/app.css';

initI18n();
watchConnectivity();
if (import.meta.env.PROD) {
  registerServiceWorker({
    onUpdateWaiting: (apply) => useAppStatus.getState().setUpdateWaiting(apply),
    onOfflineReady: () => useAppStatus.getState().setOfflineReady(true),
  });
}

void import('./sync/start-sync').then(({ startAppSync }) => {
  const runner = startAppSync(
    (status) => useSyncStatus.getState().update(status),
    () => useSession.getState().personId,
  );
  useSyncStatus.getState().setSyncNow(runner.syncNow);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
