import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTablet, type Browser } from './support/chromium';
import { startServer, type LoupeServer } from './support/server';
import { installApp, SettingsScreen } from './support/pages';

// A vault has no network: once loaded, every screen must come back from the service worker and
// the data written before must still be in IndexedDB.
describe('a whole shift with no network', () => {
  let server: LoupeServer;
  let tablet: Browser;

  beforeAll(async () => {
    server = await startServer();
    tablet = await launchTablet();
  });
  afterAll(async () => {
    await tablet?.close();
    await server?.dispose();
  });

  it('renders every route from the cache, with the data written before, after the server is gone', async () => {
    const page = await tablet.context.newPage();
    await installApp(page, server.url);

    // Data written online: this tablet sits in the vault.
    const settings = new SettingsScreen(page);
    await settings.open(server.url);
    await settings.location('Vault').click();
    await settings.expectPressed('Vault');

    await server.stop();
    await tablet.context.setOffline(true);

    const routes: [string, RegExp][] = [
      ['/', /^Bench$/],
      ['/settings', /^Settings$/],
      ['/job/NY1-26-000123-K', /^Job NY1-26-000123-K$/],
      ['/t/ny1-26-000123-k', /^Job NY1-26-000123-K$/],
      ['/no/such/screen', /no such screen/],
    ];
    for (const [path, heading] of routes) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 10_000 });
    }
    await expect(page.getByRole('status', { name: 'Connection and sync status' }).textContent()).resolves.toContain('Offline');

    await settings.open(server.url);
    await settings.expectPressed('Vault');
    await page.close();
  });
});
