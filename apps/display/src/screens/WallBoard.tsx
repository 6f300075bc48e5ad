import { announceCall } from '@yizhan/shared';
import { useServerNow } from '../hooks';
import { pick, TEXT } from '../i18n';
import { useDisplay } from '../store';
import { HallClock, HallName, StaleBanner, T } from './common';
import { CounterGrid } from './CounterGrid';

/** The 1920×1080 wall board: newest call, latest calls, every counter, waiting counts, notices. */
export function WallBoard() {
  return (
    <div className="wall">
      <header className="wall-head">
        <div className="wall-hall">
          <HallName />
        </div>
        <HallClock />
      </header>
      <StaleBanner />
      <main className="wall-main">
        <section className="wall-left">
          <NewestCall />
          <LatestCalls />
        </section>
        <section className="wall-right">
          <CounterGrid />
        </section>
      </main>
      <WaitingCounts />
      <Notices />
    </div>
  );
}

function NewestCall() {
  const newest = useDisplay((s) => s.board.latestCalls[0]);
  const highlightMs = useDisplay((s) => (s.catalog?.display.highlightSeconds ?? 10) * 1000);
  const dayOpen = useDisplay((s) => s.board.dayOpen);
  const now = useServerNow(500);
  const lang = useDisplay((s) => s.lang);
  if (!newest) {
    return <div className="newest newest-empty">{dayOpen ? <T k="title" /> : <T k="dayClosed" />}</div>;
  }
  const fresh = now - newest.at < highlightMs;
  return (
    <div
      className={fresh ? 'newest newest-fresh' : 'newest'}
      data-testid="newest-call"
      data-seq={newest.seq ?? ''}
    >
      <div className="newest-label">
        {pick(TEXT.newest, lang === 'en' ? 'en' : 'zh')}
        {newest.recall ? <span className="recall-tag">{pick(TEXT.recall, lang)}</span> : null}
      </div>
      <div className="newest-number">{newest.callNumber}</div>
      {lang === 'en' ? (
        <div className="newest-counter">
          {TEXT.toCounter.en} <b>{newest.counter}</b>
        </div>
      ) : (
        <div className="newest-counter">
          {TEXT.toCounter.zh} <b>{newest.counter}</b> {TEXT.counterSuffix.zh}
        </div>
      )}
      {lang === 'zh-en' ? (
        <div className="newest-en">{announceCall(newest.callNumber, newest.counter).text.en}</div>
      ) : null}
    </div>
  );
}

function LatestCalls() {
  const count = useDisplay((s) => s.catalog?.display.latestCalls ?? 8);
  const calls = useDisplay((s) => s.board.latestCalls);
  const shown = calls.slice(1, count);
  return (
    <div className="latest">
      <h2>
        <T k="latestCalls" />
      </h2>
      <ol data-testid="latest-calls">
        {shown.map((c) => (
          <li key={`${c.ticketId}-${c.at}-${c.seq ?? ''}`}>
            <span className="latest-number">{c.callNumber}</span>
            <span className="latest-arrow">→</span>
            <span className="latest-counter">
              {c.counter}
              <small>
                <T k="counter" />
              </small>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function WaitingCounts() {
  const categories = useDisplay((s) => s.board.waitingByCategory);
  return (
    <div className="waiting-row" data-testid="waiting">
      <span className="waiting-title">
        <T k="waiting" />
      </span>
      {categories.map((c) => (
        <span className="waiting-chip" key={c.category}>
          <span className="waiting-name">
            <T text={c.name} />
          </span>
          <b>{c.waiting}</b>
        </span>
      ))}
    </div>
  );
}

function Notices() {
  const notices = useDisplay((s) => s.board.notices);
  const lang = useDisplay((s) => s.lang);
  if (notices.length === 0) return <div className="notices" />;
  const text = notices
    .map((n) => (lang === 'en' ? n.en : lang === 'zh-en' ? `${n.zh}  ${n.en}` : n.zh))
    .join('　　◆　　');
  // Duration grows with the text so the speed stays readable.
  const seconds = Math.max(20, text.length * 0.35);
  return (
    <div className="notices" data-testid="notices">
      <div className="notices-track" style={{ animationDuration: `${seconds}s` }}>
        <span>{text}</span>
        <span aria-hidden="true">{text}</span>
      </div>
    </div>
  );
}
