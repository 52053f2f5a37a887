import type { RouteObject } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { RouteError } from './components/RouteError';

// Each page is its own lazy chunk: the bench screen ships only what the bench needs.
// The service worker precaches every chunk, so lazy loading still works offline.
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./pages/BenchHomePage')).default }) },
      { path: 'job/:number', lazy: async () => ({ Component: (await import('./pages/JobPage')).default }) },
      { path: 't/:number', lazy: async () => ({ Component: (await import('./pages/TagRedirectPage')).default }) },
      // The camera screen: html5-qrcode is loaded with this chunk only.
      { path: 'scan', lazy: async () => ({ Component: (await import('./pages/ScanPage')).default }) },
      { path: 'sync', lazy: async () => ({ Component: (await import('./pages/SyncPage')).default }) },
      { path: 'settings', lazy: async () => ({ Component: (await import('./pages/SettingsPage')).default }) },
      { path: '*', lazy: async () => ({ Component: (await import('./pages/NotFoundPage')).default }) },
    ],
  },
];
