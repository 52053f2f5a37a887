import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatJobNumber } from '../../src/domain/job-number';
import { parseTag, tagPayload, type TagResult } from '../../src/domain/tag';

const NUMBER = formatJobNumber({ prefix: 'NY1', year: 2026, sequence: 123 });
const CHECK = NUMBER.slice(-1);
const WRONG_CHECK = NUMBER.slice(0, -1) + (CHECK === 'A' ? 'B' : 'A');
const ORIGIN = 'https://loupe.example';
const URL_TAG = `${ORIGIN}/t/${NUMBER}`;
const job: TagResult = { kind: 'job', number: NUMBER };

describe('tagPayload', () => {
  it.each([
    ['https://loupe.example', `https://loupe.example/t/${NUMBER}`],
    ['https://loupe.example/', `https://loupe.example/t/${NUMBER}`],
    ['HTTPS://Loupe.Example', `https://loupe.example/t/${NUMBER}`],
    ['http://192.168.1.20:8080', `http://192.168.1.20:8080/t/${NUMBER}`],
    ['https://example.com/loupe/', `https://example.com/loupe/t/${NUMBER}`],
  ])('%s → %s', (base, payload) => {
    expect(tagPayload(base, NUMBER)).toBe(payload);
  });

  it('writes the canonical upper-case number', () => {
    expect(tagPayload(ORIGIN, NUMBER.toLowerCase())).toBe(URL_TAG);
  });

  it.each([
    ['a bad number', ORIGIN, WRONG_CHECK],
    ['a malformed number', ORIGIN, 'NY1-26-123'],
    ['a base that is not a URL', 'loupe.example', NUMBER],
    ['a base that is not http(s)', 'ftp://loupe.example', NUMBER],
  ])('throws RangeError on %s', (_label, base, number) => {
    expect(() => tagPayload(base, number)).toThrow(RangeError);
  });
});

describe('parseTag', () => {
  const long = 'x'.repeat(10_000);

  it.each<[string, string, TagResult, { origins?: readonly string[] }?]>([
    // Ours
    ['the tag URL', URL_TAG, job],
    ['a bare number', NUMBER, job],
    ['a lower-case bare number', NUMBER.toLowerCase(), job],
    ['a lower-case URL', URL_TAG.toLowerCase(), job],
    ['an upper-case URL (QR alphanumeric mode)', URL_TAG.toUpperCase(), job],
    ['surrounding spaces and a scanner Enter', `  ${URL_TAG}\r\n`, job],
    ['a bare number with spaces', `\t ${NUMBER} `, job],
    ['a trailing slash', `${URL_TAG}/`, job],
    ['a query and a fragment', `${URL_TAG}?src=print#x`, job],
    ['a percent-encoded number', `${ORIGIN}/t/${encodeURIComponent(NUMBER).replace('-', '%2D')}`, job],
    ['a LAN server with a port', `http://10.0.0.5:8080/t/${NUMBER}`, job],
    ['a server under a path', `https://example.com/loupe/t/${NUMBER}`, job],
    ['a listed origin', URL_TAG, job, { origins: [ORIGIN, 'http://10.0.0.5:8080'] }],
    ['a listed origin written with a slash', URL_TAG, job, { origins: ['https://loupe.example/'] }],

    // Ours, damaged
    ['a wrong check character', WRONG_CHECK, { kind: 'damaged', raw: WRONG_CHECK }],
    ['a URL with a wrong check character', `${ORIGIN}/t/${WRONG_CHECK}`, { kind: 'damaged', raw: `${ORIGIN}/t/${WRONG_CHECK}` }],
    ['a digit missing', 'NY1-26-00123-' + CHECK, { kind: 'damaged', raw: 'NY1-26-00123-' + CHECK }],
    ['no check character', 'NY1-26-000123', { kind: 'damaged', raw: 'NY1-26-000123' }],
    ['O typed for 0', 'NY1-26-OOO123-' + CHECK, { kind: 'damaged', raw: 'NY1-26-OOO123-' + CHECK }],
    ['spaces for hyphens', `NY1 26 000123 ${CHECK}`, { kind: 'damaged', raw: `NY1 26 000123 ${CHECK}` }],
    ['hyphens left out', `NY126000123${CHECK}`, { kind: 'damaged', raw: `NY126000123${CHECK}` }],
    ['a URL with a digit missing', `${ORIGIN}/t/NY1-26-00123-${CHECK}`, { kind: 'damaged', raw: `${ORIGIN}/t/NY1-26-00123-${CHECK}` }],
    ['our origin, garbage after /t/', `${ORIGIN}/t/hello`, { kind: 'damaged', raw: `${ORIGIN}/t/hello` }, { origins: [ORIGIN] }],
    ['our origin, broken %-escape', `${ORIGIN}/t/%E0%A4%A`, { kind: 'damaged', raw: `${ORIGIN}/t/%E0%A4%A` }, { origins: [ORIGIN] }],

    // Not ours
    ['empty', '', { kind: 'not_loupe', raw: '' }],
    ['spaces only', '   ', { kind: 'not_loupe', raw: '' }],
    ['a Wi-Fi code', 'WIFI:S:Workshop;T:WPA;P:secret;;', { kind: 'not_loupe', raw: 'WIFI:S:Workshop;T:WPA;P:secret;;' }],
    [
      'a vCard',
      'BEGIN:VCARD\nVERSION:3.0\nFN:Jane Doe\nTEL:+33 1 23 45 67 89\nEND:VCARD',
      { kind: 'not_loupe', raw: 'BEGIN:VCARD\nVERSION:3.0\nFN:Jane Doe\nTEL:+33 1 23 45 67 89\nEND:VCARD' },
    ],
    ['another site', 'https://www.example.com/collections/rings', { kind: 'not_loupe', raw: 'https://www.example.com/collections/rings' }],
    ["another site's /t/ link", 'https://t.co/t/aBc123', { kind: 'not_loupe', raw: 'https://t.co/t/aBc123' }],
    ['our server, not a tag', `${ORIGIN}/jobs`, { kind: 'not_loupe', raw: `${ORIGIN}/jobs` }],
    ['a /t/ path not at the end', `${ORIGIN}/t/${NUMBER}/photos`, { kind: 'not_loupe', raw: `${ORIGIN}/t/${NUMBER}/photos` }],
    ['another host with a valid /t/ path, origins given', `https://evil.example/t/${NUMBER}`, { kind: 'not_loupe', raw: `https://evil.example/t/${NUMBER}` }, { origins: [ORIGIN] }],
    ['another port, origins given', `https://loupe.example:8443/t/${NUMBER}`, { kind: 'not_loupe', raw: `https://loupe.example:8443/t/${NUMBER}` }, { origins: [ORIGIN] }],
    ['http when only https is ours', `http://loupe.example/t/${NUMBER}`, { kind: 'not_loupe', raw: `http://loupe.example/t/${NUMBER}` }, { origins: [ORIGIN] }],
    ['an empty origins list', URL_TAG, { kind: 'not_loupe', raw: URL_TAG }, { origins: [] }],
    ['a non-http scheme', `ftp://loupe.example/t/${NUMBER}`, { kind: 'not_loupe', raw: `ftp://loupe.example/t/${NUMBER}` }],
    ['a broken URL', 'https://[oops/t/x', { kind: 'not_loupe', raw: 'https://[oops/t/x' }],
    ['a product barcode', '4006381333931', { kind: 'not_loupe', raw: '4006381333931' }],
    ['a date', '2026-11-25', { kind: 'not_loupe', raw: '2026-11-25' }],
    ['a phone number', '555-123-4567', { kind: 'not_loupe', raw: '555-123-4567' }],
    ['a short code', 'SKU12345', { kind: 'not_loupe', raw: 'SKU12345' }],
    ['a sentence', 'hello world', { kind: 'not_loupe', raw: 'hello world' }],
    ['a 10,000-character text', long, { kind: 'not_loupe', raw: 'x'.repeat(200) }],
    ['a long text that starts with a job number', NUMBER + ' '.repeat(600), { kind: 'not_loupe', raw: (NUMBER + ' '.repeat(600)).slice(0, 200) }],
  ])('%s', (_label, raw, expected, options) => {
    expect(parseTag(raw, options)).toEqual(expected);
  });

  it('accepts exactly 512 characters and refuses 513 unparsed', () => {
    expect(parseTag(NUMBER.padStart(512, ' '))).toEqual(job);
    expect(parseTag(NUMBER.padStart(513, ' '))).toMatchObject({ kind: 'not_loupe' });
  });

  it('does not cut a surrogate pair in half when truncating', () => {
    const text = 'a'.repeat(199) + '💎'.repeat(300);
    const result = parseTag(text);
    expect(result).toEqual({ kind: 'not_loupe', raw: 'a'.repeat(199) });
  });

  it.each([undefined, null, 42, {}, []])('does not throw on %j from untyped code', (value) => {
    expect(parseTag(value as unknown as string)).toMatchObject({ kind: 'not_loupe' });
  });
});

describe('parseTag properties', () => {
  const prefix = fc
    .tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.stringMatching(/^[A-Z0-9]{1,3}$/))
    .map(([first, rest]) => first + rest);
  const parts = fc.record({
    prefix,
    year: fc.integer({ min: 2000, max: 2099 }),
    sequence: fc.integer({ min: 1, max: 999_999 }),
  });

  it('never throws, whatever the string', () => {
    const anything = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 600 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.webUrl().map((u) => `${u}/t/${'%'.repeat(3)}`),
      fc.stringMatching(/^[A-Za-z0-9 -]{0,20}$/),
    );
    fc.assert(
      fc.property(anything, fc.option(fc.array(fc.string()), { nil: undefined }), (raw, origins) => {
        const result = parseTag(raw, origins ? { origins } : undefined);
        expect(['job', 'damaged', 'not_loupe']).toContain(result.kind);
        if (result.kind !== 'job') expect(result.raw.length).toBeLessThanOrEqual(512);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips tagPayload → parseTag for any valid number', () => {
    fc.assert(
      fc.property(parts, fc.constantFrom(ORIGIN, 'http://10.0.0.5:8080', 'https://example.com/loupe/'), (p, base) => {
        const number = formatJobNumber(p);
        const origin = new URL(base).origin;
        expect(parseTag(tagPayload(base, number))).toEqual({ kind: 'job', number });
        expect(parseTag(tagPayload(base, number), { origins: [origin] })).toEqual({ kind: 'job', number });
        expect(parseTag(` ${number.toLowerCase()} `)).toEqual({ kind: 'job', number });
      }),
      { numRuns: 500 },
    );
  });
});
