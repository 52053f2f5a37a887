// What a scan (camera, handheld scanner, photo of a tag, or a number typed in) leads to. Shared by
// the bench home and the scan screen so both say the same thing about the same code.
import { useCallback, useEffect } from 'react';
import { useNavigate } from 'react-router';
import { findJobByNumber } from '../db/jobs-repo';
import { findPerson } from '../db/people-repo';
import { getSetting } from '../db/settings-repo';
import { parseTag } from '../domain/tag';
import { forgetCodeDecoded, markCodeDecoded } from '../lib/perf-marks';
import type { Location } from '../protocol/protocol';
import { useSession } from '../state/session-store';
import { actorOf } from './use-current-person';
import { DEFAULT_LOCATION, LOCATION_SETTING } from './use-device-location';

// The write path (outbox, evidence signing) is a chunk of its own, fetched once the screen has
// shown rather than before it: the bench screen's first paint carries less (BENCHMARKS.md).
const loadCustody = () => import('../db/custody-repo');

export type OpenOutcome =
  | { kind: 'opened'; number: string }
  | { kind: 'not_loupe'; raw: string }
  | { kind: 'damaged'; raw: string }
  | { kind: 'not_on_tablet'; number: string }
  /** Somebody must say who is working before a scan can be recorded. */
  | { kind: 'no_person' }
  | { kind: 'failed' };

/**
 * Returns `open(raw)`: classifies the code, and for a job this tablet holds records the scan as
 * a custody event (who, this device, where it sits) and opens the job. Never throws: whatever
 * was in front of the lens becomes an outcome the screen can say in words.
 *
 * Who is working and where the tablet sits are read when the scan happens, not when the screen
 * rendered: a scanner can fire before the screen has finished loading them.
 */
export function useOpenCode(): (raw: string) => Promise<OpenOutcome> {
  const navigate = useNavigate();
  useEffect(() => void loadCustody(), []);
  const open = useCallback(
    async (raw: string): Promise<OpenOutcome> => {
      try {
        const result = parseTag(raw, { origins: [window.location.origin] });
        if (result.kind !== 'job') return result;
        const job = await findJobByNumber(result.number);
        if (!job) return { kind: 'not_on_tablet', number: result.number };
        const personId = useSession.getState().personId;
        const person = personId ? await findPerson(personId) : undefined;
        if (!person?.active) return { kind: 'no_person' };
        const location = await getSetting<Location>(LOCATION_SETTING, DEFAULT_LOCATION);
        const { recordCustody } = await loadCustody();
        await recordCustody(job.id, 'scan_in', actorOf(person), location);
        await navigate(`/job/${encodeURIComponent(job.number)}`);
        return { kind: 'opened', number: job.number };
      } catch (error) {
        console.error('opening a scanned code failed', error);
        return { kind: 'failed' };
      }
    },
    [navigate],
  );
  // The job screen's paint is measured from here (src/lib/perf-marks.ts, issue 3's 150 ms).
  return useCallback(
    async (raw: string): Promise<OpenOutcome> => {
      markCodeDecoded();
      const outcome = await open(raw);
      if (outcome.kind !== 'opened') forgetCodeDecoded();
      return outcome;
    },
    [open],
  );
}
