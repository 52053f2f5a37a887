// Who is working at this tablet right now. A bench tablet is shared: the person changes through
// the day, each unlocking it with their PIN (components/lock). The tablet locks itself after an
// idle time (hooks/use-idle-lock.ts), counted from `lastActiveAt`, which survives a reload; a
// session stored by an older version of the app (no lastActiveAt) comes back locked.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** A person session for the admin screens, opened by a PIN the server checked. Memory only. */
export interface AdminSession {
  personId: string;
  token: string;
  expiresAt: string;
}

interface Session {
  personId: string | null;
  /** Epoch ms of the last touch or key press while someone was at work. */
  lastActiveAt: number;
  adminSession: AdminSession | null;
  /** Someone unlocked the tablet (their PIN was checked), or null: locked. */
  setPerson(personId: string | null): void;
  /** Activity: pushes the idle lock back. */
  touch(now?: number): void;
  setAdminSession(session: AdminSession | null): void;
}

export const SESSION_STORAGE_KEY = 'loupe.session';

export const useSession = create<Session>()(
  persist(
    (set) => ({
      personId: null,
      lastActiveAt: Date.now(),
      adminSession: null,
      setPerson: (personId) => set((s) => ({ personId, lastActiveAt: Date.now(), adminSession: s.adminSession?.personId === personId ? s.adminSession : null })),
      touch: (now = Date.now()) => set({ lastActiveAt: now }),
      setAdminSession: (adminSession) => set({ adminSession }),
    }),
    {
      name: SESSION_STORAGE_KEY,
      version: 1,
      partialize: (s) => ({ personId: s.personId, lastActiveAt: s.lastActiveAt }),
      // Before version 1 a session never expired: it comes back locked.
      migrate: () => ({ personId: null, lastActiveAt: 0 }),
    },
  ),
);

/** Whether the person's session ran out: nobody, or idle longer than `idleMs`. */
export function isLocked(personId: string | null, lastActiveAt: number, idleMs: number, now: number): boolean {
  return personId === null || now - lastActiveAt > idleMs;
}
