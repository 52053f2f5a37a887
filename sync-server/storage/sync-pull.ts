// Storage.pull: the latest state of every record changed after the cursor, in server order.
//
// The cursor is `<workshopId>.<seq>`: the seq of the last change the device holds, tagged with the
// workshop whose counter it counts. The server keeps the latest state of each record, not a log,
// so any cursor of this workshop stays valid for ever (there is no retention window). A cursor the
// server cannot continue from (another workshop's, unreadable, or ahead of the server: a database
// restored from a backup) answers reset: the device wipes its synced copy and pulls from 0.
import type { Change, Entity, PullResponse } from '../../src/protocol/protocol';
import { readCounter, type Db } from './sync-records';

export function formatCursor(workshopId: string, seq: number): string {
  return `${workshopId}.${seq}`;
}

export function parseCursor(cursor: string): { workshopId: string; seq: number } | undefined {
  const match = /^([0-9a-f-]{36})\.(\d{1,15})$/.exec(cursor);
  if (!match) return undefined;
  return { workshopId: match[1]!, seq: Number(match[2]) };
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
      const parsed = cursor === undefined ? { workshopId, seq: 0 } : parseCursor(cursor);
      const usable = parsed !== undefined && parsed.workshopId === workshopId && parsed.seq <= current;
      const from = usable ? parsed.seq : 0;

      const rows = await trx
        .selectFrom('records')
        .select(['entity', 'id', 'data', 'seq'])
        .where('seq', '>', from)
        .orderBy('seq')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const changes: Change[] = page.map((row) => ({
        entity: row.entity as Entity,
        id: row.id,
        seq: Number(row.seq),
        data: JSON.parse(row.data) as Change['data'],
      }));

      const deviceRows = await trx.selectFrom('devices').select(['device_id', 'last_seq']).execute();
      // fromEntries defines own properties, so even a device named __proto__ keeps its entry.
      const devices = Object.fromEntries(deviceRows.map((row) => [row.device_id, Number(row.last_seq)]));

      return {
        cursor: formatCursor(workshopId, changes.at(-1)?.seq ?? from),
        hasMore: rows.length > limit,
        reset: !usable,
        changes,
        devices,
      };
    });
}
