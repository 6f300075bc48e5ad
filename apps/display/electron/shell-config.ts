import { parseJsonConfig } from '@yizhan/shared';
import { z } from 'zod';

/**
 * The wall or counter-top PC's JSON config file: where the hall server is,
 * this display's device key (from `npm run admin -- device add display …`),
 * and which screen it shows.
 */
export const shellConfigSchema = z.strictObject({
  serverUrl: z.url({ protocol: /^https?$/ }),
  deviceKey: z.string().min(16).max(200),
  screen: z
    .union([z.literal('wall'), z.strictObject({ counter: z.number().int().min(1).max(99) })])
    .default('wall'),
  /** zh (default), en, or zh-en for a bilingual wall. */
  lang: z.enum(['zh', 'en', 'zh-en']).default('zh'),
});

export type ShellConfig = z.output<typeof shellConfigSchema>;

export function parseShellConfig(
  text: string,
): { ok: true; config: ShellConfig } | { ok: false; problems: string[] } {
  const parsed = parseJsonConfig(shellConfigSchema, text);
  return parsed.ok ? { ok: true, config: parsed.value } : parsed;
}

/** The page this display loads from the hall server. */
export function displayUrl(config: ShellConfig): string {
  const path = config.screen === 'wall' ? '/display/wall' : `/display/counter/${config.screen.counter}`;
  const url = new URL(path, config.serverUrl);
  url.searchParams.set('key', config.deviceKey);
  if (config.lang !== 'zh') url.searchParams.set('lang', config.lang);
  return url.toString();
}
