import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchTablet, VIEWPORTS, type Browser } from './support/chromium';
import { REPO_ROOT, startServer, type LoupeServer } from './support/server';
import { installApp } from './support/pages';

function pngSize(bytes: Buffer): { width: number; height: number } {
  // PNG: 8-byte signature, then the IHDR chunk whose data starts with width and height.
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the installable app', () => {
  let server: LoupeServer;
  let tablet: Browser;

  beforeAll(async () => {
    server = await startServer();
    tablet = await launchTablet({ viewport: VIEWPORTS.ipadLandscape });
  });
  afterAll(async () => {
    await tablet?.close();
    await server?.dispose();
  });

  it('links a valid manifest whose icons exist at their stated sizes', async () => {
    const page = await tablet.context.newPage();
    await page.goto(server.url);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const manifest = await (await page.request.get(`${server.url}${href}`)).json();
    expect(manifest).toMatchObject({ name: expect.any(String), short_name: 'Loupe', display: 'standalone', start_url: '/', theme_color: expect.any(String) });
    const purposes = new Set<string>();
    for (const icon of manifest.icons as { src: string; sizes: string; purpose: string }[]) {
      const response = await page.request.get(`${server.url}${icon.src}`);
      expect(response.status(), icon.src).toBe(200);
      const { width, height } = pngSize(await response.body());
      expect(`${width}x${height}`).toBe(icon.sizes);
      purposes.add(`${icon.purpose}:${icon.sizes}`);
    }
    expect([...purposes].sort()).toEqual(['any:192x192', 'any:512x512', 'maskable:192x192', 'maskable:512x512']);
    expect((await page.request.get(`${server.url}/icons/apple-touch-icon.png`)).status()).toBe(200);
    expect(await page.locator('meta[name="apple-mobile-web-app-capable"]').getAttribute('content')).toBe('yes');
    await page.close();
  });

  it('is controlled by its service worker after the first visit', async () => {
    const page = await tablet.context.newPage();
    await installApp(page, server.url);
    const scriptURL = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    expect(scriptURL).toBe(`${server.url}/sw.js`);
    await page.close();
  });

  it.each([
    ['ipad-portrait', VIEWPORTS.ipadPortrait],
    ['ipad-landscape', VIEWPORTS.ipadLandscape],
    ['android-tablet', VIEWPORTS.androidTablet],
  ])('lays out the bench screen on a %s viewport with large targets and no sideways scroll', async (name, viewport) => {
    const page = await tablet.context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Bench' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const control of await page.locator('button:visible, a.nav-link:visible, input:visible').all()) {
      const box = await control.boundingBox();
      expect(box?.height ?? 0, await control.evaluate((el) => el.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(44);
    }
    await expect(page.getByRole('status', { name: 'Connection and sync status' }).isVisible()).resolves.toBe(true);
    // The README's screenshots are rewritten only on request (LOUPE_UPDATE_SCREENSHOTS=1), so an
    // ordinary test run leaves the working tree clean; otherwise they go to a temporary folder.
    const dir = process.env.LOUPE_UPDATE_SCREENSHOTS === '1' ? join(REPO_ROOT, 'docs/screenshots') : join(tmpdir(), 'loupe-screenshots');
    await mkdir(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `bench-${name}.png`) });
    await page.close();
  });
});
