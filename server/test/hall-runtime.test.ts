import { snapshotOf, type HallCommand, type HallSnapshot } from '@yizhan/shared';
import { describe, expect, it } from 'vitest';
import { NewerDatabaseError, openDb } from '../src/db/open-db';
import { Hall } from '../src/hall/hall-runtime';
import { defaultHallConfig, openTestHall, silentLogger } from './support/test-hall-server';

/** Snapshots compared without caring about the order rows came back in. */
function comparable(snapshot: HallSnapshot) {
  const byKey = <T>(items: T[], key: (t: T) => string | number) =>
    [...items].sort((a, b) => String(key(a)).localeCompare(String(key(b))));
  return {
    ...snapshot,
    counters: byKey(snapshot.counters, (c) => c.number),
    tickets: byKey(snapshot.tickets, (t) => t.id),
    cases: byKey(snapshot.cases, (c) => c.serviceNumber),
    idempotency: byKey(snapshot.idempotency, ([k]) => k),
    serviceTimes: byKey(snapshot.serviceTimes, ([k]) => k),
    lastCallNumber: byKey(snapshot.lastCallNumber, ([k]) => k),
    issuedByService: byKey(snapshot.issuedByService, ([k]) => k),
  };
}

function issue(serviceCode: string, key: string, code = '123456'): HallCommand {
  return {
    type: 'ticket:issue',
    serviceCode,
    priority: 'normal',
    greenReason: null,
    channel: 'kiosk',
    idempotencyKey: key,
    verificationCode: code,
  };
}

function must(
  hall: Hall,
  command: HallCommand,
  actor: `staff:${string}` | `device:${string}` | `system:${string}` = 'system:test',
) {
  const result = hall.submit(command, actor);
  if (!result.ok) throw new Error(`${command.type}: ${result.error}`);
  return result.events;
}

function busyDay(hall: Hall) {
  must(hall, { type: 'day:open' });
  for (const counter of [1, 2, 5]) {
    must(
      hall,
      { type: 'clerk:login', counter, clerk: { id: `clerk-${counter}`, name: `办事员${counter}` } },
      `staff:clerk-${counter}`,
    );
    must(hall, { type: 'counter:open', counter }, `staff:clerk-${counter}`);
  }
  const services = hall.config.config.services;
  const joint = services.find((s) => s.route.length === 3)!;
  for (let i = 0; i < 12; i++) must(hall, issue(services[i % 6]!.code, `kiosk-tap-${i}`), 'device:kiosk-1');
  must(hall, issue(joint.code, 'kiosk-tap-joint'), 'device:kiosk-1');
  must(hall, { type: 'ticket:call-next', counter: 1 }, 'staff:clerk-1');
  must(hall, { type: 'ticket:start-serving', counter: 1 }, 'staff:clerk-1');
  must(hall, { type: 'step:complete', counter: 1 }, 'staff:clerk-1');
  must(hall, { type: 'ticket:call-next', counter: 2 }, 'staff:clerk-2');
  must(hall, { type: 'ticket:recall', counter: 2 }, 'staff:clerk-2');
}

describe('the hall runtime on a real SQLite file', () => {
  it('numbers events without gaps and records the actor of each', () => {
    const { hall, db } = openTestHall();
    busyDay(hall);
    const rows = db.prepare('SELECT seq, actor, type FROM events ORDER BY seq').all() as {
      seq: number;
      actor: string;
      type: string;
    }[];
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(hall.seq()).toBe(rows.length);
    expect(rows.find((r) => r.type === 'ticket-issued')?.actor).toBe('device:kiosk-1');
    expect(rows.find((r) => r.type === 'ticket-recalled')?.actor).toBe('staff:clerk-2');
  });

  it('rebuilds the same live state from the projections after a restart', () => {
    const { hall, db, dbPath, clock } = openTestHall();
    busyDay(hall);
    const before = comparable(snapshotOf(hall.state));
    db.close();
    const db2 = openDb(dbPath);
    const restarted = new Hall({ db: db2, clock, config: defaultHallConfig(), logger: silentLogger() });
    expect(comparable(snapshotOf(restarted.state))).toEqual(before);
    expect(restarted.seq()).toBe(hall.seq());
    // And it carries on numbering where it left off.
    const events = must(restarted, issue(hall.config.config.services[0]!.code, 'after-restart'));
    expect(events[0]!.seq).toBe(hall.seq() + 1);
  });

  it('a failed write changes nothing, in the file or in memory, and the hall recovers', () => {
    const { hall, db } = openTestHall();
    busyDay(hall);
    const before = snapshotOf(hall.state);
    const seq = hall.seq();
    const rowsBefore = db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number };
    // A full disk, as SQLite reports it, on the second statement of the transaction.
    db.exec(
      "CREATE TRIGGER disk_full BEFORE INSERT ON tickets BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
    );
    const result = hall.submit(issue(hall.config.config.services[0]!.code, 'while-full'), 'device:kiosk-1');
    expect(result).toEqual({ ok: false, error: 'storage-unavailable' });
    expect(snapshotOf(hall.state)).toEqual(before);
    expect(hall.seq()).toBe(seq);
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: seq });
    expect(db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual(rowsBefore);

    db.exec('DROP TRIGGER disk_full');
    const events = must(hall, issue(hall.config.config.services[0]!.code, 'while-full'), 'device:kiosk-1');
    expect(events[0]!.seq).toBe(seq + 1);
    expect(hall.state.idempotency.get('while-full')).toBeDefined();
  });

  it('refuses a database file from a newer version', () => {
    const { db, dbPath } = openTestHall();
    db.pragma('user_version = 99');
    db.close();
    expect(() => openDb(dbPath)).toThrow(NewerDatabaseError);
    expect(() => openDb(dbPath)).toThrow(/schema version 99, newer than this Yizhan knows/);
  });

  it('opens the file with WAL, synchronous=FULL and foreign keys, readable by its owner only', async () => {
    const { db, dbPath } = openTestHall();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const { statSync } = await import('node:fs');
    expect(statSync(dbPath).mode & 0o077).toBe(0);
  });

  it('answers its hot queries from indexes', () => {
    const { db } = openTestHall();
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(plan('SELECT seq, body FROM events WHERE seq > ? ORDER BY seq LIMIT ?', 1, 10)).toMatch(
      /USING INTEGER PRIMARY KEY/,
    );
    expect(plan('SELECT body FROM cases WHERE service_number = ?', 'x')).toMatch(
      /USING INDEX sqlite_autoindex_cases_1/,
    );
    expect(
      plan("SELECT body FROM cases WHERE department = ? AND state IN ('forwarded', 'in-department')", 'x'),
    ).toMatch(/USING INDEX cases_by_department/);
    expect(plan('SELECT body FROM tickets WHERE date = ?', '2026-11-27')).toMatch(
      /USING INDEX tickets_by_date/,
    );
  });
});

describe('a clock that reports fractions of a millisecond', () => {
  it('still stores every event, at whole milliseconds', () => {
    const { hall, db } = openTestHall();
    const fractional = new Hall({
      db,
      clock: { now: () => hall.now() + 0.625 },
      config: defaultHallConfig(),
      logger: silentLogger(),
    });
    expect(fractional.submit({ type: 'day:open' }, 'system:test').ok).toBe(true);
    const row = db.prepare('SELECT at FROM events').get() as { at: number };
    expect(Number.isInteger(row.at)).toBe(true);
  });
});
