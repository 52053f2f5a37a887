// What the KPIs need to know about each job, worked out once from the raw records (jobs, QC
// reviews, time entries, custody events) and then filtered by period. docs/KPIS.md defines
// every fact below in words; keep the two in step.
import type { JobStatus, Role, ServiceType } from '../vocabulary';
import { instant, localDate } from './calendar';

// The shapes the KPIs read: the protocol's records satisfy them (src/protocol/protocol.ts).
export interface KpiJob {
  id: string;
  number: string;
  status: JobStatus;
  services: readonly ServiceType[];
  createdAt: string;
  promisedDate?: string;
  assigneeId?: string;
}
export interface KpiTimeEntry {
  id: string;
  jobId: string;
  personId: string;
  startedAt: string;
  endedAt?: string;
}
export interface KpiQcReview {
  id: string;
  jobId: string;
  decision: 'approve' | 'reject';
  at: string;
}
export interface KpiCustodyEvent {
  id: string;
  jobId: string;
  at: string;
}
export interface KpiAttendance {
  id: string;
  personId: string;
  clockIn: string;
  clockOut?: string;
}
export interface KpiPerson {
  id: string;
  name: string;
  role: Role;
  active: boolean;
}

export interface KpiInput {
  jobs: readonly KpiJob[];
  timeEntries: readonly KpiTimeEntry[];
  qcReviews: readonly KpiQcReview[];
  /** Those of open jobs (OPEN_STATUSES) at least: the KPIs read no others. */
  custodyEvents: readonly KpiCustodyEvent[];
  attendance: readonly KpiAttendance[];
  people: readonly KpiPerson[];
}

/** Work in progress: on the workshop's hands and not yet through QC. */
export const OPEN_STATUSES = ['intake', 'queued', 'in_progress', 'on_hold', 'awaiting_qc', 'rework'] as const satisfies readonly JobStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export interface JobFacts {
  id: string;
  number: string;
  status: JobStatus;
  services: readonly ServiceType[];
  promisedDate: string | undefined;
  createdMs: number;
  /** The person the job's figures are credited to: most labour, else the assignee; null when neither. */
  jewelerId: string | null;
  /** Every QC review's time, oldest first; and the rejections among them. */
  reviewMs: readonly number[];
  rejectMs: readonly number[];
  /** The first QC review's time; NaN when never reviewed. */
  firstReviewMs: number;
  /** Its first review approved it and no review ever rejected it. */
  firstPass: boolean;
  /** The approval no rejection follows; NaN while not completed (never approved, or reopened). */
  completedMs: number;
  /** Its local day (on time is judged by day); null while not completed. */
  completedDay: string | null;
  /** All labour logged on the job (a running stretch counts up to now, capped). */
  labourMs: number;
  /** Latest of intake, custody events and time entries (custody events are read for open jobs only). */
  lastActivityMs: number;
  open: boolean;
}

const OPEN = new Set<JobStatus>(OPEN_STATUSES);
/** Shared by every job without reviews (or rejections): never written to. */
const NONE: number[] = [];

/**
 * One stretch of work in ms. A running one counts up to now, but at most `capMs` (a timer left
 * running overnight is a forgotten one); broken or backwards dates count 0.
 */
export function entrySpan(entry: KpiTimeEntry, nowMs: number, capMs = Infinity): [number, number] | null {
  const start = instant(entry.startedAt);
  const end = entry.endedAt === undefined ? Math.min(nowMs, start + capMs) : instant(entry.endedAt);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return null;
  return [start, end];
}

/** A stretch of labour read once (a running one capped). */
export interface LabourSpan {
  jobId: string;
  personId: string;
  start: number;
  end: number;
}

/** Reads every time entry once; figures then only compare numbers. Unreadable entries are left out. */
export function readLabour(entries: readonly KpiTimeEntry[], nowMs: number, openEntryCapMs = Infinity): LabourSpan[] {
  const out: LabourSpan[] = [];
  for (const entry of entries) {
    const start = instant(entry.startedAt);
    const end = entry.endedAt === undefined ? Math.min(nowMs, start + openEntryCapMs) : instant(entry.endedAt);
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) out.push({ jobId: entry.jobId, personId: entry.personId, start, end });
  }
  return out;
}

/** Who logged labour on a job: the first person inline, a map only when someone else joins. */
interface Labour {
  total: number;
  person: string;
  ms: number;
  first: number;
  others?: Map<string, { ms: number; first: number }>;
}

// Written for 20,000 jobs and a year of events in well under 300 ms (bench/kpi.bench.ts): one
// pass over each kind of record into per-job slots, no per-job temporary arrays or maps.
export function jobFacts(input: Pick<KpiInput, 'jobs' | 'qcReviews' | 'custodyEvents'>, labourSpans: readonly LabourSpan[], timeZone: string): JobFacts[] {
  const n = input.jobs.length;
  const index = new Map<string, number>();
  input.jobs.forEach((job, i) => index.set(job.id, i));
  const created = new Float64Array(n);
  const lastActivity = new Float64Array(n);
  input.jobs.forEach((job, i) => {
    created[i] = instant(job.createdAt);
    lastActivity[i] = created[i]!;
  });
  const touch = (i: number, ms: number) => {
    if (ms > lastActivity[i]! || Number.isNaN(lastActivity[i]!)) lastActivity[i] = ms;
  };

  // Last activity only matters for open jobs (idle); most custody events are of finished ones.
  const open = new Uint8Array(n);
  input.jobs.forEach((job, i) => (open[i] = OPEN.has(job.status) ? 1 : 0));
  for (const event of input.custodyEvents) {
    const i = index.get(event.jobId);
    if (i !== undefined && open[i] === 1) touch(i, instant(event.at));
  }

  const labour: Array<Labour | undefined> = new Array(n);
  for (const entry of labourSpans) {
    const i = index.get(entry.jobId);
    if (i === undefined) continue;
    const ms = entry.end - entry.start;
    touch(i, entry.end);
    const l = labour[i];
    if (!l) labour[i] = { total: ms, person: entry.personId, ms, first: entry.start };
    else {
      l.total += ms;
      if (l.person === entry.personId) {
        l.ms += ms;
        l.first = Math.min(l.first, entry.start);
      } else {
        l.others ??= new Map();
        const other = l.others.get(entry.personId);
        if (other) {
          other.ms += ms;
          other.first = Math.min(other.first, entry.start);
        } else l.others.set(entry.personId, { ms, first: entry.start });
      }
    }
  }

  // Reviews: times per job (negative = a rejection), sorted by time.
  const reviews: Array<number[] | undefined> = new Array(n);
  for (const review of input.qcReviews) {
    const i = index.get(review.jobId);
    const ms = instant(review.at);
    if (i === undefined || !Number.isFinite(ms)) continue;
    const signed = review.decision === 'approve' ? ms : -ms;
    const list = reviews[i];
    if (list) list.push(signed);
    else reviews[i] = [signed];
  }

  const facts: JobFacts[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const job = input.jobs[i]!;
    const list = reviews[i];
    let reviewMs: number[] = NONE;
    let rejectMs: number[] = NONE;
    let firstApproved = false;
    let completedMs = NaN;
    if (list) {
      if (list.length > 1) list.sort((a, b) => Math.abs(a) - Math.abs(b));
      reviewMs = new Array<number>(list.length);
      for (let r = 0; r < list.length; r++) {
        const v = list[r]!;
        reviewMs[r] = Math.abs(v);
        if (v < 0) (rejectMs === NONE ? (rejectMs = []) : rejectMs).push(-v);
      }
      firstApproved = list[0]! > 0;
      const lastReject = rejectMs.length > 0 ? rejectMs[rejectMs.length - 1]! : -Infinity;
      for (const v of list) {
        if (v > 0 && v > lastReject) {
          completedMs = v;
          break;
        }
      }
    }

    const l = labour[i];
    let jewelerId: string | null = job.assigneeId ?? null;
    if (l) {
      jewelerId = l.person;
      let best = { ms: l.ms, first: l.first };
      for (const [personId, other] of l.others ?? []) {
        if (other.ms > best.ms || (other.ms === best.ms && other.first < best.first)) {
          best = other;
          jewelerId = personId;
        }
      }
    }

    facts[i] = {
      id: job.id,
      number: job.number,
      status: job.status,
      services: job.services,
      promisedDate: job.promisedDate,
      createdMs: created[i]!,
      jewelerId,
      reviewMs,
      rejectMs,
      firstReviewMs: reviewMs[0] ?? NaN,
      firstPass: firstApproved && rejectMs.length === 0,
      completedMs,
      completedDay: Number.isNaN(completedMs) ? null : localDate(completedMs, timeZone),
      labourMs: l?.total ?? 0,
      lastActivityMs: lastActivity[i]!,
      open: open[i] === 1,
    };
  }
  return facts;
}
