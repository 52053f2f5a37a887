// `npm run demo` seeds twelve weeks of finished work: valid records, the same for the same day,
// nothing in the future, and enough in every week for every KPI chart to say something.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDashboard, periodHolding } from '../../src/domain/kpi';
import { addDays, localDate } from '../../src/domain/kpi/calendar';
import { demoData, DEMO_PEOPLE } from '../../sync-server/demo/demo-data';
import { DEMO_TIME_ZONE, demoHistory, seedDemoHistory } from '../../sync-server/demo/demo-history';
import { startTestServer, type TestServer } from './helpers';

const NOW = new Date('2026-11-25T10:00:00Z');
const history = demoHistory(NOW);

describe('the demo history', () => {
  it('is the same every time for the same day', () => {
    expect(demoHistory(NOW)).toEqual(history);
  });

  it('has nothing after now, and unique job numbers', () => {
    const times = [
      ...history.jobs.map((j) => j.createdAt),
      ...history.timeEntries.flatMap((e) => [e.startedAt, e.endedAt ?? e.startedAt]),
      ...history.custodyEvents.map((e) => e.at),
      ...history.qcReviews.map((r) => r.at),
      ...history.attendance.flatMap((s) => [s.clockIn, s.clockOut ?? s.clockIn]),
    ];
    expect(times.every((t) => Date.parse(t) <= NOW.getTime())).toBe(true);
    expect(new Set(history.jobs.map((j) => j.number)).size).toBe(history.jobs.length);
  });

  it('gives every chart something to say, week after week, for every jeweler', () => {
    const base = demoData(NOW);
    const input = {
      people: DEMO_PEOPLE,
      jobs: [...base.jobs, ...history.jobs],
      timeEntries: [...base.timeEntries, ...history.timeEntries],
      qcReviews: [...base.qcReviews, ...history.qcReviews],
      custodyEvents: [...base.custodyEvents, ...history.custodyEvents],
      attendance: history.attendance,
    };
    const lastWeek = periodHolding('week', addDays(localDate(NOW.getTime(), DEMO_TIME_ZONE), -7));
    const d = computeDashboard(input, lastWeek, { now: NOW.getTime(), timeZone: DEMO_TIME_ZONE });
    expect(d.team.weekly).toHaveLength(12);
    for (const week of d.team.weekly) {
      expect(week.completed.value, week.week.label).toBeGreaterThan(50);
      expect(week.clockedHours.value, week.week.label).toBeGreaterThan(100);
    }
    expect(d.team.weekly.some((w) => (w.reworkRate.value ?? 0) > 0)).toBe(true);
    const k = d.team.jobs.current;
    expect(k.firstPassYield.value).toBeGreaterThan(0.7);
    expect(k.firstPassYield.value).toBeLessThan(1);
    expect(k.onTimeRate.value).toBeLessThan(1);
    expect(d.team.attendance.current.lateStarts.numerator).toBeGreaterThan(0);
    expect(d.team.attendance.current.utilisation.value).toBeGreaterThan(0.5);
    expect(d.team.attendance.current.utilisation.value).toBeLessThan(1);
    expect(d.jewelers.filter((p) => p.role === 'jeweler').every((p) => (p.jobs.current.completed.value ?? 0) > 0)).toBe(true);
    expect(d.services.length).toBeGreaterThan(8);
  });
});

describe('seeding it', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.storage.seedRecords('person', DEMO_PEOPLE);
  });
  afterAll(() => server.close());

  it('writes every record through the storage’s validation', async () => {
    const seeded = await seedDemoHistory(server.storage, NOW);
    expect(await server.storage.allRecords('job')).toHaveLength(seeded.jobs.length);
    expect(await server.storage.allRecords('attendance')).toHaveLength(seeded.attendance.length);
  });
});
