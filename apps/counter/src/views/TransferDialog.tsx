import { useState } from 'react';
import { send } from '../connection';
import { useLocal, useT } from '../hooks';
import { useCounterStore } from '../store';
import { closeDialog } from './Dialogs';
import { Modal } from './Modal';

/** Pass the case to another kind of work or a named counter, with a note for the next clerk. */
export function TransferDialog({ counter }: { counter: number }) {
  const t = useT();
  const local = useLocal();
  const config = useCounterStore((s) => s.config);
  const [mode, setMode] = useState<'skill' | 'counter'>('skill');
  const [skill, setSkill] = useState(config?.config.skills[0]?.code ?? '');
  const [toCounter, setToCounter] = useState(
    config?.config.counters.find((c) => c.number !== counter)?.number ?? 1,
  );
  const [note, setNote] = useState('');
  if (!config) return null;
  const confirm = async () => {
    const to = mode === 'skill' ? { skill } : { counter: toCounter };
    const result = await send('ticket:transfer', { counter, to, note });
    if (result.ok) closeDialog();
  };
  return (
    <Modal
      title={t('transferTitle')}
      testId="transfer-dialog"
      onCancel={closeDialog}
      onConfirm={() => void confirm()}
      confirmDisabled={note.trim() === ''}
    >
      <div className="segmented">
        <label>
          <input type="radio" checked={mode === 'skill'} onChange={() => setMode('skill')} /> {t('toSkill')}
        </label>
        <label>
          <input type="radio" checked={mode === 'counter'} onChange={() => setMode('counter')} />{' '}
          {t('toCounter')}
        </label>
      </div>
      {mode === 'skill' ? (
        <select value={skill} onChange={(e) => setSkill(e.target.value)} data-testid="transfer-skill">
          {config.config.skills.map((s) => (
            <option key={s.code} value={s.code}>
              {local(s.name)}
            </option>
          ))}
        </select>
      ) : (
        <select
          value={toCounter}
          onChange={(e) => setToCounter(Number(e.target.value))}
          data-testid="transfer-counter"
        >
          {config.config.counters
            .filter((c) => c.number !== counter)
            .map((c) => (
              <option key={c.number} value={c.number}>
                {c.number} · {local(c.name)}
              </option>
            ))}
        </select>
      )}
      <label className="field">
        {t('note')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} data-testid="transfer-note" />
      </label>
    </Modal>
  );
}
