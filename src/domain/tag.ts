// The QR tag on a job envelope. It holds a URL of the workshop's server ending in
// /t/<job number>, so the bench tablet reads the number and a phone camera opens the job page.
//
// parseTag reads whatever a camera or a keyboard-emulating scanner produced. Anything can be
// in front of the lens (a Wi-Fi code, a business card, a shop's URL), so it never throws and
// says which of three things it saw: a job, something of ours that is damaged, or not ours.
import { parseJobNumber } from './job-number';

export type TagResult =
  | { readonly kind: 'job'; readonly number: string }
  | { readonly kind: 'damaged'; readonly raw: string }
  | { readonly kind: 'not_loupe'; readonly raw: string };

export interface ParseTagOptions {
  /** The workshop servers' origins; when given, a URL from any other origin is not ours. */
  readonly origins?: readonly string[];
}

// Beyond this nothing is parsed: no tag is that long, and a huge paste must stay cheap.
const MAX_TAG_LENGTH = 512;
// What a screen can show of something that was not a tag.
const SHOWN_LENGTH = 200;

const TAG_PATH = /\/t\/([^/]+)\/?$/i;
// Shaped like a job number but not a valid one: wrong check character, a digit missing or
// extra, O typed for 0, other separators, the hyphens left out. Both start with a letter and
// the compact one needs 8 digits, so that dates, phone numbers, product barcodes (all digits)
// and short codes (SKU123) stay 'not_loupe'.
const LOOSE_HYPHENATED = /^[A-Z][A-Z0-9]{0,5}[-\s\u2010-\u2015]+[A-Z0-9]{1,3}[-\s\u2010-\u2015]+[A-Z0-9]{4,8}([-\s\u2010-\u2015]+[A-Z0-9]{0,3})?$/;
const LOOSE_COMPACT = /^[A-Z][A-Z0-9]{1,3}\d{8}[A-Z0-9]?$/;

/**
 * The QR payload for a job: `<base>/t/<number>`. `base` is the server's origin, or origin plus
 * a path when the app is served under one. Throws RangeError on a bad base or number (a
 * programming error).
 */
export function tagPayload(base: string, number: string): string {
  const parsed = parseJobNumber(number);
  if (!parsed.ok) throw new RangeError(`not a valid job number: ${JSON.stringify(number)}`);
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new RangeError(`not a URL: ${JSON.stringify(base)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError(`tag base must be http(s): ${JSON.stringify(base)}`);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}/t/${parsed.number}`;
}

/** Classifies scanned or typed text. Never throws, whatever the input. */
export function parseTag(raw: string, options?: ParseTagOptions): TagResult {
  try {
    return classify(raw, options);
  } catch {
    // Defensive only: classify is written not to throw, but a scan must never crash a screen.
    return { kind: 'not_loupe', raw: typeof raw === 'string' ? shown(raw) : '' };
  }
}

function classify(raw: string, options: ParseTagOptions | undefined): TagResult {
  if (typeof raw !== 'string') return { kind: 'not_loupe', raw: '' };
  if (raw.length > MAX_TAG_LENGTH) return { kind: 'not_loupe', raw: shown(raw) };
  const text = raw.trim();
  if (text === '') return { kind: 'not_loupe', raw: text };

  const bare = parseJobNumber(text);
  if (bare.ok) return { kind: 'job', number: bare.number };

  if (/^https?:\/\//i.test(text)) return classifyUrl(text, options);

  return looksLikeJobNumber(text) ? { kind: 'damaged', raw: text } : { kind: 'not_loupe', raw: text };
}

function classifyUrl(text: string, options: ParseTagOptions | undefined): TagResult {
  const url = safeUrl(text);
  if (!url) return { kind: 'not_loupe', raw: text };

  const ours = options?.origins !== undefined ? options.origins.some((o) => safeUrl(o)?.origin === url.origin) : undefined;
  if (ours === false) return { kind: 'not_loupe', raw: text };

  // Case-insensitive: QR alphanumeric mode only has upper case, so a printer may send /T/.
  const segment = TAG_PATH.exec(url.pathname)?.[1];
  if (segment === undefined) return { kind: 'not_loupe', raw: text };

  let candidate: string;
  try {
    candidate = decodeURIComponent(segment);
  } catch {
    // A broken %-escape: damaged if the URL is known to be ours, otherwise someone else's.
    return { kind: ours ? 'damaged' : 'not_loupe', raw: text };
  }

  const parsed = parseJobNumber(candidate);
  if (parsed.ok) return { kind: 'job', number: parsed.number };
  // With known origins a /t/ URL is certainly a tag of ours; without them, only a job-number
  // shape tells our damaged tag apart from another site's /t/ link.
  return ours || looksLikeJobNumber(candidate) ? { kind: 'damaged', raw: text } : { kind: 'not_loupe', raw: text };
}

function looksLikeJobNumber(text: string): boolean {
  const upper = text.trim().toUpperCase();
  return LOOSE_HYPHENATED.test(upper) || LOOSE_COMPACT.test(upper);
}

function safeUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

// Cut at SHOWN_LENGTH without leaving half of a surrogate pair at the end.
function shown(text: string): string {
  if (text.length <= SHOWN_LENGTH) return text;
  const last = text.charCodeAt(SHOWN_LENGTH - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? SHOWN_LENGTH - 1 : SHOWN_LENGTH;
  return text.slice(0, end);
}
