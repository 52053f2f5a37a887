import { beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '../../src/db/database';
import { useSession } from '../../src/state/session-store';
import { aJob, aPerson } from '../support/factories';
import { renderApp } from './render-app';

const camille = aPerson({ name: 'Camille Roux', role: 'jeweler' });

// The first render loads lazy screens; a busy machine needs more than the default second.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.people.add(camille);
  useSession.setState({ personId: camille.id });
});

async function typeCode(code: string) {
  const user = userEvent.setup();
  const field = await screen.findByLabelText('Job number');
  await user.clear(field);
  await user.type(field, `${code}{Enter}`);
}

describe('bench home: typing a job number', () => {
  it('opens a job this tablet holds, whatever the case and spaces', async () => {
    const job = aJob({ services: ['sizing', 'polishing'] });
    await db.jobs.add(job);
    const { router } = await renderApp('/');
    await screen.findByRole('button', { name: 'Camille Roux · Jeweler' });
    await typeCode(`  ${job.number.toLowerCase()} `);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/job/${job.number}`));
    expect(await screen.findByRole('heading', { name: `Job ${job.number}` })).toBeInTheDocument();
    expect(screen.getByText('Sizing, Polishing / refinishing')).toBeInTheDocument();
  });

  it.each([
    ['a Wi-Fi code', 'WIFI:S:Workshop;T:WPA;P:secret;;', /not a Loupe tag/],
    ['another site', 'https://example.com/products/42', /not a Loupe tag/],
  ])('says %s is not a Loupe tag and shows what was read', async (_name, code, message) => {
    await renderApp('/');
    await typeCode(code);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent(code.slice(0, 20));
  });

  it('says a number with a wrong check character is damaged', async () => {
    const job = aJob();
    await db.jobs.add(job);
    const damaged = job.number.slice(0, -1) + (job.number.endsWith('A') ? 'B' : 'A');
    const { router } = await renderApp('/');
    await typeCode(damaged);
    expect(await screen.findByRole('alert')).toHaveTextContent(/damaged/);
    expect(router.state.location.pathname).toBe('/');
  });

  it('says a valid job that is not on this tablet needs a sync', async () => {
    await renderApp('/');
    const job = aJob();
    await typeCode(job.number);
    expect(await screen.findByRole('alert')).toHaveTextContent(`Job ${job.number} is not on this tablet yet: sync, or check the tag.`);
  });

  it('lists the jobs on this tablet', async () => {
    const jobs = [aJob(), aJob({ status: 'rework' })];
    await db.jobs.bulkAdd(jobs);
    await renderApp('/');
    for (const job of jobs) expect(await screen.findByText(job.number)).toBeInTheDocument();
    expect(screen.getByText('Rework')).toBeInTheDocument();
  });
});
