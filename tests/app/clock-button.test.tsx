import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClockButton } from '../../src/components/attendance/ClockButton';
import { db } from '../../src/db/database';
import { initI18n, loadCatalogues, setLanguage } from '../../src/i18n/i18n';
import { useSession } from '../../src/state/session-store';
import { aPerson } from '../support/factories';

const camille = aPerson({ name: 'Camille Roux', role: 'jeweler' });

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.people.put(camille);
  await initI18n('en');
  await loadCatalogues('kpi'); // the clock's words live with the attendance KPIs
  await setLanguage('en');
});

describe('the clock button', () => {
  it('asks who is working when nobody is', async () => {
    useSession.setState({ personId: null });
    render(<ClockButton />);
    expect(await screen.findByText('Choose who is working to clock in.')).toBeInTheDocument();
  });

  it('clocks the current person in, then out: one attendance record, each change queued for sync', async () => {
    useSession.setState({ personId: camille.id });
    render(<ClockButton />);
    await userEvent.click(await screen.findByRole('button', { name: 'Clock in' }));
    expect(await screen.findByRole('button', { name: 'Clock out' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/On shift since/);
    const [shift] = await db.attendance.toArray();
    expect(shift).toMatchObject({ personId: camille.id });
    expect(shift!.clockOut).toBeUndefined();

    await userEvent.click(screen.getByRole('button', { name: 'Clock out' }));
    expect(await screen.findByRole('button', { name: 'Clock in' })).toBeInTheDocument();
    await waitFor(async () => expect((await db.attendance.get(shift!.id))?.clockOut).toBeDefined());
    const outbox = await db.outbox.orderBy('deviceSeq').toArray();
    expect(outbox.map((m) => [m.entity, m.entityId, m.op, m.personId])).toEqual([
      ['attendance', shift!.id, 'put', camille.id],
      ['attendance', shift!.id, 'put', camille.id],
    ]);
    expect(Object.keys(outbox[1]!.patch)).toEqual(['clockOut']);
  });

  it('offers a new clock-in over a shift forgotten yesterday, leaving that one open for the manager', async () => {
    const forgotten = { id: '01950000-0000-7fff-8000-000000000001', personId: camille.id, clockIn: new Date(Date.now() - 20 * 3_600_000).toISOString() };
    await db.attendance.put(forgotten);
    useSession.setState({ personId: camille.id });
    render(<ClockButton />);
    await userEvent.click(await screen.findByRole('button', { name: 'Clock in' }));
    await screen.findByRole('button', { name: 'Clock out' });
    expect(await db.attendance.count()).toBe(2);
    expect((await db.attendance.get(forgotten.id))?.clockOut).toBeUndefined();
  });
});
