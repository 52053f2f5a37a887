// Twelve weeks of finished work for the demo workshop, so every KPI chart says something: each
// demo jeweler clocks in on working days (some late, Emma part-time), takes jobs from intake,
// logs labour on them, hands them to QC; the manager approves or sends some back to rework,
// which costs another stretch of work the next day. Deterministic for a given `now` (a seeded
// generator), in the workshop's time zone (Paris).
import { addDays, localDate, startOfLocalDay } from '../../src/domain/kpi/calendar';
import { formatJobNumber } from '../../src/domain/job-number';
import type { QcRejectReason, ServiceType } from '../../src/domain/vocabulary';
import type { Attendance, CustodyEvent, Job, Person, QcReview, TimeEntry } from '../../src/protocol/protocol';
import type { Storage } from '../storage/storage';
import { DEMO_PEOPLE } from './demo-data';

export const DEMO_TIME_ZONE = 'Europe/Paris';
export const DEMO_HISTORY_WEEKS = 12;

export interface DemoHistory {
  jobs: Job[];
  timeEntries: TimeEntry[];
  custodyEvents: CustodyEvent[];
  qcReviews: QcReview[];
  attendance: Attendance[];
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** mulberry32: small, fast, good enough for believable demo data. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** What a jeweler is like: how often QC sends their work back, when they arrive, how fast they are. */
const PROFILES: Record<string, { reject: number; lateness: number; speed: number; days: number[] }> = {
  'Camille Laurent': { reject: 0.05, lateness: 0.05, speed: 0.9, days: [1, 2, 3, 4, 5] },
  'Hugo Martin': { reject: 0.12, lateness: 0.2, speed: 1.0, days: [1, 2, 3, 4, 5] },
  'Sofia Rossi': { reject: 0.08, lateness: 0.1, speed: 1.1, days: [1, 2, 3, 4, 5] },
  'Malik Benali': { reject: 0.2, lateness: 0.3, speed: 0.95, days: [1, 2, 3, 4, 5] },
  'Emma Dubois': { reject: 0.1, lateness: 0.08, speed: 1.2, days: [1, 2, 3, 4] },
};

/** Labour in minutes, [min, max], for one service. */
const LABOUR: Record<ServiceType, [number, number]> = {
  sizing: [60, 120],
  polishing: [40, 90],
  rhodium_plating: [50, 100],
  stone_tightening: [30, 80],
  stone_replacement: [90, 180],
  prong_retipping: [60, 150],
  clasp_repair: [40, 90],
  chain_soldering: [50, 110],
  engraving: [30, 70],
  pearl_restringing: [90, 160],
  cleaning_inspection: [20, 40],
  authentication: [30, 60],
};

const TEMPLATES: Array<Pick<Job, 'piece' | 'services'>> = [
  { piece: { category: 'ring', model: 'Solitaire Étoile', metal: 'pt950', stones: [{ type: 'diamond', count: 1, sizeOrCarat: '0.7 ct' }], weightG: 4.6, ringSize: { value: 53, scale: 'eu' } }, services: ['sizing', 'polishing'] },
  { piece: { category: 'ring', model: 'Alliance Pavée', metal: 'au750_rose', stones: [{ type: 'diamond', count: 18, sizeOrCarat: '0.02 ct' }], weightG: 3.1, ringSize: { value: 51, scale: 'eu' } }, services: ['stone_tightening', 'rhodium_plating'] },
  { piece: { category: 'bracelet', model: 'Maille Royale', metal: 'au750_yellow', stones: [], weightG: 38.4 }, services: ['chain_soldering', 'polishing'] },
  { piece: { category: 'necklace', model: 'Perles de Lune', metal: 'au750_white', stones: [{ type: 'pearl', count: 48, sizeOrCarat: '7 mm' }], weightG: 41.2 }, services: ['pearl_restringing'] },
  { piece: { category: 'earrings', model: 'Gouttes', metal: 'au750_white', stones: [{ type: 'sapphire', count: 2, sizeOrCarat: '0.8 ct' }], weightG: 6.1 }, services: ['stone_tightening'] },
  { piece: { category: 'ring', model: 'Chevalière', metal: 'au750_yellow', stones: [], weightG: 14.9, ringSize: { value: 62, scale: 'eu' } }, services: ['engraving', 'polishing'] },
  { piece: { category: 'brooch', model: 'Libellule', metal: 'au750_yellow', stones: [{ type: 'emerald', count: 3, sizeOrCarat: '0.3 ct' }], weightG: 12.7 }, services: ['clasp_repair', 'cleaning_inspection'] },
  { piece: { category: 'ring', model: 'Toi et Moi', metal: 'pt950', stones: [{ type: 'diamond', count: 2, sizeOrCarat: '0.5 ct' }], weightG: 5.2, ringSize: { value: 50, scale: 'eu' } }, services: ['prong_retipping', 'cleaning_inspection'] },
  { piece: { category: 'bracelet', model: 'Jonc Signature', metal: 'ag925', stones: [], weightG: 22.3 }, services: ['authentication', 'cleaning_inspection'] },
  { piece: { category: 'ring', model: 'Marquise', metal: 'au750_white', stones: [{ type: 'ruby', count: 1, sizeOrCarat: '1.1 ct' }], weightG: 4.0, ringSize: { value: 55, scale: 'eu' } }, services: ['stone_replacement', 'rhodium_plating'] },
  { piece: { category: 'ring', model: 'Alliance Classique', metal: 'au750_yellow', stones: [], weightG: 3.8, ringSize: { value: 57, scale: 'eu' } }, services: ['sizing'] },
  { piece: { category: 'necklace', model: 'Collier Rivière', metal: 'au750_white', stones: [{ type: 'diamond', count: 40, sizeOrCarat: '0.05 ct' }], weightG: 18.9 }, services: ['polishing', 'rhodium_plating'] },
];

const REASONS: QcRejectReason[] = ['polish_marks', 'polish_marks', 'loose_stone', 'wrong_size', 'visible_solder', 'uneven_plating', 'dirty'];
const COMMENTS: Record<QcRejectReason, string> = {
  polish_marks: 'Fine polish lines on the inside of the shank.',
  loose_stone: 'Centre stone moves under the loupe.',
  wrong_size: 'Measures half a size small on the mandrel.',
  visible_solder: 'Solder seam visible at the joint.',
  uneven_plating: 'Rhodium patchy near the gallery.',
  hallmark_damaged: 'Hallmark partly polished away.',
  dirty: 'Polishing compound left under the setting.',
  other: 'See me.',
};

/** Job history ending before `now`: only what had happened by then is written. */
export function demoHistory(now = new Date(), weeks = DEMO_HISTORY_WEEKS): DemoHistory {
  const random = generator(20_260_101);
  const between = (min: number, max: number) => min + random() * (max - min);
  const pickOne = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const nowMs = now.getTime();
  const tz = DEMO_TIME_ZONE;
  const manager = DEMO_PEOPLE.find((p) => p.role === 'manager')!;
  const intake = DEMO_PEOPLE.find((p) => p.role === 'intake')!;
  const jewelers: Person[] = DEMO_PEOPLE.filter((p) => p.role === 'jeweler');
  const out: DemoHistory = { jobs: [], timeEntries: [], custodyEvents: [], qcReviews: [], attendance: [] };
  const counters = { job: 0, entry: 0, custody: 0, review: 0, shift: 0 };
  const id = (kind: number, n: number) => `01940000-0000-7${kind.toString(16).padStart(3, '0')}-8000-${n.toString(16).padStart(12, '0')}`;
  const iso = (ms: number) => new Date(Math.round(ms / 1000) * 1000).toISOString();
  const at = (day: string, minutes: number) => startOfLocalDay(day, tz) + minutes * MIN;

  const custody = (jobId: string, personId: string, ms: number, location: CustodyEvent['location'], action: CustodyEvent['action']) => {
    if (ms > nowMs) return;
    out.custodyEvents.push({ id: id(0x12, ++counters.custody), jobId, personId, deviceId: location.kind === 'bench' ? 'demo-bench-tablet' : 'demo-intake-desk', location, action, at: iso(ms) });
  };
  const work = (jobId: string, personId: string, start: number, end: number) => {
    if (start >= nowMs) return;
    out.timeEntries.push({ id: id(0x13, ++counters.entry), jobId, personId, startedAt: iso(start), ...(end <= nowMs ? { endedAt: iso(end) } : {}) });
  };
  const review = (jobId: string, decision: 'approve' | 'reject', ms: number): boolean => {
    if (ms > nowMs) return false;
    const reason = pickOne(REASONS);
    out.qcReviews.push({
      id: id(0x14, ++counters.review), jobId, reviewerId: manager.id, decision,
      reasons: decision === 'reject' ? [reason] : [], comment: decision === 'reject' ? COMMENTS[reason] : '', at: iso(ms),
    });
    return true;
  };

  interface Rework { job: Job; bench: string; rejectedAt: number }
  const reworks = new Map<string, Rework[]>(jewelers.map((j) => [j.id, []]));
  const today = localDate(nowMs, tz);
  const first = addDays(today, -7 * weeks);

  for (let day = first; day < today; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    jewelers.forEach((jeweler, index) => {
      const profile = PROFILES[jeweler.name] ?? { reject: 0.1, lateness: 0.1, speed: 1, days: [1, 2, 3, 4, 5] };
      if (!profile.days.includes(weekday) || random() < 0.04) return; // days off, the odd absence
      const bench = String(index + 1);
      const late = random() < profile.lateness;
      const clockIn = at(day, late ? between(9 * 60 + 6, 9 * 60 + 35) : between(8 * 60 + 35, 9 * 60 + 4));
      const clockOut = clockIn + between(7.5, 8.5) * HOUR;
      out.attendance.push({ id: id(0x15, ++counters.shift), personId: jeweler.id, clockIn: iso(clockIn), clockOut: iso(clockOut) });
      let cursor = clockIn + between(5, 20) * MIN;

      // Rework first: what QC sent back since yesterday.
      const pending = reworks.get(jeweler.id)!;
      for (const rework of pending.filter((r) => r.rejectedAt < cursor)) {
        const end = cursor + between(20, 60) * MIN;
        custody(rework.job.id, jeweler.id, cursor, { kind: 'bench', label: rework.bench }, 'scan_in');
        work(rework.job.id, jeweler.id, cursor, end);
        custody(rework.job.id, jeweler.id, end, { kind: 'qc_desk' }, 'hand_over');
        const approvedAt = end + between(1, 20) * HOUR;
        rework.job.status = review(rework.job.id, 'approve', approvedAt) ? finished(approvedAt) : end <= nowMs ? 'awaiting_qc' : 'in_progress';
        pending.splice(pending.indexOf(rework), 1);
        cursor = end + between(5, 20) * MIN;
      }

      // New jobs until the end of the shift, with time between them for everything else.
      while (cursor + 30 * MIN < clockOut - 15 * MIN) {
        const template = pickOne(TEMPLATES);
        const minutes = template.services.reduce((sum, s) => sum + between(...LABOUR[s]) * 0.6, 0) * profile.speed;
        const end = Math.min(cursor + minutes * MIN, clockOut - 10 * MIN);
        const created = cursor - between(1, 5) * DAY - between(0, 6) * HOUR;
        const n = ++counters.job;
        const job: Job = {
          id: id(0x11, n),
          number: formatJobNumber({ prefix: 'HIST', year: new Date(created).getUTCFullYear(), sequence: n }),
          status: 'in_progress',
          version: 4,
          ...structuredClone(template),
          priority: random() < 0.15 ? 'express' : random() < 0.08 ? 'vip' : 'standard',
          promisedDate: localDate(created + between(3, 9) * DAY, tz),
          assigneeId: jeweler.id,
          notes: '',
          clientRef: `BTQ-${(7000 + n).toString()}`,
          createdAt: iso(created),
          updatedAt: iso(Math.min(nowMs, end)),
        };
        out.jobs.push(job);
        custody(job.id, intake.id, created, { kind: 'vault' }, 'scan_in');
        custody(job.id, jeweler.id, cursor, { kind: 'bench', label: bench }, 'scan_in');
        work(job.id, jeweler.id, cursor, end);
        custody(job.id, jeweler.id, end, { kind: 'qc_desk' }, 'hand_over');
        const reviewedAt = end + between(0.5, 22) * HOUR;
        if (end > nowMs) job.status = 'in_progress';
        else if (reviewedAt > nowMs) job.status = 'awaiting_qc';
        else if (random() < profile.reject) {
          review(job.id, 'reject', reviewedAt);
          job.status = 'rework';
          pending.push({ job, bench, rejectedAt: reviewedAt });
        } else {
          review(job.id, 'approve', reviewedAt);
          job.status = finished(reviewedAt);
        }
        cursor = end + between(10, 50) * MIN;
      }
    });
  }
  return out;

  /** Approved: released to the client a few days later, if that day has come. */
  function finished(approvedAt: number): Job['status'] {
    return nowMs - approvedAt > 3 * DAY ? 'released' : 'completed';
  }
}

/** Writes the history into the demo workshop (seed-demo.ts), after the people it names. */
export async function seedDemoHistory(storage: Pick<Storage, 'seedRecords'>, now = new Date()): Promise<DemoHistory> {
  const history = demoHistory(now);
  await storage.seedRecords('job', history.jobs);
  await storage.seedRecords('timeEntry', history.timeEntries);
  await storage.seedRecords('custodyEvent', history.custodyEvents);
  await storage.seedRecords('qcReview', history.qcReviews);
  await storage.seedRecords('attendance', history.attendance);
  return history;
}
