// A demo workshop: known people and jobs in every status, so `npm run demo` shows the real thing.
// Deterministic (a seeded generator), so the README's list of people stays true.
import { formatJobNumber } from '../../src/domain/job-number';
import type { JobStatus } from '../../src/domain/vocabulary';
import type { CustodyEvent, Job, Person, QcReview, TimeEntry } from '../../src/protocol/protocol';

/** Fixed ids so the README can name the demo people and tests can find them. */
export const DEMO_PEOPLE: Person[] = [
  { id: '01930000-0000-7000-8000-000000000001', name: 'Camille Laurent', role: 'jeweler', active: true },
  { id: '01930000-0000-7000-8000-000000000002', name: 'Hugo Martin', role: 'jeweler', active: true },
  { id: '01930000-0000-7000-8000-000000000003', name: 'Sofia Rossi', role: 'jeweler', active: true },
  { id: '01930000-0000-7000-8000-000000000004', name: 'Malik Benali', role: 'jeweler', active: true },
  { id: '01930000-0000-7000-8000-000000000005', name: 'Emma Dubois', role: 'jeweler', active: true },
  { id: '01930000-0000-7000-8000-000000000006', name: 'Inès Moreau', role: 'manager', active: true },
  { id: '01930000-0000-7000-8000-000000000007', name: 'Louis Petit', role: 'intake', active: true },
  { id: '01930000-0000-7000-8000-000000000008', name: 'Admin', role: 'admin', active: true },
];

function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const PIECES: Array<Pick<Job, 'piece' | 'services'>> = [
  { piece: { category: 'ring', model: 'Solitaire Étoile', metal: 'pt950', stones: [{ type: 'diamond', count: 1, sizeOrCarat: '1.02 ct', colour: 'F' }], weightG: 4.86, ringSize: { value: 52, scale: 'eu' } }, services: ['sizing', 'polishing'] },
  { piece: { category: 'bracelet', model: 'Maille Royale', metal: 'au750_yellow', stones: [], weightG: 38.4 }, services: ['chain_soldering', 'polishing'] },
  { piece: { category: 'necklace', model: 'Perles de Lune', metal: 'au750_white', stones: [{ type: 'pearl', count: 48, sizeOrCarat: '7 mm' }], weightG: 41.2 }, services: ['pearl_restringing'] },
  { piece: { category: 'earrings', model: 'Gouttes', metal: 'au750_white', stones: [{ type: 'sapphire', count: 2, sizeOrCarat: '0.8 ct', colour: 'blue' }, { type: 'diamond', count: 24, sizeOrCarat: '0.01 ct' }], weightG: 6.1 }, services: ['stone_tightening', 'rhodium_plating'] },
  { piece: { category: 'ring', model: 'Alliance Pavée', metal: 'au750_rose', stones: [{ type: 'diamond', count: 18, sizeOrCarat: '0.02 ct', notes: 'one missing at 6 o’clock', flag: 'missing' }], weightG: 3.2, ringSize: { value: 7, scale: 'us' } }, services: ['stone_replacement', 'prong_retipping'] },
  { piece: { category: 'brooch', model: 'Libellule', metal: 'au750_yellow', stones: [{ type: 'emerald', count: 3, sizeOrCarat: '0.3 ct' }], weightG: 12.7 }, services: ['clasp_repair', 'cleaning_inspection'] },
  { piece: { category: 'ring', model: 'Chevalière', metal: 'au750_yellow', stones: [], weightG: 14.9, ringSize: { value: 62, scale: 'eu' } }, services: ['engraving', 'polishing'] },
  { piece: { category: 'bracelet', model: 'Jonc Signature', metal: 'ag925', stones: [], weightG: 22.3, }, services: ['authentication', 'cleaning_inspection'] },
];

const STATUSES: JobStatus[] = ['intake', 'queued', 'queued', 'in_progress', 'in_progress', 'on_hold', 'awaiting_qc', 'awaiting_qc', 'rework', 'completed', 'released', 'cancelled'];

export interface DemoData {
  people: Person[];
  jobs: Job[];
  custodyEvents: CustodyEvent[];
  timeEntries: TimeEntry[];
  qcReviews: QcReview[];
}

/** `now` fixes the calendar so the demo's promised dates sit around today. */
export function demoData(now = new Date()): DemoData {
  const random = generator(42);
  const jewelers = DEMO_PEOPLE.filter((p) => p.role === 'jeweler');
  const manager = DEMO_PEOPLE.find((p) => p.role === 'manager')!;
  const intake = DEMO_PEOPLE.find((p) => p.role === 'intake')!;
  const data: DemoData = { people: DEMO_PEOPLE, jobs: [], custodyEvents: [], timeEntries: [], qcReviews: [] };
  const day = 86_400_000;
  const id = (n: number, kind: number) => `01930000-0000-7${kind.toString(16).padStart(3, '0')}-8000-${n.toString(16).padStart(12, '0')}`;

  STATUSES.concat(STATUSES).forEach((status, i) => {
    const n = i + 1;
    const template = PIECES[i % PIECES.length]!;
    const jeweler = jewelers[i % jewelers.length]!;
    const created = new Date(now.getTime() - (2 + Math.floor(random() * 12)) * day);
    const promised = new Date(created.getTime() + (5 + Math.floor(random() * 10)) * day);
    const jobId = id(n, 1);
    const onBench = !['intake', 'queued', 'cancelled'].includes(status);
    data.jobs.push({
      id: jobId,
      number: formatJobNumber({ prefix: 'DEMO', year: now.getUTCFullYear(), sequence: n }),
      status,
      version: onBench ? 2 : 0,
      ...template,
      priority: (['standard', 'standard', 'express', 'vip'] as const)[i % 4]!,
      promisedDate: promised.toISOString().slice(0, 10),
      ...(status === 'intake' ? {} : { assigneeId: jeweler.id }),
      ...(status === 'on_hold' ? { holdReason: 'awaiting_parts' as const } : {}),
      notes: i % 3 === 0 ? 'Client asks to keep the original hallmark visible.' : '',
      clientRef: `BTQ-${(4_000 + n).toString()}`,
      createdAt: created.toISOString(),
      updatedAt: new Date(created.getTime() + day).toISOString(),
    });
    data.custodyEvents.push({ id: id(n, 2), jobId, personId: intake.id, deviceId: 'demo-intake-desk', location: { kind: 'vault' }, action: 'scan_in', at: created.toISOString() });
    if (onBench) {
      const start = new Date(created.getTime() + day);
      data.custodyEvents.push({ id: id(n, 3), jobId, personId: jeweler.id, deviceId: 'demo-bench-tablet', location: { kind: 'bench', label: String((i % 5) + 1) }, action: 'scan_in', at: start.toISOString() });
      const minutes = 25 + Math.floor(random() * 140);
      data.timeEntries.push({ id: id(n, 4), jobId, personId: jeweler.id, startedAt: start.toISOString(), ...(status === 'in_progress' ? {} : { endedAt: new Date(start.getTime() + minutes * 60_000).toISOString() }) });
    }
    if (status === 'rework' || status === 'completed' || status === 'released') {
      const rejected = status === 'rework';
      data.qcReviews.push({ id: id(n, 5), jobId, reviewerId: manager.id, decision: rejected ? 'reject' : 'approve', reasons: rejected ? ['polish_marks'] : [], comment: rejected ? 'Fine scratches on the shank, inside.' : '', at: new Date(created.getTime() + 2 * day).toISOString() });
    }
  });
  return data;
}

