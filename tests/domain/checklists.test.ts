import { describe, expect, it } from 'vitest';
import {
  answerId,
  checklistForJob,
  evaluateChecklist,
  isChecklistTemplate,
  latestTemplateIds,
  parseMeasurement,
  qcGate,
  withSeeded,
  type AnswerLike,
  type ChecklistTemplate,
  type ItemState,
} from '../../src/domain/checklists';

const SIZING_1: ChecklistTemplate = {
  id: 'sizing@1',
  service: 'sizing',
  version: 1,
  items: [
    { kind: 'measurement', key: 'ordered', label: 'l.ordered', required: true, unit: 'size' },
    { kind: 'measurement', key: 'mandrel', label: 'l.mandrel', required: true, unit: 'size', target: { item: 'ordered' }, tolerance: 0.25 },
    { kind: 'pass_fail', key: 'seam', label: 'l.seam', required: true },
    { kind: 'pass_fail', key: 'extra', label: 'l.extra', required: false },
    { kind: 'photo', key: 'seam_photo', label: 'l.photo', required: true, stage: 'after' },
    { kind: 'note', key: 'remarks', label: 'l.remarks', required: false },
    { kind: 'measurement', key: 'fixed', label: 'l.fixed', required: false, unit: 'g', target: { value: 4.2 }, tolerance: 0.05 },
  ],
};
const SIZING_2: ChecklistTemplate = { id: 'sizing@2', service: 'sizing', version: 2, items: [{ kind: 'pass_fail', key: 'v2_only', label: 'l.v2', required: true }] };
const POLISH_1: ChecklistTemplate = { id: 'polishing@1', service: 'polishing', version: 1, items: [{ kind: 'pass_fail', key: 'seam', label: 'l.polish', required: true }] };
const TEMPLATES = [SIZING_1, SIZING_2, POLISH_1];

const a = (itemKey: string, value: AnswerLike['value'], note?: string, templateId = 'sizing@1'): AnswerLike =>
  note === undefined ? { templateId, itemKey, value } : { templateId, itemKey, value, note };

describe('checklistForJob', () => {
  it('is the union of the services’ templates, newest versions when nothing is pinned, in service order', () => {
    const items = checklistForJob(['polishing', 'sizing'], TEMPLATES);
    expect(items.map((i) => `${i.templateId}:${i.key}`)).toEqual(['polishing@1:seam', 'sizing@2:v2_only']);
  });

  it('uses the pinned versions, so a template revised mid-job changes nothing', () => {
    const items = checklistForJob(['sizing', 'polishing'], TEMPLATES, ['sizing@1', 'polishing@1']);
    expect(items.filter((i) => i.service === 'sizing')).toHaveLength(SIZING_1.items.length);
    expect(items.every((i) => i.templateId !== 'sizing@2')).toBe(true);
  });

  it('falls back to the newest version when a pinned one is unknown on this device', () => {
    const items = checklistForJob(['sizing'], TEMPLATES, ['sizing@9']);
    expect(items.map((i) => i.templateId)).toEqual(['sizing@2']);
  });

  it('lists each service once and skips services without a template', () => {
    expect(checklistForJob(['polishing', 'polishing', 'engraving'], TEMPLATES).map((i) => i.templateId)).toEqual(['polishing@1']);
  });

  it('keeps items of different templates apart even with the same key', () => {
    const items = checklistForJob(['sizing', 'polishing'], TEMPLATES, ['sizing@1']);
    const states = evaluateChecklist(items, [a('seam', true)]);
    expect(states.find((s) => s.item.templateId === 'sizing@1' && s.item.key === 'seam')?.state).toBe('ok');
    expect(states.find((s) => s.item.templateId === 'polishing@1')?.state).toBe('missing');
  });
});

describe('latestTemplateIds', () => {
  it.each([
    [['sizing'], ['sizing@2']],
    [['polishing', 'sizing'], ['polishing@1', 'sizing@2']],
    [['engraving'], []],
  ] as const)('%j → %j', (services, ids) => {
    expect(latestTemplateIds(services, TEMPLATES)).toEqual(ids);
  });
});

describe('evaluateChecklist: one row per case', () => {
  const items = checklistForJob(['sizing'], TEMPLATES, ['sizing@1']);
  const stateOf = (key: string, answers: AnswerLike[], photos?: { id: string; stage: 'after' | 'before' }[]) =>
    evaluateChecklist(items, answers, photos).find((e) => e.item.key === key)!.state;

  it.each<[string, string, AnswerLike[], ItemState]>([
    ['pass/fail unanswered', 'seam', [], 'missing'],
    ['pass/fail cleared', 'seam', [a('seam', null)], 'missing'],
    ['pass', 'seam', [a('seam', true)], 'ok'],
    ['fail with a note', 'seam', [a('seam', false, 'seam visible at 6 o’clock')], 'failed'],
    ['fail without a note', 'seam', [a('seam', false)], 'note_missing'],
    ['fail with a blank note', 'seam', [a('seam', false, '   ')], 'note_missing'],
    ['pass/fail answered with a stray type', 'seam', [a('seam', 'yes')], 'missing'],
    ['measurement unanswered', 'mandrel', [a('ordered', 54)], 'missing'],
    ['measurement on target', 'mandrel', [a('ordered', 54), a('mandrel', 54)], 'ok'],
    ['measurement at +tolerance', 'mandrel', [a('ordered', 54), a('mandrel', 54.25)], 'ok'],
    ['measurement at −tolerance', 'mandrel', [a('ordered', 54), a('mandrel', 53.75)], 'ok'],
    ['measurement just over', 'mandrel', [a('ordered', 54), a('mandrel', 54.3)], 'out_of_tolerance'],
    ['measurement well under', 'mandrel', [a('ordered', 54), a('mandrel', 52)], 'out_of_tolerance'],
    ['measurement with its target unanswered', 'mandrel', [a('mandrel', 52)], 'ok'],
    ['measurement as a string', 'mandrel', [a('ordered', 54), a('mandrel', '54')], 'missing'],
    ['measurement NaN', 'mandrel', [a('ordered', 54), a('mandrel', Number.NaN)], 'missing'],
    ['measurement without a target', 'ordered', [a('ordered', 61)], 'ok'],
    ['fixed target within', 'fixed', [a('fixed', 4.17)], 'ok'],
    ['fixed target outside', 'fixed', [a('fixed', 4.1)], 'out_of_tolerance'],
    ['note unanswered', 'remarks', [], 'missing'],
    ['note blank', 'remarks', [a('remarks', '  ')], 'missing'],
    ['note written', 'remarks', [a('remarks', 'rhodium worn on the shank')], 'ok'],
    ['photo linked', 'seam_photo', [a('seam_photo', 'p1')], 'ok'],
    ['photo not linked', 'seam_photo', [], 'missing'],
    ['answer of another template ignored', 'seam', [a('seam', true, undefined, 'polishing@1')], 'missing'],
  ])('%s', (_name, key, answers, expected) => {
    expect(stateOf(key, answers)).toBe(expected);
  });

  it.each<[string, { id: string; stage: 'after' | 'before' }[], ItemState]>([
    ['a photo of the right stage', [{ id: 'p1', stage: 'after' }], 'ok'],
    ['a photo of another stage', [{ id: 'p1', stage: 'before' }], 'missing'],
    ['a photo no longer on the job', [{ id: 'p2', stage: 'after' }], 'missing'],
  ])('a photo item linked to %s', (_name, photos, expected) => {
    expect(stateOf('seam_photo', [a('seam_photo', 'p1')], photos)).toBe(expected);
  });

  it('gives the resolved target for the screen', () => {
    const evaluation = evaluateChecklist(items, [a('ordered', 54)]).find((e) => e.item.key === 'mandrel');
    expect(evaluation?.target).toBe(54);
  });
});

describe('qcGate', () => {
  const items = checklistForJob(['sizing'], TEMPLATES, ['sizing@1']);
  const complete = [a('ordered', 54), a('mandrel', 54.1), a('seam', true), a('seam_photo', 'p1')];

  it('lets a job through when every required item is answered and an after photo exists', () => {
    expect(qcGate({ items, answers: complete, afterPhotoCount: 1 })).toEqual({ ok: true });
  });

  it('refuses without an after photo, and says so', () => {
    expect(qcGate({ items, answers: complete, afterPhotoCount: 0 })).toEqual({ ok: false, missing: [{ kind: 'after_photo' }] });
  });

  it('lists every missing required item, not the optional ones, plus the after photo', () => {
    const result = qcGate({ items, answers: [a('ordered', 54)], afterPhotoCount: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.missing.map((m) => (m.kind === 'item' ? m.item.key : 'after_photo'))).toEqual(['mandrel', 'seam', 'seam_photo', 'after_photo']);
  });

  it('refuses an unexplained fail, even on an optional item', () => {
    const result = qcGate({ items, answers: [...complete, a('extra', false)], afterPhotoCount: 1 });
    expect(result).toMatchObject({ ok: false, missing: [{ kind: 'item', state: 'note_missing', item: { key: 'extra' } }] });
  });

  it('lets an explained fail and an out-of-tolerance measurement through: QC sees them flagged', () => {
    const answers = [a('ordered', 54), a('mandrel', 56), a('seam', false, 'visible under 10×'), a('seam_photo', 'p1')];
    expect(qcGate({ items, answers, afterPhotoCount: 2 })).toEqual({ ok: true });
  });

  it('counts a link to a photo that is gone as missing', () => {
    const result = qcGate({ items, answers: complete, afterPhotoCount: 1, photos: [{ id: 'other', stage: 'after' }] });
    expect(result).toMatchObject({ ok: false, missing: [{ kind: 'item', item: { key: 'seam_photo' } }] });
  });
});

describe('answerId', () => {
  it('is <jobId>:<templateId>:<itemKey>', () => {
    expect(answerId('0190a1b2-0000-7000-8000-000000000000', 'sizing@1', 'seam')).toBe('0190a1b2-0000-7000-8000-000000000000:sizing@1:seam');
  });
});

describe('parseMeasurement', () => {
  it.each<[string, number | null | undefined]>([
    ['54', 54],
    ['54.25', 54.25],
    ['54,25', 54.25],
    [' 4,21 ', 4.21],
    ['.5', 0.5],
    ['', null],
    ['   ', null],
    ['abc', undefined],
    ['5 4', 54],
    ['54..2', undefined],
    ['1e3', undefined],
    ['54,2,1', undefined],
  ])('%j → %j', (text, value) => {
    expect(parseMeasurement(text)).toBe(value);
  });
});

describe('stored templates', () => {
  it('accepts a well-formed template and rejects malformed ones', () => {
    expect(isChecklistTemplate(SIZING_1)).toBe(true);
    expect(isChecklistTemplate({ ...SIZING_1, id: 'sizing@7' })).toBe(false);
    expect(isChecklistTemplate({ ...SIZING_1, items: [{ kind: 'dance', key: 'x', label: 'l', required: true }] })).toBe(false);
    expect(isChecklistTemplate({ ...SIZING_1, items: [{ kind: 'pass_fail', key: 'Bad Key', label: 'l', required: true }] })).toBe(false);
    expect(isChecklistTemplate(null)).toBe(false);
  });

  it('prefers a stored template over the seeded one with the same id, skipping junk', () => {
    const stored = { ...SIZING_1, items: [SIZING_1.items[2]] };
    const merged = withSeeded([stored, { junk: true }], [SIZING_1, POLISH_1]);
    expect(merged.map((t) => [t.id, t.items.length])).toEqual([['sizing@1', 1], ['polishing@1', 1]]);
  });
});
