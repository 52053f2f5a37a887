// Where each synced entity's records live on the device, and the only code that reads or writes
// them by entity (the write path, local-changes.ts, and sync, sync-repo.ts). Most entities have a
// table of their own. A job's checklist answers and custody events live together in one
// JobActivityRecord per job: IndexedDB's cost is per record written, and a new tablet's first
// download writes every job's activity in one record instead of one per answer and event.
import type { Table } from 'dexie';
import { ENTITIES } from '../protocol/constants';
import type { ChecklistAnswer, CustodyEvent, Entity } from '../protocol/protocol';
import type { LoupeDb } from './loupe-db';
import type { JobActivityRecord } from './records';

type Fields = Record<string, unknown>;
type TableEntity = Exclude<Entity, ActivityEntity>;
type ActivityEntity = 'checklistAnswer' | 'custodyEvent';

/** The field of a JobActivityRecord that holds each entity's records, by id. */
const ACTIVITY_FIELDS = { checklistAnswer: 'answers', custodyEvent: 'custody' } as const satisfies Record<ActivityEntity, keyof JobActivityRecord>;

const isActivity = (entity: Entity): entity is ActivityEntity => entity in ACTIVITY_FIELDS;

function tableOf(db: LoupeDb, entity: TableEntity): Table<Fields, string> {
  const tables = {
    job: db.jobs,
    photo: db.photos,
    timeEntry: db.timeEntries,
    qcReview: db.qcReviews,
    person: db.people,
    attendance: db.attendance,
  } satisfies Record<TableEntity, unknown>;
  return tables[entity] as unknown as Table<Fields, string>;
}

/** The tables a transaction over this entity's records needs. */
export function tablesOf(db: LoupeDb, entity: Entity): Table[] {
  return [isActivity(entity) ? db.jobActivity : tableOf(db, entity)];
}

/** Every table that holds synced records. */
export function recordTables(db: LoupeDb): Table[] {
  return [...new Set(ENTITIES.flatMap((entity) => tablesOf(db, entity)))];
}

/** The job of an answer or custody event: its own field, or the answer id's first part (`<jobId>:<template>:<item>`). */
function jobOf(entity: ActivityEntity, id: string, jobId: unknown): string | undefined {
  if (typeof jobId === 'string') return jobId;
  return entity === 'checklistAnswer' ? id.split(':')[0] : undefined;
}

const emptyActivity = (jobId: string): JobActivityRecord => ({ jobId, answers: {}, custody: {} });

/** Answers and custody events gathered into their jobs' activity records (schema upgrade, test fixtures). */
export function packActivity(answers: readonly ChecklistAnswer[], custody: readonly CustodyEvent[]): JobActivityRecord[] {
  const byJob = new Map<string, JobActivityRecord>();
  const of = (jobId: string) => byJob.get(jobId) ?? byJob.set(jobId, emptyActivity(jobId)).get(jobId)!;
  for (const answer of answers) of(answer.jobId).answers[answer.id] = answer;
  for (const event of custody) of(event.jobId).custody[event.id] = event;
  return [...byJob.values()];
}

/** One record; `jobId` finds an answer or a custody event (any other entity ignores it). */
export async function readStoredRecord(db: LoupeDb, entity: Entity, id: string, jobId?: unknown): Promise<Fields | undefined> {
  if (!isActivity(entity)) return tableOf(db, entity).get(id);
  const job = jobOf(entity, id, jobId);
  if (job === undefined) return undefined;
  return (await db.jobActivity.get(job))?.[ACTIVITY_FIELDS[entity]][id] as Fields | undefined;
}

export interface StoreOptions {
  /**
   * The records are whole jobs in job id order (a page of a first download, PullResponse.snapshot):
   * the activity records they touch form one key range, read in one request.
   */
  wholeJobs?: boolean;
}

/** Writes records of several entities; a job's answers and events land in its activity record in one write. */
export async function storeRecords(db: LoupeDb, byEntity: ReadonlyMap<Entity, readonly Fields[]>, options: StoreOptions = {}): Promise<void> {
  const activity: { entity: ActivityEntity; record: Fields }[] = [];
  for (const [entity, records] of byEntity) {
    if (records.length === 0) continue;
    if (isActivity(entity)) activity.push(...records.map((record) => ({ entity, record })));
    else await tableOf(db, entity).bulkPut([...records]);
  }
  if (activity.length === 0) return;
  const jobIds = [...new Set(activity.map(({ entity, record }) => activityJob(entity, record)))].sort();
  const held = options.wholeJobs
    ? await db.jobActivity.where(':id').between(jobIds[0]!, jobIds.at(-1)!, true, true).toArray()
    : (await db.jobActivity.bulkGet(jobIds)).filter((row): row is JobActivityRecord => row !== undefined);
  const rows = new Map(held.map((row) => [row.jobId, row]));
  for (const { entity, record } of activity) {
    const jobId = activityJob(entity, record);
    const row = rows.get(jobId) ?? rows.set(jobId, emptyActivity(jobId)).get(jobId)!;
    (row[ACTIVITY_FIELDS[entity]] as Record<string, Fields>)[String(record.id)] = record;
  }
  await db.jobActivity.bulkPut(jobIds.map((jobId) => rows.get(jobId)!));
}

function activityJob(entity: ActivityEntity, record: Fields): string {
  const jobId = jobOf(entity, String(record.id), record.jobId);
  if (jobId === undefined) throw new Error(`A ${entity} without a jobId cannot be stored: ${String(record.id)}`);
  return jobId;
}

export function storeRecord(db: LoupeDb, entity: Entity, record: Fields): Promise<void> {
  return storeRecords(db, new Map([[entity, [record]]]));
}

export async function removeStoredRecord(db: LoupeDb, entity: Entity, id: string, jobId?: unknown): Promise<void> {
  if (!isActivity(entity)) return tableOf(db, entity).delete(id);
  const job = jobOf(entity, id, jobId);
  const row = job === undefined ? undefined : await db.jobActivity.get(job);
  if (!row || !(id in row[ACTIVITY_FIELDS[entity]])) return;
  delete row[ACTIVITY_FIELDS[entity]][id];
  await db.jobActivity.put(row);
}

/** Empties every synced record (a reset: the server's full state follows). */
export async function clearStoredRecords(db: LoupeDb): Promise<void> {
  for (const table of recordTables(db)) await table.clear();
}

/** A job's checklist answers and custody events, as stored. */
export function answersOf(row: JobActivityRecord | undefined) {
  return Object.values(row?.answers ?? {});
}

export function custodyOf(row: JobActivityRecord | undefined) {
  return Object.values(row?.custody ?? {});
}
