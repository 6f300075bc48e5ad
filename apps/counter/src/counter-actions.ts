import { z } from 'zod';

/**
 * What a clerk can do at the counter, whichever way it is asked for: a
 * button, a keyboard shortcut, the caller keypad, or (ratings) the visitor's
 * rating pad. Shared by the renderer and the Electron main, so the IPC
 * message is checked against the same list.
 */
export const COUNTER_ACTIONS = [
  'call-next',
  'call',
  'recall',
  'serve',
  'no-show',
  'complete',
  'transfer',
  'forward',
  'reprint',
  'pause',
] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];

/** Keyboard shortcuts, shown on each button. Letters, so F5 (reload) and friends stay the browser's. */
export const SHORTCUTS: Record<CounterAction, string> = {
  'call-next': 'N',
  call: 'C',
  recall: 'R',
  serve: 'S',
  'no-show': 'X',
  complete: 'D',
  transfer: 'T',
  forward: 'F',
  reprint: 'P',
  pause: 'B',
};

export const ACTION_BY_KEY: ReadonlyMap<string, CounterAction> = new Map(
  (Object.entries(SHORTCUTS) as [CounterAction, string][]).map(([action, key]) => [
    key.toLowerCase(),
    action,
  ]),
);

/** A hardware press as it crosses from the Electron main to the renderer. */
export const hardwarePressSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('keypad'), action: z.enum(COUNTER_ACTIONS) }),
  z.strictObject({ kind: z.literal('rating'), score: z.number().int().min(1).max(4) }),
]);
export type HardwarePress = z.infer<typeof hardwarePressSchema>;

/** The one object the Electron preload exposes to the renderer (absent in a plain browser). */
export interface CounterShellBridge {
  config(): Promise<{ counter: number | null }>;
  onHardwarePress(listener: (press: unknown) => void): () => void;
}
