import { boardView, overdue, type OverdueItem } from '@yizhan/shared';
import { useMemo } from 'react';
import { logout, send } from '../connection';
import { saveAcknowledged } from '../acknowledgements';
import { formatDuration } from '../format';
import { useLocal, useServerNow, useT } from '../hooks';
import { useCounterStore } from '../store';
import { Banner } from './Banner';
import { LangSwitch } from './LangSwitch';
import { NoticesPanel } from './NoticesPanel';

/** One key per alert, so an acknowledged alert stays acknowledged while it lasts. */
export function alertKey(item: OverdueItem): string {
  if (item.kind === 'forward') return `forward:${item.serviceNumber}`;
  return `${item.kind}:${item.ticketId}:${item.stepIndex}`;
}

/** The whole hall at a glance: every counter, the queues, and what is late right now. */
export function SupervisorView() {
  const t = useT();
  const local = useLocal();
  const hall = useCounterStore((s) => s.hall);
  const config = useCounterStore((s) => s.config);
  const rev = useCounterStore((s) => s.rev);
  const acknowledged = useCounterStore((s) => s.acknowledged);
  const now = useServerNow();
  const board = useMemo(
    () => (hall && config ? boardView(hall, config) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hall, config, rev],
  );
  const alerts = useMemo(
    () => (hall && config ? overdue(hall, config, now) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hall, config, now, rev],
  );
  if (!hall || !config || !board) return null;
  const longest = new Map<string, number>();
  for (const ticket of hall.tickets.values()) {
    if (ticket.status !== 'waiting') continue;
    longest.set(ticket.serviceCode, Math.max(longest.get(ticket.serviceCode) ?? 0, now - ticket.queuedAt));
  }
  const open = alerts.filter((a) => !acknowledged.has(alertKey(a)));
  const acknowledge = (key: string) => {
    useCounterStore.setState((s) => ({ acknowledged: new Set([...s.acknowledged, key]) }));
    saveAcknowledged();
  };
  const alertLabel = (a: OverdueItem) =>
    a.kind === 'wait' ? t('alertWait') : a.kind === 'service' ? t('alertService') : t('alertForward');
  return (
    <div className="live">
      <header className="topbar">
        <div className="topbar-title">{t('liveTitle')}</div>
        <div className="topbar-actions">
          <LangSwitch />
          <button className="btn" onClick={logout}>
            {t('logout')}
          </button>
        </div>
      </header>
      <Banner />
      <div className="live-body">
        <section className="live-counters" data-testid="live-counters">
          {board.counters.map((c) => {
            const state = hall.counters.get(c.number);
            const ticket = state?.current ? hall.tickets.get(state.current) : undefined;
            const since = ticket?.servingSince ?? ticket?.calledAt ?? null;
            return (
              <div
                key={c.number}
                className={`live-counter status-${c.status}`}
                data-testid={`live-counter-${c.number}`}
              >
                <div className="live-counter-head">
                  <span className="counter-badge small">{c.number}</span>
                  <span className="live-clerk">{c.clerkName ?? '—'}</span>
                  <span className={`live-status status-${c.status}`}>
                    {c.status === 'open'
                      ? t('statusOpen')
                      : c.status === 'paused'
                        ? t('statusPaused')
                        : t('statusClosed')}
                  </span>
                </div>
                <div className="live-ticket">{c.callNumber ?? ''}</div>
                <div className="live-time">
                  {since !== null ? formatDuration(now - since) : local(c.pauseReason)}
                </div>
                {state?.clerk && !state.current && (
                  <button
                    className="btn btn-small"
                    data-testid={`live-logout-${c.number}`}
                    onClick={() => void send('clerk:logout', { counter: c.number })}
                  >
                    {t('signOutClerk')}
                  </button>
                )}
              </div>
            );
          })}
        </section>
        <aside className="live-side">
          <div className="panel" data-testid="alerts-panel">
            <h2>{t('alerts')}</h2>
            {open.length === 0 && <p className="muted">{t('noAlerts')}</p>}
            {open.map((a) => {
              const key = alertKey(a);
              return (
                <div key={key} className="alert" data-testid={`alert-${key}`}>
                  <div>
                    <strong>{alertLabel(a)}</strong>{' '}
                    {a.kind === 'forward'
                      ? a.serviceNumber
                      : `${a.callNumber}${a.kind === 'service' ? ` · #${a.counter}` : ''}`}
                  </div>
                  <div className="muted">
                    {local(config.services.get(a.serviceCode)?.name)} · +{formatDuration(a.overByMs)}
                  </div>
                  <button className="btn btn-small" data-testid="alert-ack" onClick={() => acknowledge(key)}>
                    {t('acknowledge')}
                  </button>
                </div>
              );
            })}
            <p className="muted small">{t('acksLocal')}</p>
          </div>
          <div className="panel">
            <h2>{t('queues')}</h2>
            <table className="queue-table">
              <tbody>
                {board.waitingByService
                  .filter((q) => q.waiting > 0)
                  .map((q) => (
                    <tr key={q.serviceCode}>
                      <td>{local(q.name)}</td>
                      <td className="num">{q.waiting}</td>
                      <td className="num">{formatDuration(longest.get(q.serviceCode) ?? 0)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          <NoticesPanel />
        </aside>
      </div>
    </div>
  );
}
