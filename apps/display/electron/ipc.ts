import { z } from 'zod';

/** The typed IPC between the display shell's main process and its preload. */
export const IPC = {
  /** renderer → main (invoke): which screen this PC shows. */
  getScreen: 'display:get-screen',
} as const;

export const screenReplySchema = z.strictObject({
  screen: z.union([z.literal('wall'), z.strictObject({ counter: z.number().int().min(1).max(99) })]),
});
export type ScreenReply = z.infer<typeof screenReplySchema>;

/** What the preload puts on `window.yizhanDisplay`. */
export interface DisplayShellBridge {
  screen(): Promise<ScreenReply>;
}
