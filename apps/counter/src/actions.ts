import type { CounterAction } from './counter-actions';
import { send } from './connection';
import { actionOutcome } from './press-request';
import { useCounterStore } from './store';

const set = useCounterStore.setState;

function currentCounter(): number | null {
  const { counter, user } = useCounterStore.getState();
  return user?.role === 'clerk' ? counter : null;
}

/** One clerk action, from a button, a shortcut, or the caller keypad. */
export async function runAction(action: CounterAction): Promise<void> {
  const counter = currentCounter();
  if (counter === null) return;
  const paused = useCounterStore.getState().hall?.counters.get(counter)?.status === 'paused';
  const outcome = actionOutcome(action, counter, paused);
  switch (outcome.kind) {
    case 'dialog':
      set({ dialog: outcome.dialog });
      return;
    case 'reprint':
      await reprint(counter);
      return;
    case 'request': {
      const loose = send as unknown as (name: string, payload: unknown) => ReturnType<typeof send>;
      const result = await loose(outcome.name, outcome.payload);
      if (outcome.name === 'step:complete' && result.ok && useCounterStore.getState().autoCall)
        await send('ticket:call-next', { counter });
      return;
    }
  }
}

/** The visitor's ticket again, on the hall's printer (the server picks it for a counter). */
async function reprint(counter: number): Promise<void> {
  const ticketId = useCounterStore.getState().hall?.counters.get(counter)?.current;
  if (!ticketId) return;
  const result = await send('ticket:reprint', { ticketId });
  if (!result.ok) return;
  const notice = {
    queued: 'reprintQueued',
    'not-configured': 'reprintNoPrinter',
    'not-printed': 'reprintFailed',
  } as const;
  set({ notice: notice[result.data.print] });
}

export async function rate(score: number): Promise<void> {
  const counter = currentCounter();
  if (counter === null) return;
  const result = await send('case:rate', { counter, score });
  if (!result.ok) return;
  set({ ratingThanks: true });
  setTimeout(() => set({ ratingThanks: false }), 5000);
}
