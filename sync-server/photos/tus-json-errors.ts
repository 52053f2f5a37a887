// tus answers some refusals itself, as plain text ("Tus-Resumable Required", "Invalid
// upload-offset", "Not found") before any hook of ours runs. Every API answer, tus's included,
// must be our { error: { code, message } }: this wraps the Node response of one tus request and
// rewrites a 4xx text answer into that shape (status kept, tus's short text as the message).
// Success answers and our own JSON refusals pass through untouched.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { ErrorBody } from '../../src/protocol/protocol';
import { CODE_BY_STATUS } from '../http/errors';

type HeadersArg = OutgoingHttpHeaders | Array<string | string[]> | undefined;

/** A header's value from what writeHead was given: an object, or a flat [name, value, …] list. */
function headerValue(headers: HeadersArg, name: string): string | undefined {
  if (headers === undefined) return undefined;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) if (String(headers[i]).toLowerCase() === name) return String(headers[i + 1]);
    return undefined;
  }
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : String(headers[key]);
}

/** The same headers without a body's type and length (the body changes). */
function withoutBodyHeaders(headers: HeadersArg): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  if (headers === undefined) return out;
  const entries: Array<[string, unknown]> = Array.isArray(headers)
    ? Array.from({ length: Math.floor(headers.length / 2) }, (_, i) => [String(headers[2 * i]), headers[2 * i + 1]])
    : Object.entries(headers);
  for (const [name, value] of entries) {
    if (!['content-type', 'content-length'].includes(name.toLowerCase()) && value !== undefined) out[name] = value as string;
  }
  return out;
}

export function jsonErrorsFromTus(res: ServerResponse, method: string): void {
  if (method === 'HEAD') return;
  let rewriting: { status: number; text: string } | undefined;
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = (typeof rest[0] === 'string' ? rest[1] : rest[0]) as HeadersArg;
    const type = headerValue(headers, 'content-type') ?? String(res.getHeader('content-type') ?? '');
    if (status < 400 || status >= 500 || type.includes('json')) return writeHead(status, ...rest);
    rewriting = { status, text: '' };
    res.removeHeader('content-length');
    return writeHead(status, { ...withoutBodyHeaders(headers), 'content-type': 'application/json; charset=utf-8' });
  }) as typeof res.writeHead;

  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!rewriting) return write(chunk, ...rest);
    rewriting.text += Buffer.isBuffer(chunk) ? chunk.toString('utf8') : typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof res.write;

  res.end = ((...args: unknown[]) => {
    if (!rewriting) return end(...args);
    const [first] = args;
    if (first !== undefined && typeof first !== 'function') rewriting.text += Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
    const callback = args.find((a) => typeof a === 'function') as (() => void) | undefined;
    const message = rewriting.text.trim().slice(0, 200) || `The upload request was refused (${rewriting.status}).`;
    const body: ErrorBody = { error: { code: CODE_BY_STATUS[rewriting.status] ?? 'bad_request', message } };
    return end(JSON.stringify(body), callback);
  }) as typeof res.end;
}
