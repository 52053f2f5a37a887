import { NavLink, Outlet } from 'react-router';
import { Suspense } from 'react';
import { StatusBadge } from './StatusBadge';
import { UpdatePrompt } from './UpdatePrompt';
import { useT } from '../i18n/i18n';
import { PersonSwitcher } from './person/PersonSwitcher';
import { AdminNavLink } from './admin/AdminNavLink';
import { SecurityGate } from './lock/SecurityGate';
import '../styles/bench.css';

export function AppLayout() {
  const { t } = useT();
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
          <NavLink to="/intake/new" className="nav-link">{t('intake.nav')}</NavLink>
          <NavLink to="/review" className="nav-link">{t('review.nav')}</NavLink>
          <NavLink to="/board" className="nav-link">{t('board.nav')}</NavLink>
          <NavLink to="/kpi" className="nav-link">{t('kpi.nav')}</NavLink>
          <AdminNavLink />
          <NavLink to="/settings" className="nav-link">{t('nav.settings')}</NavLink>
        </nav>
        <PersonSwitcher />
        <StatusBadge />
      </header>
      <UpdatePrompt />
      <main id="main" className="app-main">
        <Suspense fallback={<div className="loading" aria-busy="true" />}>
          {/* A removed tablet, or a paired one nobody unlocked, shows no workshop data. */}
          <SecurityGate>
            <Outlet />
          </SecurityGate>
        </Suspense>
      </main>
    </div>
  );
}
