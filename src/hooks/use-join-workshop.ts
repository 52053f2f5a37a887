import { useRef, useState } from 'react';
import { ApiError } from '../api/http';
import { pairThisDevice, setUpWorkshop, type SetupInput } from '../api/pairing';
import { db } from '../db/database';
import { useSession } from '../state/session-store';
import { syncOnce } from '../sync/sync-engine';

/** busy.received: changes the first sync has brought so far (a workshop's whole history, on a new tablet). */
export type JoinState = { kind: 'idle' } | { kind: 'busy'; received: number } | { kind: 'failed'; code: string; message: string };

/**
 * Pairing and first-start setup, for the two screens that do them. Once joined, one sync brings
 * the people (and their PIN hashes), then the app starts again on its token (the sync runner and
 * the event stream pick it up).
 */
export function useJoinWorkshop() {
  const [state, setState] = useState<JoinState>({ kind: 'idle' });
  // One join at a time: a second code (typed, or a scan landing while the first sync runs) would
  // pair the tablet again under another name and leave the first pairing dangling on the server.
  const joining = useRef(false);

  async function run(join: () => Promise<string | null>) {
    if (joining.current) return;
    joining.current = true;
    setState({ kind: 'busy', received: 0 });
    try {
      const unlockAs = await join();
      await syncOnce({ db, baseUrl: '', onPulled: (received) => setState({ kind: 'busy', received }) }).catch(() => undefined);
      if (unlockAs) useSession.getState().setPerson(unlockAs);
      window.location.assign(unlockAs ? '/admin' : '/');
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'internal';
      setState({ kind: 'failed', code, message: (error as Error).message });
      joining.current = false;
    }
  }

  return {
    state,
    pair: (code: string) => run(async () => (await pairThisDevice(code), null)),
    setUp: (input: SetupInput) => run(async () => (await setUpWorkshop(input)).adminId),
  };
}
