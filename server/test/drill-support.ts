import { snapshotOf, type HallSnapshot, type HallState } from '@yizhan/shared';
import Database from 'better-sqlite3';
import { openDb } from '../src/db/open-db';
import { AdjustableClock } from '../src/hall/clock';
import { Hall } from '../src/hall/hall-runtime';
import { startHallProcess, type HallProcess } from './support/hall-process';
import { defaultHallConfig, FRIDAY_NINE, silentLogger } from './support/test-hall-server';

/** Helpers shared by the fault drills (`drill-*.test.ts`). */

/** Snapshots compared whatever order the rows came back in. */
export function comparable(state: HallState): HallSnapshot {
  const snapshot = snapshotOf(state);
  const sorted = <T>(items: readonly T[], key: (item: T) => string | number) =>
    [...items].sort((a, b) => String(key(a)).localeCompare(String(key(b))));
  return {
    ...snapshot,
    counters: sorted(snapshot.counters, (c) => String(c.number).padStart(3, '0')),
    tickets: sorted(snapshot.tickets, (t) => t.id),
    cases: sorted(snapshot.cases, (c) => c.serviceNumber),
    lastCallNumber: sorted(snapshot.lastCallNumber, ([k]) => k),
    issuedByService: sorted(snapshot.issuedByService, ([k]) => k),
    idempotency: sorted(snapshot.idempotency, ([k]) => k),
    serviceTimes: sorted(snapshot.serviceTimes, ([k]) => k),
  };
}

/** The hall as a fresh server would load it from the file right now (a second connection). */
export function hallFromFile(dbPath: string): HallSnapshot {
  const db = openDb(dbPath);
  try {
    const hall = new Hall({
      db,
      clock: new AdjustableClock(FRIDAY_NINE),
      config: defaultHallConfig(),
      logger: silentLogger(),
    });
    return comparable(hall.state);
  } finally {
    db.close();
  }
}

export interface FileCounts {
  lastSeq: number;
  events: number;
  tickets: number;
  cases: number;
  idempotency: number;
  /** Every seq in the log, in order. */
  seqs: number[];
}

/** What the file holds, read on its own read-only connection. */
export function fileCounts(dbPath: string): FileCounts {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const seqs = (db.prepare('SELECT seq FROM events ORDER BY seq').all() as { seq: number }[]).map(
      (r) => r.seq,
    );
    return {
      lastSeq: seqs.at(-1) ?? 0,
      events: count('events'),
      tickets: count('tickets'),
      cases: count('cases'),
      idempotency: count('idempotency'),
      seqs,
    };
  } finally {
    db.close();
  }
}

/** 1..n with no gap: the event log's seqs. */
export function expectGapFree(seqs: readonly number[]): boolean {
  return seqs.every((seq, i) => seq === i + 1);
}

/** The server as a child process on a fixed port, so a restart after `kill -9` comes back there. */
export function startHallProcessOn(dbPath: string, port: number): Promise<HallProcess> {
  return startHallProcess(dbPath, { port, healthTimeoutMs: 30_000 });
}
