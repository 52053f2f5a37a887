// What the KPI dashboard reads: every record the figures are computed from, in one read. The
// arithmetic itself is pure (src/domain/kpi); this is only where the records come from on a device.
import { OPEN_STATUSES } from '../domain/kpi';
import type { KpiInput } from '../domain/kpi/job-facts';
import type { LoupeDb } from './loupe-db';
import { custodyOf } from './record-stores';
import { db as appDb } from './database';

/**
 * Custody events are read for open jobs only: the KPIs use them for nothing else (an open job's
 * last activity, KpiInput.custodyEvents), and they are the largest table, three or more per job
 * ever handled. The dashboard then opens in about half the time (BENCHMARKS.md, "KPI dashboard").
 */
export async function loadKpiInput(db: LoupeDb = appDb): Promise<KpiInput> {
  return db.transaction('r', [db.jobs, db.timeEntries, db.qcReviews, db.jobActivity, db.attendance, db.people], async () => {
    const [jobs, timeEntries, qcReviews, attendance, people] = await Promise.all([
      db.jobs.toArray(),
      db.timeEntries.toArray(),
      db.qcReviews.toArray(),
      db.attendance.toArray(),
      db.people.toArray(),
    ]);
    const open = new Set<string>(OPEN_STATUSES);
    const openIds = jobs.filter((job) => open.has(job.status)).map((job) => job.id);
    const custodyEvents = (await db.jobActivity.bulkGet(openIds)).flatMap(custodyOf);
    return { jobs, timeEntries, qcReviews, custodyEvents, attendance, people };
  });
}
