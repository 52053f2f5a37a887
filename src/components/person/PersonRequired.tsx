import type { Person } from '../../db/records';
import { useT } from '../../i18n/i18n';
import { UnlockPanel } from '../lock/UnlockPanel';

/** Shown where work is recorded and nobody has said who is working: name, then PIN. */
export function PersonRequired({ reason, onPicked }: { reason?: string; onPicked?: (person: Person) => void }) {
  const { t } = useT();
  return (
    <section className="card person-required" aria-labelledby="person-required-title">
      <h2 id="person-required-title">{t('person.who')}</h2>
      <p>{reason ?? t('person.needed')}</p>
      <UnlockPanel onUnlocked={onPicked} />
    </section>
  );
}
