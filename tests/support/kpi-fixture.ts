// A small workshop whose KPIs were worked out by hand (docs/KPIS.md has the definitions). The
// domain tests, the dashboard's component test and the end-to-end journey all use it, so the
// screen is checked against the same arithmetic as the domain.
//
// Europe/Paris, winter time (UTC+1). Now: Thursday 12 March 2026, 16:00 in Paris. Period: March
// 2026 (previous: February 2026). Times below are UTC.
//
// job  jeweler  created  services             promised  labour                         QC                           status
// J1   Inès     03-02    sizing               03-06     2 h (03-03)                    ✓ 03-04 09:00                completed
// J2   Inès     03-02    polishing            03-05     1 h (03-03) + 1 h (03-05)      ✗ 03-04, ✓ 03-06 09:00       completed (late)
// J3   Hugo     03-03    sizing + polishing   03-20     3 h (03-09)                    ✓ 03-10 09:00                released
// J4   Inès     03-05    stone tightening     03-10     1 h (03-06, ends 10:00)        ✗ 03-09                      rework (overdue, idle)
// J5   —        03-11    engraving            03-25     —  (custody 03-11)             —                            queued
// J6   Inès     02-10    polishing            02-20     running since 03-12 13:00      —                            in_progress (overdue)
// J7   Hugo     02-02    sizing               02-10     2 h (02-03)                    ✓ 02-04 09:00                released
// J8   Inès     02-20    polishing            —         4 h (02-23) + 1 h (03-02)      ✗ 02-26, ✓ 03-02 09:00       completed (crosses the border)
//
// Shifts (09:00 Paris = 08:00 UTC, 5 minutes' grace): Inès 03-02 07:50–15:50, 03-03 08:10–16:10
// (late), 03-12 08:00– (open, 7 h so far), 02-23 08:00–16:00; Hugo 03-09 07:30–15:30, 03-10
// 08:20–16:20 (late).
import { formatJobNumber } from '../../src/domain/job-number';
import type { Attendance, CustodyEvent, Job, Person, QcReview, TimeEntry } from '../../src/protocol/protocol';

export const KPI_NOW = '2026-03-12T15:00:00.000Z';
export const KPI_ZONE = 'Europe/Paris';

const uuid = (kind: number, n: number) => `01950000-0000-7${kind.toString(16).padStart(3, '0')}-8000-${n.toString(16).padStart(12, '0')}`;

export const INES: Person = { id: uuid(0, 1), name: 'Inès Moreau', role: 'jeweler', active: true };
export const HUGO: Person = { id: uuid(0, 2), name: 'Hugo Martin', role: 'jeweler', active: true };
export const MARC: Person = { id: uuid(0, 3), name: 'Marc Lefèvre', role: 'manager', active: true };

function job(n: number, created: string, services: Job['services'], status: Job['status'], promisedDate?: string): Job {
  return {
    id: uuid(1, n),
    number: formatJobNumber({ prefix: 'KP1', year: 2026, sequence: n }),
    status,
    version: 3,
    piece: { category: 'ring', metal: 'au750_yellow', stones: [] },
    services,
    priority: 'standard',
    ...(promisedDate ? { promisedDate } : {}),
    notes: '',
    createdAt: `2026-${created}:00.000Z`,
    updatedAt: KPI_NOW,
  };
}

export const JOBS = {
  J1: job(1, '03-02T09:00', ['sizing'], 'completed', '2026-03-06'),
  J2: job(2, '03-02T09:00', ['polishing'], 'completed', '2026-03-05'),
  J3: job(3, '03-03T09:00', ['sizing', 'polishing'], 'released', '2026-03-20'),
  J4: job(4, '03-05T09:00', ['stone_tightening'], 'rework', '2026-03-10'),
  J5: job(5, '03-11T09:00', ['engraving'], 'queued', '2026-03-25'),
  J6: job(6, '02-10T09:00', ['polishing'], 'in_progress', '2026-02-20'),
  J7: job(7, '02-02T09:00', ['sizing'], 'released', '2026-02-10'),
  J8: job(8, '02-20T09:00', ['polishing'], 'completed'),
};
export type FixtureJob = keyof typeof JOBS;

let entryN = 0;
const work = (j: FixtureJob, person: Person, from: string, to?: string): TimeEntry => ({
  id: uuid(2, ++entryN),
  jobId: JOBS[j].id,
  personId: person.id,
  startedAt: `2026-${from}:00.000Z`,
  ...(to ? { endedAt: `2026-${to}:00.000Z` } : {}),
});
let reviewN = 0;
const qc = (j: FixtureJob, decision: 'approve' | 'reject', at: string): QcReview => ({
  id: uuid(3, ++reviewN),
  jobId: JOBS[j].id,
  reviewerId: MARC.id,
  decision,
  reasons: decision === 'reject' ? ['polish_marks'] : [],
  comment: '',
  at: `2026-${at}:00.000Z`,
});
let custodyN = 0;
const custody = (j: FixtureJob, person: Person, at: string): CustodyEvent => ({
  id: uuid(4, ++custodyN),
  jobId: JOBS[j].id,
  personId: person.id,
  deviceId: 'kpi-fixture-01',
  location: { kind: 'bench', label: '2' },
  action: 'scan_in',
  at: `2026-${at}:00.000Z`,
});
let shiftN = 0;
const shift = (person: Person, from: string, to?: string): Attendance => ({
  id: uuid(5, ++shiftN),
  personId: person.id,
  clockIn: `2026-${from}:00.000Z`,
  ...(to ? { clockOut: `2026-${to}:00.000Z` } : {}),
});

export const KPI_FIXTURE = {
  people: [INES, HUGO, MARC],
  jobs: Object.values(JOBS),
  timeEntries: [
    work('J1', INES, '03-03T09:00', '03-03T11:00'),
    work('J2', INES, '03-03T13:00', '03-03T14:00'),
    work('J2', INES, '03-05T09:00', '03-05T10:00'),
    work('J3', HUGO, '03-09T08:00', '03-09T11:00'),
    work('J4', INES, '03-06T09:00', '03-06T10:00'),
    work('J6', INES, '03-12T13:00'),
    work('J7', HUGO, '02-03T09:00', '02-03T11:00'),
    work('J8', INES, '02-23T09:00', '02-23T13:00'),
    work('J8', INES, '03-02T08:00', '03-02T09:00'),
  ],
  qcReviews: [
    qc('J1', 'approve', '03-04T09:00'),
    qc('J2', 'reject', '03-04T10:00'),
    qc('J2', 'approve', '03-06T09:00'),
    qc('J3', 'approve', '03-10T09:00'),
    qc('J4', 'reject', '03-09T09:00'),
    qc('J7', 'approve', '02-04T09:00'),
    qc('J8', 'reject', '02-26T09:00'),
    qc('J8', 'approve', '03-02T09:00'),
  ],
  custodyEvents: [
    custody('J4', INES, '03-05T09:30'),
    custody('J5', MARC, '03-11T09:05'),
    custody('J6', INES, '03-11T10:00'),
  ],
  attendance: [
    shift(INES, '03-02T07:50', '03-02T15:50'),
    shift(INES, '03-03T08:10', '03-03T16:10'),
    shift(INES, '03-12T08:00'),
    shift(INES, '02-23T08:00', '02-23T16:00'),
    shift(HUGO, '03-09T07:30', '03-09T15:30'),
    shift(HUGO, '03-10T08:20', '03-10T16:20'),
  ],
};

const ids = (...names: FixtureJob[]) => names.map((n) => JOBS[n].id).sort();

/** The figures for March 2026, worked out by hand from the table above. */
export const EXPECTED = {
  team: {
    firstPassYield: { numerator: 2, denominator: 4, jobIds: ids('J1', 'J2', 'J3', 'J4'), hitIds: ids('J1', 'J3') },
    reworkRate: { numerator: 2, denominator: 6, hitIds: ids('J2', 'J4') },
    completed: ids('J1', 'J2', 'J3', 'J8'),
    completedPerWeek: 4 / (31 / 7),
    labourHours: { median: 2.5, p90: 4.4 },
    leadTimeDays: { median: 5.5, p90: 9.1 },
    onTimeRate: { numerator: 2, denominator: 3, hitIds: ids('J1', 'J3') },
    wip: { total: ids('J4', 'J5', 'J6'), overdue: ids('J4', 'J6'), idle: ids('J4'), age: { '0-3': ids('J5'), '4-7': ids('J4'), '8-14': [], '15+': ids('J6') } },
    clockedHours: 39,
    lateStarts: { numerator: 2, denominator: 5 },
    labourHours_attendance: 11,
    utilisation: 11 / 39,
  },
  previous: {
    firstPassYield: { numerator: 1, denominator: 2 },
    reworkRate: { numerator: 1, denominator: 2 },
    completed: ids('J7'),
  },
  ines: { firstPassYield: { numerator: 1, denominator: 3 }, completed: ids('J1', 'J2', 'J8'), clockedHours: 23, lateStarts: 1, labourHours: 8, utilisation: 8 / 23 },
  hugo: { firstPassYield: { numerator: 1, denominator: 1 }, completed: ids('J3'), clockedHours: 16, lateStarts: 1, labourHours: 3, utilisation: 3 / 16 },
};
