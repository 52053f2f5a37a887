import { afterEach, describe, expect, it } from 'vitest';
import { LoupeDb } from '../../src/db/loupe-db';
import { newId } from '../../src/domain/ids';
import { capturePhoto } from '../../src/photos/capture';
import { fakeProcessor } from './photo-fakes';

const opened: LoupeDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const actor = { personId: newId(), role: 'jeweler' as const };
const file = { file: new Blob(['x'], { type: 'image/jpeg' }) };

function request(process = fakeProcessor()) {
  const db = new LoupeDb(`capture-${Math.random()}`);
  opened.push(db);
  return { db, request: { jobId: newId(), stage: 'after' as const, source: file, actor, process, repo: { db } } };
}

describe('capturePhoto', () => {
  it('processes then stores, and says how long it took', async () => {
    const { db, request: r } = request();
    const outcome = await capturePhoto(r);
    expect(outcome).toMatchObject({ ok: true, photo: { jobId: r.jobId, stage: 'after', takenBy: actor.personId } });
    expect(await db.photos.count()).toBe(1);
  });

  it.each(['empty', 'not_image', 'corrupt'] as const)('passes on %s and stores nothing', async (reason) => {
    const { db, request: r } = request(fakeProcessor(() => ({ ok: false, reason })));
    expect(await capturePhoto(r)).toEqual({ ok: false, reason });
    expect(await db.photos.count()).toBe(0);
    expect(await db.photoBytes.count()).toBe(0);
  });

  it('keeps the size of a photo refused as too large', async () => {
    const { request: r } = request(fakeProcessor(() => ({ ok: false, reason: 'too_large', detail: { width: 10_000, height: 10_000 } })));
    expect(await capturePhoto(r)).toEqual({ ok: false, reason: 'too_large', detail: { width: 10_000, height: 10_000 } });
  });

  it('turns a crashed worker into processing_failed', async () => {
    const { db, request: r } = request(async () => {
      throw new Error('the photo worker stopped');
    });
    expect(await capturePhoto(r)).toEqual({ ok: false, reason: 'processing_failed', message: 'the photo worker stopped' });
    expect(await db.photos.count()).toBe(0);
  });
});
