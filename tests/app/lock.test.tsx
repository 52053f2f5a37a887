// The lock screen of a paired tablet: nothing of the workshop shows until someone taps their
// name and types their PIN; wrong PINs count down to a lockout; the tablet locks itself when
// idle; a removed tablet shows only that it was removed.
import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/database';
import { DEVICE_STATUS, PAIRING, type Pairing } from '../../src/db/device-auth-repo';
import { putSetting } from '../../src/db/settings-repo';
import { IDLE_LOCK_SETTING } from '../../src/hooks/use-device-security';
import { hashPin } from '../../src/security/pin-hash';
import { useSession } from '../../src/state/session-store';
import { aJob, aPerson } from '../support/factories';
import { renderApp } from './render-app';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

const camille = aPerson({ name: 'Camille Roux', role: 'jeweler' });
const marc = aPerson({ name: 'Marc Lefèvre', role: 'manager' });
const job = aJob();
const pairing: Pairing = { deviceId: 'dev-test-lock-01', name: 'Bench 2', kind: 'bench', prefix: 'B02', workshopId: 'w', workshopName: 'Atelier Vendôme', pairedAt: new Date().toISOString() };

beforeAll(async () => {
  camille.pinHash = await hashPin('1357', { iterations: 100_000 });
  marc.pinHash = await hashPin('2468', { iterations: 100_000 });
});

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.people.bulkAdd([camille, marc]);
  await db.jobs.add(job);
  await db.syncState.put({ key: PAIRING, value: pairing });
  useSession.setState({ personId: null, lastActiveAt: Date.now(), adminSession: null });
});

async function typePin(name: string, pin: string) {
  await userEvent.type(await screen.findByLabelText(`PIN for ${name}`), `${pin}{Enter}`);
}

describe('a paired tablet nobody unlocked', () => {
  it('shows who may unlock it and nothing of the workshop; the right PIN opens it', async () => {
    await renderApp('/');
    const lock = await screen.findByRole('region', { name: 'Who is working?' });
    expect(lock).toHaveTextContent('Atelier Vendôme — tap your name and type your PIN.');
    expect(screen.queryByRole('heading', { name: 'Bench' })).not.toBeInTheDocument();
    expect(screen.queryByText(job.number)).not.toBeInTheDocument();
    await userEvent.click(await within(lock).findByRole('button', { name: /Camille Roux/ }));
    await typePin('Camille Roux', '1357');
    expect(await screen.findByRole('heading', { name: 'Bench' })).toBeInTheDocument();
    expect(await screen.findByText(job.number)).toBeInTheDocument();
    expect(useSession.getState().personId).toBe(camille.id);
  });

  it('counts down wrong PINs, then locks the person out for 30 s, even for the right PIN; others still get in', async () => {
    await renderApp('/');
    await userEvent.click(await screen.findByRole('button', { name: /Camille Roux/ }));
    for (const left of [4, 3, 2, 1]) {
      await typePin('Camille Roux', '0000');
      const text = left === 1 ? 'Wrong PIN. 1 try left before a lockout.' : `Wrong PIN. ${left} tries left before a lockout.`;
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(text));
    }
    await typePin('Camille Roux', '0000');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Too many wrong PINs: try again in 30 s.'));
    await typePin('Camille Roux', '1357');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/Too many wrong PINs: try again in (29|30) s\./));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(useSession.getState().personId).toBeNull();
    // Switching person takes a tap and a PIN.
    await userEvent.click(screen.getByRole('button', { name: 'Someone else' }));
    await userEvent.click(await screen.findByRole('button', { name: /Marc Lefèvre/ }));
    await typePin('Marc Lefèvre', '2468');
    await waitFor(() => expect(useSession.getState().personId).toBe(marc.id));
    // The wrong PINs and the lockout wait for the server's audit log.
    const reports = (await db.syncState.get('securityReports'))?.value as Array<{ kind: string; personId: string }>;
    expect(reports.map((r) => r.kind)).toEqual(['unlock_failed', 'unlock_failed', 'unlock_failed', 'unlock_failed', 'unlock_failed', 'lockout']);
  });

  it('locks itself after the idle time this tablet is set to', async () => {
    await putSetting(IDLE_LOCK_SETTING, 2);
    useSession.setState({ personId: camille.id, lastActiveAt: Date.now() });
    await renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Bench' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('region', { name: 'Who is working?' })).toBeInTheDocument(), { timeout: 6_000 });
    expect(useSession.getState().personId).toBeNull();
    expect(screen.queryByText(job.number)).not.toBeInTheDocument();
  });

  it('comes back locked after a reload once idle for longer than the idle time', async () => {
    useSession.setState({ personId: camille.id, lastActiveAt: Date.now() - 6 * 60_000 });
    await renderApp('/');
    expect(await screen.findByRole('region', { name: 'Who is working?' })).toBeInTheDocument();
  });

  it('a tap on the lock screen of a turn that ran out asks for the PIN; it never brings the turn back', async () => {
    useSession.setState({ personId: camille.id, lastActiveAt: Date.now() - 6 * 60_000 });
    await renderApp('/');
    const lock = await screen.findByRole('region', { name: 'Who is working?' });
    await userEvent.click(await within(lock).findByRole('button', { name: /Camille Roux/ }));
    expect(await screen.findByLabelText('PIN for Camille Roux')).toBeInTheDocument();
    expect(useSession.getState().personId).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Bench' })).not.toBeInTheDocument();
  });

  it('the header switcher asks the next person for their PIN too, in French as well', async () => {
    useSession.setState({ personId: camille.id, lastActiveAt: Date.now() });
    await renderApp('/', 'fr');
    await userEvent.click(await screen.findByRole('button', { name: 'Camille Roux · Bijoutier' }));
    await userEvent.click(await screen.findByRole('button', { name: /Marc Lefèvre/ }));
    await userEvent.type(await screen.findByLabelText('Code de Marc Lefèvre'), '2468{Enter}');
    await waitFor(() => expect(useSession.getState().personId).toBe(marc.id));
  });
});

describe('a removed tablet', () => {
  it('says it was removed, and shows no workshop data', async () => {
    await act(async () => {
      await db.syncState.put({ key: DEVICE_STATUS, value: { state: 'revoked', at: new Date().toISOString(), discarded: 2 } });
    });
    useSession.setState({ personId: camille.id, lastActiveAt: Date.now() });
    await renderApp('/');
    expect(await screen.findByRole('heading', { name: 'This tablet was removed from the workshop' })).toBeInTheDocument();
    expect(screen.getByText('2 changes that had not synced were discarded.')).toBeInTheDocument();
    expect(screen.queryByText(job.number)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Pair it again' })).toHaveAttribute('href', '/pair');
  });
});
