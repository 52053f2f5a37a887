import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '../../sync-server/demo/demo-data';
import { demoHistory } from '../../sync-server/demo/demo-history';
import { JOBS, KPI_FIXTURE, KPI_NOW, KPI_ZONE } from '../support/kpi-fixture';
import { CHROMIUM_ARGS, CHROMIUM_PATH, VIEWPORTS } from './support/chromium';
import { REPO_ROOT, startServer, type LoupeServer } from './support/server';
import { seedStores } from './support/front-office';

// The manager's iPad, in Paris, on Thursday 12 March 2026: the dashboard over the hand-computed
// workshop (tests/support/kpi-fixture.ts) must show the figures worked out by hand, open the jobs
// behind them, and download CSVs that Excel reads with the right characters.

const SHOTS = join(REPO_ROOT, 'test-results', 'kpi');

type Stores = Record<'jobs' | 'timeEntries' | 'qcReviews' | 'custodyEvents' | 'attendance' | 'people', unknown[]>;

/** Puts the fixture straight into the app's IndexedDB, as a sync would have. */
async function seedFixture(page: Page, stores: Stores = KPI_FIXTURE_STORES): Promise<void> {
  await seedStores(page, stores);
}

const KPI_FIXTURE_STORES: Stores = {
  jobs: KPI_FIXTURE.jobs,
  timeEntries: KPI_FIXTURE.timeEntries,
  qcReviews: KPI_FIXTURE.qcReviews,
  custodyEvents: KPI_FIXTURE.custodyEvents,
  attendance: KPI_FIXTURE.attendance,
  people: KPI_FIXTURE.people,
};

async function launch(): Promise<{ context: BrowserContext; profile: string }> {
  const profile = await mkdtemp(join(tmpdir(), 'loupe-kpi-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORTS.ipadPortrait,
    deviceScaleFactor: 1,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: KPI_ZONE,
    acceptDownloads: true,
  });
  await context.clock.setFixedTime(new Date(KPI_NOW));
  return { context, profile };
}

async function tileValue(page: Page, name: string): Promise<string> {
  // French puts a narrow no-break space before '%': read any space as a space.
  return (await page.getByRole('group', { name, exact: true }).getByRole('button').textContent())?.replace(/[\u00a0\u202f]/g, ' ').trim() ?? '';
}

async function download(page: Page, button: RegExp): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('the KPI dashboard on the manager’s iPad', () => {
  let server: LoupeServer;
  let context: BrowserContext;
  let profile: string;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    ({ context, profile } = await launch());
    page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Bench' }).waitFor();
    await seedFixture(page);
  });
  afterAll(async () => {
    await context?.close();
    await rm(profile, { recursive: true, force: true });
    await server?.dispose();
  });

  it('shows the hand-computed figures for March, with charts', async () => {
    await page.getByRole('link', { name: 'KPIs' }).click();
    await page.getByRole('heading', { name: 'KPIs', level: 1 }).waitFor();
    await page.getByRole('group', { name: 'First-pass yield', exact: true }).waitFor();
    expect(await page.getByTestId('period-label').textContent()).toBe('March 2026');

    const expected: Record<string, string> = {
      'First-pass yield': '50%',
      'Rework rate': '33%',
      'Jobs completed': '4',
      'On time': '67%',
      'Labour per job': '2.5h',
      'Lead time': '5.5d',
      'Work in progress': '3',
      Overdue: '2',
      Idle: '1',
      'Hours per jeweler per week': '4.4h',
      'Late starts': '2',
      Utilisation: '28%',
    };
    const shown: Record<string, string> = {};
    for (const name of Object.keys(expected)) shown[name] = await tileValue(page, name);
    expect(shown).toEqual(expected);

    // uPlot draws the charts on canvases (its chunk loads with the first chart).
    await page.locator('.kpi-chart-canvas canvas').first().waitFor();
    expect(await page.locator('.kpi-chart-canvas canvas').count()).toBeGreaterThanOrEqual(6);
    await page.screenshot({ path: join(SHOTS, 'kpi-dashboard-ipad-portrait.png'), fullPage: true });
  });

  it('opens the jobs behind a number', async () => {
    await page.getByRole('group', { name: 'Overdue', exact: true }).getByRole('button').click();
    const dialog = page.getByRole('dialog', { name: 'Overdue' });
    await dialog.waitFor();
    const numbers = await dialog.getByRole('link').allTextContents();
    expect(numbers.sort()).toEqual([JOBS.J4.number, JOBS.J6.number].sort());
    await page.screenshot({ path: join(SHOTS, 'kpi-drill-down-ipad-portrait.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('downloads the jobs as a CSV Excel opens: BOM, commas in English, "Inès" intact', async () => {
    const { name, bytes } = await download(page, /Jobs/);
    expect(name).toBe('loupe-jobs-2026-03-01-2026-03-31.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Job number,Status,Services,Jeweler,Intake,First QC,QC reviews,Rejections,First pass,Completed,Lead time (days),Labour (hours),Promised date,On time');
    expect(lines.find((l) => l.startsWith(JOBS.J2.number))).toBe(`${JOBS.J2.number},Completed,Polishing / refinishing,Inès Moreau,2026-03-02 10:00,2026-03-04 11:00,2,1,no,2026-03-06 10:00,4,2,2026-03-05,no`);
    expect(bytes.includes(Buffer.from('Inès Moreau', 'utf8'))).toBe(true);
  });

  it('in French: KPIs per jeweler with semicolons and decimal commas', async () => {
    await page.evaluate(() => localStorage.setItem('loupe.language', 'fr'));
    await page.reload();
    await page.getByRole('heading', { name: 'Indicateurs', level: 1 }).waitFor();
    expect(await tileValue(page, 'Réussite au premier contrôle')).toBe('50 %');
    const { name, bytes } = await download(page, /Indicateurs par bijoutier/);
    expect(name).toBe('loupe-jewelers-2026-03-01-2026-03-31.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]!.split(';').slice(0, 4)).toEqual(['Personne', 'Commandes terminées', 'Commandes terminées par semaine', 'Réussite au premier contrôle (%)']);
    expect(lines[2]).toBe('Inès Moreau;3;0,68;33,3;40;2;4,4;4;8,8;50;23;5,19;3;1;34,8');
    await page.evaluate(() => localStorage.setItem('loupe.language', 'en'));
  });

  it('opens one jeweler’s review beside the team', async () => {
    await page.reload();
    await page.getByRole('link', { name: 'Performance review of Inès Moreau' }).click();
    await page.getByRole('heading', { name: 'Inès Moreau', level: 1 }).waitFor();
    const fpy = page.getByRole('region', { name: 'Quality' }).getByRole('row', { name: /First-pass yield/ });
    expect(await fpy.getByRole('button').allTextContents()).toEqual(['33%', '50%']);
    await page.locator('.kpi-chart-canvas canvas').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'kpi-jeweler-ipad-portrait.png'), fullPage: true });
  });
});

describe('the demo workshop on the iPad', () => {
  it('fills every chart with twelve weeks of work', async () => {
    const server = await startServer();
    const { context, profile } = await launch();
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'Bench' }).waitFor();
      const now = new Date(KPI_NOW);
      const base = demoData(now);
      const history = demoHistory(now);
      await seedFixture(page, {
        people: base.people,
        jobs: [...base.jobs, ...history.jobs],
        timeEntries: [...base.timeEntries, ...history.timeEntries],
        qcReviews: [...base.qcReviews, ...history.qcReviews],
        custodyEvents: [...base.custodyEvents, ...history.custodyEvents],
        attendance: history.attendance,
      });
      await page.goto(`${server.url}/kpi?period=quarter&from=2026-01-01&to=2026-03-31`);
      await page.getByRole('group', { name: 'First-pass yield', exact: true }).waitFor();
      await page.locator('.kpi-chart-canvas canvas').first().waitFor();
      expect(Number((await tileValue(page, 'Jobs completed')).replace(/\D/g, ''))).toBeGreaterThan(300);
      await page.screenshot({ path: join(SHOTS, 'kpi-demo-ipad-portrait.png'), fullPage: true });
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      await server.dispose();
    }
  });
});
