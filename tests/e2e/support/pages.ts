import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Waits until the service worker controls the page: from then on the app loads offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return Boolean(registration.active && navigator.serviceWorker.controller);
  }, undefined, { timeout: 30_000 });
}

/** First load of a fresh profile: the worker installs, then a reload puts the page under it. */
export async function installApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Bench' }).waitFor();
  await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.ready).active));
  await page.reload();
  await waitForServiceWorker(page);
}

export class SettingsScreen {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string) {
    await this.page.goto(`${baseUrl}/settings`);
    await this.page.getByRole('heading', { name: /settings|réglages/i }).waitFor();
  }

  location(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Pressed now or within a moment: a tap is saved to IndexedDB first, and the screen follows the database. */
  async expectPressed(name: string) {
    await this.location(name).waitFor();
    await expect.poll(() => this.location(name).getAttribute('aria-pressed'), { timeout: 5_000 }).toBe('true');
  }
}
