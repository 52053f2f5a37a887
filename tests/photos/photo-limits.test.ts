import { describe, expect, it } from 'vitest';
import { clampLongSide, DEFAULT_LONG_SIDE, fitLongSide, megapixels, refuseSize, smoothingFor } from '../../src/photos/photo-limits';

describe('fitLongSide', () => {
  it.each([
    [{ width: 4000, height: 3000 }, 2560, { width: 2560, height: 1920 }],
    [{ width: 3000, height: 4000 }, 2560, { width: 1920, height: 2560 }],
    [{ width: 4032, height: 3024 }, 320, { width: 320, height: 240 }],
    [{ width: 1920, height: 1080 }, 2560, { width: 1920, height: 1080 }],
    [{ width: 2560, height: 10 }, 2560, { width: 2560, height: 10 }],
    [{ width: 20000, height: 3 }, 320, { width: 320, height: 1 }],
  ])('%o to %i → %o', (source, longSide, expected) => {
    expect(fitLongSide(source, longSide)).toEqual(expected);
  });
});

describe('refuseSize', () => {
  it.each([
    [{ width: 4000, height: 3000 }, null],
    [{ width: 8000, height: 6000 }, null],
    [{ width: 10_000, height: 10_000 }, 'too_large'],
    [{ width: 30_000, height: 1000 }, 'too_large'],
    [{ width: 0, height: 3000 }, 'corrupt'],
    [{ width: Number.NaN, height: 3000 }, 'corrupt'],
  ])('%o → %s', (size, expected) => {
    expect(refuseSize(size)).toBe(expected);
  });
});

describe('clampLongSide', () => {
  it.each([
    [undefined, DEFAULT_LONG_SIDE],
    ['2048', DEFAULT_LONG_SIDE],
    [2048, 2048],
    [100, 640],
    [99_999, 4096],
  ])('%s → %i', (value, expected) => {
    expect(clampLongSide(value)).toBe(expected);
  });
});

it('megapixels', () => {
  expect(megapixels({ width: 10_000, height: 10_000 })).toBe(100);
  expect(megapixels({ width: 4032, height: 3024 })).toBe(12.2);
});

describe('smoothingFor', () => {
  it.each([
    [{ width: 4000, height: 3000 }, { width: 2560, height: 1920 }, 'low'],
    [{ width: 3000, height: 4000 }, { width: 1920, height: 2560 }, 'low'],
    [{ width: 5120, height: 3840 }, { width: 2560, height: 1920 }, 'low'],
    [{ width: 8000, height: 6000 }, { width: 2560, height: 1920 }, 'high'],
    [{ width: 2560, height: 1920 }, { width: 320, height: 240 }, 'high'],
  ] as const)('%o → %o: %s', (from, to, expected) => {
    expect(smoothingFor(from, to)).toBe(expected);
  });
});
