import { copyFileSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { A4_21, labelPositions, rollLabel, sheetGrid } from '../../src/domain/labels';
import { tagPayload } from '../../src/domain/tag';
import { aJob, aPerson, aPhotoMeta } from '../support/factories';
import { makeJpeg } from './support/bench-fixtures';
import { launchTablet, VIEWPORTS, type Browser } from './support/chromium';
import { decodeQr, printToPdf, rasterise, readStore, seedStores, signIn, storeJpeg } from './support/front-office';
import { REPO_ROOT, startServer, type LoupeServer } from './support/server';

// Intake on the desk computer, then every print view rendered to PDF by Chromium as the print
// dialog would, rasterised by pdftoppm, and the QR code read back from the picture: it must be
// the job's tag payload. The page sizes must be what the printers take.

const SHOTS = join(REPO_ROOT, 'test-results', 'front-office');
const DPI = 300;
const mmToPx = (mm: number) => Math.round((mm / 25.4) * DPI);
const louis = aPerson({ name: 'Louis Petit', role: 'intake' });

describe('intake and printing, on the intake desk', () => {
  let server: LoupeServer;
  let desk: Browser;
  let dir: string;
  let page: Page;
  let number: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), 'loupe-print-'));
    server = await startServer();
    desk = await launchTablet({ viewport: VIEWPORTS.desktop });
    // The server never hears of these people (seeded on the device only), so sync is cut: it would
    // rightly refuse their changes and the device would undo them. The app itself still loads.
    await desk.context.route('**/api/**', (route) => route.abort('internetdisconnected'));
    page = await desk.context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Bench' }).waitFor();
    await seedStores(page, { people: [louis] });
    await signIn(page, louis.id);
  });
  afterAll(async () => {
    await desk?.close();
    await server?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes a piece in with its photos and opens its tag', async () => {
    await page.goto(`${server.url}/intake/new`);
    await page.getByRole('heading', { name: 'New job' }).waitFor();
    await page.getByLabel(/Client reference/).fill('BTQ-4012');
    await page.getByRole('radio', { name: 'Ring', exact: true }).check();
    await page.getByLabel('Collection / model').fill('Solitaire Étoile');
    await page.getByLabel('Serial number').fill('A7731-22');
    await page.getByRole('radio', { name: '18k white gold (750)' }).check();
    await page.getByRole('button', { name: '+ Add a stone' }).click();
    await page.getByLabel('Type', { exact: true }).fill('Diamond');
    await page.getByLabel('Size or carat').fill('0.50 ct');
    await page.getByRole('button', { name: '+ Add a stone' }).click();
    await page.getByLabel('Type', { exact: true }).nth(1).fill('Diamond');
    await page.getByLabel('Count', { exact: true }).nth(1).fill('12');
    await page.getByLabel('At intake').nth(1).selectOption('loose');
    await page.getByLabel(/Intake weight/).fill('4.21');
    await page.getByLabel(/Ring size/).fill('52');
    await page.getByRole('checkbox', { name: 'Scratches' }).check();
    await page.getByRole('checkbox', { name: 'Worn prongs' }).check();
    await page.getByLabel('Condition notes').fill('Fine scratches on the shank; one claw worn flat.');
    await page.getByRole('checkbox', { name: 'Sizing' }).check();
    await page.getByRole('checkbox', { name: 'Polishing / refinishing' }).check();
    await page.getByRole('checkbox', { name: 'Replace parts only with the client’s approval' }).check();
    await page.getByRole('checkbox', { name: 'No ultrasonic (emerald, pearl, opal)' }).check();
    await page.getByRole('radio', { name: 'Express', exact: true }).check();
    await page.locator('input[type=file]').first().setInputFiles([makeJpeg(dir, 'intake-1', 'darkgoldenrod'), makeJpeg(dir, 'intake-2', 'slategray')]);
    await page.locator('input[type=file]').nth(1).setInputFiles(makeJpeg(dir, 'hallmark', 'silver'));
    await page.getByRole('img', { name: 'Hallmark / serial: hallmark.jpg' }).waitFor();
    expect(await page.getByLabel(/Promised date/).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.screenshot({ path: join(SHOTS, 'intake-desktop.png'), fullPage: true });

    await page.getByRole('button', { name: 'Save and print the tag' }).click();
    await page.waitForURL(/\/print\/[A-Z0-9-]+\?kind=label62/, { timeout: 60_000 });
    const [job] = await readStore<{ number: string; status: string; id: string }>(page, 'jobs');
    number = job!.number;
    expect(job!.status).toBe('intake');
    await page.getByText(`Job ${number} saved.`, { exact: false }).waitFor();
    const photos = await readStore<{ stage: string; jobId: string }>(page, 'photos');
    expect(photos.map((p) => p.stage).sort()).toEqual(['hallmark', 'intake', 'intake']);
    expect(photos.every((p) => p.jobId === job!.id)).toBe(true);
  });

  it('prints the 62 mm roll label: one label of the right size, the code reads the job', async () => {
    await page.goto(`${server.url}/print/${number}?kind=label62`);
    await page.locator('.roll-label').waitFor();
    const pdf = join(dir, 'label62.pdf');
    await printToPdf(page, pdf);
    const pngs = rasterise(pdf, dir, 'label62', DPI);
    expect(pngs).toHaveLength(1);
    copyFileSync(pngs[0]!, join(SHOTS, 'label62-pdf-page.png'));
    const decoded = await decodeQr(desk.context, pngs[0]!);
    const label = rollLabel(number.length);
    expect(Math.abs(decoded.width - mmToPx(label.widthMm))).toBeLessThanOrEqual(2);
    expect(Math.abs(decoded.height - mmToPx(label.lengthMm))).toBeLessThanOrEqual(2);
    expect(decoded.text).toBe(tagPayload(server.url, number));
    await page.screenshot({ path: join(SHOTS, 'print-label62-screen.png') });
  });

  it('prints labels on an A4 sheet where the layout says, after the labels already used', async () => {
    await page.goto(`${server.url}/print/${number}?kind=labelA4&count=2&skip=4`);
    await page.locator('.a4-label').nth(1).waitFor();
    const pdf = join(dir, 'labelA4.pdf');
    await printToPdf(page, pdf);
    const pngs = rasterise(pdf, dir, 'labelA4', DPI);
    expect(pngs).toHaveLength(1);
    copyFileSync(pngs[0]!, join(SHOTS, 'labelA4-pdf-page.png'));
    const positions = labelPositions(sheetGrid(A4_21), 2, 4);
    for (const position of positions) {
      const crop = { x: mmToPx(position.xMm), y: mmToPx(position.yMm), width: mmToPx(A4_21.label.widthMm), height: mmToPx(A4_21.label.heightMm) };
      const decoded = await decodeQr(desk.context, pngs[0]!, crop);
      expect(Math.abs(decoded.width - mmToPx(210))).toBeLessThanOrEqual(2);
      expect(decoded.text, `label at row ${position.row}, column ${position.column}`).toBe(tagPayload(server.url, number));
    }
    // Where a label was already used, nothing is printed.
    const used = labelPositions(sheetGrid(A4_21), 1, 0)[0]!;
    const empty = await decodeQr(desk.context, pngs[0]!, { x: mmToPx(used.xMm), y: mmToPx(used.yMm), width: mmToPx(63.5), height: mmToPx(38.1) });
    expect(empty.text).toBeNull();
  });

  it('prints the A4 job sheet with the intake photos and the code', async () => {
    await page.goto(`${server.url}/print/${number}?kind=sheet`);
    await page.getByRole('heading', { name: number, exact: true }).waitFor();
    await page.waitForFunction(() => {
      const images = [...document.querySelectorAll<HTMLImageElement>('.doc-photos img')];
      return images.length === 3 && images.every((img) => img.complete && img.naturalWidth > 0);
    }, undefined, { timeout: 30_000 });
    expect(await page.locator('.doc-photos li').count()).toBe(3);
    await page.screenshot({ path: join(SHOTS, 'print-sheet-screen.png'), fullPage: true });
    const pdf = join(dir, 'sheet.pdf');
    await printToPdf(page, pdf);
    const pngs = rasterise(pdf, dir, 'sheet', 150);
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    copyFileSync(pngs[0]!, join(SHOTS, 'sheet-pdf-page.png'));
    const decoded = await decodeQr(desk.context, pngs[0]!);
    expect(Math.abs(decoded.width - Math.round((210 / 25.4) * 150))).toBeLessThanOrEqual(2);
    expect(decoded.text).toBe(tagPayload(server.url, number));
    // The client's reference stays off the sheet that travels with the piece to the bench.
    expect(await page.locator('.print-area').textContent()).not.toContain('BTQ-4012');
  });

  it('prints the release slip of a released job, with before and after', async () => {
    const before = makeJpeg(dir, 'before', 'darkgoldenrod');
    const after = makeJpeg(dir, 'after', 'gold');
    const [beforeSha, afterSha] = [await storeJpeg(page, before), await storeJpeg(page, after)];
    const released = aJob({
      status: 'released',
      clientRef: 'BTQ-5001',
      reconciliation: { weightOutG: 4.19, stoneCountOut: 0, withinTolerance: true, recordedBy: louis.id, recordedAt: new Date().toISOString() },
    });
    await seedStores(page, {
      jobs: [released],
      photos: [
        aPhotoMeta({ jobId: released.id, takenBy: louis.id, stage: 'before', sha256: beforeSha, thumbSha256: beforeSha, width: 1600, height: 1200 }),
        aPhotoMeta({ jobId: released.id, takenBy: louis.id, stage: 'after', sha256: afterSha, thumbSha256: afterSha, width: 1600, height: 1200, marks: [{ kind: 'circle', cx: 800, cy: 600, r: 200 }] }),
      ],
      custodyEvents: [{ id: crypto.randomUUID(), jobId: released.id, personId: louis.id, deviceId: 'dev-desk-0001', location: { kind: 'dispatch' }, action: 'release', at: new Date().toISOString() }],
    });
    await page.goto(`${server.url}/print/${released.number}?kind=release`);
    await page.getByRole('heading', { name: released.number, exact: true }).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.doc-before-after img')].filter((i) => i.complete && i.naturalWidth > 0).length === 2, undefined, { timeout: 30_000 });
    expect(await page.locator('.doc-before-after .marks-overlay circle').count()).toBe(2);
    await page.screenshot({ path: join(SHOTS, 'print-release-screen.png'), fullPage: true });
    const pdf = join(dir, 'release.pdf');
    await printToPdf(page, pdf);
    const pngs = rasterise(pdf, dir, 'release', 150);
    copyFileSync(pngs[0]!, join(SHOTS, 'release-pdf-page.png'));
    const decoded = await decodeQr(desk.context, pngs[0]!);
    expect(Math.abs(decoded.width - Math.round((210 / 25.4) * 150))).toBeLessThanOrEqual(2);
    expect(decoded.text).toBe(tagPayload(server.url, released.number));
    expect(await page.locator('.print-area').textContent()).toContain('BTQ-5001');
  });
});
