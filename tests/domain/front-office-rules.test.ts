// The smaller pure rules of the front office: device prefixes, ring sizes, annotation marks,
// the board and QC queue, and what a send-to-rework needs.
import { describe, expect, it } from 'vitest';
import { boardColumns, isJobOverdue, matchesFilters, qcQueue, waitingSince, type BoardJob } from '../../src/domain/board';
import { derivePrefix, isDevicePrefix } from '../../src/domain/device-prefix';
import { formatJobNumber } from '../../src/domain/job-number';
import { arrowHead, freehandMark, markFromDrag, simplifyPath, toPhotoPoint } from '../../src/domain/photo-marks';
import { rejectionErrors } from '../../src/domain/qc-decision';
import { formatRingSize, parseRingSize } from '../../src/domain/ring-size';

describe('device prefix', () => {
  it('is derived from the device id: always the same, always a valid prefix', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `dev-0193${i.toString(16).padStart(4, '0')}-7000-8000-${i}`);
    for (const id of ids) {
      const prefix = derivePrefix(id);
      expect(prefix).toMatch(/^D[0-9A-Z]{2}$/);
      expect(derivePrefix(id)).toBe(prefix);
      expect(() => formatJobNumber({ prefix, year: 2026, sequence: 1 })).not.toThrow();
    }
    // Spread: 300 devices share few prefixes (1296 possible).
    expect(new Set(ids.map(derivePrefix)).size).toBeGreaterThan(250);
  });

  it.each([
    ['NY1', true],
    ['D7K', true],
    ['AB', true],
    ['PARI', true],
    ['A', false],
    ['1AB', false],
    ['ny1', false],
    ['ABCDE', false],
  ])('%s is a prefix: %s', (text, ok) => {
    expect(isDevicePrefix(text)).toBe(ok);
  });
});

describe('ring sizes', () => {
  it.each([
    ['52', 'eu', 52],
    ['52,5', 'eu', 52.5],
    ['6.25', 'us', 6.25],
    ['L', 'uk', 12],
    ['l½', 'uk', 12.5],
    ['L 1/2', 'uk', 12.5],
    ['Z.5', 'uk', 26.5],
    ['12', 'uk', undefined],
    ['L', 'eu', undefined],
    ['0', 'eu', undefined],
    ['101', 'us', undefined],
    ['', 'eu', undefined],
  ] as const)('%j in %s → %s', (text, scale, value) => {
    expect(parseRingSize(text, scale)).toBe(value);
  });

  it.each([
    [12.5, 'uk', 'L½'],
    [1, 'uk', 'A'],
    [52, 'eu', '52'],
    [6.25, 'us', '6.25'],
  ] as const)('%d in %s reads %s', (value, scale, text) => {
    expect(formatRingSize(value, scale)).toBe(text);
  });
});

describe('annotation marks', () => {
  const photo = { width: 2000, height: 1000 };
  const box = { left: 100, top: 50, width: 500, height: 250 };

  it.each([
    [{ x: 100, y: 50 }, { x: 0, y: 0 }],
    [{ x: 350, y: 175 }, { x: 1000, y: 500 }],
    [{ x: 600, y: 300 }, { x: 2000, y: 1000 }],
    [{ x: 700, y: 10 }, { x: 2000, y: 0 }], // off the photo: kept on its edge
  ])('screen %j → photo %j', (client, expected) => {
    expect(toPhotoPoint(client, box, photo)).toEqual(expected);
  });

  it.each([
    ['circle', { x: 100, y: 100 }, { x: 130, y: 140 }, { kind: 'circle', cx: 100, cy: 100, r: 50 }],
    ['arrow', { x: 10, y: 10 }, { x: 300, y: 200 }, { kind: 'arrow', x1: 10, y1: 10, x2: 300, y2: 200 }],
    ['circle', { x: 100, y: 100 }, { x: 105, y: 100 }, undefined], // a tap is not a mark
  ] as const)('a %s dragged from %j to %j', (tool, start, end, mark) => {
    expect(markFromDrag(tool, start, end, 20)).toEqual(mark);
  });

  it('simplifies a straight stroke to its two ends', () => {
    const line = Array.from({ length: 50 }, (_, i) => ({ x: i * 10, y: i * 5 }));
    expect(simplifyPath(line, 1)).toEqual([line[0], line[49]]);
  });

  it('keeps a freehand mark within the protocol’s 2000 points', () => {
    const scribble = Array.from({ length: 12_000 }, (_, i) => ({ x: (i % 400) * 5, y: Math.floor(i / 400) * 30 + (i % 2) * 7 }));
    const mark = freehandMark(scribble, 20);
    expect(mark?.kind).toBe('freehand');
    if (mark?.kind === 'freehand') expect(mark.points.length).toBeLessThanOrEqual(2_000);
    expect(freehandMark([{ x: 1, y: 1 }, { x: 2, y: 2 }], 20)).toBeUndefined();
  });

  it('draws an arrow head at the end, symmetric about the shaft', () => {
    const [a, b] = arrowHead({ x1: 0, y1: 0, x2: 100, y2: 0 }, 10);
    expect(a.x).toBe(b.x);
    expect(a.y).toBe(-b.y);
    expect(a.x).toBeLessThan(100);
  });
});

describe('the board and the QC queue', () => {
  const job = (patch: Partial<BoardJob> & { id: string }): BoardJob => ({ status: 'queued', services: ['sizing'], createdAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-01T09:00:00Z', ...patch });
  const today = '2026-03-10';

  it.each([
    [{ promisedDate: '2026-03-09', status: 'in_progress' as const }, true],
    [{ promisedDate: '2026-03-10', status: 'in_progress' as const }, false],
    [{ promisedDate: '2026-03-09', status: 'completed' as const }, false],
    [{ status: 'queued' as const }, false],
  ])('overdue %j: %s', (patch, overdue) => {
    expect(isJobOverdue(job({ id: 'j', ...patch }), today)).toBe(overdue);
  });

  it.each([
    ['everyone', {}, true],
    ['her jobs', { assignee: 'jade' }, true],
    ['his jobs', { assignee: 'jules' }, false],
    ['unassigned', { assignee: 'unassigned' }, false],
    ['a service it has', { service: 'sizing' as const }, true],
    ['a service it lacks', { service: 'engraving' as const }, false],
    ['overdue only', { overdueOnly: true }, false],
  ])('filter: %s', (_name, filters, shown) => {
    expect(matchesFilters(job({ id: 'j', assigneeId: 'jade', promisedDate: '2026-03-20' }), filters, today)).toBe(shown);
  });

  it('puts jobs in columns by status, promised soonest first, closed ones only when asked', () => {
    const jobs = [
      job({ id: 'a', promisedDate: '2026-03-20' }),
      job({ id: 'b', promisedDate: '2026-03-12' }),
      job({ id: 'c' }),
      job({ id: 'd', status: 'released' }),
    ];
    const columns = boardColumns(jobs, {}, today);
    expect(columns.find((c) => c.status === 'queued')?.jobs.map((j) => j.id)).toEqual(['b', 'a', 'c']);
    expect(columns.some((c) => c.status === 'released')).toBe(false);
    expect(boardColumns(jobs, { includeClosed: true }, today).find((c) => c.status === 'released')?.jobs.map((j) => j.id)).toEqual(['d']);
  });

  it('orders the QC queue by how long each job has waited since it was submitted', () => {
    const a = job({ id: 'a', status: 'awaiting_qc', updatedAt: '2026-03-09T08:00:00Z' });
    const b = job({ id: 'b', status: 'awaiting_qc', updatedAt: '2026-03-09T12:00:00Z' });
    const c = job({ id: 'c', status: 'in_progress' });
    const entries = [
      { jobId: 'a', startedAt: '2026-03-09T09:00:00Z', endedAt: '2026-03-09T11:00:00Z' },
      { jobId: 'b', startedAt: '2026-03-08T09:00:00Z', endedAt: '2026-03-08T10:00:00Z' },
      { jobId: 'b', startedAt: '2026-03-09T07:00:00Z' }, // still running: not an end
    ];
    expect(waitingSince(a, entries)).toBe('2026-03-09T11:00:00Z');
    expect(waitingSince(job({ id: 'z', updatedAt: 'U' }), entries)).toBe('U');
    expect(qcQueue([a, b, c], entries).map((q) => [q.job.id, q.since])).toEqual([
      ['b', '2026-03-08T10:00:00Z'],
      ['a', '2026-03-09T11:00:00Z'],
    ]);
  });
});

describe('rejectionErrors: what a send-to-rework needs', () => {
  it.each([
    [[], '', ['no_reason']],
    [['polish_marks'], '', []],
    [['other'], ' ', ['comment_required']],
    [['other'], 'Claw 3 bent', []],
    [[], 'Fix it', ['no_reason']],
  ] as const)('%j, %j → %j', (reasons, comment, errors) => {
    expect(rejectionErrors(reasons, comment)).toEqual(errors);
  });
});
