// What the KPI dashboard reads: every record the figures are computed from, in one read. The
// arithmetic itself is pure (src/domain/kpi); this is only where the records come from on a device.
import type { KpiInput } from '../domain/kpi/job-facts';
import type { LoupeDb } from './loupe-db';
import { db as appDb } from './database';

export async function loadKpiInput(db: LoupeDb = appDb): Promise<KpiInput> {
  return db.transaction('r', [db.jobs, db.timeEntries, db.qcReviews, db.custodyEvents, db.attendance, db.people], async () => {
    const [jobs, timeEntries, qcReviews, custodyEvents, attendance, people] = await Promise.all([
      db.jobs.toArray(),
      db.timeEntries.toArray(),
      db.qcReviews.toArray(),
      db.custodyEvents.toArray(),
      db.attendance.toArray(),
      db.people.toArray(),
    ]);
    return { jobs, timeEntries, qcReviews, custodyEvents, attendance, people };
  });
}
