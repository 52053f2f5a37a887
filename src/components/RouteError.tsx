import { Component, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';

/** Shown instead of a screen that failed, so one broken screen never blanks the app. */
export function RouteError() {
  const { t } = useT();
  return (
    <section className="page" role="alert">
      <h1>{t('errors.pageFailed')}</h1>
      <button type="button" className="button button-primary" onClick={() => window.location.assign('/')}>
        {t('errors.reload')}
      </button>
    </section>
  );
}

/**
 * Catches a screen that throws while rendering (or whose chunk cannot load) and shows RouteError.
 * The layout keys it by path, so moving to another screen tries again.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('A screen failed', error);
  }

  override render() {
    return this.state.failed ? <RouteError /> : this.props.children;
  }
}
