import { describe, expect, it } from 'vitest';
import { custodyOrder, isAtVendor, whereIs, type CustodyEventLike } from '../../src/domain/custody';

let n = 0;
function event(action: CustodyEventLike['action'], at: string, location: CustodyEventLike['location'], extra: Partial<CustodyEventLike> = {}): CustodyEventLike {
  n += 1;
  return { id: `0190000${n}`, personId: 'p1', action, at, location, ...extra };
}

const takenIn = event('scan_in', '2026-03-02T09:00:00Z', { kind: 'vault' });
const atBench = event('scan_in', '2026-03-03T09:00:00Z', { kind: 'bench', label: '2' });
const sentOut = event('send_out', '2026-03-04T10:00:00Z', { kind: 'vendor', label: 'Atelier Gravure' }, { expectedReturn: '2026-03-12' });
const back = event('return', '2026-03-11T15:00:00Z', { kind: 'vault' });
const released = event('release', '2026-03-13T17:00:00Z', { kind: 'dispatch' });

describe('whereIs: the latest custody event says where the piece is', () => {
  it.each([
    ['no event yet', [], '2026-03-05', { kind: 'unknown' }],
    ['taken in to the vault', [takenIn], '2026-03-05', { kind: 'in_house', location: { kind: 'vault' }, since: takenIn.at, personId: 'p1', action: 'scan_in' }],
    ['on bench 2', [takenIn, atBench], '2026-03-05', { kind: 'in_house', location: { kind: 'bench', label: '2' }, since: atBench.at, personId: 'p1', action: 'scan_in' }],
    ['at the vendor, on time', [takenIn, atBench, sentOut], '2026-03-12', { kind: 'at_vendor', vendor: 'Atelier Gravure', since: sentOut.at, expectedReturn: '2026-03-12', overdue: false, personId: 'p1' }],
    ['at the vendor, late', [takenIn, sentOut], '2026-03-13', { kind: 'at_vendor', vendor: 'Atelier Gravure', since: sentOut.at, expectedReturn: '2026-03-12', overdue: true, personId: 'p1' }],
    ['back from the vendor', [takenIn, sentOut, back], '2026-03-13', { kind: 'in_house', location: { kind: 'vault' }, since: back.at, personId: 'p1', action: 'return' }],
    ['released', [takenIn, sentOut, back, released], '2026-03-20', { kind: 'released', since: released.at, personId: 'p1' }],
    ['events in any order', [back, takenIn, sentOut], '2026-03-13', { kind: 'in_house', location: { kind: 'vault' }, since: back.at, personId: 'p1', action: 'return' }],
  ])('%s', (_name, events, today, expected) => {
    expect(whereIs(events, today)).toEqual(expected);
  });

  it('a vendor with no expected date is never late', () => {
    const out = event('send_out', '2026-03-04T10:00:00Z', { kind: 'vendor', label: ' Platinage SA ' });
    expect(whereIs([out], '2027-01-01')).toEqual({ kind: 'at_vendor', vendor: 'Platinage SA', since: out.at, overdue: false, personId: 'p1' });
  });

  it('two events at the same instant are ordered by id (UUIDv7 sorts by creation)', () => {
    const a = { ...event('send_out', '2026-03-04T10:00:00Z', { kind: 'vendor', label: 'V' }), id: '0190-a' };
    const b = { ...event('return', '2026-03-04T10:00:00Z', { kind: 'vault' }), id: '0190-b' };
    expect(custodyOrder([b, a]).map((e) => e.id)).toEqual(['0190-a', '0190-b']);
    expect(whereIs([b, a], '2026-03-05').kind).toBe('in_house');
  });

  it.each([
    [[], false],
    [[takenIn, sentOut], true],
    [[takenIn, sentOut, back], false],
  ])('isAtVendor %#', (events, at) => {
    expect(isAtVendor(events)).toBe(at);
  });
});
