import { beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '../../src/db/database';
import { tagPayload } from '../../src/domain/tag';
import { useSession } from '../../src/state/session-store';
import { aPerson } from '../support/factories';
import { renderApp } from './render-app';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

const louis = aPerson({ name: 'Louis Petit', role: 'intake' });
const camille = aPerson({ name: 'Camille Roux', role: 'jeweler' });

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.people.bulkAdd([louis, camille]);
  useSession.setState({ personId: louis.id });
});

/** The error written beside a field: its aria-describedby names it. */
function errorOf(field: HTMLElement): string {
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)).filter((el) => el?.classList.contains('field-error')).map((el) => el!.textContent).join(' ');
}

describe('intake: the new job form', () => {
  it('puts each error beside its field and lists them above, in English', async () => {
    const user = userEvent.setup();
    await renderApp('/intake/new');
    await user.click(await screen.findByRole('button', { name: 'Save and print the tag' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('6 fields need attention:');
    const clientRef = screen.getByLabelText(/Client reference/);
    expect(clientRef).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(clientRef)).toBe('Required.');
    expect(within(summary).getByRole('link', { name: 'Client reference: Required.' })).toBeInTheDocument();

    await user.type(screen.getByLabelText(/Intake weight/), '4.215');
    expect(errorOf(screen.getByLabelText(/Intake weight/))).toBe('At most 2 decimals (0.01 g).');
    await user.click(within(summary).getByRole('link', { name: /Category/ }));
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Ring' }));
    await expect(db.jobs.count()).resolves.toBe(0);
  });

  it('says the same in French', async () => {
    const user = userEvent.setup();
    await renderApp('/intake/new', 'fr');
    await user.click(await screen.findByRole('button', { name: 'Enregistrer et imprimer l’étiquette' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('6 champs à revoir :');
    expect(errorOf(screen.getByLabelText(/Référence client/))).toBe('Obligatoire.');
    await user.type(screen.getByLabelText(/Poids à la réception/), '0');
    expect(errorOf(screen.getByLabelText(/Poids à la réception/))).toBe('Entre 0,01 et 10\u202f000.');
  });

  it('asks for the ring size only when a ring is being sized', async () => {
    const user = userEvent.setup();
    await renderApp('/intake/new');
    await user.click(await screen.findByRole('radio', { name: 'Ring' }));
    await user.click(screen.getByRole('checkbox', { name: 'Sizing' }));
    await user.click(screen.getByRole('button', { name: 'Save and print the tag' }));
    expect(errorOf(await screen.findByLabelText(/Ring size/))).toBe('Required.');
    await user.type(screen.getByLabelText(/Ring size/), 'L½');
    expect(errorOf(screen.getByLabelText(/Ring size/))).toBe('Not a ring size in this scale.');
    await user.click(screen.getByRole('radio', { name: 'UK' }));
    expect(errorOf(screen.getByLabelText(/Ring size/))).toBe('');
  });

  it('saves the job with its number at intake, opens its tag, and sends it to the bench', async () => {
    const user = userEvent.setup();
    const { router } = await renderApp('/intake/new');
    await user.type(await screen.findByLabelText(/Client reference/), 'BTQ-4012');
    await user.click(screen.getByRole('radio', { name: 'Ring' }));
    await user.type(screen.getByLabelText('Collection / model'), 'Solitaire Étoile');
    await user.click(screen.getByRole('radio', { name: '18k white gold (750)' }));
    await user.click(screen.getByRole('button', { name: '+ Add a stone' }));
    await user.type(screen.getByLabelText('Type'), 'Diamond');
    await user.selectOptions(screen.getByLabelText('At intake'), 'loose');
    await user.type(screen.getByLabelText(/Intake weight/), '4,21');
    await user.type(screen.getByLabelText(/Ring size/), '52');
    await user.click(screen.getByRole('checkbox', { name: 'Scratches' }));
    await user.click(screen.getByRole('checkbox', { name: 'Sizing' }));
    await user.click(screen.getByRole('checkbox', { name: 'No ultrasonic (emerald, pearl, opal)' }));
    await user.click(screen.getByRole('radio', { name: 'Express' }));
    // The promised date follows the services and priority until intake changes it.
    expect((screen.getByLabelText(/Promised date/) as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await user.click(screen.getByRole('button', { name: 'Save and print the tag' }));

    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/print\//));
    const [job] = await db.jobs.toArray();
    expect(job).toMatchObject({
      status: 'intake',
      clientRef: 'BTQ-4012',
      priority: 'express',
      services: ['sizing'],
      handlingFlags: ['no_ultrasonic'],
      condition: { codes: ['scratches'] },
      piece: { category: 'ring', metal: 'au750_white', weightG: 4.21, ringSize: { value: 52, scale: 'eu' }, stones: [{ type: 'Diamond', count: 1, flag: 'loose' }] },
    });
    expect(router.state.location.pathname).toBe(`/print/${job!.number}`);
    expect(await screen.findByText(`Job ${job!.number} saved. Print its tag and put it on the envelope.`)).toBeInTheDocument();
    const qr = screen.getByRole('img', { name: `QR code of job ${job!.number}` });
    expect(qr).toHaveAttribute('data-payload', tagPayload(window.location.origin, job!.number));
    expect(screen.getByText(job!.number, { selector: '.tag-number' })).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Send to the bench' }));
    expect(await screen.findByText('Sent to the bench: the job is queued.')).toBeInTheDocument();
    expect((await db.jobs.get(job!.id))?.status).toBe('queued');
  });

  it('is for intake and managers: a jeweler is asked who is working', async () => {
    useSession.setState({ personId: camille.id });
    await renderApp('/intake/new');
    expect(await screen.findByText('New jobs are taken in by intake or a manager. Choose who is working.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save and print the tag' })).not.toBeInTheDocument();
  });
});
