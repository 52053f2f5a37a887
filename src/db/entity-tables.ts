import type { Table } from 'dexie';
import type { Entity } from '../protocol/protocol';
import type { LoupeDb } from './loupe-db';

/** The Dexie table that holds each synced entity. */
export function tableOf(db: LoupeDb, entity: Entity): Table<Record<string, unknown>, string> {
  const tables = {
    job: db.jobs,
    photo: db.photos,
    checklistAnswer: db.checklistAnswers,
    timeEntry: db.timeEntries,
    custodyEvent: db.custodyEvents,
    qcReview: db.qcReviews,
    person: db.people,
    attendance: db.attendance,
  } satisfies Record<Entity, unknown>;
  return tables[entity] as unknown as Table<Record<string, unknown>, string>;
}
