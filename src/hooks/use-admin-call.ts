import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/http';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

/**
 * Loads what an admin screen shows from the server, again when `reload` is called; a 401
 * person_required (the session ran out) calls `expire`, which asks for the PIN again.
 */
export function useAdminLoad<T>(load: () => Promise<T>, expire: () => void): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setLoaded({ state: 'ready', value }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.code === 'person_required') expire();
        setLoaded({ state: 'failed', message: (error as Error).message });
      },
    );
    return () => {
      live = false;
    };
    // `load` is a new function each render; `round` says when to run it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round]);
  return [loaded, useCallback(() => setRound((r) => r + 1), [])];
}

/** Runs an admin action; the message of a refusal, or null. */
export async function runAdminAction(action: () => Promise<unknown>, expire: () => void): Promise<string | null> {
  try {
    await action();
    return null;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'person_required') expire();
    return (error as Error).message;
  }
}
