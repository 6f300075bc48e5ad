import { send } from '../connection';
import { formatDuration } from '../format';
import { useLocal, useT } from '../hooks';
import { useCounterStore } from '../store';
import { closeDialog } from './Dialogs';
import { Modal } from './Modal';

/** Call a particular waiting ticket (a visitor who stepped up, an appointment). */
export function CallDialog({ counter, now }: { counter: number; now: number }) {
  const t = useT();
  const local = useLocal();
  const hall = useCounterStore((s) => s.hall);
  const config = useCounterStore((s) => s.config);
  useCounterStore((s) => s.rev);
  const skills = config?.counters.get(counter)?.tierOf;
  if (!hall || !config || !skills) return null;
  const waiting = [...hall.tickets.values()]
    .filter((tk) => tk.status === 'waiting' && (skills.has(tk.skill) || tk.directCounter === counter))
    .sort((a, b) => a.queueSeq - b.queueSeq)
    .slice(0, 40);
  const call = async (ticketId: string) => {
    const result = await send('ticket:call', { counter, ticketId });
    if (result.ok) closeDialog();
  };
  return (
    <Modal title={t('ticketToCall')} testId="call-dialog" onCancel={closeDialog}>
      <div className="call-list">
        {waiting.map((tk) => (
          <button key={tk.id} className="btn call-item" onClick={() => void call(tk.id)}>
            <strong>{tk.callNumber}</strong> {local(config.services.get(tk.serviceCode)?.name)}{' '}
            <span className="muted">{formatDuration(now - tk.queuedAt)}</span>
          </button>
        ))}
      </div>
    </Modal>
  );
}
