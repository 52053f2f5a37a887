import { useState } from 'react';
import type { Person } from '../../db/records';
import { useSession } from '../../state/session-store';
import { PeoplePicker } from '../person/PeoplePicker';
import { PinPad } from './PinPad';

/** Tap your name, type your PIN: how a person takes the tablet. */
export function UnlockPanel({ selectedId = null, onUnlocked }: { selectedId?: string | null; onUnlocked?: (person: Person) => void }) {
  const setPerson = useSession((s) => s.setPerson);
  const [chosen, setChosen] = useState<Person | null>(null);
  if (chosen) {
    return (
      <PinPad
        key={chosen.id}
        person={chosen}
        onCancel={() => setChosen(null)}
        onUnlocked={(person) => {
          setPerson(person.id);
          setChosen(null);
          onUnlocked?.(person);
        }}
      />
    );
  }
  return <PeoplePicker selectedId={selectedId} onPick={setChosen} />;
}
