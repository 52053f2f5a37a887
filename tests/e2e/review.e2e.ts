import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Job } from '../../src/protocol/protocol';
import { aCustodyEvent, aJob, aPerson, aPhotoMeta, aTimeEntry } from '../support/factories';
import { makeJpeg } from './support/bench-fixtures';
import { launchTablet, VIEWPORTS, type Browser } from './support/chromium';
import { readActivity, readStore, seedStores, signIn, storeJpeg } from './support/front-office';
import { REPO_ROOT, startServer, type LoupeServer } from './support/server';

// The manager's iPad: the QC queue, a job's review with before and after side by side, the
// checklist with what is out of tolerance, a mark drawn on the after photo, then approve one
// job and send another back to rework with a reason the bench will read.

const SHOTS = join(REPO_ROOT, 'test-results', 'front-office');
const marc = aPerson({ name: 'Marc Lefèvre', role: 'manager' });
const camille = aPerson({ name: 'Camille Roux', role: 'jeweler' });

function answers(jobId: string, mandrel: number) {
  const at = new Date().toISOString();
  const answer = (itemKey: string, value: boolean | number) => ({ id: `${jobId}:sizing@1:${itemKey}`, jobId, templateId: 'sizing@1', itemKey, value, answeredBy: camille.id, answeredAt: at });
  return [
    answer('ordered_size', 54),
    answer('size_on_mandrel', mandrel),
    ...['shank_round', 'no_porosity', 'seam_invisible', 'stones_tight', 'hallmark_intact'].map((key) => answer(key, true)),
  ];
}

describe('QC review on the manager’s iPad', () => {
  let server: LoupeServer;
  let ipad: Browser;
  let dir: string;
  let page: Page;
  let ring: Job;
  let bracelet: Job;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), 'loupe-review-'));
    server = await startServer();
    ipad = await launchTablet({ viewport: VIEWPORTS.ipadPortrait });
    // Records are seeded on this device only; the server does not know these people, so sync is
    // cut (it would refuse their changes and the device would undo them).
    await ipad.context.route('**/api/**', (route) => route.abort('internetdisconnected'));
    page = await ipad.context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Bench' }).waitFor();

    const submitted = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
    ring = aJob({
      status: 'awaiting_qc',
      version: 6,
      services: ['sizing'],
      assigneeId: camille.id,
      checklistTemplates: ['sizing@1'],
      notes: 'Sized up from 52 to 54; added 1.6 mm of white gold.',
      piece: { category: 'ring', model: 'Solitaire Étoile', metal: 'au750_white', stones: [{ type: 'Diamond', count: 1, sizeOrCarat: '0.50 ct' }], weightG: 4.21, ringSize: { value: 52, scale: 'eu' } },
    });
    bracelet = aJob({ status: 'awaiting_qc', version: 3, services: ['polishing'], assigneeId: camille.id, piece: { category: 'bracelet', model: 'Maillon', metal: 'au750_yellow', stones: [], weightG: 18.4 } });
    const [beforeSha, afterSha] = [await storeJpeg(page, makeJpeg(dir, 'before', 'darkgoldenrod')), await storeJpeg(page, makeJpeg(dir, 'after', 'gold'))];
    const photo = (jobId: string, stage: 'before' | 'after', sha: string) => aPhotoMeta({ jobId, takenBy: camille.id, stage, sha256: sha, thumbSha256: sha, width: 1600, height: 1200 });
    await seedStores(page, {
      people: [marc, camille],
      jobs: [ring, bracelet],
      checklistAnswers: answers(ring.id, 54.5),
      timeEntries: [
        aTimeEntry({ jobId: ring.id, personId: camille.id, startedAt: submitted(5), endedAt: submitted(3) }),
        aTimeEntry({ jobId: bracelet.id, personId: camille.id, startedAt: submitted(30), endedAt: submitted(26) }),
      ],
      custodyEvents: [
        aCustodyEvent({ jobId: ring.id, personId: camille.id, location: { kind: 'bench', label: '2' }, at: submitted(6) }),
        aCustodyEvent({ jobId: ring.id, personId: camille.id, location: { kind: 'qc_desk' }, action: 'hand_over', at: submitted(3) }),
      ],
      photos: [photo(ring.id, 'before', beforeSha), photo(ring.id, 'after', afterSha), photo(bracelet.id, 'before', beforeSha), photo(bracelet.id, 'after', afterSha)],
    });
    await signIn(page, marc.id);
  });
  afterAll(async () => {
    await ipad?.close();
    await server?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the queue, the job waiting longest first', async () => {
    await page.goto(`${server.url}/review`);
    await page.getByRole('heading', { name: 'Awaiting QC' }).waitFor();
    const links = page.getByRole('link', { name: /^Review job/ });
    await links.nth(1).waitFor();
    expect(await links.evaluateAll((els) => els.map((el) => el.getAttribute('href')))).toEqual([`/review/${bracelet.number}`, `/review/${ring.number}`]);
    expect(await links.first().textContent()).toContain('Waiting 1 day 2 hr');
    await page.screenshot({ path: join(SHOTS, 'review-queue-ipad-portrait.png') });
  });

  it('shows before and after, flags what is out of tolerance, marks a defect, and approves', async () => {
    await page.getByRole('link', { name: `Review job ${ring.number}` }).click();
    await page.getByRole('heading', { name: `QC review: job ${ring.number}` }).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.pair img')].filter((i) => i.complete && i.naturalWidth > 0).length === 2);
    const mandrel = page.locator('.result-row', { hasText: 'Size on the mandrel' });
    expect(await mandrel.getAttribute('data-flagged')).toBe('true');
    expect(await mandrel.textContent()).toContain('Out of tolerance');
    await page.getByText('Total: 2 hr').waitFor();
    await page.screenshot({ path: join(SHOTS, 'review-ipad-portrait.png'), fullPage: true });

    // Full screen, before and after zooming together.
    await page.getByRole('button', { name: 'Full screen, zoom together' }).click();
    const viewer = page.getByRole('dialog', { name: 'Before and after' });
    await viewer.waitFor();
    await viewer.getByRole('button', { name: 'Zoom in' }).click();
    await viewer.getByText(/^Zoom: (?!100 )\d+ %$/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'review-compare-ipad-portrait.png') });
    await viewer.getByRole('button', { name: 'Close' }).click();

    // A circle on the after photo, over the untouched original.
    await page.getByRole('button', { name: '✎ Mark up this photo (After)' }).click();
    const annotator = page.getByRole('dialog', { name: 'Mark up the photo' });
    const surface = annotator.getByRole('img', { name: 'Photo to mark up' });
    const box = (await surface.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.55, { steps: 5 });
    await page.mouse.up();
    await annotator.getByRole('radio', { name: 'Arrow' }).click();
    await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.42, { steps: 5 });
    await page.mouse.up();
    await annotator.getByText('2 marks').waitFor();
    await page.screenshot({ path: join(SHOTS, 'review-annotate-ipad-portrait.png') });
    await annotator.getByRole('button', { name: 'Save marks' }).click();
    await annotator.waitFor({ state: 'detached' });
    const photos = await readStore<{ id: string; jobId: string; stage: string; marks: { kind: string }[]; sha256: string }>(page, 'photos');
    const after = photos.find((p) => p.jobId === ring.id && p.stage === 'after')!;
    expect(after.marks.map((m) => m.kind)).toEqual(['circle', 'arrow']);
    await page.locator('.pair-side[data-side="after"] .marks-overlay circle').first().waitFor();

    await page.getByRole('button', { name: '✓ Approve' }).click();
    await page.getByText('Approved: the job is completed.').waitFor();
    const jobs = await readStore<Job>(page, 'jobs');
    expect(jobs.find((j) => j.id === ring.id)).toMatchObject({ status: 'completed', version: 7 });
    const reviews = await readStore<{ jobId: string; decision: string; reviewerId: string }>(page, 'qcReviews');
    expect(reviews).toEqual([expect.objectContaining({ jobId: ring.id, decision: 'approve', reviewerId: marc.id })]);
    const outbox = await readStore<{ op: string; entityId: string; baseVersion?: number; patch: { to?: string } }>(page, 'outbox');
    expect(outbox.find((e) => e.op === 'move')).toMatchObject({ entityId: ring.id, baseVersion: 6, patch: { to: 'completed' } });
  });

  it('sends a job back to rework with a reason and a comment, on the landscape iPad', async () => {
    await page.setViewportSize(VIEWPORTS.ipadProLandscape);
    await page.goto(`${server.url}/review/${bracelet.number}`);
    await page.getByRole('heading', { name: `QC review: job ${bracelet.number}` }).waitFor();
    const reject = page.getByRole('button', { name: '↺ Send to rework' });
    await reject.click();
    await page.getByText('Choose at least one reason.').waitFor();
    await page.getByRole('checkbox', { name: 'Polish marks' }).check();
    await page.getByRole('checkbox', { name: 'Dirty' }).check();
    await page.getByLabel('What the jeweler should fix').fill('Polish marks on the third link; compound left in the clasp.');
    await reject.click();
    await page.getByText('Sent to rework: the jeweler sees why on the bench.').waitFor();
    const latest = page.getByRole('region', { name: 'Last QC decision' });
    await latest.getByText('Sent to rework by Marc Lefèvre', { exact: false }).waitFor();
    expect(await latest.getByRole('listitem').allTextContents()).toEqual(['Polish marks', 'Dirty']);
    await page.screenshot({ path: join(SHOTS, 'review-rejected-ipad-landscape.png'), fullPage: true });
    const jobs = await readStore<Job>(page, 'jobs');
    expect(jobs.find((j) => j.id === bracelet.id)?.status).toBe('rework');
    const reviews = await readStore<{ jobId: string; decision: string; reasons: string[]; comment: string }>(page, 'qcReviews');
    expect(reviews.find((r) => r.jobId === bracelet.id)).toMatchObject({ decision: 'reject', reasons: ['polish_marks', 'dirty'], comment: 'Polish marks on the third link; compound left in the clasp.' });
    // The queue is empty now.
    await page.goto(`${server.url}/review`);
    await page.getByText('No job is waiting for QC.').waitFor();
  });

  it('sends a piece to a vendor and shows it there on the board', async () => {
    await page.goto(`${server.url}/desk/${bracelet.number}`);
    await page.getByRole('heading', { name: `Job ${bracelet.number}` }).waitFor();
    const vendor = page.getByRole('region', { name: 'Vendor' });
    await vendor.getByLabel('Vendor').fill('Atelier Gravure');
    await vendor.getByLabel('Expected back').fill('2099-03-20');
    await vendor.getByRole('button', { name: 'Send out' }).click();
    await vendor.getByRole('button', { name: 'Received back from Atelier Gravure' }).waitFor();
    await page.getByLabel('Where the piece is: At vendor: Atelier Gravure, expected back Mar 20, 2099').waitFor();
    await page.goto(`${server.url}/board`);
    await page.getByRole('heading', { name: 'All jobs' }).waitFor();
    const rework = page.getByRole('region', { name: 'Rework (1)' });
    await rework.getByText('At vendor: Atelier Gravure', { exact: false }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'board-ipad-landscape.png'), fullPage: true });
  });

  it('reconciles the approved job and releases it: read-only, with its custody event', async () => {
    await page.goto(`${server.url}/desk/${ring.number}`);
    const reconcile = page.getByRole('region', { name: 'Reconciliation' });
    await reconcile.waitFor();
    // Sized up: 0.44 g more metal is within what sizing allows; the one stone is there.
    await reconcile.getByLabel('Weight now (g)').fill('4,65');
    await reconcile.getByLabel('Stones now').fill('1');
    await reconcile.getByText('✓ Weight within tolerance', { exact: false }).waitFor();
    await reconcile.getByRole('button', { name: 'Record' }).click();
    await reconcile.getByText('Reconciled: within tolerance.').waitFor();
    const release = page.getByRole('region', { name: 'Release to the client' });
    await release.getByRole('button', { name: 'Release the piece' }).click();
    await release.getByText('Released. The job is now read-only.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'desk-released-ipad-landscape.png'), fullPage: true });
    const jobs = await readStore<Job>(page, 'jobs');
    expect(jobs.find((j) => j.id === ring.id)).toMatchObject({ status: 'released', reconciliation: { weightOutG: 4.65, stoneCountOut: 1, withinTolerance: true } });
    const custody = await readActivity<{ jobId: string; action: string }>(page, 'custody');
    expect(custody.filter((e) => e.jobId === ring.id).map((e) => e.action)).toContain('release');
    // The board leaves released jobs out (it no longer even reads them) until asked for them.
    await page.goto(`${server.url}/board`);
    await page.getByRole('heading', { name: 'All jobs' }).waitFor();
    expect(await page.getByRole('link', { name: ring.number }).count()).toBe(0);
    await page.getByLabel('Show released and cancelled').check();
    await page.getByRole('region', { name: 'Released (1)' }).getByRole('link', { name: ring.number }).waitFor();
  });
});
