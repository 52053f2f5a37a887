// The lock screen's wrong PINs and lockouts happen offline; they wait in IndexedDB and go to the
// server's audit log after each sync round. Each report has an id, so a retry adds nothing.
import { dropSecurityReports, pendingSecurityReports } from '../db/device-auth-repo';
import type { LoupeDb } from '../db/loupe-db';
import { apiCall } from './http';

const BATCH = 200;

export async function flushSecurityReports(db: LoupeDb, baseUrl = '', fetchFn?: typeof fetch): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = (await pendingSecurityReports(db)).slice(0, BATCH);
    if (batch.length === 0) return sent;
    await apiCall('/api/security/reports', { method: 'POST', body: { reports: batch }, schema: undefined, db, baseUrl, fetch: fetchFn });
    await dropSecurityReports(batch.map((r) => r.id), db);
    sent += batch.length;
  }
}
