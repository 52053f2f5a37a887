// `npm run demo` (LOUPE_DEMO=1): seed the demo workshop once into an empty data set, and say so
// loudly — demo people are known to everyone who reads the README.
import type { Logger } from '../logger';
import type { Storage } from '../storage/storage';
import { demoData } from './demo-data';

const SEEDED = 'demo_seeded_at';

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
  await storage.seedRecords('person', data.people);
  await storage.seedRecords('job', data.jobs);
  await storage.seedRecords('custodyEvent', data.custodyEvents);
  await storage.seedRecords('timeEntry', data.timeEntries);
  await storage.seedRecords('qcReview', data.qcReviews);
  await storage.setMeta(SEEDED, new Date().toISOString());
  const box = (lines: string[]) => {
    const width = Math.max(...lines.map((l) => l.length)) + 2;
    return ['┌' + '─'.repeat(width) + '┐', ...lines.map((l) => `│ ${l.padEnd(width - 1)}│`), '└' + '─'.repeat(width) + '┘'];
  };
  const banner = [
    '',
    ...box(['DEMO MODE: a demo workshop was seeded. Its people are public', '(see the README). Never use this data folder for real work.']),
    ...data.people.map((p) => `  ${p.role.padEnd(8)} ${p.name}`),
    `  ${data.jobs.length} jobs in every status`,
    '',
  ];
  console.log(banner.join('\n'));
}
