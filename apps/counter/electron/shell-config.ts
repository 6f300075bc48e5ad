import { parseJsonConfig } from '@yizhan/shared';
import { z } from 'zod';
import { COUNTER_ACTIONS } from '../src/counter-actions';

/**
 * The counter PC's JSON config file (validated with zod): where the hall
 * server is, which counter this PC is, and the two HID devices with their
 * key maps. Key maps go from the HID keyboard usage code (decimal or "0x1e")
 * to what the key means, so any off-the-shelf keypad can be mapped.
 */
const usage = z
  .union([z.number().int(), z.string().regex(/^(0x[0-9a-fA-F]{1,2}|\d{1,3})$/)])
  .transform((v) => (typeof v === 'number' ? v : Number(v)))
  .pipe(z.number().int().min(4).max(0xe7));

const usageMap = <T extends z.ZodType>(value: T) =>
  z.record(z.string(), value).transform((record, ctx) => {
    const map = new Map<number, z.output<T>>();
    for (const [key, action] of Object.entries(record)) {
      const parsed = usage.safeParse(key);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `not a HID usage code: ${key}`, path: [key] });
        return z.NEVER;
      }
      map.set(parsed.data, action);
    }
    return map;
  });

const hidDevice = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    /** Set when the device prefixes each input report with a report id byte. */
    reportId: z.boolean().default(false),
    keys: usageMap(value),
  });

export const shellConfigSchema = z.strictObject({
  serverUrl: z.url({ protocol: /^https?$/ }),
  counter: z.number().int().min(1).max(99).nullable().default(null),
  keypad: hidDevice(z.enum(COUNTER_ACTIONS)).nullable().default(null),
  ratingPad: hidDevice(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]))
    .nullable()
    .default(null),
  /** How often to look for (re)plugged devices. */
  pollMs: z.number().int().min(200).max(60_000).default(2000),
});

export type ShellConfig = z.output<typeof shellConfigSchema>;

export function parseShellConfig(
  text: string,
): { ok: true; config: ShellConfig } | { ok: false; problems: string[] } {
  const parsed = parseJsonConfig(shellConfigSchema, text);
  return parsed.ok ? { ok: true, config: parsed.value } : parsed;
}
