import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitForHealth } from './hall-clients';
import { DEFAULT_CONFIG_PATH, REPO_ROOT } from './test-hall-server';

/** Friday 2026-11-27 09:00 in Shanghai, as `--clock-start` takes it. */
export const FRIDAY_NINE_ISO = '2026-11-27T09:00:00+08:00';

export interface HallProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it printed (the last 64 KB), for a failing test's message. */
  output(): string;
}

/**
 * The real server as `npm start` runs it, in a child process: on a free port
 * (or the given one, so a restart comes back where clients reconnect), the
 * given database, the default hall, no demo accounts, the day driven by the
 * test, the clock starting at Friday 09:00. Resolves once `/health` answers.
 */
export async function startHallProcess(
  dbPath: string,
  options: { port?: number; healthTimeoutMs?: number } = {},
): Promise<HallProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/src/cli/start.ts',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--db',
      dbPath,
      '--config',
      DEFAULT_CONFIG_PATH,
      '--no-demo',
      '--no-auto-day',
      '--clock-start',
      FRIDAY_NINE_ISO,
    ],
    { cwd: REPO_ROOT, env: { ...process.env, YIZHAN_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-65_536);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const early = exited.then(({ code, signal }) => {
    throw new Error(`the server exited before it was ready (${code ?? signal}):\n${output}`);
  });
  try {
    await Promise.race([waitForHealth(url, options.healthTimeoutMs), early]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  early.catch(() => {}); // exiting later is the test's business
  return { child, url, port, exited, output: () => output };
}

/** Stops the process (SIGTERM: a clean shutdown) unless it has already gone. */
export async function stopHallProcess(hall: HallProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (hall.child.exitCode === null && hall.child.signalCode === null) hall.child.kill(signal);
  return hall.exited;
}
