// The open /api/sync/events streams of this instance (Server-Sent Events). A stream says "poke"
// (data: {"seq":N}) right after it opens and after every push that changed something, and sends a
// comment every 25 s so proxies and NAT do not drop an idle connection. Devices pull on a poke;
// a poke carries no data, so a lost one costs only latency (the device also pulls on its own).
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { PokeEvent } from '../../src/protocol/protocol';
import { HttpError } from '../http/errors';
import type { Notifier } from './notifier';

export const KEEPALIVE_MS = 25_000;

export interface PokeStreams {
  /** Turns the response into an event stream until the client leaves or closeAll() runs. */
  open(req: Request, res: Response): Promise<void>;
  /** Ends every stream (shutdown): server.close() would otherwise wait for them for ever. */
  closeAll(): void;
  readonly size: number;
}

export function createPokeStreams(options: { notifier: Notifier; currentSeq: () => Promise<number>; keepaliveMs?: number }): PokeStreams {
  const keepaliveMs = options.keepaliveMs ?? KEEPALIVE_MS;
  const streams = new Set<Response>();
  let closed = false;

  const send = (res: Response, seq: number) => {
    const event: z.infer<typeof PokeEvent> = { seq };
    res.write(`event: poke\ndata: ${JSON.stringify(event)}\n\n`);
  };
  // One subscription for the whole hub, not one per stream.
  const unsubscribe = options.notifier.subscribe((seq) => {
    for (const res of streams) send(res, seq);
  });
  const keepalive = setInterval(() => {
    for (const res of streams) res.write(': keepalive\n\n');
  }, keepaliveMs);
  keepalive.unref();

  return {
    async open(req, res) {
      if (closed) throw new HttpError(503, 'unavailable', 'The server is shutting down.');
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        // no-transform: neither a proxy nor our own compression (http/compress-responses.ts)
        // may hold events back to compress them.
        'Cache-Control': 'no-cache, no-transform',
        // nginx buffers responses by default, which would hold pokes back.
        'X-Accel-Buffering': 'no',
      });
      // Subscribed before the current seq is read: a push landing in between is announced
      // twice, never missed.
      streams.add(res);
      req.on('close', () => streams.delete(res));
      try {
        send(res, await options.currentSeq());
      } catch (err) {
        // Headers are out: Express can only cut the connection, and EventSource reconnects.
        streams.delete(res);
        throw err;
      }
    },
    closeAll() {
      closed = true;
      clearInterval(keepalive);
      unsubscribe();
      for (const res of streams) {
        res.end();
        // An ended stream leaves a keep-alive socket that server.close() would wait for.
        res.socket?.end();
      }
      streams.clear();
    },
    get size() {
      return streams.size;
    },
  };
}
