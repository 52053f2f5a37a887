import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tagPayload } from '../../src/domain/tag';
import { aJob, aPerson } from '../support/factories';
import { countRecords, fakeCameraArgs, makeJpeg, makeTagVideo, seedDevice } from './support/bench-fixtures';
import { readActivity } from './support/front-office';
import { BenchScreens } from './support/bench-pages';
import { launchTablet, VIEWPORTS, type Browser } from './support/chromium';
import { installApp } from './support/pages';
import { withPin } from './support/security';
import { REPO_ROOT, startServer, type LoupeServer } from './support/server';

// A bench in the vault: the app was installed once, then there is no network at all. The tag in
// front of the camera is a real QR code (a fake camera plays a video of it), photos are real
// JPEGs, and everything written must still be there after a reload.

const SHOTS = join(REPO_ROOT, 'test-results', 'bench');
// As a paired tablet holds them: with their PIN hashes (choosePerson types the PIN).
const camille = withPin(aPerson({ name: 'Camille Roux', role: 'jeweler' }), '1357');
const marc = withPin(aPerson({ name: 'Marc Lefèvre', role: 'manager' }), '2468');
const job = aJob({
  services: ['sizing'],
  priority: 'express',
  promisedDate: '2026-01-15',
  piece: {
    category: 'ring',
    model: 'Solitaire Étoile',
    reference: 'SE-750-52',
    serialNumber: 'A7731-22',
    metal: 'au750_white',
    stones: [{ type: 'Diamond', count: 1, sizeOrCarat: '0.50 ct', colour: 'F VS1' }, { type: 'Diamond', count: 12, sizeOrCarat: '0.01 ct', flag: 'loose' }],
    weightG: 4.21,
    ringSize: { value: 52, scale: 'eu' },
  },
});
const other = aJob({ services: ['polishing', 'rhodium_plating'], status: 'in_progress' });

/** No server, no network: what a vault bench has once Loupe is installed. */
async function goOffline(server: LoupeServer, tablet: Browser) {
  await server.stop();
  await tablet.context.setOffline(true);
}

async function openBench(page: Page, url: string) {
  await seedDevice(page, { jobs: [job, other], people: await Promise.all([camille, marc]) });
  await page.goto(url);
  await page.getByRole('heading', { name: 'Bench' }).waitFor();
}

describe('the bench, offline from start to end', () => {
  let server: LoupeServer;
  let tablet: Browser;
  let dir: string;
  let jpegs: { before: string; after: string };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), 'loupe-bench-'));
    server = await startServer();
    const { y4m } = await makeTagVideo(dir, 'tag', tagPayload(server.url, job.number));
    jpegs = { before: makeJpeg(dir, 'before', 'darkgoldenrod'), after: makeJpeg(dir, 'after', 'silver') };
    tablet = await launchTablet({ viewport: VIEWPORTS.ipadPortrait, extraArgs: fakeCameraArgs(y4m) });
  });
  afterAll(async () => {
    await tablet?.close();
    await server?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('scans the tag, works the job, is refused QC with what is missing, and keeps it all across a reload', async () => {
    const page = await tablet.context.newPage();
    await installApp(page, server.url);
    await goOffline(server, tablet);
    await openBench(page, server.url);
    await page.getByRole('region', { name: 'Who is working?' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'bench-home-nobody-ipad-portrait.png') });
    const bench = new BenchScreens(page);
    await bench.choosePerson('Camille Roux');

    // Scan: the camera sees the tag and the job opens, with the scan in its custody.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
    // No wait for the scan screen's heading: the tag is in front of the lens from the first
    // frame, and the job can open before a test would see the scan screen.
    await bench.jobHeading(job.number).waitFor({ timeout: 30_000 });
    await bench.region('Custody').getByText('Scanned in · Bench 1').waitFor();
    await bench.status('Queued').waitFor();

    // Start work: in progress, and the clock runs.
    await bench.actions().getByRole('button', { name: 'Start work' }).click();
    await bench.status('In progress').waitFor();
    await bench.timer().getByText('Running').waitFor();

    // A before photo, then most of the checklist.
    await page.getByLabel('Take a before photo').setInputFiles(jpegs.before);
    await page.getByRole('heading', { name: 'Before (1)' }).waitFor({ timeout: 30_000 });
    await bench.measure('Size ordered (from the work order)', '54');
    await bench.measure('Size on the mandrel', '54,1');
    for (const item of [
      'Shank round on the mandrel, no flat spots',
      'No pits or porosity where metal was added or removed',
      'Stones tight after heating, none cracked or clouded',
      'Hallmark intact and legible',
    ]) await bench.pass(item);
    await bench.checklist().getByText('6 of 8 required done').waitFor();

    await page.setViewportSize(VIEWPORTS.ipadPortrait);
    await page.screenshot({ path: join(SHOTS, 'job-ipad-portrait.png'), fullPage: true });

    // Submit for QC: refused, and the refusal says exactly what is missing.
    await bench.actions().getByRole('button', { name: 'Submit for QC' }).click();
    const refusal = bench.actions().getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Not ready for QC. 3 things are missing:');
    expect(await refusal.getByRole('listitem').allTextContents()).toEqual([
      'Solder seam invisible under the loupe (10×) (Sizing)',
      'Photo of the shank at the seam (Sizing)',
      'At least one “after” photo',
    ]);
    await bench.status('In progress').waitFor();
    await page.setViewportSize(VIEWPORTS.ipadLandscape);
    await page.screenshot({ path: join(SHOTS, 'job-ipad-landscape-refused.png'), fullPage: false });
    await refusal.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'job-ipad-landscape-refusal.png') });

    // The rest: an after photo linked to its checklist item, the seam checked; now QC takes it.
    await page.getByLabel('Take an after photo').setInputFiles(jpegs.after);
    await page.getByRole('heading', { name: 'After (1)' }).waitFor({ timeout: 30_000 });
    await bench.pass('Solder seam invisible under the loupe (10×)');
    const photoItem = bench.checklist().getByRole('group', { name: 'Photo of the shank at the seam' });
    await photoItem.getByRole('button', { name: /^Photo 1/ }).click();
    await photoItem.getByRole('button', { name: /^Photo 1/, pressed: true }).waitFor();
    await bench.checklist().getByText('8 of 8 required done').waitFor();
    await bench.actions().getByRole('button', { name: 'Submit for QC' }).click();
    await bench.status('Awaiting QC').waitFor();
    await bench.timer().getByText('Paused').waitFor();
    const worked = await bench.timer().getByRole('timer').textContent();
    expect(worked).not.toBe('0:00:00');

    // Reload, still offline: everything is still there.
    await page.reload();
    await bench.jobHeading(job.number).waitFor();
    await bench.status('Awaiting QC').waitFor();
    await page.getByRole('button', { name: 'Camille Roux · Jeweler' }).waitFor();
    await bench.region('Custody').getByText('Scanned in · Bench 1').waitFor();
    await page.getByRole('heading', { name: 'Before (1)' }).waitFor();
    await page.getByRole('heading', { name: 'After (1)' }).waitFor();
    await bench.checklist().getByText('8 of 8 required done').waitFor();
    expect(await bench.checklist().getByLabel('Size on the mandrel', { exact: true }).inputValue()).toBe('54.1');
    expect(await bench.timer().getByRole('timer').textContent()).toBe(worked);
    expect(await countRecords(page, 'timeEntries')).toBe(1);
    expect(await readActivity(page, 'custody')).toHaveLength(1);
    expect(await readActivity(page, 'answers')).toHaveLength(8);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await page.close();
  });
});

describe('other codes and a handheld scanner', () => {
  let server: LoupeServer;
  let tablet: Browser;
  let dir: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), 'loupe-bench-'));
    server = await startServer();
    const wifi = await makeTagVideo(dir, 'wifi', 'WIFI:S:Atelier-Vault;T:WPA;P:not-for-guests;;');
    tablet = await launchTablet({ viewport: VIEWPORTS.androidTablet, extraArgs: fakeCameraArgs(wifi.y4m) });
  });
  afterAll(async () => {
    await tablet?.close();
    await server?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('says a Wi-Fi QR code from the camera is not a Loupe tag', async () => {
    const page = await tablet.context.newPage();
    await installApp(page, server.url);
    await goOffline(server, tablet);
    await openBench(page, server.url);
    await new BenchScreens(page).choosePerson('Camille Roux');

    await page.goto(`${server.url}/scan`);
    const alert = page.getByRole('alert').filter({ hasText: 'not a Loupe tag' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toBe('This is not a Loupe tag. It reads: “WIFI:S:Atelier-Vault;T:WPA;P:not-for-guests;;”');
    expect(new URL(page.url()).pathname).toBe('/scan');
    await page.screenshot({ path: join(SHOTS, 'scan-android-landscape.png') });
    expect(await readActivity(page, 'custody')).toHaveLength(0);
    await page.close();
  });

  it('opens the job from a handheld scanner typing on the bench home, with no field focused', async () => {
    const page = await tablet.context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Bench' }).waitFor();
    await page.getByRole('button', { name: 'Camille Roux · Jeweler' }).waitFor();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

    await page.keyboard.type(`${server.url}/t/${job.number}`, { delay: 5 });
    await page.keyboard.press('Enter');

    await new BenchScreens(page).jobHeading(job.number).waitFor({ timeout: 15_000 });
    await new BenchScreens(page).region('Custody').getByText('Scanned in · Bench 1').waitFor();
    await page.close();
  });
});

describe('a tablet whose camera is refused', () => {
  let server: LoupeServer;
  let tablet: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loupe-bench-'));
    server = await startServer();
    // A camera is there, but nobody says yes to it: headless Chromium refuses the permission.
    tablet = await launchTablet({ viewport: VIEWPORTS.ipadLandscape, extraArgs: ['--use-fake-device-for-media-stream'] });
  });
  afterAll(async () => {
    await tablet?.close();
    await server?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('says why, and reads the code from a photo of the tag instead', async () => {
    const page = await tablet.context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Bench' }).waitFor();
    await openBench(page, server.url);
    await new BenchScreens(page).choosePerson('Camille Roux');
    await page.goto(`${server.url}/scan`);
    await page.getByRole('alert').filter({ hasText: 'The camera is not allowed.' }).waitFor({ timeout: 15_000 });

    // This code, drawn this way, is one that html5-qrcode's own decoder (a JavaScript port of
    // ZXing) cannot read at all; ZXing-C++ (src/scan/qr-decoder.ts) reads it.
    const photo = (await makeTagVideo(dir, 'workshop-wifi', 'WIFI:S:Workshop;T:WPA;P:guests-only;;')).png;
    await page.getByLabel('Photo of the tag').setInputFiles(photo);
    const alert = page.getByRole('alert').filter({ hasText: 'not a Loupe tag' });
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toBe('This is not a Loupe tag. It reads: “WIFI:S:Workshop;T:WPA;P:guests-only;;”');
    expect(tablet.cspViolations).toEqual([]);
    await page.close();
  });
});
