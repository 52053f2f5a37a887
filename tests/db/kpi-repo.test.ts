// What the KPI dashboard reads from the device (fake-indexeddb): custody events of open jobs only,
// and the same dashboard as from every record.
import { afterEach, describe, expect, it } from 'vitest';
import { loadKpiInput } from '../../src/db/kpi-repo';
import { LoupeDb } from '../../src/db/loupe-db';
import { computeDashboard, currentPeriod } from '../../src/domain/kpi';
import { makeKpiInput } from '../../bench/lib/kpi-data';
import { allCustody, storeActivity } from '../support/device-records';

const opened: LoupeDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const NOW = Date.parse('2026-11-25T10:00:00Z');

async function seeded() {
  const db = new LoupeDb(`kpi-${Math.random()}`);
  opened.push(db);
  // A year of a small workshop: released jobs and open ones, each with custody events.
  const all = makeKpiInput(300, NOW);
  await db.transaction('rw', [db.jobs, db.timeEntries, db.qcReviews, db.jobActivity, db.attendance, db.people], async () => {
    await db.jobs.bulkPut(all.jobs as never[]);
    await db.timeEntries.bulkPut(all.timeEntries as never[]);
    await db.qcReviews.bulkPut(all.qcReviews as never[]);
    await storeActivity(db, { custody: all.custodyEvents as never[] });
    await db.attendance.bulkPut(all.attendance as never[]);
    await db.people.bulkPut(all.people as never[]);
  });
  return { db, all };
}

describe('loadKpiInput', () => {
  it('reads the custody events of open jobs only, and every other record', async () => {
    const { db, all } = await seeded();
    const loaded = await loadKpiInput(db);
    const open = new Set(all.jobs.filter((j) => !['released', 'cancelled'].includes(j.status)).map((j) => j.id));
    expect(open.size).toBeGreaterThan(0);
    expect(open.size).toBeLessThan(all.jobs.length);
    const expected = all.custodyEvents.filter((e) => open.has(e.jobId));
    expect(loaded.custodyEvents.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(loaded.custodyEvents.length).toBeLessThan(all.custodyEvents.length);
    expect(loaded.jobs).toHaveLength(all.jobs.length);
    expect(loaded.timeEntries).toHaveLength(all.timeEntries.length);
    expect(loaded.qcReviews).toHaveLength(all.qcReviews.length);
    expect(loaded.attendance).toHaveLength(all.attendance.length);
  });

  it('gives the dashboard every custody event would give, for each kind of period', async () => {
    const { db } = await seeded();
    const loaded = await loadKpiInput(db);
    // Every record as the device holds it (in the database's order: lists of jobs follow it).
    const all = { ...loaded, custodyEvents: await allCustody(db) };
    for (const kind of ['week', 'month', 'quarter'] as const) {
      const period = currentPeriod(kind, NOW, 'Europe/Paris');
      const options = { now: NOW, timeZone: 'Europe/Paris' };
      expect(computeDashboard(loaded, period, options)).toEqual(computeDashboard(all, period, options));
    }
  });
});
