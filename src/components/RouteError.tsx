import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useT } from '../i18n/i18n';

/** Shown instead of a screen that failed, so one broken screen never blanks the app. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useT();
  const missing = isRouteErrorResponse(error) && error.status === 404;
  return (
    <section className="page" role="alert">
      <h1>{missing ? t('errors.notFound') : t('errors.pageFailed')}</h1>
      <button type="button" className="button button-primary" onClick={() => window.location.assign('/')}>
        {t('errors.reload')}
      </button>
    </section>
  );
}
