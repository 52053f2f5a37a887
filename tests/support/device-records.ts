// Tests read and seed a device's answers and custody events as the app stores them: together, per
// job, in db.jobActivity (src/db/record-stores.ts).
import type { LoupeDb } from '../../src/db/loupe-db';
import type { ChecklistAnswerRecord, CustodyEvent } from '../../src/db/records';
import { answersOf, custodyOf, readStoredRecord, storeRecords } from '../../src/db/record-stores';

/** Stores answers and custody events as if they had been synced. */
export async function storeActivity(db: LoupeDb, records: { answers?: readonly ChecklistAnswerRecord[]; custody?: readonly CustodyEvent[] }): Promise<void> {
  await storeRecords(
    db,
    new Map([
      ['checklistAnswer', (records.answers ?? []) as never[]],
      ['custodyEvent', (records.custody ?? []) as never[]],
    ]),
  );
}

/** Every custody event on the device, of every job. */
export async function allCustody(db: LoupeDb): Promise<CustodyEvent[]> {
  return (await db.jobActivity.toArray()).flatMap(custodyOf);
}

/** Every checklist answer on the device, of every job. */
export async function allAnswers(db: LoupeDb): Promise<ChecklistAnswerRecord[]> {
  return (await db.jobActivity.toArray()).flatMap(answersOf);
}

export async function getAnswer(db: LoupeDb, id: string): Promise<ChecklistAnswerRecord | undefined> {
  return (await readStoredRecord(db, 'checklistAnswer', id)) as ChecklistAnswerRecord | undefined;
}

export async function getCustodyEvent(db: LoupeDb, jobId: string, id: string): Promise<CustodyEvent | undefined> {
  return (await readStoredRecord(db, 'custodyEvent', id, jobId)) as CustodyEvent | undefined;
}
