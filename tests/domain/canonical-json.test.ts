import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/domain/canonical-json';

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    ['sorts keys', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ['sorts nested keys, keeps array order', { z: [{ y: 1, x: 2 }, 3], a: null }, '{"a":null,"z":[{"x":2,"y":1},3]}'],
    ['leaves undefined members out, like JSON', { a: undefined, b: 'x' }, '{"b":"x"}'],
    ['writes numbers as JavaScript does', { n: 1.5e-7, m: 100, f: 0.1 }, '{"f":0.1,"m":100,"n":1.5e-7}'],
    ['escapes strings as JSON', { 'é"': 'line\nbreak' }, '{"é\\"":"line\\nbreak"}'],
    ['sorts by UTF-16 code units', { b: 0, B: 0, 'é': 0, a: 0 }, '{"B":0,"a":0,"b":0,"é":0}'],
  ])('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('refuses what JSON cannot say', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/finite/);
    expect(() => canonicalJson(() => 1)).toThrow(/function/);
  });

  it('is the same text whatever order the keys were built in, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reparsed = JSON.parse(text) as unknown;
        expect(canonicalJson(reparsed)).toBe(text);
        const shuffled = JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v))) as unknown;
        expect(canonicalJson(shuffled)).toBe(text);
      }),
    );
  });
});
