import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../app/paths';
import { formatConfigProblems, parseHallConfigYaml, type HallConfig } from '@yizhan/shared';

/** The hall's own file, if it made one; else the shipped default. */
export const HALL_CONFIG_CANDIDATES = [
  resolve(REPO_ROOT, 'config/hall.yaml'),
  resolve(REPO_ROOT, 'config/hall.default.yaml'),
];

export type LoadedHallConfig =
  { ok: true; path: string; config: HallConfig } | { ok: false; path: string; message: string };

/**
 * Reads and validates the hall configuration file. `explicitPath` (from
 * `--config` or YIZHAN_CONFIG) wins; otherwise `config/hall.yaml`, then the
 * shipped default. Problems come back as one `path: message` line each.
 */
export function loadHallConfigFile(explicitPath?: string): LoadedHallConfig {
  const path = explicitPath
    ? resolve(explicitPath)
    : (HALL_CONFIG_CANDIDATES.find((p) => existsSync(p)) ?? '');
  if (!path || !existsSync(path)) {
    return { ok: false, path: path || HALL_CONFIG_CANDIDATES[0]!, message: 'configuration file not found' };
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, path, message: `cannot read the file: ${(error as Error).message}` };
  }
  const parsed = parseHallConfigYaml(text);
  return parsed.ok
    ? { ok: true, path, config: parsed.config }
    : { ok: false, path, message: formatConfigProblems(parsed.problems) };
}
