import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from '../../src/routes';
import { initI18n, setLanguage } from '../../src/i18n/i18n';

/** The real routes and layout in memory, at `path`, in English unless told otherwise. */
export async function renderApp(path = '/', language: 'en' | 'fr' = 'en') {
  initI18n(language);
  await setLanguage(language);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(<RouterProvider router={router} />);
  return { ...view, router };
}
