// The KPI screens over the hand-computed workshop (tests/support/kpi-fixture.ts): what the
// manager reads must be the figures worked out by hand, and every number must open its jobs.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '../../src/db/database';
import { renderApp } from './render-app';
import { JOBS, KPI_FIXTURE, KPI_NOW, KPI_ZONE } from '../support/kpi-fixture';
import { storeActivity } from '../support/device-records';

const originalTz = process.env.TZ;

beforeAll(() => {
  // The device lives in Paris, on Thursday 12 March 2026 at 16:00.
  process.env.TZ = KPI_ZONE;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(KPI_NOW));
});
afterAll(() => {
  vi.useRealTimers();
  process.env.TZ = originalTz;
});

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.people.bulkPut(KPI_FIXTURE.people);
  await db.jobs.bulkPut(KPI_FIXTURE.jobs);
  await db.timeEntries.bulkPut(KPI_FIXTURE.timeEntries);
  await db.qcReviews.bulkPut(KPI_FIXTURE.qcReviews);
  await storeActivity(db, { custody: KPI_FIXTURE.custodyEvents });
  await db.attendance.bulkPut(KPI_FIXTURE.attendance);
});

async function tile(name: string) {
  return within(await screen.findByRole('group', { name }));
}

describe('the KPI dashboard', () => {
  it('shows the hand-computed March figures, with the trend against February', async () => {
    await renderApp('/kpi');
    expect(await screen.findByRole('heading', { name: 'KPIs', level: 1 })).toBeInTheDocument();
    expect(screen.getByTestId('period-label')).toHaveTextContent('March 2026');

    const expected: Array<[string, string, string?, string?]> = [
      ['First-pass yield', '50%', '2 of 4 jobs', '= same'],
      ['Rework rate', '33%', '2 of 6 QC reviews', '▼ −16.7 pts'],
      ['Jobs completed', '4', '0.9 per week', '▲ +3'],
      ['On time', '67%', '2 of 3 jobs', '▼ −33.3 pts'],
      ['Labour per job', '2.5h', 'median · p90 4.4h', '▲ +0.5 h'],
      ['Lead time', '5.5d', 'median · p90 9.1d', '▲ +3.5 d'],
      ['Work in progress', '3', 'now'],
      ['Overdue', '2', 'now'],
      ['Idle', '1', 'untouched for 5 days or more'],
      ['Hours per jeweler per week', '4.4h', '39h clocked'],
      ['Late starts', '2', '2 of 5 days', '▲ +2'],
      ['Utilisation', '28%', '11h worked of 39h clocked', '▼ −21.8 pts'],
    ];
    for (const [name, value, sub, trend] of expected) {
      const t = await tile(name);
      expect(t.getByRole('button'), name).toHaveTextContent(value);
      if (sub) expect(t.getByText(sub), name).toBeInTheDocument();
      if (trend) expect(t.getByTestId('trend'), name).toHaveTextContent(trend);
    }
    // Good news is green, bad news red.
    expect((await tile('Rework rate')).getByTestId('trend')).toHaveClass('kpi-trend-good');
    expect((await tile('On time')).getByTestId('trend')).toHaveClass('kpi-trend-bad');
  });

  it('opens the jobs behind a number, marking those it counts', async () => {
    await renderApp('/kpi');
    await userEvent.click((await tile('Overdue')).getByRole('button'));
    const dialog = await screen.findByRole('dialog', { name: 'Overdue' });
    expect(within(dialog).getByText('2 jobs')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: JOBS.J4.number })).toHaveAttribute('href', `/job/${JOBS.J4.number}`);
    expect(within(dialog).getByRole('link', { name: JOBS.J6.number })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await userEvent.click((await tile('First-pass yield')).getByRole('button'));
    const fpy = await screen.findByRole('dialog', { name: 'First-pass yield' });
    const rows = within(fpy).getAllByRole('row').slice(1);
    const marked = rows.filter((row) => row.textContent?.includes('✓ first pass')).map((row) => within(row).getByRole('link').textContent);
    expect(marked.sort()).toEqual([JOBS.J1.number, JOBS.J3.number].sort());
    expect(rows).toHaveLength(4);
  });

  it('lists the late starts as shifts', async () => {
    await renderApp('/kpi');
    await userEvent.click((await tile('Late starts')).getByRole('button'));
    const dialog = await screen.findByRole('dialog', { name: 'Late starts' });
    expect(within(dialog).getByText('5 shifts')).toBeInTheDocument();
    expect(within(dialog).getAllByText('✓ late')).toHaveLength(2);
  });

  it('compares jewelers, and opens one jeweler’s review beside the team', async () => {
    await renderApp('/kpi');
    const table = await screen.findByRole('table', { name: 'Jewelers' });
    const ines = within(table).getByRole('row', { name: /Inès Moreau/ });
    expect(within(ines).getAllByRole('button').map((b) => b.textContent)).toEqual(['3', '33%', '40%', '2h', '4d', '50%', '5.2h', '1', '35%']);

    await userEvent.click(within(table).getByRole('link', { name: 'Performance review of Inès Moreau' }));
    expect(await screen.findByRole('heading', { name: 'Inès Moreau', level: 1 })).toBeInTheDocument();
    const quality = screen.getByRole('region', { name: 'Quality' });
    const fpy = within(quality).getByRole('row', { name: /First-pass yield/ });
    expect(within(fpy).getAllByRole('button').map((b) => b.textContent)).toEqual(['33%', '50%']);
    const attendance = screen.getByRole('region', { name: 'Attendance' });
    expect(within(within(attendance).getByRole('row', { name: /Hours clocked/ })).getAllByRole('button')[0]).toHaveTextContent('23h');
  });

  it('moves the period, and says so in the address', async () => {
    const { router } = await renderApp('/kpi');
    await userEvent.click(await screen.findByRole('button', { name: 'Week' }));
    await waitFor(() => expect(screen.getByTestId('period-label')).toHaveTextContent('Week 11'));
    expect(router.state.location.search).toContain('period=week&from=2026-03-09&to=2026-03-15');
    // Week 11: J3 completed (10 March); its first review approved it.
    expect((await tile('Jobs completed')).getByRole('button')).toHaveTextContent('1');
    await userEvent.click(screen.getByRole('button', { name: 'Earlier period' }));
    await waitFor(() => expect(screen.getByTestId('period-label')).toHaveTextContent('Week 10'));
    expect((await tile('Jobs completed')).getByRole('button')).toHaveTextContent('3');
  });

  it('reads in French, with French numbers', async () => {
    await renderApp('/kpi', 'fr');
    expect(await screen.findByRole('heading', { name: 'Indicateurs', level: 1 })).toBeInTheDocument();
    expect((await tile('Réussite au premier contrôle')).getByRole('button')).toHaveTextContent('50 %');
    expect((await tile('Temps de travail par commande')).getByRole('button')).toHaveTextContent('2,5h');
  });

  it('downloads a CSV made on the device: BOM, French separators, accents', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:kpi-test';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await renderApp('/kpi', 'fr');
    await userEvent.click(await screen.findByRole('button', { name: /Indicateurs par bijoutier/ }));
    expect(names).toEqual(['loupe-jewelers-2026-03-01-2026-03-31.csv']);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')[0]).toMatch(/^Personne;Commandes terminées;/);
    expect(text).toContain('Inès Moreau;3;0,68;33,3;40;');
    click.mockRestore();
  });
});
