// HTTP calls of the sync protocol. Every request carries the protocol version; every answer is
// validated with the protocol's schemas before the device believes it.
import {
  DEVICE_TOKEN_HEADER,
  ErrorBody,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PullResponse,
  PushResponse,
  type PushRequest,
} from '../protocol/protocol';

export type SyncFailure =
  | { kind: 'offline'; message: string }
  | { kind: 'update_needed'; message: string }
  | { kind: 'sequence_gap'; lastAppliedSeq: number; message: string }
  /** No device token, or the server does not know it: the device must be paired (again). */
  | { kind: 'unpaired'; message: string }
  /** An admin removed this device from the workshop: it wipes its workshop data. */
  | { kind: 'revoked'; message: string }
  | { kind: 'server'; status: number; code: string; message: string };

export class SyncError extends Error {
  constructor(readonly failure: SyncFailure) {
    super(failure.message);
    this.name = 'SyncError';
  }
}

export interface SyncTransport {
  baseUrl: string;
  fetch?: typeof fetch;
  /** The device token from pairing, sent as x-loupe-device-token on every call. */
  token?: string;
}

async function call(transport: SyncTransport, path: string, init: RequestInit = {}): Promise<unknown> {
  const doFetch = transport.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await doFetch(`${transport.baseUrl}${path}`, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        ...(transport.token ? { [DEVICE_TOKEN_HEADER]: transport.token } : {}),
        ...init.headers,
      },
    });
  } catch (error) {
    throw new SyncError({ kind: 'offline', message: `The server cannot be reached (${(error as Error).message}).` });
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body;
  const parsed = ErrorBody.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : 'internal';
  const message = parsed.success ? parsed.data.error.message : `The server answered ${response.status}.`;
  if (response.status === 426) throw new SyncError({ kind: 'update_needed', message });
  if (code === 'device_revoked') throw new SyncError({ kind: 'revoked', message });
  if (code === 'device_unpaired') throw new SyncError({ kind: 'unpaired', message });
  if (code === 'sequence_gap' && parsed.success) {
    const last = Number(parsed.data.error.details?.lastAppliedSeq ?? 0);
    throw new SyncError({ kind: 'sequence_gap', lastAppliedSeq: last, message });
  }
  throw new SyncError({ kind: 'server', status: response.status, code, message });
}

export async function push(transport: SyncTransport, request: PushRequest): Promise<PushResponse> {
  const body = await call(transport, '/api/sync/push', { method: 'POST', body: JSON.stringify(request) });
  return PushResponse.parse(body);
}

export async function pull(transport: SyncTransport, cursor: string | undefined, limit: number): Promise<PullResponse> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  const body = await call(transport, `/api/sync/pull?${query}`);
  return PullResponse.parse(body);
}
