import { useT } from '../../i18n/i18n';
import { UnlockPanel } from './UnlockPanel';

/** What a paired tablet shows while nobody is working at it: no workshop data, only who may unlock. */
export function LockScreen({ workshopName }: { workshopName: string }) {
  const { t } = useT();
  return (
    <section className="card lock-screen" aria-labelledby="lock-title">
      <h2 id="lock-title">{t('person.who')}</h2>
      <p className="muted">{t('lock.explain', { workshop: workshopName })}</p>
      <UnlockPanel />
    </section>
  );
}
