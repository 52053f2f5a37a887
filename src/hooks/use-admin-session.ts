import { useCallback } from 'react';
import { openPersonSession } from '../api/admin-client';
import { ApiError } from '../api/http';
import type { Role } from '../domain/vocabulary';
import { useSession } from '../state/session-store';
import { useCurrentPerson } from './use-current-person';
import { useNow } from './use-now';

/**
 * The admin screens' session: the person at the tablet confirms their PIN with the server (which
 * checks it, with its own lockout), and gets a token for 30 minutes. Kept in memory only.
 */
export function useAdminSession() {
  const person = useCurrentPerson();
  const session = useSession((s) => s.adminSession);
  const setAdminSession = useSession((s) => s.setAdminSession);
  const now = useNow(session !== null, 10_000);
  const token = session && person && session.personId === person.id && session.expiresAt > now ? session.token : null;

  /** Null when the server accepted the PIN, else what to tell the person. */
  const confirm = useCallback(
    async (pin: string, messages: { wrong: string; offline: string }): Promise<string | null> => {
      if (!person) return messages.wrong;
      try {
        const opened = await openPersonSession(person.id, pin);
        setAdminSession({ personId: person.id, token: opened.token, expiresAt: opened.expiresAt });
        return null;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'offline') return messages.offline;
        if (error instanceof ApiError && error.code !== 'unauthorized') return error.message;
        return messages.wrong;
      }
    },
    [person, setAdminSession],
  );

  /** An admin call answered 401 person_required (expired, or ended by a PIN change): ask again. */
  const expire = useCallback(() => setAdminSession(null), [setAdminSession]);

  return { person, token, confirm, expire };
}

export function mayUse(role: Role | undefined, roles: readonly Role[]): boolean {
  return role !== undefined && roles.includes(role);
}
