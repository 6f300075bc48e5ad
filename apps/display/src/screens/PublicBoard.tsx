import { useDisplay } from '../store';
import { CounterGrid } from './CounterGrid';
import { HallClock, HallName, StaleBanner, T } from './common';

/** The board on a phone: read-only, the newest calls first, then every counter and the queues. */
export function PublicBoard({ highlight }: { highlight?: string | null }) {
  return (
    <div className="phone">
      <StaleBanner />
      <header className="phone-head">
        <div className="phone-hall">
          <HallName />
        </div>
        <HallClock />
      </header>
      <PhoneCalls highlight={highlight ?? null} />
      <PhoneWaiting />
      <h2 className="phone-h2">
        <T k="counters" />
      </h2>
      <CounterGrid compact />
      <nav className="phone-links">
        <a href={`${import.meta.env.BASE_URL}track`}>
          <T k="trackLink" />
        </a>
      </nav>
    </div>
  );
}

function PhoneCalls({ highlight }: { highlight: string | null }) {
  const calls = useDisplay((s) => s.board.latestCalls);
  return (
    <section className="phone-calls">
      <h2 className="phone-h2">
        <T k="latestCalls" />
      </h2>
      <ol data-testid="phone-calls">
        {calls.slice(0, 6).map((c, i) => (
          <li
            key={`${c.ticketId}-${c.at}-${c.seq ?? ''}`}
            className={[i === 0 ? 'first' : '', c.ticketId === highlight ? 'mine' : ''].join(' ')}
          >
            <span className="pc-number">{c.callNumber}</span>
            <span className="pc-counter">
              {c.counter}
              <small>
                <T k="counter" />
              </small>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function PhoneWaiting() {
  const categories = useDisplay((s) => s.board.waitingByCategory);
  return (
    <section className="phone-waiting">
      <h2 className="phone-h2">
        <T k="waiting" />
      </h2>
      <ul>
        {categories.map((c) => (
          <li key={c.category}>
            <T text={c.name} />
            <b>{c.waiting}</b>
          </li>
        ))}
      </ul>
    </section>
  );
}
