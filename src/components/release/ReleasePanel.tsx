import { useState } from 'react';
import { Link } from 'react-router';
import type { Job, Person } from '../../db/records';
import { releaseJob } from '../../db/release-repo';
import { releaseBlocks, type ReleaseBlock } from '../../domain/reconciliation';
import { actorOf } from '../../hooks/use-current-person';
import { useDeviceLocation } from '../../hooks/use-device-location';
import { useT } from '../../i18n/i18n';

const FRONT_OFFICE = new Set(['manager', 'intake']);

/** Hands the piece back to the client or boutique: a custody event, and the job becomes read-only. */
export function ReleasePanel({ job, person }: { job: Job; person: Person | null }) {
  const { t } = useT();
  const [location] = useDeviceLocation();
  const [refusal, setRefusal] = useState<string | null>(null);
  if (job.status !== 'completed' && job.status !== 'released') return null;

  const blocks = releaseBlocks(job);
  const canRelease = person !== null && FRONT_OFFICE.has(person.role) && job.status === 'completed';

  async function release() {
    if (!person) return;
    setRefusal(null);
    const outcome = await releaseJob(job, actorOf(person), location);
    if (outcome.ok) return;
    if (!('blocks' in outcome)) setRefusal(outcome.message);
  }

  // The blocks are read live from the job, so they clear as soon as the note or figures land.
  const shownBlocks: ReleaseBlock[] = job.status === 'completed' ? blocks : [];
  return (
    <section className="card release" aria-labelledby="release-title">
      <h2 id="release-title">{t('release.title')}</h2>
      {job.status === 'released' && <p className="message message-ok" role="status">{t('release.released')}</p>}
      {shownBlocks.length > 0 && (
        <ul className="release-blocks">
          {shownBlocks.map((b) => <li key={b}>⚠ {t(`release.blocks.${b}`)}</li>)}
        </ul>
      )}
      {refusal && <p className="message message-error" role="alert">{t('release.refused', { message: refusal })}</p>}
      <div className="button-row">
        {canRelease && (
          <button type="button" className="button button-large button-primary" disabled={blocks.length > 0} onClick={() => void release()}>
            {t('release.release')}
          </button>
        )}
        <Link className="button button-large" to={`/print/${job.number}?kind=release`}>{t('board.desk.printRelease')}</Link>
      </div>
    </section>
  );
}
