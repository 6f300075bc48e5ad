import type { z } from 'zod';
import { formatPath } from './parse-hall-config';

export type ParsedJsonConfig<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * A small JSON config file (each Electron shell has one) checked with its zod
 * schema. Problems read like the hall configuration's: `path: message`.
 */
export function parseJsonConfig<S extends z.ZodType>(schema: S, text: string): ParsedJsonConfig<z.output<S>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not JSON: ${(error as Error).message}`] };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => `${formatPath(i.path) || '(file)'}: ${i.message}`),
  };
}
