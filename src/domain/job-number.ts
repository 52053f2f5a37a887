// The human job number, printed on the envelope tag and read aloud at the bench:
//
//   NY1-26-000123-K
//   │   │  │      └ check character (ISO 7064 MOD 37,36) over "NY126000123"
//   │   │  └ 6-digit sequence, per device and year
//   │   └ 2-digit year
//   └ device prefix, 2–4 of [A-Z0-9], first a letter
//
// Jobs are created offline, so the number cannot come from a server counter: each device has
// its own prefix and counts on its own, which keeps numbers unique without coordination. The
// check character lets a scanner or a person typing the number tell a damaged or mistyped
// number from a real one instead of opening the wrong piece's job.

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MODULUS = 36;

const PREFIX = /^[A-Z][A-Z0-9]{1,3}$/;
const BODY = /^[0-9A-Z]+$/;
// Exactly the printed form: no compact form, no look-alike letters for digits. A damaged
// number is reported as damaged, never guessed at.
const JOB_NUMBER = /^([A-Z][A-Z0-9]{1,3})-(\d{2})-(\d{6})-([0-9A-Z])$/;

export const MIN_SEQUENCE = 1;
export const MAX_SEQUENCE = 999_999;
// The number shows two year digits, so only one century can be told apart.
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;

export interface JobNumberParts {
  /** Device prefix, e.g. 'NY1'. */
  readonly prefix: string;
  /** Full year, e.g. 2026 (printed as '26'). */
  readonly year: number;
  /** 1..999999. */
  readonly sequence: number;
}

export type JobNumberParse =
  | ({ readonly ok: true; readonly number: string } & JobNumberParts)
  | { readonly ok: false; readonly reason: 'malformed' | 'bad_check' };

/**
 * ISO 7064 MOD 37,36 (hybrid system) check character for `body`, which must be upper-case
 * [0-9A-Z]. Catches every single-character substitution. It misses an adjacent transposition
 * only of two characters with consecutive values (e.g. "12"/"21", "9A"/"A9"), and then only at
 * one of 36 positions of the running remainder, i.e. about 1 such swap in 36.
 */
export function computeCheckChar(body: string): string {
  if (!BODY.test(body)) throw new RangeError(`check body must be [0-9A-Z]+, got ${JSON.stringify(body)}`);
  const remainder = mod3736(body);
  // Choose the check value c that brings the final remainder to 1: (remainder + c) mod 36 = 1.
  return charAt((MODULUS + 1 - remainder) % MODULUS);
}

/** Formats a job number; throws RangeError on bad parts (a programming error, not user input). */
export function formatJobNumber({ prefix, year, sequence }: JobNumberParts): string {
  if (!PREFIX.test(prefix)) throw new RangeError(`job number prefix must be 2-4 of [A-Z0-9], first a letter, got ${JSON.stringify(prefix)}`);
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`job number year must be ${MIN_YEAR}..${MAX_YEAR}, got ${year}`);
  if (!Number.isInteger(sequence) || sequence < MIN_SEQUENCE || sequence > MAX_SEQUENCE) {
    throw new RangeError(`job number sequence must be ${MIN_SEQUENCE}..${MAX_SEQUENCE}, got ${sequence}`);
  }
  const yy = String(year % 100).padStart(2, '0');
  const seq = String(sequence).padStart(6, '0');
  return `${prefix}-${yy}-${seq}-${computeCheckChar(prefix + yy + seq)}`;
}

/** The number after `lastSequence` (0 when the device has issued none this year). */
export function nextJobNumber(prefix: string, year: number, lastSequence: number): string {
  if (!Number.isInteger(lastSequence) || lastSequence < 0) throw new RangeError(`last sequence must be a whole number >= 0, got ${lastSequence}`);
  // Past 999999 formatJobNumber throws: a device cannot silently wrap onto old numbers.
  return formatJobNumber({ prefix, year, sequence: lastSequence + 1 });
}

/**
 * Parses user or scanner input: surrounding spaces trimmed, any case, exactly the hyphenated
 * form. `number` is the canonical upper-case form.
 */
export function parseJobNumber(text: string): JobNumberParse {
  if (typeof text !== 'string') return { ok: false, reason: 'malformed' };
  const match = JOB_NUMBER.exec(text.trim().toUpperCase());
  if (!match) return { ok: false, reason: 'malformed' };
  const [number, prefix = '', yy = '', seq = '', check = ''] = match;
  const sequence = Number(seq);
  if (sequence < MIN_SEQUENCE) return { ok: false, reason: 'malformed' };
  if (computeCheckChar(prefix + yy + seq) !== check) return { ok: false, reason: 'bad_check' };
  return { ok: true, number, prefix, year: MIN_YEAR + Number(yy), sequence };
}

function mod3736(body: string): number {
  // Hybrid MOD (M+1, M) with M = 36: add the character, reduce mod 36 (0 counts as 36),
  // double, reduce mod 37. Starting from 36 is the standard's initial value.
  let remainder = MODULUS;
  for (const char of body) {
    const sum = (remainder + ALPHABET.indexOf(char)) % MODULUS || MODULUS;
    remainder = (sum * 2) % (MODULUS + 1);
  }
  return remainder;
}

function charAt(value: number): string {
  const char = ALPHABET[value];
  if (char === undefined) throw new RangeError(`no check character for ${value}`);
  return char;
}
