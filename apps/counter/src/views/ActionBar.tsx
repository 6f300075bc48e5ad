import type { CounterView } from '@yizhan/shared';
import { runAction } from '../actions';
import { SHORTCUTS, type CounterAction } from '../counter-actions';
import { useT } from '../hooks';
import type { TextKey } from '../i18n';
import { useCounterStore } from '../store';

const LABEL: Record<CounterAction, TextKey> = {
  'call-next': 'callNext',
  call: 'callSpecific',
  recall: 'recall',
  serve: 'serve',
  'no-show': 'noShow',
  complete: 'complete',
  transfer: 'transfer',
  forward: 'forward',
  reprint: 'reprint',
  pause: 'pause',
};

/** Every action with its shortcut on the button; what is not possible now is greyed out. */
export function ActionBar({ view }: { view: CounterView }) {
  const t = useT();
  const autoCall = useCounterStore((s) => s.autoCall);
  const current = view.current;
  const open = view.status === 'open';
  const enabled: Record<CounterAction, boolean> = {
    'call-next': open && !current,
    call: open && !current,
    recall: current?.status === 'called' && current.recallsLeft > 0,
    serve: current?.status === 'called',
    'no-show': current?.status === 'called',
    complete: current?.status === 'serving',
    transfer: current !== null,
    forward: current?.status === 'serving',
    reprint: current !== null,
    pause: view.status !== 'closed' && !current,
  };
  const button = (action: CounterAction, extra?: string) => (
    <button
      key={action}
      className={`btn action action-${action}`}
      disabled={!enabled[action]}
      data-testid={`action-${action}`}
      onClick={() => void runAction(action)}
    >
      <span className="action-label">
        {view.status === 'paused' && action === 'pause' ? t('resume') : t(LABEL[action])}
        {extra}
      </span>
      <kbd>{SHORTCUTS[action]}</kbd>
    </button>
  );
  return (
    <div className="action-bar">
      <div className="action-row">
        {button('call-next')}
        {button('recall', current ? ` (${t('recallsLeft')} ${current.recallsLeft})` : '')}
        {button('serve')}
        {button('no-show')}
        {button('complete')}
      </div>
      <div className="action-row">
        {button('call')}
        {button('transfer')}
        {button('forward')}
        {button('reprint')}
        {button('pause')}
        <label className="auto-call">
          <input
            type="checkbox"
            checked={autoCall}
            data-testid="auto-call"
            onChange={(e) => useCounterStore.setState({ autoCall: e.target.checked })}
          />
          {t('autoCall')}
        </label>
      </div>
    </div>
  );
}
