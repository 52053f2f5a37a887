import { useLive } from '../db/live';
import { listActivePeople, peopleById } from '../db/people-repo';
import type { Person } from '../db/records';

/** People who may work at this tablet; undefined while loading. */
export function useActivePeople(): Person[] | undefined {
  return useLive<Person[] | undefined>(() => listActivePeople(), [], undefined);
}

/** Everyone this tablet knows, by id, to name who did what. */
export function usePeopleById(): Map<string, Person> {
  return useLive(() => peopleById(), [], new Map<string, Person>());
}
