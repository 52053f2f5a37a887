import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { loadCatalogues, type CataloguePart } from './i18n/i18n';
import { RouteErrorBoundary } from './components/RouteError';

// Each page is its own lazy chunk: the bench screen ships only what the bench needs. The service
// worker precaches every chunk, so lazy loading still works offline. Routes are declared as
// elements (react-router's declarative mode): Loupe uses no loaders or actions, and leaving the
// data router out keeps about 17 KB of gzip off every screen (BENCHMARKS.md, "Bundle size").
/** A screen's chunk together with the parts of the catalogue it needs beyond the core. */
function page(load: () => Promise<{ default: ComponentType }>, ...catalogues: CataloguePart[]) {
  return lazy(async () => (await Promise.all([load(), loadCatalogues(...catalogues)]))[0]);
}

const loadBenchHome = () => import('./pages/BenchHomePage');
const BenchHomePage = lazy(loadBenchHome);

/** Starts fetching the bench home's chunk at boot, beside the catalogue, when that is where the tablet opens. */
export function preloadFirstScreen(pathname: string): void {
  if (pathname === '/') void loadBenchHome();
}
const JobPage = page(() => import('./pages/JobPage'), 'job', 'frontOffice');
const TagRedirectPage = lazy(() => import('./pages/TagRedirectPage'));
// The camera screen: html5-qrcode is loaded with this chunk only.
const ScanPage = lazy(() => import('./pages/ScanPage'));
const SyncPage = page(() => import('./pages/SyncPage'), 'job');
const SettingsPage = page(() => import('./pages/SettingsPage'), 'job', 'frontOffice');
// The front office: intake, the manager's review and board, a job's desk view (reconcile, release).
const IntakePage = page(() => import('./pages/IntakePage'), 'job', 'frontOffice');
const ReviewQueuePage = page(() => import('./pages/ReviewQueuePage'), 'job', 'frontOffice');
const ReviewPage = page(() => import('./pages/ReviewPage'), 'job', 'frontOffice');
const BoardPage = page(() => import('./pages/BoardPage'), 'job', 'frontOffice');
const JobDeskPage = page(() => import('./pages/JobDeskPage'), 'job', 'frontOffice');
// The manager's KPIs (uPlot comes with these chunks only) and one jeweler's performance review.
const DashboardPage = page(() => import('./pages/DashboardPage'), 'job', 'frontOffice', 'kpi');
const JewelerKpiPage = page(() => import('./pages/JewelerKpiPage'), 'job', 'frontOffice', 'kpi');
// Admin: devices and pairing, people and PINs, the audit log and the custody chain check.
const AdminIndexPage = page(() => import('./pages/AdminIndexPage'), 'job', 'frontOffice', 'kpi');
const AdminDevicesPage = page(() => import('./pages/AdminDevicesPage'), 'job', 'frontOffice', 'kpi');
const AdminPeoplePage = page(() => import('./pages/AdminPeoplePage'), 'job', 'frontOffice', 'kpi');
const AdminAuditPage = page(() => import('./pages/AdminAuditPage'), 'job', 'frontOffice', 'kpi');
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const SetupPage = lazy(() => import('./pages/SetupPage'));
const PairPage = lazy(() => import('./pages/PairPage'));
const PrintPage = page(() => import('./pages/PrintPage'), 'job', 'frontOffice');

/** A screen outside the layout: its own error boundary and loading state. */
function Standalone({ children }: { children: ReactNode }) {
  return (
    <RouteErrorBoundary>
      <Suspense fallback={<div className="loading" aria-busy="true" />}>{children}</Suspense>
    </RouteErrorBoundary>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<AppLayout />}>
        <Route index element={<BenchHomePage />} />
        <Route path="job/:number" element={<JobPage />} />
        <Route path="t/:number" element={<TagRedirectPage />} />
        <Route path="scan" element={<ScanPage />} />
        <Route path="sync" element={<SyncPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="intake/new" element={<IntakePage />} />
        <Route path="review" element={<ReviewQueuePage />} />
        <Route path="review/:number" element={<ReviewPage />} />
        <Route path="board" element={<BoardPage />} />
        <Route path="desk/:number" element={<JobDeskPage />} />
        <Route path="kpi" element={<DashboardPage />} />
        <Route path="kpi/jeweler/:personId" element={<JewelerKpiPage />} />
        <Route path="admin" element={<AdminIndexPage />} />
        <Route path="admin/devices" element={<AdminDevicesPage />} />
        <Route path="admin/people" element={<AdminPeoplePage />} />
        <Route path="admin/audit" element={<AdminAuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      {/* Joining the workshop happens before any lock: first-start setup and pairing a tablet. */}
      <Route path="/setup" element={<Standalone><SetupPage /></Standalone>} />
      <Route path="/pair" element={<Standalone><PairPage /></Standalone>} />
      {/* Print views sit outside the layout: what is on screen is what prints (tags, sheets, slips). */}
      <Route path="/print/:number" element={<Standalone><PrintPage /></Standalone>} />
    </Routes>
  );
}
