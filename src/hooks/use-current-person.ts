import { useLive } from '../db/live';
import { db } from '../db/database';
import type { Person } from '../db/records';
import type { Actor } from '../db/local-changes';
import { useSession } from '../state/session-store';

/** The person working at this tablet, or null when nobody is (undefined while loading). */
export function useCurrentPerson(): Person | null | undefined {
  const personId = useSession((s) => s.personId);
  return useLive<Person | null | undefined>(
    async () => (personId ? ((await db.people.get(personId)) ?? null) : null),
    [personId],
    undefined,
  );
}

/** What a write needs to know about who makes it. */
export function actorOf(person: Person): Actor {
  return { personId: person.id, role: person.role };
}
