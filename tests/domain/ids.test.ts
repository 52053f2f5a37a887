import { describe, it, expect } from 'vitest';
import { isUuid, newId } from '../../src/domain/ids';

describe('newId', () => {
  it('makes canonical lower-case UUIDv7 strings', () => {
    const id = newId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUuid(id)).toBe(true);
  });

  it('never repeats itself', () => {
    const ids = Array.from({ length: 10_000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts as strings in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, newId);
    expect([...ids].sort()).toEqual(ids);
  });

  it('starts with the creation time', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after);
  });
});

describe('isUuid', () => {
  it.each([
    ['a v7 id', '01936b2e-1e4c-7a3b-9c2d-4e5f6a7b8c9d', true],
    ['a fresh id', newId(), true],
    ['upper case (would duplicate a lower-case key)', '01936B2E-1E4C-7A3B-9C2D-4E5F6A7B8C9D', false],
    ['a v4 id', '3b241101-e2bb-4255-8caf-4136c566a962', false],
    ['the nil UUID', '00000000-0000-0000-0000-000000000000', false],
    ['no hyphens', '01936b2e1e4c7a3b9c2d4e5f6a7b8c9d', false],
    ['braces', '{01936b2e-1e4c-7a3b-9c2d-4e5f6a7b8c9d}', false],
    ['surrounding spaces', ' 01936b2e-1e4c-7a3b-9c2d-4e5f6a7b8c9d', false],
    ['a bad variant', '01936b2e-1e4c-7a3b-1c2d-4e5f6a7b8c9d', false],
    ['empty', '', false],
    ['a number', 42, false],
    ['undefined', undefined, false],
    ['null', null, false],
  ])('%s → %s', (_label, value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});
