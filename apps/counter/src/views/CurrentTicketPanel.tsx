import type { CounterView } from '@yizhan/shared';
import { formatDuration, limitLevel } from '../format';
import { useLocal, useT } from '../hooks';
import { useCounterStore } from '../store';

/** The ticket at the counter, large: number, service, materials, step, time against the limit. */
export function CurrentTicketPanel({ view }: { view: CounterView }) {
  const t = useT();
  const local = useLocal();
  const config = useCounterStore((s) => s.config);
  const current = view.current;
  if (!current) {
    return (
      <div className="ticket-panel ticket-panel-empty" data-testid="current-ticket">
        <span className="ticket-empty">{t('noTicket')}</span>
      </div>
    );
  }
  const level = limitLevel(current.elapsedMs, current.limitMs);
  const next = current.next;
  const nextText =
    next.kind === 'step'
      ? `${t('nextStep')}: ${local(next.name)}`
      : next.kind === 'forward'
        ? `${t('nextForward')} ${local(config?.config.departments.find((d) => d.code === next.department)?.name)}`
        : t('nextDone');
  return (
    <div className={`ticket-panel level-${level}`} data-testid="current-ticket" data-level={level}>
      <div className="ticket-row">
        <span className="ticket-number" data-testid="current-call-number">
          {current.callNumber}
        </span>
        <span className={`ticket-state state-${current.status}`}>
          {current.status === 'serving' ? t('stateServing') : t('stateCalled')}
        </span>
        <div className={`ticket-timer timer-${level}`} data-testid="ticket-timer">
          <span className="timer-elapsed">{formatDuration(current.elapsedMs)}</span>
          <span className="timer-limit">
            {t('limit')} {Math.round(current.limitMs / 60_000)} {t('minutes')}
          </span>
        </div>
      </div>
      <div className="ticket-service">{local(current.serviceName)}</div>
      <div className="ticket-step" data-testid="ticket-step">
        {t('step')} {current.step} {t('of')} {current.stepCount}
        {current.stepName ? ` · ${local(current.stepName)}` : ''}
        <span className="ticket-next">
          {' '}
          → {t('nextGoes')}: {nextText}
        </span>
      </div>
      <div className="ticket-service-number">{current.serviceNumber}</div>
      {current.materials.length > 0 && (
        <div className="ticket-materials">
          <span className="label">{t('materials')}</span>
          <ul>
            {current.materials.map((m, i) => (
              <li key={i}>{local(m)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
