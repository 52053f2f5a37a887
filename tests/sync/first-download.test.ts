// A new tablet's first download comes job by job (sync-server/storage/sync-pull.ts) and lands each
// job's answers and custody events in one record (src/db/record-stores.ts): against the real
// server, in small pages, after a reset with work waiting, and when the server refuses an event.
import { describe, expect, it } from 'vitest';
import { listAnswers } from '../../src/db/checklist-repo';
import { recordCustody } from '../../src/db/custody-repo';
import { listJobCustody } from '../../src/db/custody-log';
import { putRecord } from '../../src/db/local-changes';
import type { ChecklistAnswerRecord, Job } from '../../src/db/records';
import { CURSOR } from '../../src/db/sync-repo';
import { answerId } from '../../src/domain/checklists';
import { newId } from '../../src/domain/ids';
import type { LoupeDb } from '../../src/db/loupe-db';
import type { Person } from '../../src/protocol/protocol';
import { actor, losingResponses, makeDevice, people, type Device, useLiveServer } from './sync-harness';

const server = useLiveServer();

let tablets = 10;
const tablet = () => makeDevice(server.current, `F${++tablets}`);

async function answer(db: LoupeDb, job: Job, itemKey: string, value: boolean | number, by: Person = people.jeweler) {
  const id = answerId(job.id, 'sizing@1', itemKey);
  const record: ChecklistAnswerRecord = { id, jobId: job.id, templateId: 'sizing@1', itemKey, value, answeredBy: by.id, answeredAt: new Date().toISOString() };
  const outcome = await putRecord('checklistAnswer', id, { ...record }, actor(by), { db });
  if (!outcome.ok) throw new Error(outcome.message);
}

/** What a tablet shows of each job's activity: its answers' values and its custody events' ids. */
async function activity(device: Device, jobs: readonly Job[]) {
  return Promise.all(
    jobs.map(async (job) => ({
      answers: Object.fromEntries((await listAnswers(job.id, device.db)).map((a) => [a.itemKey, a.value])),
      custody: (await listJobCustody(job.id, device.db)).map((e) => e.id).sort(),
    })),
  );
}

/** A fetch that notes whether each pulled page was a page of a first download. */
function notingPages(pages: boolean[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (String(input).includes('/pull')) pages.push(((await response.clone().json()) as { snapshot: boolean }).snapshot);
    return response;
  };
}

describe('a first download, job by job', () => {
  it('brings every job’s answers and custody events to a new tablet in pages of whole jobs, then what changed meanwhile', async () => {
    const a = tablet();
    const jobs = [];
    for (let i = 0; i < 4; i++) {
      const job = await a.createJob(people.intake);
      await answer(a.db, job, 'ordered_size', 50 + i);
      await answer(a.db, job, 'shank_round', i % 2 === 0);
      await recordCustody(job.id, 'scan_in', actor(people.jeweler), { kind: 'bench', label: String(i) }, a.db);
      jobs.push(job);
    }
    await a.sync();

    const fresh = tablet();
    const pages: boolean[] = [];
    await fresh.sync({ pullLimit: 3, fetch: notingPages(pages) });
    // Each job is 4 records: whole jobs do not fit 3, so each comes alone; then the people.
    expect(pages.filter(Boolean).length).toBeGreaterThanOrEqual(jobs.length);
    expect(await activity(fresh, jobs)).toEqual(await activity(a, jobs));
    expect((await activity(fresh, jobs))[1]).toEqual({ answers: { ordered_size: 51, shank_round: false }, custody: [expect.any(String)] });

    // Later changes come in server order, onto the same records.
    await answer(a.db, jobs[1]!, 'shank_round', true);
    await a.sync();
    const later: boolean[] = [];
    await fresh.sync({ fetch: notingPages(later) });
    expect(later).toEqual([false]);
    expect((await activity(fresh, jobs))[1]!.answers).toEqual({ ordered_size: 51, shank_round: true });
  });

  it('after a reset, keeps the answers waiting on top of what it downloads again', async () => {
    const a = tablet();
    const job = await a.createJob(people.intake);
    await answer(a.db, job, 'ordered_size', 54);
    await a.sync();
    // An answer waits (its push answer was lost), and the cursor is one the server cannot use.
    await answer(a.db, job, 'shank_round', true);
    await a.sync({ fetch: losingResponses((url) => url.includes('/push')) }).catch(() => undefined);
    await a.db.syncState.put({ key: CURSOR, value: `${newId()}.3` });
    await a.sync({ fetch: losingResponses((url) => url.includes('/push')) }).catch(() => undefined);
    expect((await activity(a, [job]))[0]!.answers).toEqual({ ordered_size: 54, shank_round: true });
    await a.sync();
    expect(await a.db.outbox.count()).toBe(0);
    const fresh = tablet();
    await fresh.sync({ pullLimit: 2 });
    expect(await activity(fresh, [job])).toEqual(await activity(a, [job]));
  });

  it('takes a custody event the server refused off its job, and keeps the job’s others', async () => {
    const a = tablet();
    const job = await a.createJob(people.intake);
    const kept = await recordCustody(job.id, 'scan_in', actor(people.jeweler), { kind: 'bench', label: '1' }, a.db);
    await a.sync();
    // Recorded in the name of someone the server does not know: refused.
    const stranger: Person = { id: newId(), name: 'Nobody', role: 'jeweler', active: true };
    await recordCustody(job.id, 'hand_over', actor(stranger), { kind: 'bench', label: '1' }, a.db);
    expect(await listJobCustody(job.id, a.db)).toHaveLength(2);
    const report = await a.sync();
    expect(report.refused).toMatchObject([{ code: 'unknown_person' }]);
    expect((await listJobCustody(job.id, a.db)).map((e) => e.id)).toEqual([kept.id]);
  });
});
