import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoData } from '../../sync-server/demo/demo-data';
import { PullResponse, type Job, type PhotoMeta } from '../../src/protocol/protocol';
import { makeJpeg } from './support/bench-fixtures';
import { BenchScreens } from './support/bench-pages';
import { launchTablet, VIEWPORTS, type Browser } from './support/chromium';
import { installApp } from './support/pages';
import { observerHeaders, pairingCode, pairTablet } from './support/security';
import { startServer, type LoupeServer } from './support/server';

// Work done in the vault with no network reaches the server once the tablet is back, and the
// manager's iPad (another browser, another IndexedDB) sees it within seconds — then live.

const demo = demoData();
const queued = demo.jobs.find((j) => j.status === 'queued')!;

async function serverState(server: LoupeServer): Promise<{ job?: Job; photos: PhotoMeta[] }> {
  // Every page: the demo's twelve weeks of history are more than one page, and a changed job moves to the end.
  const changes: PullResponse['changes'] = [];
  for (let cursor = ''; ; ) {
    const page = PullResponse.parse(await (await fetch(`${server.url}/api/sync/pull?limit=5000${cursor ? `&cursor=${cursor}` : ''}`, { headers: await observerHeaders(server) })).json());
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const job = changes.find((c) => c.entity === 'job' && c.id === queued.id)?.data as Job | undefined;
  const photos = changes.filter((c) => c.entity === 'photo' && c.data.jobId === queued.id).map((c) => c.data as PhotoMeta);
  return { job, photos };
}

async function waitForSynced(page: Page) {
  const badge = page.getByRole('status', { name: 'Connection and sync status' });
  await badge.getByText('All changes synced').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('.status-photos'), undefined, { timeout: 30_000 });
}

describe('offline bench work reaches the server and the manager’s iPad', () => {
  let server: LoupeServer;
  let tablet: Browser;
  let ipad: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loupe-sync-e2e-'));
    server = await startServer({ env: { LOUPE_DEMO: '1' } });
    tablet = await launchTablet({ viewport: VIEWPORTS.ipadPortrait });
    ipad = await launchTablet({ viewport: VIEWPORTS.ipadProLandscape });
  });
  afterAll(async () => {
    await tablet?.close();
    await ipad?.close();
    await server?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('syncs a shift’s work with its photo, and then keeps the iPad up to date live', async () => {
    const page = await tablet.context.newPage();
    await installApp(page, server.url);
    // Paired as a bench tablet (a code from the admin), it pulls the demo workshop.
    await pairTablet(page, server, 'bench');
    const bench = new BenchScreens(page);
    // The tablet pulled the demo workshop: its people and jobs are here.
    await bench.choosePerson('Camille Laurent');

    await tablet.context.setOffline(true);
    await page.goto(`${server.url}/job/${queued.number}`);
    await bench.jobHeading(queued.number).waitFor();
    await bench.actions().getByRole('button', { name: 'Start work' }).click();
    await bench.status('In progress').waitFor();
    await page.getByLabel('Notes on this job').fill('Link 14 re-soldered; clasp spring weak.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByLabel('Take a before photo').setInputFiles(makeJpeg(dir, 'before', 'goldenrod'));
    await page.getByRole('heading', { name: 'Before (1)' }).waitFor({ timeout: 30_000 });
    const badge = page.getByRole('status', { name: 'Connection and sync status' });
    await badge.getByText(/changes? waiting to sync/).waitFor();
    expect((await serverState(server)).job?.status).toBe('queued');

    // Back online: everything goes up, photo bytes included.
    await tablet.context.setOffline(false);
    await waitForSynced(page);
    const state = await serverState(server);
    expect(state.job).toMatchObject({ status: 'in_progress', notes: 'Link 14 re-soldered; clasp spring weak.' });
    expect(state.photos).toHaveLength(1);
    for (const sha of [state.photos[0]!.sha256, state.photos[0]!.thumbSha256]) {
      expect((await fetch(`${server.url}/api/photos/${sha}`, { method: 'HEAD', headers: await observerHeaders(server) })).status).toBe(200);
    }

    // The manager's iPad: a fresh install sees the job, its note and the photo's thumbnail.
    const manager = await ipad.context.newPage();
    await installApp(manager, server.url);
    await pairTablet(manager, server, 'manager');
    await new BenchScreens(manager).choosePerson('Inès Moreau');
    await manager.goto(`${server.url}/job/${queued.number}`);
    const onIpad = new BenchScreens(manager);
    await onIpad.status('In progress').waitFor({ timeout: 15_000 });
    await manager.getByText('Link 14 re-soldered; clasp spring weak.').waitFor();
    await manager.getByRole('heading', { name: 'Before (1)' }).waitFor({ timeout: 15_000 });
    await manager.waitForFunction(() => [...document.querySelectorAll('img')].some((img) => img.naturalWidth > 0 && img.src.startsWith('blob:')), undefined, { timeout: 15_000 });

    // Live: a change on the bench shows on the iPad within seconds, without a reload.
    await page.getByLabel('Notes on this job').fill('Clasp spring replaced.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    const started = Date.now();
    await manager.getByText('Clasp spring replaced.').waitFor({ timeout: 10_000 });
    console.log(`live update reached the iPad in ${Date.now() - started} ms`);
  });
});

describe('two tabs on one tablet', () => {
  let server: LoupeServer;
  let tablet: Browser;

  beforeAll(async () => {
    server = await startServer({ env: { LOUPE_DEMO: '1' } });
    tablet = await launchTablet({ viewport: VIEWPORTS.ipadLandscape });
  });
  afterAll(async () => {
    await tablet?.close();
    await server?.dispose();
  });

  it('never sync at the same time (one runner per device, through a Web Lock)', async () => {
    const first = await tablet.context.newPage();
    await installApp(first, server.url);
    await pairTablet(first, server, 'bench');
    await new BenchScreens(first).choosePerson('Camille Laurent');
    const second = await tablet.context.newPage();
    await second.goto(`${server.url}/job/${queued.number}`);

    // Every sync call is held a little on its way, so overlapping rounds would show.
    let inFlight = 0;
    let maxInFlight = 0;
    let calls = 0;
    await tablet.context.route(/\/api\/sync\/(push|pull)/, async (route) => {
      calls += 1;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 300));
      const response = await route.fetch();
      inFlight -= 1;
      await route.fulfill({ response });
    });

    await first.goto(`${server.url}/job/${queued.number}`);
    for (const note of ['one', 'two', 'three']) {
      await first.getByLabel('Notes on this job').fill(`note ${note}`);
      await first.getByRole('button', { name: 'Save notes' }).click();
      // Both tabs wake up: the outbox grew (seen by both), and the tab becomes visible again.
      await second.evaluate(() => window.dispatchEvent(new Event('online')));
      await first.evaluate(() => window.dispatchEvent(new Event('online')));
      await first.waitForTimeout(400);
    }
    await waitForSynced(first);
    expect(calls).toBeGreaterThan(2);
    expect(maxInFlight).toBe(1);
    expect((await serverState(server)).job?.notes).toBe('note three');
    await tablet.context.unrouteAll({ behavior: 'ignoreErrors' });
  });
});

describe('a new tablet joins a workshop with history', () => {
  let server: LoupeServer;
  let tablet: Browser;

  beforeAll(async () => {
    server = await startServer({ env: { LOUPE_DEMO: '1' } });
    tablet = await launchTablet({ viewport: VIEWPORTS.ipadPortrait });
  });
  afterAll(async () => {
    await tablet?.close();
    await server?.dispose();
  });

  it('says how many changes its first sync has received, page after page, takes no second code, then starts', async () => {
    const page = await tablet.context.newPage();
    // Each pulled page is held a little on its way, as over a workshop's Wi-Fi, so every step shows.
    await tablet.context.route(/\/api\/sync\/pull/, async (route) => {
      await new Promise((r) => setTimeout(r, 300));
      await route.fulfill({ response: await route.fetch() });
    });
    const code = await pairingCode(server, 'bench');
    await page.goto(`${server.url}/pair`);
    await page.getByLabel('Pairing code').fill(code);
    await page.getByRole('button', { name: 'Pair', exact: true }).click();
    const progress = page.getByRole('status').filter({ hasText: 'changes received' });
    const received = async () => Number((await progress.textContent())?.replace(/\D/g, ''));
    await progress.waitFor();
    expect(await progress.textContent()).toMatch(/^Syncing… \d{1,3}(,\d{3})* changes received$/);
    const first = await received();
    // Neither another code nor a scan can start a second pairing while this one syncs.
    expect(await page.getByRole('button', { name: 'Scan the QR code' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Pair', exact: true }).isDisabled()).toBe(true);
    await page.waitForFunction((n) => Number(document.querySelector('.join-page [role="status"]')?.textContent?.replace(/\D/g, '')) > n, first);
    await page.screenshot({ path: 'test-results/pairing-first-sync-ipad-portrait.png' });
    await page.waitForURL(`${server.url}/`, { timeout: 60_000 });
    await page.getByRole('region', { name: 'Who is working?' }).getByRole('button', { name: /Camille Laurent/ }).waitFor();
    await tablet.context.unrouteAll({ behavior: 'ignoreErrors' });
  });
});
