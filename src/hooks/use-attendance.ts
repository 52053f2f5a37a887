import { useCallback, useState } from 'react';
import { clockIn, clockOut, currentShiftOf } from '../db/attendance-repo';
import { useLive } from '../db/live';
import type { Attendance, Person } from '../db/records';
import { actorOf } from './use-current-person';

export interface Clock {
  /** The running shift; null when not clocked in; undefined while loading. */
  shift: Attendance | null | undefined;
  busy: boolean;
  error: string | null;
  toggle(): Promise<void>;
}

/** Clock in or out for `person` (the one working at this tablet). */
export function useClock(person: Person | null | undefined): Clock {
  const personId = person?.id ?? null;
  const shift = useLive<Attendance | null | undefined>(async () => (personId ? currentShiftOf(personId) : null), [personId], undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = useCallback(async () => {
    if (!person || busy) return;
    setBusy(true);
    setError(null);
    try {
      if (shift) await clockOut(shift.id, actorOf(person));
      else await clockIn(actorOf(person));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }, [person, shift, busy]);
  return { shift, busy, error, toggle };
}
