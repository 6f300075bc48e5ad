import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AnnouncementLog } from '../apps/display/src/announcer';
import { REPO_ROOT, type TestHall } from './support/start-hall';

declare global {
  interface Window {
    /** The wall display's test hook: every announcement started and finished (apps/display/src/feed.ts). */
    __yizhanAnnouncements?: AnnouncementLog[];
  }
}

/** Drives the hall the way clerks and the kiosk would, straight through Hall.submit. */
export function hallDriver(hall: TestHall) {
  const runtime = hall.server.context.hall;
  const submit = (command: Parameters<typeof runtime.submit>[0]) => {
    const result = runtime.submit(command, 'system:test');
    if (!result.ok) throw new Error(`${command.type}: ${result.error}`);
    return result.events;
  };
  return {
    submit,
    services: () => runtime.config.config.services.map((s) => s.code),
    openCounter(counter: number, name = `王${counter}`) {
      submit({ type: 'clerk:login', counter, clerk: { id: `clerk-${counter}`, name } });
      submit({ type: 'counter:open', counter });
    },
    issue(serviceCode: string) {
      const events = submit({
        type: 'ticket:issue',
        serviceCode,
        priority: 'normal',
        greenReason: null,
        channel: 'kiosk',
        idempotencyKey: randomUUID(),
        verificationCode: String(100000 + Math.floor(Math.random() * 899999)),
      });
      const issued = events.find((e) => e.event.type === 'ticket-issued')?.event;
      if (issued?.type !== 'ticket-issued') throw new Error('no ticket issued');
      return issued;
    },
    /** Calls the next ticket at `counter`; the call number, or null when its queues are empty. */
    callNext(counter: number): { seq: number; callNumber: string } | null {
      const result = runtime.submit({ type: 'ticket:call-next', counter }, 'system:test');
      if (!result.ok) return null;
      const call = result.events.find((e) => e.event.type === 'ticket-called');
      return call?.event.type === 'ticket-called'
        ? { seq: call.seq, callNumber: call.event.callNumber }
        : null;
    },
  };
}

export interface LoggedAnnouncement {
  seq: number;
  callNumber: string;
  counter: number;
  recall: boolean;
  round: number;
  state: 'started' | 'finished' | 'muted';
}

/** Follows the wall's announcement hook through the console, so it survives reloads. */
export function followAnnouncements(page: Page): LoggedAnnouncement[] {
  const log: LoggedAnnouncement[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('yizhan-announcement ')) log.push(JSON.parse(text.slice(20)) as LoggedAnnouncement);
  });
  return log;
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The shipped hall configuration with each call said once, so voice tests stay short. */
export function configSayingOnce(dir: string): string {
  const yaml = readFileSync(join(REPO_ROOT, 'config/hall.default.yaml'), 'utf8');
  const changed = yaml.replace(
    /^display:\n {2}voice:\n {4}repeat: \d+$/m,
    'display:\n  voice:\n    repeat: 1',
  );
  if (changed === yaml) throw new Error('config/hall.default.yaml has no display.voice.repeat to change');
  const path = join(dir, 'hall-say-once.yaml');
  writeFileSync(path, changed);
  return path;
}

/** The `started` entries, one per announcement round, as [seq, callNumber, recall]. */
export function startedCalls(log: readonly LoggedAnnouncement[]): [number, string, boolean][] {
  return log.filter((e) => e.state === 'started').map((e) => [e.seq, e.callNumber, e.recall]);
}

/** No two announcements overlapped: every start follows the previous one's finish. */
export function neverOverlapped(log: readonly LoggedAnnouncement[]): boolean {
  let playing = false;
  for (const entry of log) {
    if (entry.state === 'started') {
      if (playing) return false;
      playing = true;
    } else if (entry.state === 'finished') playing = false;
  }
  return true;
}
