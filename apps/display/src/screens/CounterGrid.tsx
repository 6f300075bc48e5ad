import type { CounterBoard } from '../board-state';
import { useDisplay } from '../store';
import { T } from './common';

/** Every counter with the number it serves; 22 fit in 5×5 on the wall, 3 columns on a phone. */
export function CounterGrid({ compact = false }: { compact?: boolean }) {
  const counters = useDisplay((s) => s.board.counters);
  return (
    <div className={compact ? 'counters counters-compact' : 'counters'} data-testid="counters">
      {counters.map((c) => (
        <div className={`counter-cell counter-${c.status}`} key={c.number} data-counter={c.number}>
          <div className="counter-no">
            {c.number}
            <small>
              <T k="counter" />
            </small>
          </div>
          <CounterNow counter={c} />
        </div>
      ))}
    </div>
  );
}

/** The number being served, or, in its place, why there is none. */
function CounterNow({ counter: c }: { counter: CounterBoard }) {
  if (c.callNumber) {
    return (
      <div className="counter-call" data-testid={`counter-${c.number}-call`}>
        {c.callNumber}
      </div>
    );
  }
  if (c.status === 'paused') {
    return (
      <div className="counter-status" data-testid={`counter-${c.number}-call`}>
        <T k="paused" />
        {c.pauseReason ? (
          <>
            ：<T text={c.pauseReason} />
          </>
        ) : null}
      </div>
    );
  }
  if (c.status === 'closed') {
    return (
      <div className="counter-status" data-testid={`counter-${c.number}-call`}>
        <T k="closed" />
      </div>
    );
  }
  return (
    <div className="counter-call counter-idle" data-testid={`counter-${c.number}-call`}>
      —
    </div>
  );
}
