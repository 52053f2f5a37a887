import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchTablet, type Browser } from './support/chromium';
import { REPO_ROOT, startServer, type LoupeServer } from './support/server';
import { installApp } from './support/pages';

// Version 1 is the suite's build (dist/, build id "test-v1"); version 2 is built here.
describe('a new version', () => {
  let server: LoupeServer;
  let tablet: Browser;
  let v2Dir: string;

  beforeAll(async () => {
    v2Dir = await mkdtemp(join(tmpdir(), 'loupe-v2-'));
    execFileSync('npx', ['vite', 'build', '--outDir', v2Dir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'production', LOUPE_BUILD_ID: 'test-v2' },
      stdio: 'inherit',
    });
    server = await startServer();
    tablet = await launchTablet();
  });
  afterAll(async () => {
    await tablet?.close();
    await server?.dispose();
    await rm(v2Dir, { recursive: true, force: true });
  });

  it('says "Update ready", waits for the person, and only then switches', async () => {
    const page = await tablet.context.newPage();
    await installApp(page, server.url);
    await page.goto(`${server.url}/settings`);
    const v1 = await page.getByTestId('build-id').textContent();
    expect(v1).not.toBe('test-v2');

    await server.restart({ appDir: v2Dir });
    // A marker that a reload would wipe out.
    await page.evaluate(() => ((window as unknown as { loupeMarker: number }).loupeMarker = 42));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

    const prompt = page.getByRole('alertdialog', { name: 'Update ready' });
    await prompt.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3_000);
    expect(await page.evaluate(() => (window as unknown as { loupeMarker?: number }).loupeMarker)).toBe(42);
    expect(await page.getByTestId('build-id').textContent()).toBe(v1);

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Update now' }).click()]);
    await page.getByTestId('build-id').waitFor();
    expect(await page.getByTestId('build-id').textContent()).toBe('test-v2');
    await page.close();
  });
});
