// Small factories for test data: a valid record with overrides, nothing more.
import type { CustodyEvent, Job, Person, PhotoMeta, TimeEntry } from '../../src/protocol/protocol';
import type { OutboxRecord } from '../../src/db/records';
import { formatJobNumber } from '../../src/domain/job-number';
import { newId } from '../../src/domain/ids';

let sequence = 0;

export function aJob(overrides: Partial<Job> = {}): Job {
  sequence += 1;
  const now = new Date().toISOString();
  return {
    id: newId(),
    number: formatJobNumber({ prefix: 'NY1', year: 2026, sequence }),
    status: 'queued',
    version: 1,
    piece: { category: 'ring', metal: 'au750_yellow', stones: [], weightG: 4.21, ringSize: { value: 52, scale: 'eu' } },
    services: ['sizing'],
    priority: 'standard',
    notes: '',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

export function anOutboxEntry(deviceSeq: number, overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return { id: newId(), deviceSeq, entity: 'job', entityId: newId(), op: 'put', patch: {}, personId: newId(), role: 'jeweler', createdAt: new Date().toISOString(), ...overrides };
}

export function aPerson(overrides: Partial<Person> = {}): Person {
  return { id: newId(), name: 'Camille Roux', role: 'jeweler', active: true, ...overrides };
}

export function aTimeEntry(overrides: Partial<TimeEntry> & Pick<TimeEntry, 'jobId' | 'personId'>): TimeEntry {
  return { id: newId(), startedAt: new Date(Date.now() - 30 * 60_000).toISOString(), ...overrides };
}

export function aCustodyEvent(overrides: Partial<CustodyEvent> & Pick<CustodyEvent, 'jobId' | 'personId'>): CustodyEvent {
  return { id: newId(), deviceId: 'dev-test-0001', location: { kind: 'bench', label: '1' }, action: 'scan_in', at: new Date().toISOString(), ...overrides };
}

export function aPhotoMeta(overrides: Partial<PhotoMeta> & Pick<PhotoMeta, 'jobId' | 'takenBy'>): PhotoMeta {
  return {
    id: newId(),
    stage: 'after',
    sha256: 'a'.repeat(64),
    thumbSha256: 'b'.repeat(64),
    mime: 'image/jpeg',
    width: 2560,
    height: 1920,
    byteLength: 420_000,
    takenAt: new Date().toISOString(),
    marks: [],
    ...overrides,
  };
}
