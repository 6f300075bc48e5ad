import type { CounterView } from '@yizhan/shared';
import { send, logout } from '../connection';
import { useLocal, useT } from '../hooks';
import { useCounterStore } from '../store';
import { LangSwitch } from './LangSwitch';

export function CounterHeader({ view }: { view: CounterView }) {
  const t = useT();
  const local = useLocal();
  const config = useCounterStore((s) => s.config);
  const hall = useCounterStore((s) => s.hall);
  const counter = view.number;
  const pauseReason = hall?.counters.get(counter)?.pauseReason;
  const reasonName = config?.config.pauseReasons.find((r) => r.code === pauseReason)?.name;
  const statusText =
    view.status === 'open'
      ? t('statusOpen')
      : view.status === 'paused'
        ? t('statusPaused')
        : t('statusClosed');
  return (
    <header className="topbar">
      <div className="topbar-title">
        <span className="counter-badge">{counter}</span>
        <span>{local(config?.counters.get(counter)?.config.name)}</span>
        <span className="clerk-name">{view.clerk?.name}</span>
        <span className={`status status-${view.status}`} data-testid="counter-status">
          {statusText}
          {view.status === 'paused' && reasonName ? ` · ${local(reasonName)}` : ''}
        </span>
      </div>
      <div className="topbar-actions">
        {view.status === 'closed' && (
          <button
            className="btn btn-go"
            data-testid="counter-open"
            onClick={() => void send('counter:open', { counter })}
          >
            {t('open')}
          </button>
        )}
        {view.status === 'paused' && (
          <button
            className="btn btn-go"
            data-testid="counter-resume"
            onClick={() => void send('counter:resume', { counter })}
          >
            {t('resume')}
          </button>
        )}
        {view.status !== 'closed' && (
          <button
            className="btn"
            data-testid="counter-close"
            onClick={() => void send('counter:close', { counter })}
          >
            {t('close')}
          </button>
        )}
        <LangSwitch />
        <button
          className="btn"
          onClick={() => {
            void send('clerk:logout', { counter }).then(() => logout());
          }}
        >
          {t('logout')}
        </button>
      </div>
    </header>
  );
}
