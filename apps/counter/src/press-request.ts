import type { ClientPayloadInput } from '@yizhan/shared';
import type { CounterAction, HardwarePress } from './counter-actions';

/** The request a press sends straight away, or the dialog it opens (the clerk chooses first). */
export type PressOutcome =
  | { kind: 'request'; name: 'ticket:call-next'; payload: ClientPayloadInput<'ticket:call-next'> }
  | { kind: 'request'; name: 'ticket:recall'; payload: ClientPayloadInput<'ticket:recall'> }
  | { kind: 'request'; name: 'ticket:start-serving'; payload: ClientPayloadInput<'ticket:start-serving'> }
  | { kind: 'request'; name: 'ticket:no-show'; payload: ClientPayloadInput<'ticket:no-show'> }
  | { kind: 'request'; name: 'step:complete'; payload: ClientPayloadInput<'step:complete'> }
  | { kind: 'request'; name: 'counter:resume'; payload: ClientPayloadInput<'counter:resume'> }
  | { kind: 'request'; name: 'case:rate'; payload: ClientPayloadInput<'case:rate'> }
  | { kind: 'dialog'; dialog: 'call' | 'transfer' | 'forward' | 'pause' }
  | { kind: 'reprint' };

/**
 * What a keypad key, a shortcut or a rating-pad key means at a counter. Pure,
 * so the Electron shell's tests drive the real server with exactly what the
 * renderer would send.
 */
export function pressOutcome(press: HardwarePress, counter: number, paused: boolean): PressOutcome {
  if (press.kind === 'rating')
    return { kind: 'request', name: 'case:rate', payload: { counter, score: press.score } };
  return actionOutcome(press.action, counter, paused);
}

export function actionOutcome(action: CounterAction, counter: number, paused: boolean): PressOutcome {
  switch (action) {
    case 'call-next':
      return { kind: 'request', name: 'ticket:call-next', payload: { counter } };
    case 'recall':
      return { kind: 'request', name: 'ticket:recall', payload: { counter } };
    case 'serve':
      return { kind: 'request', name: 'ticket:start-serving', payload: { counter } };
    case 'no-show':
      return { kind: 'request', name: 'ticket:no-show', payload: { counter } };
    case 'complete':
      return { kind: 'request', name: 'step:complete', payload: { counter } };
    case 'pause':
      return paused
        ? { kind: 'request', name: 'counter:resume', payload: { counter } }
        : { kind: 'dialog', dialog: 'pause' };
    case 'call':
    case 'transfer':
    case 'forward':
      return { kind: 'dialog', dialog: action };
    case 'reprint':
      return { kind: 'reprint' };
  }
}
