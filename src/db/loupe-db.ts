import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  Attendance,
  ChecklistAnswerRecord,
  ChecklistTemplateRecord,
  CustodyEvent,
  Job,
  JobActivityRecord,
  OutboxRecord,
  Person,
  PhotoBytesRecord,
  PhotoMeta,
  PhotoUploadRecord,
  QcReview,
  ServerRecord,
  SettingRecord,
  SyncStateRecord,
  TimeEntry,
} from './records';
import { packActivity } from './record-stores';

// ╔══════════════════════════════════════════════════════════════════════════════════════════╗
// ║ STORED DATA. Table names, key paths and index names below live in every installed        ║
// ║ tablet's IndexedDB. NEVER rename or remove a table or an index without a new version()   ║
// ║ that migrates the data (Dexie upgrade()). A rename without a migration silently loses   ║
// ║ a shift of unsynced work. Add indexes and tables in a new version; keep old versions.    ║
// ╚══════════════════════════════════════════════════════════════════════════════════════════╝

export const DB_NAME = 'loupe';

export class LoupeDb extends Dexie {
  jobs!: EntityTable<Job, 'id'>;
  photos!: EntityTable<PhotoMeta, 'id'>;
  photoBytes!: EntityTable<PhotoBytesRecord, 'sha256'>;
  photoUploads!: EntityTable<PhotoUploadRecord, 'sha256'>;
  checklistTemplates!: EntityTable<ChecklistTemplateRecord, 'id'>;
  jobActivity!: EntityTable<JobActivityRecord, 'jobId'>;
  timeEntries!: EntityTable<TimeEntry, 'id'>;
  qcReviews!: EntityTable<QcReview, 'id'>;
  people!: EntityTable<Person, 'id'>;
  outbox!: EntityTable<OutboxRecord, 'id'>;
  syncState!: EntityTable<SyncStateRecord, 'key'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  attendance!: EntityTable<Attendance, 'id'>;
  serverRecords!: Table<ServerRecord, [string, string]>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      jobs: 'id, &number, status, assigneeId, updatedAt',
      photos: 'id, jobId, [jobId+stage], sha256',
      photoBytes: 'sha256, kind',
      checklistTemplates: 'id, service',
      checklistAnswers: 'id, jobId',
      timeEntries: 'id, jobId, personId',
      custodyEvents: 'id, jobId, at',
      qcReviews: 'id, jobId',
      people: 'id, role',
      outbox: 'id, &deviceSeq, entity',
      syncState: 'key',
      settings: 'key',
    });
    // v2: shifts clocked on the tablet (attendance KPIs).
    this.version(2).stores({
      attendance: 'id, personId, clockIn',
    });
    // v3: the server's copy of each record that has local changes waiting (and only those), so
    // the changes can be rebased on what the server sends and a refused one undone exactly.
    this.version(3).stores({
      serverRecords: '[entity+id]',
    });
    // v4: which photo bytes the server holds (uploadedAt): what to upload, and which full-size
    // bytes may be evicted. Records without uploadedAt are simply absent from the new index.
    this.version(4).stores({
      photoBytes: 'sha256, kind, [kind+uploadedAt]',
    });
    // v5: pending changes by record, to tell at once whether a record has local work waiting.
    this.version(5).stores({
      outbox: 'id, &deviceSeq, entity, [entity+entityId]',
    });
    // v6: the server's confirmations of photo bytes in their own small table (photoUploads), so
    // that confirming a photo no longer rewrites its bytes. The confirmations of v4–v5 are
    // copied over from the [kind+uploadedAt] index, reading keys only (never the bytes).
    this.version(6)
      .stores({
        photoUploads: 'sha256',
      })
      .upgrade(async (tx) => {
        const confirmed: PhotoUploadRecord[] = [];
        await tx
          .table('photoBytes')
          .orderBy('[kind+uploadedAt]')
          .eachKey((key, cursor) => {
            confirmed.push({ sha256: String(cursor.primaryKey), uploadedAt: String((key as [string, string])[1]) });
          });
        await tx.table('photoUploads').bulkPut(confirmed);
      });
    // v7: a job's answers and custody events in one record (JobActivityRecord), copied over from
    // their tables; v8 then drops those tables, and the jobs.assigneeId index no screen queries
    // (the Board filters its columns in memory). Fewer records and indexes to write: a new
    // tablet's first download of 20,000 jobs halved (docs/DECISIONS.md, "Sync").
    this.version(7)
      .stores({
        jobActivity: 'jobId',
      })
      .upgrade(async (tx) => {
        const answers = (await tx.table('checklistAnswers').toArray()) as ChecklistAnswerRecord[];
        const custody = (await tx.table('custodyEvents').toArray()) as CustodyEvent[];
        await tx.table('jobActivity').bulkPut(packActivity(answers, custody));
      });
    this.version(8).stores({
      checklistAnswers: null,
      custodyEvents: null,
      jobs: 'id, &number, status, updatedAt',
    });
  }
}
