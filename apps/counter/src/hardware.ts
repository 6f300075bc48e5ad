import {
  ACTION_BY_KEY,
  hardwarePressSchema,
  type CounterShellBridge,
  type HardwarePress,
} from './counter-actions';
import { rate, runAction } from './actions';
import { useCounterStore } from './store';

declare global {
  interface Window {
    yizhanCounter?: CounterShellBridge;
  }
}

export function handlePress(press: HardwarePress): void {
  if (press.kind === 'rating') void rate(press.score);
  else void runAction(press.action);
}

/**
 * Hardware presses from the Electron main, checked again here (a process
 * boundary), and the keyboard shortcuts. Subscribed once, at start-up.
 */
export function subscribeInputs(): void {
  window.yizhanCounter?.onHardwarePress((raw) => {
    const press = hardwarePressSchema.safeParse(raw);
    if (press.success) handlePress(press.data);
  });
  window.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement | null;
    if (
      target &&
      (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')
    )
      return;
    if (useCounterStore.getState().dialog !== null) {
      if (e.key === 'Escape') useCounterStore.setState({ dialog: null });
      return;
    }
    const action = ACTION_BY_KEY.get(e.key.toLowerCase());
    if (!action) return;
    e.preventDefault();
    void runAction(action);
  });
}

/** The counter this terminal is set up for: ?counter=N, else the Electron config. */
export async function configuredCounter(): Promise<number | null> {
  const fromUrl = Number(new URLSearchParams(location.search).get('counter'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const shell = await window.yizhanCounter?.config();
  return shell?.counter ?? null;
}
