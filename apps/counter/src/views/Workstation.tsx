import { useMemo } from 'react';
import { counterView } from '@yizhan/shared';
import { useServerNow } from '../hooks';
import { useCounterStore } from '../store';
import { ActionBar } from './ActionBar';
import { CounterHeader } from './CounterHeader';
import { CurrentTicketPanel } from './CurrentTicketPanel';
import { Dialogs } from './Dialogs';
import { FiguresPanel } from './FiguresPanel';
import { QueuesPanel } from './QueuesPanel';
import { RatingPad } from './RatingPad';
import { TimelinePanel } from './TimelinePanel';

/** The clerk's screen: the current ticket large, the actions under it, the queues and figures beside. */
export function Workstation({ counter }: { counter: number }) {
  const hall = useCounterStore((s) => s.hall);
  const config = useCounterStore((s) => s.config);
  const rev = useCounterStore((s) => s.rev);
  const now = useServerNow();
  const view = useMemo(
    () => (hall && config ? counterView(hall, config, counter, now) : null),
    // `rev` changes whenever the hall state is folded in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hall, config, counter, now, rev],
  );
  if (!view || !hall || !config) return null;
  const serviceNumber = view.current?.serviceNumber ?? null;
  return (
    <div className="workstation">
      <CounterHeader view={view} />
      <div className="workstation-body">
        <section className="workstation-main">
          <CurrentTicketPanel view={view} />
          <ActionBar view={view} />
          <RatingPad />
        </section>
        <aside className="workstation-side">
          <QueuesPanel view={view} now={now} />
          <TimelinePanel serviceNumber={serviceNumber} />
          <FiguresPanel />
        </aside>
      </div>
      <Dialogs view={view} now={now} />
    </div>
  );
}
