// The KPI settings of this device: shown once read, so that an edit never saves the defaults over
// what the manager had set.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { KpiSettingsForm } from '../../src/components/kpi/KpiSettingsForm';
import { db } from '../../src/db/database';
import { getSetting, putSetting } from '../../src/db/settings-repo';
import { initI18n, loadCatalogues, setLanguage } from '../../src/i18n/i18n';

const STORED = { idleDays: 30, shiftStart: '07:30', lateGraceMinutes: 10 };

beforeEach(async () => {
  await db.delete();
  await db.open();
  await initI18n('en');
  await loadCatalogues('kpi');
  await setLanguage('en');
});

describe('the KPI settings form', () => {
  it('shows no field before the stored settings are read, then the stored values', async () => {
    await putSetting('kpi.settings', STORED);
    render(<KpiSettingsForm />);
    expect(screen.queryByLabelText('A job is idle after (days)')).toBeNull();
    expect(await screen.findByLabelText('A job is idle after (days)')).toHaveValue(30);
    expect(screen.getByLabelText('Shifts start at')).toHaveValue('07:30');
  });

  it('changes one setting and keeps the others as stored', async () => {
    await putSetting('kpi.settings', STORED);
    render(<KpiSettingsForm />);
    const grace = await screen.findByLabelText('Late after (minutes of grace)');
    await userEvent.clear(grace);
    await userEvent.type(grace, '5');
    await waitFor(async () => expect(await getSetting('kpi.settings', null)).toEqual({ ...STORED, lateGraceMinutes: 5 }));
  });
});
