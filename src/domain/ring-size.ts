// Ring sizes as intake types them and as they are stored. EU sizes are the inner circumference
// in millimetres (52), US sizes numbers with quarters (6¼ typed 6.25), UK sizes letters with
// halves (L½). Stored as a number in every scale: for UK, A = 1 … Z = 26, and ½ adds 0.5.
import type { RingSizeScale } from './vocabulary';

const UK_LETTER = /^([A-Z])\s*(½|1\/2|\.5)?$/;
const NUMBER = /^\d{1,3}([.,]\d{1,2})?$/;

/** The stored value for what was typed, or undefined when it is not a size in that scale. */
export function parseRingSize(text: string, scale: RingSizeScale): number | undefined {
  const trimmed = text.trim().toUpperCase();
  if (trimmed === '') return undefined;
  if (scale === 'uk') {
    const match = UK_LETTER.exec(trimmed);
    if (!match) return undefined;
    return match[1]!.charCodeAt(0) - 64 + (match[2] ? 0.5 : 0);
  }
  if (!NUMBER.test(trimmed)) return undefined;
  const value = Number(trimmed.replace(',', '.'));
  return value > 0 && value <= 100 ? value : undefined;
}

/** How a stored size is read aloud: "52", "6.25", "L½". */
export function formatRingSize(value: number, scale: RingSizeScale): string {
  if (scale === 'uk') {
    const whole = Math.floor(value);
    if (whole >= 1 && whole <= 26) return String.fromCharCode(64 + whole) + (value - whole >= 0.5 ? '½' : '');
  }
  return String(value);
}
