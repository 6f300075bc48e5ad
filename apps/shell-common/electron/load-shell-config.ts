import { readFileSync } from 'node:fs';
import type Electron from 'electron';

export type ParsedShellConfig<T> = { ok: true; config: T } | { ok: false; problems: string[] };

/**
 * Reads an Electron shell's JSON config file at start-up. A missing,
 * unreadable or invalid file is a setup mistake: `refuse` gets one message
 * naming the file and every problem (the shells show it on screen and exit),
 * never a raw stack trace.
 */
export function loadShellConfig<T>(options: {
  label: string;
  path: string;
  parse: (text: string) => ParsedShellConfig<T>;
  refuse: (message: string) => never;
  read?: (path: string) => string;
}): T {
  const read = options.read ?? ((path: string) => readFileSync(path, 'utf8'));
  let parsed: ParsedShellConfig<T>;
  try {
    parsed = options.parse(read(options.path));
  } catch (error) {
    parsed = { ok: false, problems: [`cannot read the file: ${(error as Error).message}`] };
  }
  if (parsed.ok) return parsed.config;
  return options.refuse(`${options.label} config ${options.path}:\n${parsed.problems.join('\n')}`);
}

/**
 * The shells' `refuse`: the screen is all a kiosk or wall has, so the problem
 * is shown there (in both languages) as well as logged, and the app exits.
 */
export function refuseOnScreen(electron: {
  dialog: Pick<Electron.Dialog, 'showErrorBox'>;
  app: Pick<Electron.App, 'exit'>;
}): (message: string) => never {
  return (message) => {
    console.error(message);
    electron.dialog.showErrorBox('一站 Yizhan — 配置文件有误 / configuration problem', message);
    electron.app.exit(1);
    process.exit(1);
  };
}
