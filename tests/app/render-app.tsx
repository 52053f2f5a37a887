import { render } from '@testing-library/react';
import { MemoryRouter, useLocation, type Location } from 'react-router';
import { AppRoutes } from '../../src/routes';
import { initI18n, setLanguage } from '../../src/i18n/i18n';

/** Where the app is now, as the tests read it (`router.state.location`). */
interface RouterView {
  state: { location: Location };
}

function LocationProbe({ into }: { into: RouterView }) {
  into.state.location = useLocation();
  return null;
}

/** The real routes and layout in memory, at `path`, in English unless told otherwise. */
export async function renderApp(path = '/', language: 'en' | 'fr' = 'en') {
  await initI18n(language);
  await setLanguage(language);
  const router: RouterView = { state: { location: { pathname: path, search: '', hash: '', state: null, key: 'default' } } };
  const view = render(
    <MemoryRouter initialEntries={[path]}>
      <LocationProbe into={router} />
      <AppRoutes />
    </MemoryRouter>,
  );
  return { ...view, router };
}
