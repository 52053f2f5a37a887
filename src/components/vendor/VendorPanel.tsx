import { useId, useState, type FormEvent } from 'react';
import type { Job, Person } from '../../db/records';
import { receiveFromVendor, sendToVendor } from '../../db/vendor-repo';
import { localIsoDate } from '../../domain/promised-date';
import { actorOf } from '../../hooks/use-current-person';
import { useDeviceLocation } from '../../hooks/use-device-location';
import { useWhereabouts } from '../../hooks/use-front-office';
import { useT } from '../../i18n/i18n';

const FRONT_OFFICE = new Set(['manager', 'intake']);

/** Send the piece to an outside workshop, or record it back: custody events, never a status. */
export function VendorPanel({ job, person }: { job: Job; person: Person | null }) {
  const { t } = useT();
  const where = useWhereabouts(job.id);
  const [location] = useDeviceLocation();
  const [vendor, setVendor] = useState('');
  const [expected, setExpected] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const ids = { vendor: useId(), expected: useId(), note: useId() };

  if (!person || !FRONT_OFFICE.has(person.role) || job.status === 'released' || job.status === 'cancelled') return null;
  const actor = actorOf(person);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!vendor.trim()) {
      setError(t('vendor.nameRequired'));
      return;
    }
    setError(null);
    await sendToVendor(job.id, vendor, expected || undefined, actor, note);
    setMessage(t('vendor.sent', { vendor: vendor.trim() }));
    setVendor('');
    setExpected('');
    setNote('');
  }

  async function receive() {
    await receiveFromVendor(job.id, actor, location);
    setMessage(t('vendor.received'));
  }

  return (
    <section className="card vendor-panel" aria-labelledby="vendor-title">
      <h2 id="vendor-title">{t('vendor.title')}</h2>
      {message && <p className="message message-info" role="status">{message}</p>}
      {where?.kind === 'at_vendor' ? (
        <button type="button" className="button button-large button-primary" onClick={() => void receive()}>
          {t('vendor.receive', { vendor: where.vendor })}
        </button>
      ) : (
        <form className="vendor-form" onSubmit={(event) => void send(event)} noValidate>
          <div className="field">
            <label htmlFor={ids.vendor} className="field-label">{t('vendor.vendorName')}</label>
            <input id={ids.vendor} className="input" value={vendor} onChange={(e) => setVendor(e.currentTarget.value)} maxLength={80} aria-invalid={error ? true : undefined} aria-describedby={error ? `${ids.vendor}-error` : undefined} />
            {error && <p className="field-error" id={`${ids.vendor}-error`}>{error}</p>}
          </div>
          <div className="field">
            <label htmlFor={ids.expected} className="field-label">{t('vendor.expectedReturn')}</label>
            <input id={ids.expected} className="input" type="date" min={localIsoDate(new Date())} value={expected} onChange={(e) => setExpected(e.currentTarget.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.note} className="field-label">{t('vendor.note')}</label>
            <input id={ids.note} className="input" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
          </div>
          <button type="submit" className="button button-large">{t('vendor.send')}</button>
        </form>
      )}
    </section>
  );
}
