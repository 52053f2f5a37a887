import { useId, useRef, useState } from 'react';
import type { Job, Person } from '../../db/records';
import { putRecord } from '../../db/local-changes';
import { isReadOnly } from '../../domain/job-status';
import { actorOf } from '../../hooks/use-current-person';
import { useT } from '../../i18n/i18n';

/**
 * The job's notes: a descriptive field, so it merges field by field and two benches never
 * block each other. While someone types, their draft is shown; otherwise the stored notes
 * (which a sync may change). Saved on Save or when leaving the field.
 */
export function JobNotes({ job, person }: { job: Job; person: Person | null }) {
  const { t } = useT();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'saved' | 'failed'>('idle');
  // Leaving the field and pressing Save come together: one write is enough.
  const saving = useRef(false);
  const stored = job.notes ?? '';
  const text = draft ?? stored;
  const dirty = draft !== null && draft !== stored;
  const editable = person !== null && !isReadOnly(job.status);

  async function save() {
    if (!person || !dirty || saving.current) return;
    saving.current = true;
    try {
      const outcome = await putRecord('job', job.id, { notes: draft }, actorOf(person));
      setState(outcome.ok ? 'saved' : 'failed');
      if (outcome.ok) setDraft(null);
    } finally {
      saving.current = false;
    }
  }

  return (
    <section className="card job-notes" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('job.notes')}</h2>
      {editable ? (
        <>
          <label htmlFor={id} className="visually-hidden">{t('jobScreen.notesLabel')}</label>
          <textarea
            id={id}
            className="input textarea"
            rows={4}
            maxLength={5000}
            value={text}
            onChange={(e) => {
              setDraft(e.target.value);
              setState('idle');
            }}
            onBlur={() => void save()}
          />
          <div className="button-row">
            <button type="button" className="button button-large" disabled={!dirty} onClick={() => void save()}>{t('jobScreen.saveNotes')}</button>
            {state === 'saved' && !dirty && <span role="status" className="saved">{t('jobScreen.notesSaved')}</span>}
            {state === 'failed' && <span role="alert" className="message-error">{t('jobScreen.notesFailed')}</span>}
          </div>
        </>
      ) : (
        <p className="notes">{stored || t('jobScreen.noNotes')}</p>
      )}
    </section>
  );
}
