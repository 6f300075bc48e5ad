import { z } from 'zod';

/** The typed IPC between the counter shell's main process and its preload. */
export const IPC = {
  /** main → renderer: a key on the caller keypad or rating pad. Payload: HardwarePress. */
  hardwarePress: 'counter:hardware-press',
  /** renderer → main (invoke): this PC's counter. */
  getConfig: 'counter:get-config',
} as const;

export const shellConfigReplySchema = z.strictObject({ counter: z.number().int().min(1).max(99).nullable() });
export type ShellConfigReply = z.infer<typeof shellConfigReplySchema>;
