import { beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '../../src/db/database';
import { useSession } from '../../src/state/session-store';
import { aJob, aPerson, aTimeEntry } from '../support/factories';
import { renderApp } from './render-app';
import { storeActivity } from '../support/device-records';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

const marc = aPerson({ name: 'Marc Lefèvre', role: 'manager' });
const camille = aPerson({ name: 'Camille Roux', role: 'jeweler' });
const answeredAt = new Date().toISOString();

function answer(jobId: string, itemKey: string, value: boolean | number) {
  return { id: `${jobId}:sizing@1:${itemKey}`, jobId, templateId: 'sizing@1', itemKey, value, answeredBy: camille.id, answeredAt };
}

async function seedJob(overrides: Parameters<typeof aJob>[0] = {}) {
  const job = aJob({ status: 'awaiting_qc', services: ['sizing'], assigneeId: camille.id, checklistTemplates: ['sizing@1'], notes: 'Sized up from 52 to 54.', ...overrides });
  await db.jobs.add(job);
  await storeActivity(db, { answers: [answer(job.id, 'ordered_size', 54), answer(job.id, 'size_on_mandrel', 55), answer(job.id, 'shank_round', true)] });
  await db.timeEntries.add(aTimeEntry({ jobId: job.id, personId: camille.id, startedAt: '2026-03-09T09:00:00.000Z', endedAt: '2026-03-09T10:30:00.000Z' }));
  return job;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.people.bulkAdd([marc, camille]);
  useSession.setState({ personId: marc.id });
});

describe('the QC queue', () => {
  it('lists jobs awaiting QC, the longest waiting first, with jeweler and services', async () => {
    const recent = await seedJob();
    const older = aJob({ status: 'awaiting_qc', services: ['polishing'], updatedAt: '2026-01-05T08:00:00.000Z' });
    await db.jobs.bulkAdd([older, aJob({ status: 'in_progress' })]);
    await renderApp('/review');
    const links = await screen.findAllByRole('link', { name: /^Review job/ });
    expect(links.map((l) => l.getAttribute('href'))).toEqual([`/review/${older.number}`, `/review/${recent.number}`]);
    expect(links[1]).toHaveTextContent('Jeweler: Camille Roux');
    expect(links[0]).toHaveTextContent('Polishing / refinishing');
    expect(links[0]).toHaveTextContent(/Waiting \d+ days/);
  });
});

describe('the review screen', () => {
  it('highlights what is out of tolerance and shows labour and the bench’s notes', async () => {
    const job = await seedJob();
    await renderApp(`/review/${job.number}`);
    const row = (await screen.findByText('Size on the mandrel')).closest('li')!;
    expect(row).toHaveAttribute('data-flagged', 'true');
    expect(row).toHaveTextContent('Out of tolerance');
    expect(row).toHaveTextContent('55 size (target 54 ± 0.25)');
    expect(screen.getByText('Shank round on the mandrel, no flat spots').closest('li')).not.toHaveAttribute('data-flagged');
    // Labour and notes are their own live queries: they may answer after the checklist.
    expect(await screen.findByText('Total: 1 hr 30 min')).toBeInTheDocument();
    expect(await screen.findByText('Sized up from 52 to 54.')).toBeInTheDocument();
  });

  it('approves: the job is completed and the review recorded', async () => {
    const user = userEvent.setup();
    const job = await seedJob();
    await renderApp(`/review/${job.number}`);
    await user.click(await screen.findByRole('button', { name: '✓ Approve' }));
    expect(await screen.findByText('Approved: the job is completed.')).toBeInTheDocument();
    expect((await db.jobs.get(job.id))?.status).toBe('completed');
    const [review] = await db.qcReviews.toArray();
    expect(review).toMatchObject({ decision: 'approve', reviewerId: marc.id, jobId: job.id });
    expect(screen.queryByRole('button', { name: '✓ Approve' })).not.toBeInTheDocument();
  });

  it('sends to rework only with a reason, and the jeweler’s comment comes back on the job', async () => {
    const user = userEvent.setup();
    const job = await seedJob();
    await renderApp(`/review/${job.number}`);
    const reject = await screen.findByRole('button', { name: '↺ Send to rework' });
    await user.click(reject);
    expect(await screen.findByText('Choose at least one reason.')).toBeInTheDocument();
    expect((await db.jobs.get(job.id))?.status).toBe('awaiting_qc');

    await user.click(screen.getByRole('checkbox', { name: 'Other' }));
    await user.click(reject);
    expect(await screen.findByText('Say what is wrong: the jeweler reads this at the bench.')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Polish marks' }));
    await user.type(screen.getByLabelText('What the jeweler should fix'), 'Polish marks inside the shank at 6 o’clock.');
    await user.click(reject);
    expect(await screen.findByText('Sent to rework: the jeweler sees why on the bench.')).toBeInTheDocument();
    expect((await db.jobs.get(job.id))?.status).toBe('rework');

    const latest = await screen.findByRole('region', { name: 'Last QC decision' });
    expect(latest).toHaveTextContent('Sent to rework by Marc Lefèvre');
    expect(within(latest).getByRole('list', { name: 'Reasons' })).toHaveTextContent('Polish marks');
    expect(latest).toHaveTextContent('Polish marks inside the shank at 6 o’clock.');
    await waitFor(async () => expect((await db.outbox.toArray()).some((e) => e.op === 'move' && (e.patch as { to?: string }).to === 'rework')).toBe(true));
  });

  it('lets a jeweler look but not decide', async () => {
    useSession.setState({ personId: camille.id });
    const job = await seedJob();
    await renderApp(`/review/${job.number}`);
    expect(await screen.findByText('Only a manager signs QC off. You can look, not decide.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '✓ Approve' })).not.toBeInTheDocument();
  });

  it('in French too', async () => {
    const user = userEvent.setup();
    const job = await seedJob();
    await renderApp(`/review/${job.number}`, 'fr');
    await user.click(await screen.findByRole('button', { name: '↺ Renvoyer en reprise' }));
    expect(await screen.findByText('Choisissez au moins un motif.')).toBeInTheDocument();
    expect(screen.getByText('Hors tolérance')).toBeInTheDocument();
  });
});
