import type { LoupeDb } from './loupe-db';
import type { Person } from './records';
import { db as appDb } from './database';

/** The people who may work at this tablet, by name. */
export async function listActivePeople(db: LoupeDb = appDb): Promise<Person[]> {
  const people = await db.people.toArray();
  return people.filter((p) => p.active).sort((a, b) => a.name.localeCompare(b.name));
}

/** Everyone this tablet knows, active or not (a custody timeline names people who left). */
export async function peopleById(db: LoupeDb = appDb): Promise<Map<string, Person>> {
  return new Map((await db.people.toArray()).map((p) => [p.id, p]));
}

export function findPerson(id: string, db: LoupeDb = appDb): Promise<Person | undefined> {
  return db.people.get(id);
}
