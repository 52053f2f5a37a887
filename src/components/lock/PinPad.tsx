import { useId, useState, type FormEvent } from 'react';
import type { Person } from '../../db/records';
import { attemptUnlock } from '../../db/unlock-repo';
import { useT } from '../../i18n/i18n';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

interface Props {
  person: Person;
  /** Called once the PIN was checked (offline, against the hash this tablet holds). */
  onUnlocked: (person: Person) => void;
  onCancel: () => void;
  /** Overrides the offline check (the admin screens check the PIN with the server). */
  check?: (pin: string) => Promise<string | null>;
}

/**
 * The PIN pad: big keys for a finger, and a real field underneath for a keyboard. Wrong PINs say
 * how many tries are left; five lock the person out on this tablet for a growing time.
 */
export function PinPad({ person, onUnlocked, onCancel, check }: Props) {
  const { t } = useT();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = useId();

  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy || pin.length < 4) return;
    setBusy(true);
    try {
      if (check) {
        const refusal = await check(pin);
        if (refusal === null) onUnlocked(person);
        else setMessage(refusal);
        return;
      }
      const outcome = await attemptUnlock(person, pin);
      if (outcome.ok) return onUnlocked(person);
      if (outcome.reason === 'no_pin') setMessage(t('lock.noPin', { name: person.name }));
      else if (outcome.reason === 'locked') setMessage(t('lock.lockedOut', { seconds: seconds(outcome.retryInMs) }));
      else if (outcome.triesLeft === 0) setMessage(t('lock.lockedOut', { seconds: seconds(outcome.retryInMs) }));
      else setMessage(t('lock.wrong', { count: outcome.triesLeft }));
    } finally {
      setPin('');
      setBusy(false);
    }
  }

  const press = (digit: string) => setPin((p) => (p.length < 6 ? p + digit : p));

  return (
    <form className="pin-pad" onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <label htmlFor={fieldId} className="field-label pin-label">{t('lock.pinFor', { name: person.name })}</label>
      <input
        id={fieldId}
        className="input input-large pin-field"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        maxLength={6}
        value={pin}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 6))}
      />
      <div className="pin-keys" role="group" aria-label={t('lock.keypad')}>
        {KEYS.map((key) => (
          <button key={key} type="button" className="button button-large pin-key" onClick={() => press(key)}>{key}</button>
        ))}
        <button type="button" className="button button-large pin-key" aria-label={t('lock.erase')} onClick={() => setPin((p) => p.slice(0, -1))}>⌫</button>
        <button type="button" className="button button-large pin-key" onClick={() => press('0')}>0</button>
        <button type="submit" className="button button-primary button-large pin-key" disabled={busy || pin.length < 4}>{t('lock.ok')}</button>
      </div>
      {message && <p className="message message-error" role="alert">{message}</p>}
      <button type="button" className="button" onClick={onCancel}>{t('lock.someoneElse')}</button>
    </form>
  );
}
