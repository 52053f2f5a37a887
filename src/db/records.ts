// What each Dexie table holds. Synced records are the protocol's types (src/protocol), so what a
// device stores is exactly what travels; local-only tables have their own shapes here.
import type {
  CustodyEvent,
  Job,
  Person,
  PhotoMeta,
  QcReview,
  TimeEntry,
} from '../protocol/protocol';

export type { CustodyEvent, Job, Person, PhotoMeta, QcReview, TimeEntry };

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
}

export interface ChecklistTemplateRecord {
  /** `<service>@<version>`: a job pins the versions it was started with. */
  id: string;
  service: string;
  version: number;
  items: unknown[];
}

export interface ChecklistAnswerRecord {
  /** `<jobId>:<templateId>:<itemKey>`: one record per job and item, never an array in the job. */
  id: string;
  jobId: string;
  templateId: string;
  itemKey: string;
  value: unknown;
  note?: string;
  answeredBy: string;
  answeredAt: string;
}

/** One local change waiting to be pushed; written in the same transaction as the change. */
export interface OutboxRecord {
  id: string;
  deviceSeq: number;
  entity: string;
  entityId: string;
  op: string;
  patch: Record<string, unknown>;
  baseVersion?: number;
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
