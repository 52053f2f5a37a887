import type { Person } from '../../db/records';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../state/session-store';
import { PeoplePicker } from './PeoplePicker';

/** Shown where work is recorded and nobody has said who is working. */
export function PersonRequired({ reason, onPicked }: { reason?: string; onPicked?: (person: Person) => void }) {
  const { t } = useT();
  const setPerson = useSession((s) => s.setPerson);
  return (
    <section className="card person-required" aria-labelledby="person-required-title">
      <h2 id="person-required-title">{t('person.who')}</h2>
      <p>{reason ?? t('person.needed')}</p>
      <PeoplePicker
        selectedId={null}
        onPick={(person) => {
          setPerson(person.id);
          onPicked?.(person);
        }}
      />
    </section>
  );
}
