import { forwardDueAt, type CounterView } from '@yizhan/shared';
import { useState } from 'react';
import { send } from '../connection';
import { formatDate } from '../format';
import { useLocal, useT } from '../hooks';
import { useCounterStore } from '../store';
import { closeDialog } from './Dialogs';
import { Modal } from './Modal';

/** Forward the case to a department; the due date on the hall's working-day calendar is shown first. */
export function ForwardDialog({ view, now }: { view: CounterView; now: number }) {
  const t = useT();
  const local = useLocal();
  const lang = useCounterStore((s) => s.lang);
  const config = useCounterStore((s) => s.config);
  const current = view.current;
  const service = current ? config?.services.get(current.serviceCode) : undefined;
  const [department, setDepartment] = useState(
    service?.forwardTo ?? config?.config.departments[0]?.code ?? '',
  );
  const [note, setNote] = useState('');
  if (!config || !current) return null;
  const days = service?.promisedWorkingDays ?? 5;
  const due = forwardDueAt(config.config, now, days);
  const confirm = async () => {
    const result = await send('case:forward', {
      counter: view.number,
      department,
      note: note.trim() === '' ? null : note,
    });
    if (result.ok) closeDialog();
  };
  return (
    <Modal
      title={t('forwardTitle')}
      testId="forward-dialog"
      onCancel={closeDialog}
      onConfirm={() => void confirm()}
    >
      <label className="field">
        {t('department')}
        <select
          value={department}
          onChange={(e) => setDepartment(e.target.value)}
          data-testid="forward-department"
        >
          {config.config.departments.map((d) => (
            <option key={d.code} value={d.code}>
              {local(d.name)}
            </option>
          ))}
        </select>
      </label>
      <p className="due" data-testid="forward-due">
        {t('dueDate')}: <strong>{formatDate(due.dueAt, lang)}</strong> ({days} {t('workingDays')})
      </p>
      <label className="field">
        {t('note')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
    </Modal>
  );
}
