/** True when `output` is missing or older than any of `sources`. */
export function isStale(output: string, sources: string[]): boolean;
