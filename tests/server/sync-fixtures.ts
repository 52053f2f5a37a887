// Test doubles for sync: people with fixed ids, a fake device that numbers its mutations like the
// app does, and helpers that push or read everything back.
import { expect } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { Role } from '../../src/domain/vocabulary';
import type { Entity, Job, JobMovePatch, Mutation, PullResponse, PushRequest, PushResponse, QcReview } from '../../src/protocol/protocol';
import type { Storage } from '../../sync-server/storage/storage';
import { aJob } from '../support/factories';

function person(id: string, name: string, role: Role) {
  return { id, name, role, active: true };
}

export const PEOPLE = {
  admin: person('01900000-0000-7000-8000-000000000001', 'Ada Admin', 'admin'),
  manager: person('01900000-0000-7000-8000-000000000002', 'Marie Manager', 'manager'),
  jeweler: person('01900000-0000-7000-8000-000000000003', 'Jules Jeweler', 'jeweler'),
  jeweler2: person('01900000-0000-7000-8000-000000000004', 'Jade Jeweler', 'jeweler'),
  intake: person('01900000-0000-7000-8000-000000000005', 'Ines Intake', 'intake'),
} as const;
export type PersonKey = keyof typeof PEOPLE;

export async function seedPeople(storage: Storage): Promise<void> {
  await storage.seedRecords('person', Object.values(PEOPLE));
}

/** A job as the intake desk creates it: at intake, version 0. */
export function newJob(overrides: Partial<Job> = {}): Job {
  return aJob({ status: 'intake', version: 0, ...overrides });
}

/** A job already somewhere in the workflow, written with seedRecords. */
export async function seedJob(storage: Storage, overrides: Partial<Job>): Promise<Job> {
  const job = aJob(overrides);
  await storage.seedRecords('job', [job]);
  return job;
}

export function custodyEvent(jobId: string, by: PersonKey, overrides: Record<string, unknown> = {}) {
  return {
    id: newId(),
    jobId,
    personId: PEOPLE[by].id,
    deviceId: 'bench-tablet-1',
    location: { kind: 'bench', label: '3' },
    action: 'scan_in',
    at: new Date().toISOString(),
    ...overrides,
  };
}

export function qcReview(jobId: string, decision: 'approve' | 'reject', overrides: Partial<QcReview> = {}): QcReview {
  return {
    id: newId(),
    jobId,
    reviewerId: PEOPLE.manager.id,
    decision,
    reasons: decision === 'reject' ? ['polish_marks'] : [],
    comment: '',
    at: new Date().toISOString(),
    ...overrides,
  };
}

/** Numbers its mutations from 1, as a device's outbox does. */
export class FakeDevice {
  constructor(
    readonly deviceId: string,
    public seq = 0,
  ) {}

  put(entity: Entity, entityId: string, patch: Record<string, unknown>, by: PersonKey = 'jeweler'): Mutation {
    this.seq += 1;
    return { id: newId(), deviceSeq: this.seq, personId: PEOPLE[by].id, entity, entityId, op: 'put', patch, at: new Date().toISOString() };
  }

  move(jobId: string, patch: JobMovePatch, baseVersion: number, by: PersonKey = 'jeweler'): Mutation {
    this.seq += 1;
    return { id: newId(), deviceSeq: this.seq, personId: PEOPLE[by].id, entity: 'job', entityId: jobId, op: 'move', patch, baseVersion, at: new Date().toISOString() };
  }

  batch(...mutations: Mutation[]): PushRequest {
    return { deviceId: this.deviceId, mutations };
  }
}

/** Pushes and expects the batch to be accepted (no gap). */
export async function pushOk(storage: Storage, request: PushRequest): Promise<PushResponse & { changedSeq: number | null }> {
  const outcome = await storage.push(request);
  if (outcome.kind !== 'ok') throw new Error(`expected the push to be accepted, got a gap at ${outcome.lastAppliedSeq}`);
  return { ...outcome.response, changedSeq: outcome.changedSeq };
}

export function statuses(response: PushResponse): string[] {
  return response.results.map((result) => (result.status === 'refused' ? `refused:${result.code}` : result.status));
}

/** Pulls every page from `cursor`; checks that pages come in seq order. */
export async function pullAll(storage: Storage, cursor?: string, limit = 1_000): Promise<{ pages: PullResponse[]; changes: PullResponse['changes']; cursor: string }> {
  const pages: PullResponse[] = [];
  let next = cursor;
  for (;;) {
    const page = await storage.pull(next, limit);
    pages.push(page);
    next = page.cursor;
    if (!page.hasMore) break;
  }
  const changes = pages.flatMap((page) => page.changes);
  // After a first download (job by job), changes come in server order.
  const seqs = pages.filter((page) => !page.snapshot).flatMap((page) => page.changes.map((change) => change.seq));
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  return { pages, changes, cursor: next ?? '' };
}

/** The server's current state: `<entity>:<id>` → record. */
export async function snapshot(storage: Storage): Promise<Map<string, Record<string, unknown>>> {
  const { changes } = await pullAll(storage);
  return new Map(changes.map((change) => [`${change.entity}:${change.id}`, change.data]));
}

export async function readRecord(storage: Storage, entity: Entity, id: string): Promise<Record<string, unknown> | undefined> {
  return (await snapshot(storage)).get(`${entity}:${id}`);
}
