// What each Dexie table holds. Synced records are the protocol's types (src/protocol), so what a
// device stores is exactly what travels; local-only tables have their own shapes here.
import type { Role } from '../domain/vocabulary';
import type {
  Entity,
  Attendance,
  ChecklistAnswer,
  CustodyEvent,
  Job,
  Person,
  PhotoMeta,
  QcReview,
  TimeEntry,
} from '../protocol/protocol';

export type { Attendance, CustodyEvent, Job, Person, PhotoMeta, QcReview, TimeEntry };

/**
 * Photo bytes, stored as an ArrayBuffer plus its MIME type and read by primary key: Blobs in
 * IndexedDB have had WebKit bugs (lost or zero-length after a restart), plain ArrayBuffers have
 * not. The SHA-256 is the key and is checked again on every read.
 */
export interface PhotoBytesRecord {
  sha256: string;
  type: string;
  bytes: ArrayBuffer;
  /** 'full' may be evicted once the server confirmed it holds the same hash; 'thumb' stays. */
  kind: 'full' | 'thumb';
  storedAt: string;
  /**
   * Before schema v6 only: when the server was seen to hold these bytes. v6 moved every
   * confirmation to db.photoUploads (PhotoUploadRecord) and nothing writes this field any more.
   */
  uploadedAt?: string;
}

/**
 * The server was seen to hold these bytes (upload finished, or it answered "have", or they were
 * downloaded from it). Kept apart from the bytes: IndexedDB rewrites a whole record on any change,
 * so a mark on the bytes record rewrote megabytes per photo (about a third of an upload's time).
 */
export interface PhotoUploadRecord {
  sha256: string;
  uploadedAt: string;
}

export interface ChecklistTemplateRecord {
  /** `<service>@<version>`: a job pins the versions it was started with. */
  id: string;
  service: string;
  version: number;
  items: unknown[];
}

/** `<jobId>:<templateId>:<itemKey>`: one synced record per job and item, never an array in the job. */
export type ChecklistAnswerRecord = ChecklistAnswer;

/**
 * A job's checklist answers and custody events, by id, in one device record (record-stores.ts).
 * They still sync one by one (an answer merges per item, an event is appended): only the device
 * keeps them together. IndexedDB's cost is per record written, and a job has several of each,
 * so a new tablet's first download writes two records per job instead of four or more.
 */
export interface JobActivityRecord {
  jobId: string;
  answers: Record<string, ChecklistAnswer>;
  custody: Record<string, CustodyEvent>;
}

/** One local change waiting to be pushed; written in the same transaction as the change. */
export interface OutboxRecord {
  id: string;
  deviceSeq: number;
  entity: Entity;
  entityId: string;
  op: 'put' | 'move';
  patch: Record<string, unknown>;
  baseVersion?: number;
  /** Who made the change, and their role then (the device rebases moves with it). */
  personId: string;
  role: Role;
  createdAt: string;
}

/** Key/value rows: the sync cursor, the device id and sequence, the last sync outcome. */
export interface SyncStateRecord {
  key: string;
  value: unknown;
}

/** Key/value rows for this device's settings (its location in the workshop, for example). */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/** The server's version of one synced record, as last pulled. */
export interface ServerRecord {
  entity: Entity;
  id: string;
  data: Record<string, unknown>;
}
