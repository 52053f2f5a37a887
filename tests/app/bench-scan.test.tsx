import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '../../src/db/database';
import { putSetting } from '../../src/db/settings-repo';
import { LOCATION_SETTING } from '../../src/hooks/use-device-location';
import { hashPin } from '../../src/security/pin-hash';
import { useSession } from '../../src/state/session-store';
import { aJob, aPerson } from '../support/factories';
import { renderApp } from './render-app';
import { listJobCustody } from '../../src/db/custody-log';
import { allCustody } from '../support/device-records';

const camille = aPerson({ name: 'Camille Roux', role: 'jeweler' });
const marc = aPerson({ name: 'Marc Lefèvre', role: 'manager' });

// The first render loads lazy screens; a busy machine needs more than the default second.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });

// Taking the tablet is tapping a name, then typing that person's PIN.
const PINS = { camille: '1357', marc: '2468' };
beforeAll(async () => {
  camille.pinHash = await hashPin(PINS.camille, { iterations: 100_000 });
  marc.pinHash = await hashPin(PINS.marc, { iterations: 100_000 });
  // What these screens load lazily (the custody write path once the bench home has shown, the job
  // screen and its catalogue parts once a scan opens a job) is compiled on first import here,
  // which stalls the event loop for over 100 ms, sometimes while a later test is typing. Simulated
  // keys get their timestamps when dispatched, so a stall splits a simulated scan in two (a real
  // scanner's keys keep the time they were typed). Compile all of it before any typing.
  await Promise.all([
    import('../../src/db/custody-repo'),
    import('../../src/pages/JobPage'),
    import('../../src/i18n/job.en'),
    import('../../src/i18n/front-office.en'),
  ]);
});

async function typePin(name: string, pin: string) {
  const field = await screen.findByLabelText(`PIN for ${name}`);
  await userEvent.type(field, `${pin}{Enter}`);
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.people.bulkAdd([camille, marc, aPerson({ name: 'Gone Person', active: false })]);
  useSession.setState({ personId: camille.id });
});

describe('a handheld scanner on the bench home', () => {
  it('opens the job without any field focused and records the scan in custody', async () => {
    const job = aJob();
    await db.jobs.add(job);
    await putSetting(LOCATION_SETTING, { kind: 'bench', label: '3' });
    const { router } = await renderApp('/');
    await screen.findByRole('button', { name: 'Camille Roux · Jeweler' });
    // The screen itself, behind the security gate, is ready too.
    await screen.findByRole('heading', { name: 'Bench' });
    expect(document.activeElement).toBe(document.body);

    // A scanner types at machine speed: no delay between keys.

    await userEvent.setup({ delay: null }).keyboard(`${window.location.origin}/t/${job.number}{Enter}`);

    await waitFor(() => expect(router.state.location.pathname).toBe(`/job/${job.number}`));
    const events = await listJobCustody(job.id, db);
    expect(events).toEqual([
      expect.objectContaining({ action: 'scan_in', personId: camille.id, location: { kind: 'bench', label: '3' }, deviceId: expect.stringMatching(/^dev-/) }),
    ]);
    const outbox = await db.outbox.toArray();
    expect(outbox).toEqual([expect.objectContaining({ entity: 'custodyEvent', entityId: events[0]!.id, personId: camille.id })]);
    const custody = await screen.findByRole('region', { name: 'Custody' });
    expect(await within(custody).findByText('Scanned in · Bench 3')).toBeInTheDocument();
    // The scan-to-screen time the benchmark reads (bench/bench-screens.bench.ts).
    await waitFor(() => expect(performance.getEntriesByName('loupe:code-to-job').map((m) => (m as PerformanceMeasure).detail)).toContainEqual({ number: job.number }));
  });

  it('ignores the same keys typed at a person’s pace', async () => {
    const job = aJob();
    await db.jobs.add(job);
    const { router } = await renderApp('/');
    await screen.findByRole('heading', { name: 'Bench' });

    await userEvent.setup({ delay: 60 }).keyboard(`${job.number}{Enter}`);
    await new Promise((r) => setTimeout(r, 50));
    expect(router.state.location.pathname).toBe('/');
    expect(await allCustody(db)).toHaveLength(0);
  });

  it('says a scanned Wi-Fi code is not a Loupe tag and shows what was read', async () => {
    await renderApp('/');
    await screen.findByRole('heading', { name: 'Bench' });

    await userEvent.setup({ delay: null }).keyboard('WIFI:S:Atelier;T:WPA;P:secret;;{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This is not a Loupe tag. It reads: “WIFI:S:Atelier;T:WPA;P:secret;;”');
  });

  it('says a tag of another server is not a Loupe tag, even with a valid number', async () => {
    const job = aJob();
    await db.jobs.add(job);
    const { router } = await renderApp('/');
    await screen.findByRole('heading', { name: 'Bench' });

    await userEvent.setup({ delay: null }).keyboard(`https://other-shop.example/t/${job.number}{Enter}`);
    expect(await screen.findByRole('alert')).toHaveTextContent(/not a Loupe tag/);
    expect(router.state.location.pathname).toBe('/');
  });
});

describe('who is working', () => {
  it('lists the active people with their roles in the header and switches the person', async () => {
    await renderApp('/');
    const switcher = await screen.findByRole('button', { name: 'Camille Roux · Jeweler' });
    await userEvent.click(switcher);
    const panel = screen.getByRole('group', { name: 'Who is working?' });
    expect(within(panel).queryByText('Gone Person')).not.toBeInTheDocument();
    await userEvent.click(await within(panel).findByRole('button', { name: /Marc Lefèvre/ }));
    expect(useSession.getState().personId).toBe(camille.id);
    await typePin('Marc Lefèvre', PINS.marc);
    await waitFor(() => expect(useSession.getState().personId).toBe(marc.id));
    expect(await screen.findByRole('button', { name: 'Marc Lefèvre · Manager' })).toBeInTheDocument();
  });

  it('asks who is working before a scan is recorded, then opens the job', async () => {
    useSession.setState({ personId: null });
    const job = aJob();
    await db.jobs.add(job);
    const { router } = await renderApp('/');
    await screen.findByRole('heading', { name: 'Bench' });

    await userEvent.setup({ delay: null }).keyboard(`${job.number}{Enter}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose who is working first');
    expect(await allCustody(db)).toHaveLength(0);

    const ask = screen.getByRole('region', { name: 'Who is working?' });
    await userEvent.click(await within(ask).findByRole('button', { name: /Camille Roux/ }));
    await typePin('Camille Roux', PINS.camille);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/job/${job.number}`));
    expect(await listJobCustody(job.id, db)).toHaveLength(1);
  });
});
