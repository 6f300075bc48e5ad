import type { CounterView } from '@yizhan/shared';
import { formatDuration } from '../format';
import { useLocal, useT } from '../hooks';
import { useCounterStore } from '../store';

/** The waiting lists of the skills this counter serves, in its tier order. */
export function QueuesPanel({ view }: { view: CounterView; now: number }) {
  const t = useT();
  const local = useLocal();
  const config = useCounterStore((s) => s.config);
  return (
    <div className="panel" data-testid="queues-panel">
      <h2>{t('waitingLists')}</h2>
      <table className="queue-table">
        <tbody>
          {view.directWaiting > 0 && (
            <tr className="queue-direct">
              <td>{t('directWaiting')}</td>
              <td className="num">{view.directWaiting}</td>
              <td />
            </tr>
          )}
          {view.queues.map((q) => (
            <tr key={q.skill} data-testid={`queue-${q.skill}`}>
              <td>
                {local(config?.config.skills.find((s) => s.code === q.skill)?.name)}
                {q.tier > 0 ? <span className="tier"> ·{q.tier + 1}</span> : null}
              </td>
              <td className="num">
                {q.waiting} {t('waiting')}
              </td>
              <td className="num">
                {q.waiting > 0 ? `${t('longestWait')} ${formatDuration(q.longestWaitMs)}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
