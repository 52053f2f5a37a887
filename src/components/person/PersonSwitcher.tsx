import { useEffect, useId, useRef, useState } from 'react';
import { useCurrentPerson } from '../../hooks/use-current-person';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../state/session-store';
import { UnlockPanel } from '../lock/UnlockPanel';

/** "Who is working?" in the header: shows the person at the tablet; another takes over with their PIN. */
export function PersonSwitcher() {
  const { t } = useT();
  const person = useCurrentPerson();
  const setPerson = useSession((s) => s.setPerson);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);

  // Close when a tap lands outside, or on Escape, as any menu does.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const label = person ? t('person.current', { name: person.name, role: t(`person.roles.${person.role}`) }) : t('person.who');
  return (
    <div className="person-switcher" ref={wrapper}>
      <button
        type="button"
        className="button person-switcher-button"
        aria-expanded={open}
        aria-controls={panelId}
        data-empty={!person}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      {open && (
        <div id={panelId} className="person-panel" role="group" aria-label={t('person.who')}>
          <UnlockPanel selectedId={person?.id ?? null} onUnlocked={() => setOpen(false)} />
          {person && (
            <button type="button" className="button" onClick={() => { setPerson(null); setOpen(false); }}>
              {t('person.leave')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
