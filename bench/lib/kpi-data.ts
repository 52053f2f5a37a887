// A big synthetic workshop for the KPI benchmark: 20 jewelers, N jobs over the last 12 months,
// each with labour, custody events and QC reviews (some rejected and reworked), and a year of
// shifts. Seeded, so every run computes the same thing. Pure: it also runs inside Chromium.
import type { KpiInput } from '../../src/domain/kpi/job-facts';
import { SERVICE_TYPES } from '../../src/domain/vocabulary';

export function makeKpiInput(jobCount: number, nowMs: number, months = 12): KpiInput {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const span = months * 30.4 * DAY;
  const people = Array.from({ length: 24 }, (_, i) => ({
    id: `person-${i}`,
    name: `Jeweler ${i}`,
    role: i < 20 ? ('jeweler' as const) : ('manager' as const),
    active: true,
  }));
  const input: KpiInput & { [K in keyof KpiInput]: unknown[] } = { jobs: [], timeEntries: [], qcReviews: [], custodyEvents: [], attendance: [], people };
  const iso = (ms: number) => new Date(ms).toISOString();
  for (let n = 0; n < jobCount; n++) {
    const id = `job-${n}`;
    const created = nowMs - random() * span;
    const person = people[Math.floor(random() * 20)]!;
    const started = created + random() * 3 * DAY;
    const labour = (0.5 + random() * 3) * HOUR;
    const reviewed = started + labour + random() * DAY;
    const done = reviewed < nowMs;
    const rejected = done && random() < 0.12;
    const approved = rejected ? reviewed + 1.5 * DAY : reviewed;
    const services = [SERVICE_TYPES[n % SERVICE_TYPES.length]!, ...(random() < 0.4 ? [SERVICE_TYPES[(n * 7) % SERVICE_TYPES.length]!] : [])];
    const status = !done ? 'in_progress' : rejected && approved > nowMs ? 'rework' : 'released';
    input.jobs.push({ id, number: `B${n}`, status, services, createdAt: iso(created), promisedDate: iso(created + 7 * DAY).slice(0, 10), assigneeId: person.id });
    input.custodyEvents.push({ id: `${id}-c1`, jobId: id, at: iso(created) }, { id: `${id}-c2`, jobId: id, at: iso(started) });
    if (started < nowMs) {
      input.timeEntries.push({ id: `${id}-t1`, jobId: id, personId: person.id, startedAt: iso(started), ...(started + labour < nowMs ? { endedAt: iso(started + labour) } : {}) });
      input.custodyEvents.push({ id: `${id}-c3`, jobId: id, at: iso(Math.min(nowMs, started + labour)) });
    }
    if (done) input.qcReviews.push({ id: `${id}-r1`, jobId: id, decision: rejected ? 'reject' : 'approve', at: iso(reviewed) });
    if (rejected && approved < nowMs) {
      input.timeEntries.push({ id: `${id}-t2`, jobId: id, personId: person.id, startedAt: iso(reviewed + DAY), endedAt: iso(reviewed + DAY + HOUR) });
      input.qcReviews.push({ id: `${id}-r2`, jobId: id, decision: 'approve', at: iso(approved) });
    }
  }
  for (let day = 0; day < months * 30.4; day++) {
    const midnight = Math.floor((nowMs - day * DAY) / DAY) * DAY;
    if (new Date(midnight).getUTCDay() % 6 === 0) continue; // weekends
    for (const person of people.slice(0, 20)) {
      const clockIn = midnight + 7 * HOUR + random() * HOUR;
      input.attendance.push({ id: `${person.id}-${day}`, personId: person.id, clockIn: iso(clockIn), ...(clockIn + 8 * HOUR < nowMs ? { clockOut: iso(clockIn + 8 * HOUR) } : {}) });
    }
  }
  return input;
}
