import type { CounterView } from '@yizhan/shared';
import { useCounterStore } from '../store';
import { CallDialog } from './CallDialog';
import { ForwardDialog } from './ForwardDialog';
import { PauseDialog } from './PauseDialog';
import { TransferDialog } from './TransferDialog';

export function Dialogs({ view, now }: { view: CounterView; now: number }) {
  const dialog = useCounterStore((s) => s.dialog);
  switch (dialog) {
    case 'transfer':
      return <TransferDialog counter={view.number} />;
    case 'forward':
      return <ForwardDialog view={view} now={now} />;
    case 'pause':
      return <PauseDialog counter={view.number} />;
    case 'call':
      return <CallDialog counter={view.number} now={now} />;
    default:
      return null;
  }
}

export const closeDialog = () => useCounterStore.setState({ dialog: null });
