import { useState } from 'react';
import { send } from '../connection';
import { useLocal, useT } from '../hooks';
import { useCounterStore } from '../store';
import { closeDialog } from './Dialogs';
import { Modal } from './Modal';

export function PauseDialog({ counter }: { counter: number }) {
  const t = useT();
  const local = useLocal();
  const config = useCounterStore((s) => s.config);
  const [reason, setReason] = useState(config?.config.pauseReasons[0]?.code ?? '');
  if (!config) return null;
  const confirm = async () => {
    const result = await send('counter:pause', { counter, reason, note: null });
    if (result.ok) closeDialog();
  };
  return (
    <Modal
      title={t('pauseReason')}
      testId="pause-dialog"
      onCancel={closeDialog}
      onConfirm={() => void confirm()}
    >
      <div className="choice-list">
        {config.config.pauseReasons.map((r) => (
          <label key={r.code} className={`choice ${reason === r.code ? 'chosen' : ''}`}>
            <input type="radio" checked={reason === r.code} onChange={() => setReason(r.code)} />
            {local(r.name)}
          </label>
        ))}
      </div>
    </Modal>
  );
}
