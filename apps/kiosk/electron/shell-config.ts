import { parseJsonConfig } from '@yizhan/shared';
import { z } from 'zod';

/**
 * The kiosk PC's JSON config file, checked with zod: where the hall server is,
 * this kiosk's device key (from `npm run admin`), how long the screen waits
 * before going back to the start, and the USB receipt printer if the kiosk has
 * one (a network printer is configured on the server instead).
 */
export const shellConfigSchema = z.strictObject({
  serverUrl: z.url({ protocol: /^https?$/ }),
  deviceKey: z.string().min(16).max(200),
  idleSeconds: z.number().int().min(5).max(600).default(60),
  usbPrinter: z
    .strictObject({
      /** Omit both to use the first USB printer found. */
      vendorId: z.number().int().min(0).max(0xffff).optional(),
      productId: z.number().int().min(0).max(0xffff).optional(),
      paper: z.union([z.literal(58), z.literal(80)]).default(80),
    })
    .nullable()
    .default(null),
  /** Developer tools and a normal window, for setting a kiosk up; never in the hall. */
  development: z.boolean().default(false),
});

export type ShellConfig = z.output<typeof shellConfigSchema>;

export function parseShellConfig(
  text: string,
): { ok: true; config: ShellConfig } | { ok: false; problems: string[] } {
  const parsed = parseJsonConfig(shellConfigSchema, text);
  return parsed.ok ? { ok: true, config: parsed.value } : parsed;
}
