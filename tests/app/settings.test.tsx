import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '../../src/db/database';
import { getSetting, putSetting } from '../../src/db/settings-repo';
import { LOCATION_SETTING } from '../../src/hooks/use-device-location';
import { renderApp } from './render-app';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('settings', () => {
  it('switches the whole app to French and back', async () => {
    await renderApp('/settings');
    await userEvent.click(await screen.findByRole('button', { name: 'Français' }));
    expect(await screen.findByRole('heading', { name: 'Réglages' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Établi' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeInTheDocument();
  });

  it('stores where the tablet is, with its bench number', async () => {
    await renderApp('/settings');
    await userEvent.click(await screen.findByRole('button', { name: 'Vault' }));
    await waitFor(async () => expect(await getSetting(LOCATION_SETTING, null)).toEqual({ kind: 'vault' }));
    await userEvent.click(screen.getByRole('button', { name: 'Bench' }));
    const bench = await screen.findByLabelText('Bench number');
    await userEvent.clear(bench);
    await userEvent.type(bench, '4x');
    await waitFor(async () => expect(await getSetting(LOCATION_SETTING, null)).toEqual({ kind: 'bench', label: '4' }));
    expect(screen.getByRole('button', { name: 'Bench' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows the stored location and bench number, never the defaults first', async () => {
    await putSetting(LOCATION_SETTING, { kind: 'bench', label: '3' });
    await renderApp('/settings');
    expect(await screen.findByLabelText('Bench number')).toHaveValue('3');
    expect(screen.getByRole('button', { name: 'Bench' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('does not show a location as chosen before the stored one is read', async () => {
    await putSetting(LOCATION_SETTING, { kind: 'vault' });
    await renderApp('/settings');
    // From the first moment the location buttons are there, Vault is the one pressed.
    const vault = await screen.findByRole('button', { name: 'Vault' });
    expect(vault).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Bench' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByLabelText('Bench number')).not.toBeInTheDocument();
  });

  it('reports that this browser cannot protect its storage when it has no StorageManager', async () => {
    await renderApp('/settings');
    expect(await screen.findByText('This browser cannot protect its storage.')).toBeInTheDocument();
  });
});
