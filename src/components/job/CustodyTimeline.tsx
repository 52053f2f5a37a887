import type { Location } from '../../protocol/protocol';
import { useCustody } from '../../hooks/use-custody';
import { usePeopleById } from '../../hooks/use-people';
import { formatDateTime, useT } from '../../i18n/i18n';

/** Where the piece has been and who had it, the latest first: "who has the piece?" in one look. */
export function CustodyTimeline({ jobId }: { jobId: string }) {
  const { t, language } = useT();
  const events = useCustody(jobId);
  const people = usePeopleById();
  const where = (location: Location) =>
    location.label ? t('custody.placeWithLabel', { place: t(`locations.${location.kind}`), label: location.label }) : t(`locations.${location.kind}`);

  return (
    <section className="card custody" aria-labelledby="custody-title">
      <h2 id="custody-title">{t('custody.title')}</h2>
      {events?.length === 0 && <p className="muted">{t('custody.none')}</p>}
      <ol className="timeline">
        {events?.map((event) => (
          <li key={event.id}>
            <time dateTime={event.at}>{formatDateTime(event.at, language)}</time>
            <span className="timeline-what">
              {t(`custody.actions.${event.action}`)} · {where(event.location)}
            </span>
            <span className="muted">{people.get(event.personId)?.name ?? t('custody.unknownPerson')}</span>
            {event.note && <span className="muted">{event.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
