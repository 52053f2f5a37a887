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
      // The front office: intake, the manager's review and board, a job's desk view (reconcile, release).
      { path: 'intake/new', lazy: async () => ({ Component: (await import('./pages/IntakePage')).default }) },
      { path: 'review', lazy: async () => ({ Component: (await import('./pages/ReviewQueuePage')).default }) },
      { path: 'review/:number', lazy: async () => ({ Component: (await import('./pages/ReviewPage')).default }) },
      { path: 'board', lazy: async () => ({ Component: (await import('./pages/BoardPage')).default }) },
      { path: 'desk/:number', lazy: async () => ({ Component: (await import('./pages/JobDeskPage')).default }) },
      // The manager's KPIs (uPlot comes with these chunks only) and one jeweler's performance review.
      { path: 'kpi', lazy: async () => ({ Component: (await import('./pages/DashboardPage')).default }) },
      { path: 'kpi/jeweler/:personId', lazy: async () => ({ Component: (await import('./pages/JewelerKpiPage')).default }) },
      // Admin: devices and pairing, people and PINs, the audit log and the custody chain check.
      { path: 'admin', lazy: async () => ({ Component: (await import('./pages/AdminIndexPage')).default }) },
      { path: 'admin/devices', lazy: async () => ({ Component: (await import('./pages/AdminDevicesPage')).default }) },
      { path: 'admin/people', lazy: async () => ({ Component: (await import('./pages/AdminPeoplePage')).default }) },
      { path: 'admin/audit', lazy: async () => ({ Component: (await import('./pages/AdminAuditPage')).default }) },
      { path: '*', lazy: async () => ({ Component: (await import('./pages/NotFoundPage')).default }) },
    ],
  },
  // Joining the workshop happens before any lock: first-start setup and pairing a tablet.
  { path: '/setup', errorElement: <RouteError />, lazy: async () => ({ Component: (await import('./pages/SetupPage')).default }) },
  { path: '/pair', errorElement: <RouteError />, lazy: async () => ({ Component: (await import('./pages/PairPage')).default }) },
  // Print views sit outside the layout: what is on screen is what prints (tags, sheets, slips).
  { path: '/print/:number', errorElement: <RouteError />, lazy: async () => ({ Component: (await import('./pages/PrintPage')).default }) },
];
