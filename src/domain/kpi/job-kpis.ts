// Quality, throughput, labour, lead time and on-time rate of a set of jobs over one span of time.
// Definitions: docs/KPIS.md.
import { count, rate, spread, type Figure, type Rate, type Spread } from './figures';
import type { JobFacts } from './job-facts';
import { spanIndex, type Span } from './period';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface JobKpis {
  /** Jobs whose first QC review falls in the span; hits: first review approved, never rejected. */
  firstPassYield: Rate;
  /** QC reviews in the span that rejected the piece, over all QC reviews in the span. */
  reworkRate: Rate;
  /** Jobs completed (approved for good) in the span. */
  completed: Figure;
  /** completed / the span's length in weeks. */
  completedPerWeek: Figure;
  /** Labour hours per job completed in the span. */
  labourHours: Spread;
  /** Days from intake to completion, per job completed in the span. */
  leadTimeDays: Spread;
  /** Jobs completed in the span with a promised date; hits: completed on or before that local day. */
  onTimeRate: Rate;
}

const inSpan = (ms: number, span: Span) => ms >= span.start && ms < span.end;

export function jobKpis(facts: readonly JobFacts[], span: Span, weeks: number): JobKpis {
  const cohort: string[] = [];
  const firstPass: string[] = [];
  const reviewed: string[] = [];
  const rejected: string[] = [];
  let reviews = 0;
  let rejections = 0;
  const completed: string[] = [];
  const labour: number[] = [];
  const lead: number[] = [];
  const leadIds: string[] = [];
  const promised: string[] = [];
  const onTime: string[] = [];

  for (const job of facts) {
    if (inSpan(job.firstReviewMs, span)) {
      cohort.push(job.id);
      if (job.firstPass) firstPass.push(job.id);
    }
    let reviewsHere = 0;
    for (const ms of job.reviewMs) if (inSpan(ms, span)) reviewsHere += 1;
    if (reviewsHere > 0) {
      reviewed.push(job.id);
      reviews += reviewsHere;
      let rejectsHere = 0;
      for (const ms of job.rejectMs) if (inSpan(ms, span)) rejectsHere += 1;
      if (rejectsHere > 0) {
        rejected.push(job.id);
        rejections += rejectsHere;
      }
    }
    if (inSpan(job.completedMs, span)) {
      completed.push(job.id);
      labour.push(job.labourMs / HOUR_MS);
      if (Number.isFinite(job.createdMs)) {
        lead.push(Math.max(0, job.completedMs - job.createdMs) / DAY_MS);
        leadIds.push(job.id);
      }
      if (job.promisedDate) {
        promised.push(job.id);
        if (job.completedDay !== null && job.completedDay <= job.promisedDate) onTime.push(job.id);
      }
    }
  }

  return {
    firstPassYield: rate(firstPass.length, cohort.length, { jobIds: cohort, hitIds: firstPass }),
    reworkRate: rate(rejections, reviews, { jobIds: reviewed, hitIds: rejected }),
    completed: count(completed),
    completedPerWeek: { value: weeks > 0 ? completed.length / weeks : null, jobIds: completed },
    labourHours: spread(labour, completed),
    leadTimeDays: spread(lead, leadIds),
    onTimeRate: rate(onTime.length, promised.length, { jobIds: promised, hitIds: onTime }),
  };
}

export interface WeeklyJobKpis {
  completed: Figure;
  firstPassYield: Rate;
  reworkRate: Rate;
}

/** completed, first-pass yield and rework rate for each of many contiguous spans, in one pass. */
export function weeklyJobKpis(facts: readonly JobFacts[], weeks: readonly Span[]): WeeklyJobKpis[] {
  const make = () => weeks.map(() => [] as string[]);
  const [cohort, firstPass, reviewed, rejected, completed] = [make(), make(), make(), make(), make()];
  const reviews = weeks.map(() => 0);
  const rejections = weeks.map(() => 0);
  for (const job of facts) {
    const first = spanIndex(weeks, job.firstReviewMs);
    if (first >= 0) {
      cohort[first]!.push(job.id);
      if (job.firstPass) firstPass[first]!.push(job.id);
    }
    let last = -1;
    for (const ms of job.reviewMs) {
      const w = spanIndex(weeks, ms);
      if (w < 0) continue;
      reviews[w]! += 1;
      if (w !== last) reviewed[w]!.push(job.id);
      last = w;
    }
    last = -1;
    for (const ms of job.rejectMs) {
      const w = spanIndex(weeks, ms);
      if (w < 0) continue;
      rejections[w]! += 1;
      if (w !== last) rejected[w]!.push(job.id);
      last = w;
    }
    const done = spanIndex(weeks, job.completedMs);
    if (done >= 0) completed[done]!.push(job.id);
  }
  return weeks.map((_, w) => ({
    completed: count(completed[w]!),
    firstPassYield: rate(firstPass[w]!.length, cohort[w]!.length, { jobIds: cohort[w]!, hitIds: firstPass[w]! }),
    reworkRate: rate(rejections[w]!, reviews[w]!, { jobIds: reviewed[w]!, hitIds: rejected[w]! }),
  }));
}
