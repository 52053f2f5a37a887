// Clocking in and out on the tablet: one attendance record per shift, written through the one
// write path (record + outbox in one transaction), so a shift syncs like any other record.
import { newId } from '../domain/ids';
import type { LoupeDb } from './loupe-db';
import type { Attendance } from './records';
import { db as appDb } from './database';
import { putRecord, type Actor } from './local-changes';

/**
 * A shift left open longer than this was forgotten: the button offers a new clock-in rather than
 * closing it now (which would invent a two-day shift). It stays open for the manager to see
 * (the dashboard lists shifts not clocked out and counts them at most 12 hours).
 */
export const FORGOTTEN_AFTER_MS = 16 * 3_600_000;

/** This person's running shift, if any: the latest open one, unless it was forgotten. */
export async function currentShiftOf(personId: string, db: LoupeDb = appDb, now = Date.now()): Promise<Attendance | null> {
  const shifts = await db.attendance.where('personId').equals(personId).toArray();
  const open = shifts
    .filter((s) => s.clockOut === undefined && now - Date.parse(s.clockIn) < FORGOTTEN_AFTER_MS)
    .sort((a, b) => b.clockIn.localeCompare(a.clockIn));
  return open[0] ?? null;
}

export async function clockIn(actor: Actor, db: LoupeDb = appDb, at = new Date().toISOString()): Promise<Attendance> {
  const shift: Attendance = { id: newId(), personId: actor.personId, clockIn: at };
  const outcome = await putRecord('attendance', shift.id, { ...shift }, actor, { db, at });
  if (!outcome.ok) throw new Error(outcome.message);
  return shift;
}

export async function clockOut(shiftId: string, actor: Actor, db: LoupeDb = appDb, at = new Date().toISOString()): Promise<void> {
  const outcome = await putRecord('attendance', shiftId, { clockOut: at }, actor, { db, at });
  if (!outcome.ok) throw new Error(outcome.message);
}
