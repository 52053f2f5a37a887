import { describe, expect, it } from 'vitest';
import { createWedgeDetector, EMPTY_WEDGE, wedgeStep } from '../../src/scan/keyboard-wedge';

/** Types `text` then Enter, `gap` ms apart (or with a gap per key), and returns what was detected. */
function feed(keys: readonly (string | [string, number])[], gap = 5): (string | null)[] {
  const detector = createWedgeDetector();
  let at = 1000;
  return keys.map((k) => {
    const [key, wait] = typeof k === 'string' ? [k, gap] : k;
    at += wait;
    return detector.feed(key, at);
  });
}
const chars = (text: string) => [...text];
const scanned = (results: (string | null)[]) => results.filter((r) => r !== null);

describe('telling a handheld scanner from typing', () => {
  it.each<[string, (string | [string, number])[], number | undefined, string[]]>([
    ['a job number at scanner speed', [...chars('NY1-26-000123-K'), 'Enter'], 5, ['NY1-26-000123-K']],
    ['a tag URL at scanner speed', [...chars('https://loupe.example/t/NY1-26-000123-K'), 'Enter'], 3, ['https://loupe.example/t/NY1-26-000123-K']],
    ['exactly six characters', [...chars('ABC123'), 'Enter'], 10, ['ABC123']],
    ['five characters is too short', [...chars('ABC12'), 'Enter'], 5, []],
    ['typing at 80 ms per key', [...chars('NY1-26-000123-K'), 'Enter'], 80, []],
    ['keys 35 ms apart on average', [...chars('NY1-26-000123-K'), 'Enter'], 35, []],
    ['keys 34 ms apart on average', [...chars('NY1-26-000123-K'), 'Enter'], 34, ['NY1-26-000123-K']],
    ['one key delivered 90 ms late in a fast burst', [...chars('NY1-26-'), ['0', 90], ...chars('00123-K'), 'Enter'], 5, ['NY1-26-000123-K']],
    ['a fast typist’s burst of 6 keys at 60 ms', [...chars('ABCDEF'), 'Enter'], 60, []],
    ['no Enter, no scan', chars('NY1-26-000123-K'), 5, []],
    ['Shift keys in between do not break a burst', ['Shift', 'N', 'Shift', 'Y', ...chars('1-26-000123-K'), 'Enter'], 5, ['NY1-26-000123-K']],
    ['a slow key before the burst is dropped', [['x', 0], ['N', 400], ...chars('Y1-26-000123-K'), 'Enter'], 5, ['NY1-26-000123-K']],
    ['a long pause in the middle breaks the burst', [...chars('NY1-26'), ['-', 200], ...chars('000123-K'), 'Enter'], 5, ['-000123-K']],
    ['an Enter long after the burst', [...chars('NY1-26-000123-K'), ['Enter', 500]], 5, []],
    ['two scans in a row', [...chars('AAA-111'), 'Enter', ...chars('BBB-222'), 'Enter'], 5, ['AAA-111', 'BBB-222']],
    ['Enter alone', ['Enter'], 5, []],
  ])('%s', (_name, keys, gap, expected) => {
    expect(scanned(feed(keys, gap))).toEqual(expected);
  });

  it('is a pure step function underneath', () => {
    const first = wedgeStep(EMPTY_WEDGE, 'A', 0);
    expect(first.state).toEqual({ buffer: 'A', startAt: 0, lastAt: 0 });
    expect(wedgeStep(first.state, 'B', 100).state).toEqual({ buffer: 'B', startAt: 100, lastAt: 100 });
    expect(wedgeStep(first.state, 'B', 10).state).toEqual({ buffer: 'AB', startAt: 0, lastAt: 10 });
  });

  it('reset forgets a burst', () => {
    const detector = createWedgeDetector();
    for (const [i, c] of chars('ABCDEFG').entries()) detector.feed(c, i * 5);
    detector.reset();
    expect(detector.feed('Enter', 40)).toBeNull();
  });
});
