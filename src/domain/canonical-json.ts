// Canonical JSON: the one byte string a record has, whatever order its keys came in. Signatures
// (src/security/evidence-signature.ts) and the server's custody chain hash it, so the tablet and
// the server must produce exactly the same text. Keys are sorted by UTF-16 code units and numbers
// written as JavaScript writes them, which is what RFC 8785 (JCS) asks; `undefined` members are
// left out, as JSON.stringify leaves them out.

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  }
}
