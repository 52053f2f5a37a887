import { LoupeDb } from './loupe-db';

/** The app's one database connection. Tests make their own LoupeDb with a unique name. */
export const db = new LoupeDb();
