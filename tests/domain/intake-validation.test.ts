import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { emptyIntakeDraft, emptyStone, firstErrorField, validateIntake, type IntakeDraft } from '../../src/domain/intake-validation';
import { formatJobNumber } from '../../src/domain/job-number';
import { Job } from '../../src/protocol/protocol';

const TODAY = '2026-03-10';

function draft(patch: Partial<IntakeDraft> = {}): IntakeDraft {
  return {
    ...emptyIntakeDraft(),
    clientRef: 'BTQ-4012',
    category: 'ring',
    model: 'Solitaire Étoile',
    metal: 'au750_white',
    stones: [{ ...emptyStone(), type: 'Diamond', count: '1', sizeOrCarat: '0.50 ct' }],
    weight: '4.21',
    ringSize: '52',
    services: ['sizing'],
    promisedDate: '2026-03-17',
    ...patch,
  };
}

const stone = (patch: Partial<ReturnType<typeof emptyStone>>) => ({ ...emptyStone(), type: 'Sapphire', ...patch });

describe('validateIntake: each wrong field, with its code', () => {
  it.each([
    ['no client reference', { clientRef: '   ' }, 'clientRef', { code: 'required' }],
    ['a client reference too long', { clientRef: 'x'.repeat(121) }, 'clientRef', { code: 'too_long', max: 120 }],
    ['no category', { category: '' as const }, 'category', { code: 'required' }],
    ['a model too long', { model: 'm'.repeat(121) }, 'model', { code: 'too_long', max: 120 }],
    ['a serial number too long', { serialNumber: 's'.repeat(81) }, 'serialNumber', { code: 'too_long', max: 80 }],
    ['no metal', { metal: '' as const }, 'metal', { code: 'required' }],
    ['no weight', { weight: '' }, 'weight', { code: 'required' }],
    ['a weight that is not a number', { weight: 'four' }, 'weight', { code: 'not_a_number' }],
    ['a weight to the milligram', { weight: '4.215' }, 'weight', { code: 'too_many_decimals', max: 2 }],
    ['a weight of nothing', { weight: '0' }, 'weight', { code: 'out_of_range', min: 0.01, max: 10_000 }],
    ['a negative weight', { weight: '-1' }, 'weight', { code: 'out_of_range', min: 0.01, max: 10_000 }],
    ['an impossible weight', { weight: '10001' }, 'weight', { code: 'out_of_range', min: 0.01, max: 10_000 }],
    ['a ring being sized without its size', { ringSize: '' }, 'ringSize', { code: 'required' }],
    ['a ring size that is not one', { ringSize: 'big' }, 'ringSize', { code: 'not_a_ring_size' }],
    ['a UK size typed as a number', { ringSize: '52', ringScale: 'uk' as const }, 'ringSize', { code: 'not_a_ring_size' }],
    ['condition notes too long', { conditionNotes: 'n'.repeat(2001) }, 'conditionNotes', { code: 'too_long', max: 2000 }],
    ['no service', { services: [] }, 'services', { code: 'required' }],
    ['no promised date', { promisedDate: '' }, 'promisedDate', { code: 'required' }],
    ['a date that does not exist', { promisedDate: '2026-02-30' }, 'promisedDate', { code: 'invalid_date' }],
    ['not a date', { promisedDate: 'next week' }, 'promisedDate', { code: 'invalid_date' }],
    ['a date already past', { promisedDate: '2026-03-09' }, 'promisedDate', { code: 'in_the_past' }],
    ['a stone without its type', { stones: [stone({ type: '', colour: 'blue' })] }, 'stones.0.type', { code: 'required' }],
    ['a stone count in words', { stones: [stone({ count: 'two' })] }, 'stones.0.count', { code: 'not_a_number' }],
    ['half a stone', { stones: [stone({ count: '1.5' })] }, 'stones.0.count', { code: 'not_whole' }],
    ['no stones in a row', { stones: [stone({ count: '0' })] }, 'stones.0.count', { code: 'out_of_range', min: 1, max: 10_000 }],
    ['a stone count left blank', { stones: [stone({ count: '' })] }, 'stones.0.count', { code: 'required' }],
    ['a stone colour too long', { stones: [stone({ colour: 'c'.repeat(41) })] }, 'stones.0.colour', { code: 'too_long', max: 40 }],
    ['the error on the row where it is', { stones: [emptyStone(), stone({ type: '', count: '4' })] }, 'stones.1.type', { code: 'required' }],
  ])('%s', (_name, patch, field, error) => {
    const result = validateIntake(draft(patch), TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[field as keyof typeof result.errors]).toEqual(error);
      expect(Object.keys(result.errors)).toEqual([field]);
    }
  });

  it('reports every wrong field at once', () => {
    const result = validateIntake(emptyIntakeDraft(), TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['category', 'clientRef', 'metal', 'promisedDate', 'services', 'weight']);
  });
});

describe('validateIntake: what a valid form gives', () => {
  it.each([
    ['a comma for the decimal point', { weight: '4,21' }, (v: ValuesOf) => expect(v.piece.weightG).toBe(4.21)],
    ['a ring not being sized needs no size', { ringSize: '', services: ['polishing' as const] }, (v: ValuesOf) => expect(v.piece.ringSize).toBeUndefined()],
    ['a UK size with a half', { ringSize: 'L½', ringScale: 'uk' as const }, (v: ValuesOf) => expect(v.piece.ringSize).toEqual({ value: 12.5, scale: 'uk' })],
    ['a US quarter size', { ringSize: '6,25', ringScale: 'us' as const }, (v: ValuesOf) => expect(v.piece.ringSize).toEqual({ value: 6.25, scale: 'us' })],
    ['a bracelet ignores a ring size', { category: 'bracelet' as const, ringSize: 'big' }, (v: ValuesOf) => expect(v.piece.ringSize).toBeUndefined()],
    ['blank stone rows dropped', { stones: [emptyStone(), emptyStone()] }, (v: ValuesOf) => expect(v.piece.stones).toEqual([])],
    ['today as the promised date', { promisedDate: TODAY }, (v: ValuesOf) => expect(v.promisedDate).toBe(TODAY)],
    ['a service ticked twice counted once', { services: ['sizing' as const, 'sizing' as const] }, (v: ValuesOf) => expect(v.services).toEqual(['sizing'])],
    ['text trimmed, blanks left out', { clientRef: '  BTQ-1 ', model: '  ', reference: ' R-1 ' }, (v: ValuesOf) => {
      expect(v.clientRef).toBe('BTQ-1');
      expect('model' in v.piece).toBe(false);
      expect(v.piece.reference).toBe('R-1');
    }],
    ['a flagged stone keeps its flag', { stones: [stone({ count: '3', flag: 'loose', notes: ' one chipped ' })] }, (v: ValuesOf) =>
      expect(v.piece.stones).toEqual([{ type: 'Sapphire', count: 3, flag: 'loose', notes: 'one chipped' }])],
  ])('%s', (_name, patch, check) => {
    const result = validateIntake(draft(patch as Partial<IntakeDraft>), TODAY);
    expect(result.ok).toBe(true);
    if (result.ok) check(result.values);
  });

  it('gives fields the protocol’s job schema accepts, as the server will check them', () => {
    const result = validateIntake(
      draft({
        conditions: ['scratches', 'worn_prongs'],
        conditionNotes: 'Deep scratch on the shank',
        authorisations: ['parts_only_with_approval'],
        handlingFlags: ['no_ultrasonic', 'heat_sensitive'],
        stones: [stone({ count: '12', sizeOrCarat: '0.01 ct', colour: 'blue', flag: 'missing' })],
      }),
      TODAY,
    );
    if (!result.ok) throw new Error('expected a valid form');
    const now = new Date().toISOString();
    const job = { id: newId(), number: formatJobNumber({ prefix: 'DA7', year: 2026, sequence: 1 }), status: 'intake', version: 0, notes: '', createdAt: now, updatedAt: now, ...result.values };
    expect(Job.safeParse(job).error).toBeUndefined();
    expect(Job.parse(job).condition).toEqual({ codes: ['scratches', 'worn_prongs'], notes: 'Deep scratch on the shank' });
  });
});

describe('firstErrorField: where focus goes', () => {
  const order = ['clientRef', 'category', 'stones', 'weight'];
  it.each([
    [{ weight: { code: 'required' as const }, clientRef: { code: 'required' as const } }, 'clientRef'],
    [{ weight: { code: 'required' as const }, 'stones.3.type': { code: 'required' as const }, 'stones.1.count': { code: 'required' as const } }, 'stones.1.count'],
    [{}, undefined],
  ])('%j → %s', (errors, first) => {
    expect(firstErrorField(errors, order)).toBe(first);
  });
});

type ValuesOf = Extract<ReturnType<typeof validateIntake>, { ok: true }>['values'];
