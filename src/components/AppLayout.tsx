import { NavLink, Outlet, useLocation } from 'react-router';
import { lazy, Suspense } from 'react';
import { StatusBadge } from './StatusBadge';
import { useAppStatus } from '../state/app-status-store';
import { useT } from '../i18n/i18n';
import { PersonSwitcher } from './person/PersonSwitcher';
import { AdminNavLink } from './admin/AdminNavLink';
import { SecurityGate } from './lock/SecurityGate';
import { RouteErrorBoundary } from './RouteError';
import '../styles/bench.css';

// Shown only when a new version waits or the app became available offline: loaded then.
const UpdatePrompt = lazy(async () => ({ default: (await import('./UpdatePrompt')).UpdatePrompt }));

export function AppLayout() {
  const { t } = useT();
  const { pathname } = useLocation();
  const updateNews = useAppStatus((s) => s.applyUpdate !== null || s.offlineReady);
  return (
    <div className="app">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="app-header">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="40" height="40" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <nav aria-label={t('nav.main')} className="app-nav">
          <NavLink to="/" end className="nav-link">{t('nav.bench')}</NavLink>
          <NavLink to="/scan" className="nav-link">{t('scan.nav')}</NavLink>
          <NavLink to="/intake/new" className="nav-link">{t('nav.intake')}</NavLink>
          <NavLink to="/review" className="nav-link">{t('nav.review')}</NavLink>
          <NavLink to="/board" className="nav-link">{t('nav.board')}</NavLink>
          <NavLink to="/kpi" className="nav-link">{t('nav.kpi')}</NavLink>
          <AdminNavLink />
          <NavLink to="/settings" className="nav-link">{t('nav.settings')}</NavLink>
        </nav>
        <PersonSwitcher />
        <StatusBadge />
      </header>
      {updateNews && (
        <Suspense fallback={null}>
          <UpdatePrompt />
        </Suspense>
      )}
      <main id="main" className="app-main">
        {/* Keyed by path: after a screen failed, moving to another one tries again. */}
        <RouteErrorBoundary key={pathname}>
          <Suspense fallback={<div className="loading" aria-busy="true" />}>
            {/* A removed tablet, or a paired one nobody unlocked, shows no workshop data. */}
            <SecurityGate>
              <Outlet />
            </SecurityGate>
          </Suspense>
        </RouteErrorBoundary>
      </main>
    </div>
  );
}
