import { beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '../../src/db/database';
import type { Job, Person } from '../../src/db/records';
import { answerId } from '../../src/domain/checklists';
import type { JobStatus, Role } from '../../src/domain/vocabulary';
import { useSession } from '../../src/state/session-store';
import { aJob, aPerson, aPhotoMeta, aTimeEntry } from '../support/factories';
import { renderApp } from './render-app';
import { listAnswers } from '../../src/db/checklist-repo';
import { getAnswer, storeActivity } from '../support/device-records';

// The job screen is a lazy chunk; a busy machine needs more than the default second for it.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

const people: Record<Role, Person> = {
  jeweler: aPerson({ name: 'Camille Roux', role: 'jeweler' }),
  manager: aPerson({ name: 'Marc Lefèvre', role: 'manager' }),
  intake: aPerson({ name: 'Inès Martin', role: 'intake' }),
  admin: aPerson({ name: 'Alex Admin', role: 'admin' }),
};

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.people.bulkAdd(Object.values(people));
  useSession.setState({ personId: people.jeweler.id });
});

async function openJob(job: Job, role: Role = 'jeweler') {
  await db.jobs.put(job);
  useSession.setState({ personId: people[role].id });
  const view = await renderApp(`/job/${job.number}`);
  await screen.findByRole('heading', { level: 1, name: `Job ${job.number}` });
  await screen.findByRole('button', { name: new RegExp(`^${people[role].name} ·`) });
  return view;
}

function actions() {
  return screen.getByRole('region', { name: 'Next step' });
}

async function buttonsIn(region: HTMLElement) {
  await waitFor(() => expect(within(region).queryAllByRole('button').length + within(region).queryAllByText(/Nothing to do/).length).toBeGreaterThan(0));
  return within(region).queryAllByRole('button').map((b) => b.textContent);
}

describe('the state-machine buttons, per role', () => {
  it.each<[JobStatus, Role, string[]]>([
    ['queued', 'jeweler', ['Start work', 'Put on hold']],
    ['queued', 'manager', ['Start work', 'Put on hold', 'Cancel job']],
    ['queued', 'intake', ['Put on hold']],
    ['queued', 'admin', []],
    ['intake', 'intake', ['Send to the bench', 'Cancel job']],
    ['intake', 'jeweler', []],
    ['in_progress', 'jeweler', ['Put on hold', 'Submit for QC']],
    ['on_hold', 'jeweler', ['Back to the queue', 'Resume work']],
    ['on_hold', 'intake', ['Back to the queue']],
    ['rework', 'jeweler', ['Start rework', 'Put on hold']],
    // QC sign-off has its own screen; nothing for the bench to press.
    ['awaiting_qc', 'jeweler', []],
    ['awaiting_qc', 'manager', []],
    ['released', 'manager', []],
  ])('%s, %s: %j', async (status, role, expected) => {
    await openJob(aJob({ status, holdReason: status === 'on_hold' ? 'quote' : undefined }), role);
    expect(await buttonsIn(actions())).toEqual(expected);
    if (expected.length === 0) expect(actions()).toHaveTextContent('Nothing to do on this job now for your role');
  });

  it('asks who is working instead of offering moves when nobody is', async () => {
    const job = aJob();
    await db.jobs.put(job);
    useSession.setState({ personId: null });
    await renderApp(`/job/${job.number}`);
    expect(await screen.findByRole('region', { name: 'Who is working?' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start work' })).not.toBeInTheDocument();
  });
});

describe('working the job', () => {
  it('start work moves the job, pins the checklist versions and starts the timer', async () => {
    const job = aJob({ services: ['sizing', 'polishing'] });
    await openJob(job);
    await userEvent.click(within(actions()).getByRole('button', { name: 'Start work' }));

    expect(await screen.findByLabelText('Status: In progress')).toBeInTheDocument();
    await waitFor(async () => expect((await db.jobs.get(job.id))?.checklistTemplates).toEqual(['sizing@1', 'polishing@1']));
    // The timer starts in its own write, right after the move.
    await waitFor(async () => expect(await db.timeEntries.where('jobId').equals(job.id).count()).toBe(1));
    const entries = await db.timeEntries.where('jobId').equals(job.id).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ personId: people.jeweler.id });
    expect(entries[0]!.endedAt).toBeUndefined();
    const timer = screen.getByRole('region', { name: 'Bench timer' });
    expect(await within(timer).findByText('Running')).toBeInTheDocument();
    expect((await db.outbox.toArray()).map((o) => `${o.entity}:${o.op}`)).toEqual(['job:move', 'job:put', 'timeEntry:put']);
  });

  it('puts a job on hold only with a reason, and stops the clock', async () => {
    const job = aJob({ status: 'in_progress', checklistTemplates: ['sizing@1'] });
    await db.timeEntries.add(aTimeEntry({ jobId: job.id, personId: people.jeweler.id }));
    await openJob(job);
    await userEvent.click(within(actions()).getByRole('button', { name: 'Put on hold' }));
    const picker = within(actions()).getByRole('group', { name: 'Why is the job on hold?' });
    const confirm = within(picker).getByRole('button', { name: 'Put on hold' });
    expect(confirm).toBeDisabled();
    await userEvent.click(within(picker).getByRole('button', { name: 'Awaiting parts' }));
    await userEvent.click(confirm);

    expect(await screen.findByLabelText('Status: On hold')).toBeInTheDocument();
    const stored = await db.jobs.get(job.id);
    expect(stored).toMatchObject({ status: 'on_hold', holdReason: 'awaiting_parts' });
    await waitFor(async () => expect((await db.timeEntries.where('jobId').equals(job.id).first())?.endedAt).toBeDefined());
  });

  it('starting the timer on a second job pauses the first and says so', async () => {
    const first = aJob({ status: 'in_progress' });
    const second = aJob({ status: 'in_progress' });
    await db.jobs.add(first);
    const running = aTimeEntry({ jobId: first.id, personId: people.jeweler.id });
    await db.timeEntries.add(running);
    await openJob(second);

    const timer = screen.getByRole('region', { name: 'Bench timer' });
    expect(await within(timer).findByText(`Your timer is running on job ${first.number}. Starting here pauses it.`)).toBeInTheDocument();
    await userEvent.click(within(timer).getByRole('button', { name: 'Start timer' }));

    expect(await within(timer).findByText(`Job ${first.number} was paused: one job at a time.`)).toBeInTheDocument();
    expect(await within(timer).findByText('Running')).toBeInTheDocument();
    expect((await db.timeEntries.get(running.id))?.endedAt).toBeDefined();
    const mine = await db.timeEntries.where('jobId').equals(second.id).toArray();
    expect(mine.map((e) => e.endedAt)).toEqual([undefined]);

    await userEvent.click(within(timer).getByRole('button', { name: 'Pause' }));
    expect(await within(timer).findByText('Paused')).toBeInTheDocument();
    expect(within(timer).getByRole('button', { name: 'Resume' })).toBeInTheDocument();
  });

  it('saves the notes through the write path', async () => {
    const job = aJob({ status: 'in_progress', notes: 'Client mentioned a loose stone.' });
    await openJob(job);
    const notes = screen.getByLabelText('Notes on this job');
    await userEvent.clear(notes);
    await userEvent.type(notes, 'Stone at 3 o’clock retightened.');
    await userEvent.click(screen.getByRole('button', { name: 'Save notes' }));
    await waitFor(async () => expect((await db.jobs.get(job.id))?.notes).toBe('Stone at 3 o’clock retightened.'));
    expect(await db.outbox.where('entity').equals('job').count()).toBe(1);
  });
});

describe('the QC gate', () => {
  const templateId = 'sizing@1';
  const seedAnswers = async (job: Job, answers: Record<string, boolean | number | string>) => {
    await storeActivity(db, {
      answers: Object.entries(answers).map(([itemKey, value]) => ({
        id: answerId(job.id, templateId, itemKey), jobId: job.id, templateId, itemKey, value, answeredBy: people.jeweler.id, answeredAt: new Date().toISOString(),
      })),
    });
  };

  it('refuses to submit and lists what is missing, then lets the job through once done', async () => {
    const job = aJob({ status: 'in_progress', services: ['sizing'], checklistTemplates: [templateId] });
    await db.jobs.put(job);
    await seedAnswers(job, { ordered_size: 54, shank_round: true, no_porosity: true, stones_tight: true, hallmark_intact: true });
    await openJob(job);

    await userEvent.click(within(actions()).getByRole('button', { name: 'Submit for QC' }));
    const refusal = await within(actions()).findByRole('alert');
    expect(refusal).toHaveTextContent('Not ready for QC. 4 things are missing:');
    const missing = within(refusal).getAllByRole('listitem').map((li) => li.textContent);
    expect(missing).toEqual([
      'Size on the mandrel (Sizing)',
      'Solder seam invisible under the loupe (10×) (Sizing)',
      'Photo of the shank at the seam (Sizing)',
      'At least one “after” photo',
    ]);
    expect((await db.jobs.get(job.id))?.status).toBe('in_progress');

    // The measurement: out of tolerance is flagged, but it is an answer.
    const mandrel = screen.getByLabelText('Size on the mandrel');
    await userEvent.type(mandrel, '55{Enter}');
    expect(await screen.findByText('Out of tolerance: check again, or say why in the notes.')).toBeInTheDocument();
    await waitFor(async () => expect((await getAnswer(db, answerId(job.id, templateId, 'size_on_mandrel')))?.value).toBe(55));

    // A fail needs a note.
    const seam = screen.getByRole('group', { name: 'Solder seam invisible under the loupe (10×)' });
    await userEvent.click(within(seam).getByRole('button', { name: 'Fail' }));
    await userEvent.click(within(actions()).getByRole('button', { name: 'Submit for QC' }));
    await waitFor(() => expect(within(actions()).getByRole('alert')).toHaveTextContent('Solder seam invisible under the loupe (10×) (Sizing) — say what failed'));
    await userEvent.type(await screen.findByLabelText('What failed? (Solder seam invisible under the loupe (10×))'), 'Seam visible at 6 o’clock under 10×');
    await userEvent.tab();

    // An after photo taken (by the photo screen) and linked to the photo item.
    const photo = aPhotoMeta({ jobId: job.id, takenBy: people.jeweler.id, stage: 'after' });
    await db.photos.add(photo);
    const photoItem = await screen.findByRole('group', { name: 'Photo of the shank at the seam' });
    await userEvent.click(within(photoItem).getByRole('button', { name: /^Photo 1/ }));
    await waitFor(async () => expect((await getAnswer(db, answerId(job.id, templateId, 'seam_photo')))?.value).toBe(photo.id));

    await userEvent.click(within(actions()).getByRole('button', { name: 'Submit for QC' }));
    expect(await screen.findByLabelText('Status: Awaiting QC')).toBeInTheDocument();
    expect(await listAnswers(job.id, db)).toHaveLength(8);
  });
});

describe('in French', () => {
  it('shows the job, its buttons, the checklist and the QC refusal in French', async () => {
    const job = aJob({ status: 'in_progress', services: ['pearl_restringing'], checklistTemplates: ['pearl_restringing@1'] });
    await db.jobs.put(job);
    useSession.setState({ personId: people.jeweler.id });
    await renderApp(`/job/${job.number}`, 'fr');
    expect(await screen.findByRole('heading', { level: 1, name: `Travail ${job.number}` })).toBeInTheDocument();
    const steps = await screen.findByRole('region', { name: 'Étape suivante' });
    await userEvent.click(within(steps).getByRole('button', { name: 'Envoyer au contrôle qualité' }));
    const refusal = await within(steps).findByRole('alert');
    expect(refusal).toHaveTextContent('Pas prêt pour le contrôle qualité. Il manque 8 éléments :');
    expect(refusal).toHaveTextContent('Un nœud entre chaque perle, serré contre elle (Renfilage de perles)');
    expect(refusal).toHaveTextContent('Au moins une photo « après »');

    // The strand is measured before and after; 2 mm off is within tolerance, 3 mm is not.
    await userEvent.type(screen.getByLabelText('Longueur du rang avant désenfilage'), '450{Enter}');
    const after = screen.getByLabelText('Longueur du rang après renfilage');
    await userEvent.type(after, '447,5{Enter}');
    expect(await screen.findByText('Hors tolérance : mesurez à nouveau, ou expliquez pourquoi dans les notes.')).toBeInTheDocument();
    expect(screen.getByText('Cible 450 ± 2 mm')).toBeInTheDocument();
  });
});

describe('back from QC', () => {
  it('shows the jeweler why the piece came back: the reasons and the manager’s comment', async () => {
    const job = aJob({ status: 'rework', version: 3 });
    await db.qcReviews.add({ id: crypto.randomUUID(), jobId: job.id, reviewerId: people.manager.id, decision: 'reject', reasons: ['polish_marks', 'loose_stone'], comment: 'Claw at 2 o’clock still moves.', at: '2026-11-20T10:00:00.000Z' });
    await openJob(job);
    const latest = await screen.findByRole('region', { name: 'Last QC decision' });
    expect(within(latest).getByText(/Sent to rework by Marc Lefèvre/)).toBeInTheDocument();
    expect(within(within(latest).getByRole('list', { name: 'Reasons' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Polish marks', 'Loose stone']);
    expect(within(latest).getByText('Claw at 2 o’clock still moves.')).toBeInTheDocument();
  });
});

