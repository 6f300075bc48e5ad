import { useDisplay } from '../store';
import { HallClock, StaleBanner, T } from './common';

/** 窗口屏: one counter's number, the ticket it serves, the clerk, and whether it is paused. */
export function CounterScreen({ counter }: { counter: number }) {
  const state = useDisplay((s) => s.board.counters.find((c) => c.number === counter));
  const name = useDisplay((s) => s.board.counters.find((c) => c.number === counter)?.name);
  return (
    <div className={`counter-screen counter-screen-${state?.status ?? 'closed'}`}>
      <StaleBanner />
      <header className="cs-head">
        <div className="cs-number" data-testid="cs-number">
          {counter}
          <small>
            <T k="counter" />
          </small>
        </div>
        <div className="cs-name">{name ? <T text={name} /> : null}</div>
        <HallClock withDate={false} />
      </header>
      <main className="cs-main">
        <div className="cs-label">
          <T k="nowServing" />
        </div>
        <div className={state?.callNumber ? 'cs-call' : 'cs-call cs-call-none'} data-testid="cs-call">
          {state?.callNumber ?? '—'}
        </div>
      </main>
      <footer className="cs-foot">
        <div className="cs-clerk" data-testid="cs-clerk">
          <T k="clerk" />：{state?.clerkName ?? '—'}
        </div>
        <div className="cs-status" data-testid="cs-status">
          {state?.status === 'paused' ? (
            <>
              <T k="paused" />
              {state.pauseReason ? (
                <>
                  ：<T text={state.pauseReason} />
                </>
              ) : null}
            </>
          ) : state?.status === 'open' ? (
            <T k={state.callNumber ? 'serving' : 'open'} />
          ) : (
            <T k="closed" />
          )}
        </div>
      </footer>
    </div>
  );
}
