import type { ArchiveEvent } from '../../electron/shared/dto';
import { formatInstant, formatNumber } from '../app/format';
import { useLocale } from '../i18n/locale-context';
import { eventDetails, eventLabel } from './event-text';

/** The record's audit events, oldest first: what happened, when, and its details in the UI language. */
export function RecordEvents({ events }: { events: readonly ArchiveEvent[] }) {
  const { t, locale } = useLocale();
  const n = (v: number): string => formatNumber(v, locale);
  return (
    <section className="panel record-events" aria-labelledby="record-events-heading">
      <h2 id="record-events-heading">{t.record.eventsHeading}</h2>
      <p className="hint">{t.record.eventsHint}</p>
      <ol className="event-list" data-testid="record-events">
        {events.map((e) => (
          <li key={e.seq} className={`event event-${e.kind}`} data-kind={e.kind} title={`SHA-256 ${e.hash}`}>
            <span className="event-kind">{eventLabel(e.kind, t)}</span>
            <time className="event-time num" dateTime={e.at}>
              {formatInstant(e.at, locale)}
            </time>
            <span className="event-seq num">{t.events.seq(n(e.seq))}</span>
            {eventDetails(e, t, n).map((line) => (
              <span key={line} className="event-detail">
                {line}
              </span>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
