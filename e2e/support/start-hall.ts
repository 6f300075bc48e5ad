import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import type { StaffRole } from '../../server/src/auth/staff-accounts';
import { createServerApp, type RunningServer } from '../../server/src/app/create-server-app';
import { AdjustableClock } from '../../server/src/hall/clock';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Friday 2026-11-27 09:00 in Shanghai: the default hall is open. */
export const FRIDAY_NINE = Date.UTC(2026, 10, 27, 1, 0, 0);

export interface TestHall {
  server: RunningServer;
  url: string;
  clock: AdjustableClock;
  dir: string;
  /** username → password for the accounts made by `addStaff`. */
  passwords: Map<string, string>;
  addStaff(
    username: string,
    role: StaffRole,
    options?: { name?: string; department?: string },
  ): Promise<string>;
  addDevice(kind: 'kiosk' | 'display', name?: string): string;
  /** A staff session token via the real HTTP login. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real hall server in this process, on a random loopback port, with a
 * real SQLite file in a temp dir and the shipped default configuration. The
 * clock starts at Friday 09:00 Shanghai time; the day is open unless asked
 * otherwise. Browser tests load the built apps from it.
 */
export async function startTestHall(
  options: {
    openDay?: boolean;
    dbPath?: string;
    clockStart?: number;
    port?: number;
    configPath?: string;
    /** Public case look-ups allowed per minute per address (600 unless a test needs the limit). */
    trackingPerMinute?: number;
  } = {},
): Promise<TestHall> {
  const dir = mkdtempSync(join(tmpdir(), 'yizhan-e2e-'));
  const clock = new AdjustableClock(options.clockStart ?? FRIDAY_NINE);
  const server = await createServerApp({
    dbPath: options.dbPath ?? join(dir, 'hall.db'),
    configPath: options.configPath ?? join(REPO_ROOT, 'config/hall.default.yaml'),
    configWritePath: join(dir, 'hall.yaml'),
    port: options.port ?? 0,
    host: '127.0.0.1',
    clock,
    logger: pino({ level: 'silent' }),
    autoDay: false,
    demo: false,
    trackingPerMinute: options.trackingPerMinute ?? 600,
  });
  const passwords = new Map<string, string>();
  const hall: TestHall = {
    server,
    url: server.url,
    clock,
    dir,
    passwords,
    async addStaff(username, role, extra = {}) {
      const password = `pw-${username}-secret`;
      const result = await server.context.accounts.add({
        username,
        name: extra.name ?? username,
        role,
        department: extra.department ?? null,
        password,
      });
      if (!result.ok) throw new Error(`cannot add ${username}: ${result.error}`);
      passwords.set(username, password);
      return result.account.id;
    },
    addDevice(kind, name = `${kind} 1`) {
      return server.context.devices.provision({ kind, name }).key;
    },
    async login(username) {
      const response = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: passwords.get(username) }),
      });
      if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    close: () => server.close(),
  };
  if (options.openDay !== false) {
    const result = server.context.hall.submit({ type: 'day:open' }, 'system:test');
    if (!result.ok) throw new Error(`day:open: ${result.error}`);
  }
  return hall;
}
