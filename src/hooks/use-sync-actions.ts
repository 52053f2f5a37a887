import { db } from '../db/database';
import { dismissRefusals } from '../db/sync-repo';

export function dismissAllRefusals(): Promise<void> {
  return dismissRefusals(db);
}
