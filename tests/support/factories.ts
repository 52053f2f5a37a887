// Small factories for test data: a valid record with overrides, nothing more.
import type { Job } from '../../src/protocol/protocol';
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
