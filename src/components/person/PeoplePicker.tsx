import { Link } from 'react-router';
import type { Person } from '../../db/records';
import { usePairing } from '../../hooks/use-device-security';
import { useActivePeople } from '../../hooks/use-people';
import { useT } from '../../i18n/i18n';

/** Big name buttons, one per active person, each with their role: the tablet is shared. */
export function PeoplePicker({ selectedId, onPick }: { selectedId: string | null; onPick: (person: Person) => void }) {
  const { t } = useT();
  const people = useActivePeople();
  const pairing = usePairing();
  if (people === undefined) return <div className="loading-small" aria-busy="true" />;
  if (people.length === 0) {
    return (
      <p className="muted">
        {t('person.nobodyOnTablet')}{' '}
        {pairing === null && <Link to="/pair">{t('pairing.pairThisTablet')}</Link>}
      </p>
    );
  }
  return (
    <ul className="people-list">
      {people.map((person) => (
        <li key={person.id}>
          <button
            type="button"
            className="button button-large person-button"
            aria-pressed={person.id === selectedId}
            onClick={() => onPick(person)}
          >
            <span className="person-name">{person.name}</span>
            <span className="person-role">{t(`person.roles.${person.role}`)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
