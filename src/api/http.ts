// Calls to the server outside sync: pairing, setup, person sessions, the admin screens, security
// reports. Like sync-client.ts: the protocol version on every call, the device token when there
// is one, every answer validated with the protocol's schema, every failure an ApiError with the
// server's code (or 'offline').
import type { z } from 'zod';
import { ErrorBody, PERSON_TOKEN_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol/protocol';
import { authHeaders } from '../db/device-auth-repo';
import type { LoupeDb } from '../db/loupe-db';
import { db as appDb } from '../db/database';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's error code, or 'offline' when it could not be reached. */
    readonly code: string,
    message: string,
    readonly details?: Record<string, string | number | boolean>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface CallOptions<S extends z.ZodType | undefined> {
  method?: 'GET' | 'POST' | 'PATCH';
  body?: unknown;
  /** Validates the answer; undefined for answers without a body (204). */
  schema: S;
  /** A person session (admin calls). */
  personToken?: string;
  db?: LoupeDb;
  /** The server's origin; '' (default) is this page's. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export async function apiCall<S extends z.ZodType | undefined>(path: string, options: CallOptions<S>): Promise<S extends z.ZodType ? z.output<S> : undefined> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers: Record<string, string> = {
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    ...(await authHeaders(options.db ?? appDb)),
    ...(options.personToken ? { [PERSON_TOKEN_HEADER]: options.personToken } : {}),
    ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
  };
  let response: Response;
  try {
    response = await doFetch(`${options.baseUrl ?? ''}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (error) {
    throw new ApiError(0, 'offline', `The server cannot be reached (${(error as Error).message}).`);
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(body);
    if (parsed.success) throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
    throw new ApiError(response.status, 'internal', `The server answered ${response.status}.`);
  }
  return (options.schema ? options.schema.parse(body) : undefined) as S extends z.ZodType ? z.output<S> : undefined;
}
