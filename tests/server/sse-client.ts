// A minimal Server-Sent Events reader for tests: node:http, so the raw stream (comments
// included) is visible and the test controls when the connection closes.
import { get, type IncomingMessage } from 'node:http';

export interface SseMessage {
  /** 'comment' for `: ...` lines, else the event name ('message' when none). */
  event: string;
  data: string;
}

export interface SseClient {
  response: IncomingMessage;
  messages: SseMessage[];
  /** Resolves with the first message (already received or coming) that matches. */
  next(match: (message: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export function openSse(url: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    // Offering compression as a browser does: a compressed stream would arrive as unreadable bytes.
    const request = get(url, { headers: { Accept: 'text/event-stream', 'Accept-Encoding': 'gzip, deflate, br' } }, (response) => {
      const messages: SseMessage[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          if (lines.every((line) => line.startsWith(':'))) {
            messages.push({ event: 'comment', data: lines.map((line) => line.slice(1).trim()).join('\n') });
          } else {
            const field = (name: string) => lines.filter((line) => line.startsWith(`${name}:`)).map((line) => line.slice(name.length + 1).trim());
            messages.push({ event: field('event')[0] ?? 'message', data: field('data').join('\n') });
          }
        }
        for (const wake of waiters) wake();
      });
      const ended = new Promise<void>((done) => {
        response.on('end', done);
        response.on('close', done);
      });
      resolve({
        response,
        messages,
        ended,
        next(match, timeoutMs = 2_000) {
          return new Promise((found, fail) => {
            let index = 0;
            const check = () => {
              for (; index < messages.length; index += 1) {
                if (match(messages[index]!)) {
                  waiters.delete(check);
                  clearTimeout(timer);
                  found(messages[index]!);
                  return;
                }
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

/** A poke with a seq of at least `seq`. */
export const pokeAtLeast = (seq: number) => (message: SseMessage) =>
  message.event === 'poke' && (JSON.parse(message.data) as { seq: number }).seq >= seq;
