import { useEffect, useState } from 'react';
import { isLocked, useSession } from '../state/session-store';
import { useIdleSeconds } from './use-device-security';

/** Activity is written at most this often (a finger on the screen fires many events). */
const TOUCH_EVERY_MS = 2_000;
const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Keeps the session alive while someone works and locks the tablet once nobody touched it for the
 * idle time (a device setting, 5 minutes by default). Returns whether it is locked now.
 */
export function useIdleLock(): boolean {
  const idleMs = useIdleSeconds() * 1000;
  const personId = useSession((s) => s.personId);
  const lastActiveAt = useSession((s) => s.lastActiveAt);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (personId === null) return;
    /** Ends a turn that ran out; true if it did. */
    const expire = (at: number): boolean => {
      const s = useSession.getState();
      const expired = s.personId !== null && at - s.lastActiveAt > idleMs;
      if (expired) s.setPerson(null);
      return expired;
    };
    const onActivity = () => {
      const at = Date.now();
      // A touch on a tablet whose turn ran out (the lock already on screen, before the next tick
      // ends the turn) must not bring the turn back: it takes the PIN again.
      if (expire(at)) return;
      if (at - useSession.getState().lastActiveAt >= TOUCH_EVERY_MS) useSession.getState().touch(at);
    };
    for (const type of ACTIVITY) document.addEventListener(type, onActivity, { passive: true, capture: true });
    // At once too: a reload (or a shorter idle time just read) may find the turn already over.
    expire(Date.now());
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      expire(at);
    }, 1_000);
    return () => {
      for (const type of ACTIVITY) document.removeEventListener(type, onActivity, { capture: true });
      clearInterval(timer);
    };
  }, [personId, idleMs]);

  return isLocked(personId, lastActiveAt, idleMs, Math.max(now, lastActiveAt));
}
