import { beforeEach, describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '../../src/db/database';
import { useAppStatus } from '../../src/state/app-status-store';
import { useSyncStatus } from '../../src/state/sync-status-store';
import { renderApp } from './render-app';
import { anOutboxEntry } from '../support/factories';

beforeEach(async () => {
  await db.delete();
  await db.open();
  useAppStatus.setState({ online: true, applyUpdate: null, offlineReady: false });
  useSyncStatus.setState({ running: false, received: 0, lastSyncAt: null, lastError: null });
});

describe('the layout', () => {
  it('always shows the connection and the changes waiting to sync', async () => {
    await renderApp('/');
    const badge = await screen.findByRole('status', { name: 'Connection and sync status' });
    expect(badge).toHaveTextContent('Online');
    expect(badge).toHaveTextContent('All changes synced');

    await act(async () => {
      await db.outbox.bulkAdd([
        anOutboxEntry(1, { id: 'm1' }),
        anOutboxEntry(2, { id: 'm2' }),
      ]);
      useAppStatus.getState().setOnline(false);
    });
    expect(await within(badge).findByText('2 changes waiting to sync')).toBeInTheDocument();
    expect(badge).toHaveTextContent('Offline');
  });

  it('shows a sync at work and the changes it has received, on a new tablet too', async () => {
    await renderApp('/');
    const badge = await screen.findByRole('status', { name: 'Connection and sync status' });
    act(() => useSyncStatus.setState({ running: true, received: 0 }));
    expect(await within(badge).findByText('Syncing…')).toBeInTheDocument();
    act(() => useSyncStatus.setState({ received: 12_500 }));
    expect(await within(badge).findByText('Syncing… 12,500 changes received')).toBeInTheDocument();
    act(() => useSyncStatus.setState({ running: false, lastSyncAt: '2026-11-25T10:00:00.000Z' }));
    expect(await within(badge).findByText(/^synced /)).toBeInTheDocument();
    expect(badge).not.toHaveTextContent('Syncing');
  });

  it('offers an update and applies it only when asked, mentioning unsynced work', async () => {
    let applied = 0;
    await db.outbox.add(anOutboxEntry(1, { id: 'm1' }));
    await renderApp('/');
    act(() => useAppStatus.getState().setUpdateWaiting(() => (applied += 1)));
    const dialog = await screen.findByRole('alertdialog', { name: 'Update ready' });
    expect(await within(dialog).findByText(/1 change has not synced yet/)).toBeInTheDocument();
    expect(applied).toBe(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Update now' }));
    expect(applied).toBe(1);
  });

  it('lets "Later" put the update prompt away', async () => {
    await renderApp('/');
    act(() => useAppStatus.getState().setUpdateWaiting(() => undefined));
    const dialog = await screen.findByRole('alertdialog', { name: 'Update ready' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Later' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });
});
