// `npm run demo` (LOUPE_DEMO=1): seed the demo workshop once into an empty data set, and say so
// loudly — demo people are known to everyone who reads the README.
import { hashPin } from '../../src/security/pin-hash';
import type { Logger } from '../logger';
import { SETUP_META } from '../storage/auth-store';
import type { Storage } from '../storage/storage';
import { demoData } from './demo-data';
import { seedDemoHistory } from './demo-history';

const SEEDED = 'demo_seeded_at';

/**
 * The demo people's PINs: public (README), like the people. No device is paired: the demo
 * prints a pairing code at every start (sync-server/auth/first-start.ts).
 */
export const DEMO_PINS: Record<string, string> = {
  'Camille Laurent': '1111',
  'Hugo Martin': '2222',
  'Sofia Rossi': '3333',
  'Malik Benali': '4444',
  'Emma Dubois': '5555',
  'Inès Moreau': '6666',
  'Louis Petit': '7777',
  Admin: '8888',
};
export const DEMO_WORKSHOP_NAME = 'Loupe demo workshop';

export async function seedDemo(storage: Storage, logger: Logger): Promise<void> {
  if (await storage.getMeta(SEEDED)) {
    logger.warn('DEMO MODE: the demo workshop is already in this data folder');
    return;
  }
  if ((await storage.currentSeq()) > 0) {
    logger.warn('DEMO MODE refused: this data folder already holds a real workshop; use an empty LOUPE_DATA_DIR');
    return;
  }
  const data = demoData();
  const people = await Promise.all(data.people.map(async (p) => ({ ...p, pinHash: await hashPin(DEMO_PINS[p.name] ?? '8888') })));
  await storage.seedRecords('person', people);
  await storage.seedRecords('job', data.jobs);
  await storage.seedRecords('custodyEvent', data.custodyEvents);
  await storage.seedRecords('timeEntry', data.timeEntries);
  await storage.seedRecords('qcReview', data.qcReviews);
  await seedDemoHistory(storage); // 12 weeks of finished work, for the KPIs
  await storage.setMeta(SEEDED, new Date().toISOString());
  // The demo is set up already: no first-start link; its admin is the demo's Admin.
  await storage.setMeta(SETUP_META.workshopName, DEMO_WORKSHOP_NAME);
  await storage.setMeta(SETUP_META.doneAt, new Date().toISOString());
  const box = (lines: string[]) => {
    const width = Math.max(...lines.map((l) => l.length)) + 2;
    return ['┌' + '─'.repeat(width) + '┐', ...lines.map((l) => `│ ${l.padEnd(width - 1)}│`), '└' + '─'.repeat(width) + '┘'];
  };
  const banner = [
    '',
    ...box([
      'DEMO MODE: a demo workshop was seeded. Its people AND THEIR PINs are',
      'public (see the README). Never use this data folder for real work.',
      'No device is paired: pair one with the code printed below.',
    ]),
    ...data.people.map((p) => `  ${p.role.padEnd(8)} ${p.name.padEnd(16)} PIN ${DEMO_PINS[p.name] ?? '8888'}`),
    `  ${data.jobs.length} jobs in every status`,
    '',
  ];
  console.log(banner.join('\n'));
}
