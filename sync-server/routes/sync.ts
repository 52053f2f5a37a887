// The sync API (ARCHITECTURE.md, "Sync"): push a device's mutations, pull changes by cursor, and
// an event stream that pokes devices to pull. The rules live in storage (one transaction per push).
import express, { Router } from 'express';
import { PokeEvent, PullQuery, PullResponse, PushRequest, PushResponse } from '../../src/protocol/protocol';
import { deviceOf, type DeviceAuth } from '../auth/device-auth';
import { HttpError, validate } from '../http/errors';
import { errorResponses, openApiRegistry, registerSchema } from '../openapi';
import type { Storage } from '../storage/storage';
import type { Notifier } from '../sync/notifier';
import type { PokeStreams } from '../sync/poke-streams';

/** A full outbox batch (500 mutations, whole job records on create) fits; the API default (1 MB) would not. */
export const PUSH_JSON_LIMIT = '5mb';

/** Mounted before the API's default JSON parser, which then leaves the parsed body alone. */
export const pushBodyParser = express.json({ limit: PUSH_JSON_LIMIT });

const PushRequestSchema = registerSchema('PushRequest', PushRequest);
const PushResponseSchema = registerSchema('PushResponse', PushResponse);
const PullResponseSchema = registerSchema('PullResponse', PullResponse);
const PokeEventSchema = registerSchema('PokeEvent', PokeEvent);

openApiRegistry.registerPath({
  method: 'post',
  path: '/api/sync/push',
  summary: "Apply a device's mutations, in order, each exactly once",
  description:
    'One transaction. A mutation at or below the device\'s last applied sequence is acknowledged as duplicate; ' +
    'a refused mutation still consumes its sequence. A batch that skips a sequence number is refused whole (409 sequence_gap).',
  request: { body: { content: { 'application/json': { schema: PushRequestSchema } } } },
  responses: {
    200: { description: 'One result per mutation, in order.', content: { 'application/json': { schema: PushResponseSchema } } },
    ...errorResponses(400, 401, 403, 409, 413, 426, 500),
  },
});

openApiRegistry.registerPath({
  method: 'get',
  path: '/api/sync/pull',
  summary: 'Latest states of the records changed after the cursor, in server order',
  description:
    'Without a cursor, a first download: whole jobs in job id order (snapshot: true), then what changed meanwhile. reset: true means the cursor was not usable: wipe synced data and apply these changes from scratch.',
  request: { query: PullQuery },
  responses: {
    200: { description: 'A page of changes.', content: { 'application/json': { schema: PullResponseSchema } } },
    ...errorResponses(400, 401, 403, 426, 500),
  },
});

openApiRegistry.registerPath({
  method: 'get',
  path: '/api/sync/events',
  summary: 'Server-Sent Events: `event: poke` with data {"seq":N} on connect and after every push that changed something',
  description: 'A `: keepalive` comment every 25 s. A poke carries no data: pull on it.',
  responses: {
    200: { description: 'An endless text/event-stream.', content: { 'text/event-stream': { schema: PokeEventSchema } } },
    ...errorResponses(401, 403, 426, 503),
  },
});

export interface SyncRouterOptions {
  storage: Storage;
  notifier: Notifier;
  pokeStreams: PokeStreams;
  /** The API router has authenticated the device (ARCHITECTURE.md, "Security"); this imports its key. */
  auth: DeviceAuth;
}

/** Client references never reach a bench device (PRODUCT.md: the bench sees job data only). */
function withoutClientRefs(page: PullResponse): PullResponse {
  return {
    ...page,
    changes: page.changes.map((change) => {
      if (change.entity !== 'job' || !('clientRef' in change.data)) return change;
      const { clientRef: _clientRef, ...data } = change.data;
      return { ...change, data };
    }),
  };
}

export function syncRouter({ storage, notifier, pokeStreams, auth }: SyncRouterOptions): Router {
  const router = Router();

  router.post('/sync/push', async (req, res) => {
    const request = validate(PushRequest, req.body);
    const device = deviceOf(res);
    if (request.deviceId !== device.id) {
      throw new HttpError(403, 'forbidden', 'This push names another device than the one whose token it carries.');
    }
    const outcome = await storage.push(request, { device: { id: device.id, kind: device.kind, publicKey: await auth.publicKeyOf(device) } });
    if (outcome.kind === 'gap') {
      throw new HttpError(
        409,
        'sequence_gap',
        `This device skipped a change: the server has applied its changes up to ${outcome.lastAppliedSeq}. Send the changes after that, in order.`,
        undefined,
        { lastAppliedSeq: outcome.lastAppliedSeq },
      );
    }
    // After the commit, never before: a poked device must find the change when it pulls.
    if (outcome.changedSeq !== null) notifier.notify(outcome.changedSeq);
    const counts = { applied: 0, duplicate: 0, refused: 0 };
    for (const result of outcome.response.results) counts[result.status] += 1;
    req.log.info({ deviceId: request.deviceId, ...counts, lastAppliedSeq: outcome.response.lastAppliedSeq }, 'sync push');
    const body: PushResponse = outcome.response;
    res.json(body);
  });

  router.get('/sync/pull', async (req, res) => {
    const { cursor, limit } = validate(PullQuery, req.query);
    const page = await storage.pull(cursor, limit);
    const body: PullResponse = deviceOf(res).kind === 'bench' ? withoutClientRefs(page) : page;
    res.json(body);
  });

  // The API router let this through with a device token (EventSource may pass it as ?token=).
  router.get('/sync/events', (req, res) => pokeStreams.open(req, res));

  return router;
}
