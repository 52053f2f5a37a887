// Storage.pull: the latest state of every record changed after the cursor, in server order; and a
// device's first download, job by job.
//
// Cursors:
// - `<workshopId>.<seq>`: the device holds every change up to seq; the next page is the records
//   changed after it, in seq order. The seq is tagged with the workshop whose counter it counts.
// - `<workshopId>.<seq>.<group>`: a first download in progress. It started when the counter was
//   at seq; the device holds every record of the groups up to `group` (recordGroupKey: a job with
//   its answers, custody events, photos…). Its last page answers `<workshopId>.<seq>`, and the
//   changes made meanwhile follow in seq order: nothing is skipped, a record sent twice is only
//   written twice (pages carry latest states).
//
// A first download (no cursor, or one the server cannot continue from) goes job by job, each job
// whole in one page and the jobs in id order, so a device writes each job's answers and events
// once, into one record (src/db/record-stores.ts), instead of once per change.
//
// The server keeps the latest state of each record, not a log, so any cursor of this workshop
// stays valid for ever (there is no retention window). A cursor the server cannot continue from
// (another workshop's, unreadable, or ahead of the server: a database restored from a backup)
// answers reset: the device wipes its synced copy and downloads everything again.
import type { Change, Entity, PullResponse } from '../../src/protocol/protocol';
import { readCounter, type Db } from './sync-records';

interface Cursor {
  workshopId: string;
  seq: number;
  /** Set while a first download is in progress: the last group the device holds. */
  group?: string;
}

export function formatCursor(workshopId: string, seq: number, group?: string): string {
  return group === undefined ? `${workshopId}.${seq}` : `${workshopId}.${seq}.${group}`;
}

export function parseCursor(cursor: string): Cursor | undefined {
  const match = /^([0-9a-f-]{36})\.(\d{1,15})(?:\.(.+))?$/s.exec(cursor);
  if (!match) return undefined;
  return { workshopId: match[1]!, seq: Number(match[2]), ...(match[3] === undefined ? {} : { group: match[3] }) };
}

interface Row {
  entity: string;
  id: string;
  data: string;
  seq: number | string;
}

const toChange = (row: Row): Change => ({ entity: row.entity as Entity, id: row.id, seq: Number(row.seq), data: JSON.parse(row.data) as Change['data'] });

/** Records changed after `from`, in seq order. */
async function changesAfter(trx: Db, from: number, limit: number) {
  const rows = await trx.selectFrom('records').select(['entity', 'id', 'data', 'seq']).where('seq', '>', from).orderBy('seq').limit(limit + 1).execute();
  const page = rows.slice(0, limit).map(toChange);
  return { changes: page, more: rows.length > limit, last: page.at(-1)?.seq ?? from };
}

/**
 * The whole groups after `after`, in group order, about `limit` records: a page ends before a
 * group that does not fit, and a group larger than the limit comes alone, whole.
 */
async function groupsAfter(trx: Db, after: string, limit: number) {
  const select = () => trx.selectFrom('records').select(['entity', 'id', 'data', 'seq', 'group_key']);
  const rows = await select().where('group_key', '>', after).orderBy('group_key').orderBy('entity').orderBy('id').limit(limit + 1).execute();
  if (rows.length <= limit) return { rows, more: false };
  const lastGroup = rows[limit - 1]!.group_key;
  if (rows[limit]!.group_key !== lastGroup) return { rows: rows.slice(0, limit), more: true };
  const whole = rows.slice(0, limit).filter((row) => row.group_key !== lastGroup);
  if (whole.length > 0) return { rows: whole, more: true };
  return { rows: await select().where('group_key', '=', lastGroup).orderBy('entity').orderBy('id').execute(), more: true };
}

export async function pullChanges(db: Db, workshopId: string, cursor: string | undefined, limit: number): Promise<PullResponse> {
  // One snapshot for the counter, the changes and the devices map, so that "device D applied up
  // to N" never runs ahead of the records this page shows. Read-only, so repeatable read on
  // PostgreSQL can never fail with a serialisation error; SQLite ignores the setting (a read
  // transaction in WAL mode is a snapshot already).
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const current = await readCounter(trx);
      const parsed = cursor === undefined ? undefined : parseCursor(cursor);
      const usable = parsed !== undefined && parsed.workshopId === workshopId && parsed.seq <= current;
      const deviceRows = await trx.selectFrom('devices').select(['device_id', 'last_seq']).execute();
      // fromEntries defines own properties, so even a device named __proto__ keeps its entry.
      const devices = Object.fromEntries(deviceRows.map((row) => [row.device_id, Number(row.last_seq)]));

      if (usable && parsed.group === undefined) {
        const { changes, more, last } = await changesAfter(trx, parsed.seq, limit);
        return { cursor: formatCursor(workshopId, last), hasMore: more, reset: false, snapshot: false, changes, devices };
      }
      // A first download: from the start, or on from the group the device holds.
      const since = usable ? parsed.seq : current;
      const { rows, more } = await groupsAfter(trx, (usable && parsed.group) || '', limit);
      const changes = rows.map(toChange);
      return {
        cursor: more ? formatCursor(workshopId, since, rows.at(-1)!.group_key) : formatCursor(workshopId, since),
        // After the last group, what changed during the download follows.
        hasMore: more || current > since,
        reset: cursor !== undefined && !usable,
        snapshot: true,
        changes,
        devices,
      };
    });
}
