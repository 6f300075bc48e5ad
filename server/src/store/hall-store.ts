import type { Statement } from 'better-sqlite3';
import {
  stateFromSnapshot,
  type Case,
  type CounterState,
  type HallEvent,
  type HallSnapshot,
  type HallState,
  type SeqEvent,
  type Ticket,
} from '@yizhan/shared';
import type { Db } from '../db/open-db';

/** What one command's events touched, worked out before they are applied. */
export interface Touched {
  tickets: Set<string>;
  cases: Set<string>;
  counters: Set<number>;
  meta: Set<MetaKey>;
  /** New idempotency keys and the ticket each issued. */
  idempotency: [string, string][];
  everything: boolean;
}

type MetaKey = 'day' | 'sequences' | 'recent-calls' | `service-times:${string}`;

interface Sequences {
  lastCallNumber: [string, number][];
  lastCaseSequence: number;
  nextQueueSeq: number;
  issuedByService: [string, number][];
}

/**
 * The hall's file: the event log (gap-free seq, actor on every event) and the
 * projections the live state is rebuilt from at start-up. All statements are
 * prepared once. Writes happen inside the caller's immediate transaction.
 */
export class HallStore {
  private readonly insertEvent: Statement<[number, number, string, string, string]>;
  private readonly selectLastSeq: Statement<[], { seq: number | null }>;
  private readonly selectEventsAfter: Statement<[number, number], { seq: number; body: string }>;
  private readonly upsertTicket: Statement<[string, string, string, string, string]>;
  private readonly upsertCase: Statement<[string, string, string, string | null, string]>;
  private readonly upsertCounter: Statement<[number, string]>;
  private readonly upsertMeta: Statement<[string, string]>;
  private readonly insertIdempotency: Statement<[string, string, string]>;
  private readonly selectCase: Statement<[string], { body: string }>;
  private readonly selectDepartmentCases: Statement<[string], { body: string }>;
  private seq: number;

  constructor(readonly db: Db) {
    this.insertEvent = db.prepare('INSERT INTO events (seq, at, type, actor, body) VALUES (?, ?, ?, ?, ?)');
    this.selectLastSeq = db.prepare('SELECT max(seq) AS seq FROM events');
    this.selectEventsAfter = db.prepare('SELECT seq, body FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
    this.upsertTicket = db.prepare(
      `INSERT INTO tickets (id, date, status, service_number, body) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, body = excluded.body`,
    );
    this.upsertCase = db.prepare(
      `INSERT INTO cases (service_number, date, state, department, body) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (service_number) DO UPDATE SET state = excluded.state, department = excluded.department, body = excluded.body`,
    );
    this.upsertCounter = db.prepare(
      'INSERT INTO counters (number, body) VALUES (?, ?) ON CONFLICT (number) DO UPDATE SET body = excluded.body',
    );
    this.upsertMeta = db.prepare(
      'INSERT INTO hall_meta (key, body) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET body = excluded.body',
    );
    this.insertIdempotency = db.prepare(
      'INSERT OR IGNORE INTO idempotency (key, ticket_id, date) VALUES (?, ?, ?)',
    );
    this.selectCase = db.prepare('SELECT body FROM cases WHERE service_number = ?');
    this.selectDepartmentCases = db.prepare(
      "SELECT body FROM cases WHERE department = ? AND state IN ('forwarded', 'in-department') ORDER BY service_number",
    );
    this.seq = this.selectLastSeq.get()?.seq ?? 0;
  }

  lastSeq(): number {
    return this.seq;
  }

  /** Appends events with the next seqs. Call inside a transaction; on rollback call `resync()`. */
  appendEvents(events: readonly HallEvent[], actor: string): SeqEvent[] {
    const stored: SeqEvent[] = [];
    let seq = this.seq;
    for (const event of events) {
      seq++;
      const info = this.insertEvent.run(seq, event.at, event.type, actor, JSON.stringify(event));
      if (info.changes !== 1) throw new Error(`event ${seq} was not written`);
      stored.push({ seq, event });
    }
    this.seq = seq;
    return stored;
  }

  /** After a rolled-back transaction, the seq counter goes back to what the file holds. */
  resync(): void {
    this.seq = this.selectLastSeq.get()?.seq ?? 0;
  }

  eventsAfter(seq: number, limit: number): SeqEvent[] {
    return this.selectEventsAfter
      .all(seq, limit)
      .map((row) => ({ seq: row.seq, event: JSON.parse(row.body) as HallEvent }));
  }

  /** Which rows the events will change; read from the state before they are applied. */
  touchedBy(state: HallState, events: readonly HallEvent[]): Touched {
    const touched: Touched = {
      tickets: new Set(),
      cases: new Set(),
      counters: new Set(),
      meta: new Set(),
      idempotency: [],
      everything: false,
    };
    const ticket = (id: string | null) => {
      if (id === null) return;
      touched.tickets.add(id);
      const before = state.tickets.get(id);
      if (before) {
        touched.cases.add(before.serviceNumber);
        if (before.counter !== null) touched.counters.add(before.counter);
      }
    };
    for (const event of events) {
      if ('counter' in event && typeof event.counter === 'number') touched.counters.add(event.counter);
      switch (event.type) {
        case 'day-opened':
        case 'day-closed':
          touched.everything = true;
          break;
        case 'ticket-issued':
          touched.tickets.add(event.ticketId);
          touched.cases.add(event.serviceNumber);
          touched.meta.add('sequences');
          touched.idempotency.push([event.idempotencyKey, event.ticketId]);
          break;
        case 'ticket-called':
        case 'ticket-recalled':
          ticket(event.ticketId);
          touched.meta.add('recent-calls');
          break;
        case 'ticket-queued':
          ticket(event.ticketId);
          touched.meta.add('sequences');
          break;
        case 'step-completed':
          ticket(event.ticketId);
          touched.meta.add(`service-times:${event.skill}`);
          break;
        case 'serving-started':
        case 'ticket-no-show':
        case 'ticket-cancelled':
        case 'ticket-ended':
        case 'ticket-transferred':
          ticket(event.ticketId);
          break;
        case 'case-forwarded':
          ticket(event.ticketId);
          touched.cases.add(event.serviceNumber);
          break;
        case 'case-completed':
          ticket(event.ticketId);
          touched.cases.add(event.serviceNumber);
          break;
        case 'case-accepted':
        case 'case-progress-noted':
        case 'case-rated':
          touched.cases.add(event.serviceNumber);
          break;
        default:
          break;
      }
    }
    return touched;
  }

  /** Writes the touched rows from the (already applied) state. Inside the command's transaction. */
  writeProjections(state: HallState, touched: Touched): void {
    if (touched.everything) {
      for (const [key, ticketId] of state.idempotency)
        this.insertIdempotency.run(key, ticketId, state.day?.date ?? '');
      for (const t of state.tickets.values()) this.writeTicket(t);
      for (const c of state.cases.values()) this.writeCase(c);
      for (const c of state.counters.values()) this.writeCounter(c);
      this.writeMeta(state, 'day');
      this.writeMeta(state, 'sequences');
      this.writeMeta(state, 'recent-calls');
      for (const skill of state.serviceTimes.keys()) this.writeMeta(state, `service-times:${skill}`);
      return;
    }
    for (const id of touched.tickets) {
      const ticket = state.tickets.get(id);
      if (ticket) this.writeTicket(ticket);
    }
    for (const sn of touched.cases) {
      const kase = state.cases.get(sn);
      if (kase) this.writeCase(kase);
    }
    for (const number of touched.counters) {
      const counter = state.counters.get(number);
      if (counter) this.writeCounter(counter);
    }
    for (const key of touched.meta) this.writeMeta(state, key);
    const date = state.day?.date ?? '';
    for (const [key, ticketId] of touched.idempotency) this.insertIdempotency.run(key, ticketId, date);
  }

  /** The live state, rebuilt from projections (not by replaying history). */
  loadState(): HallState {
    const meta = (key: string) => {
      const row = this.db.prepare('SELECT body FROM hall_meta WHERE key = ?').get(key) as
        { body: string } | undefined;
      return row ? JSON.parse(row.body) : undefined;
    };
    const day = (meta('day') as HallState['day'] | undefined) ?? null;
    const sequences = meta('sequences') as Sequences | undefined;
    const date = day?.date ?? '';
    const rows = <T>(sql: string, ...params: unknown[]) =>
      (this.db.prepare(sql).all(...params) as { body: string }[]).map((r) => JSON.parse(r.body) as T);
    const serviceTimes = (
      this.db.prepare("SELECT key, body FROM hall_meta WHERE key LIKE 'service-times:%'").all() as {
        key: string;
        body: string;
      }[]
    ).map(
      (r) => [r.key.slice('service-times:'.length), JSON.parse(r.body) as number[]] as [string, number[]],
    );
    const snapshot: HallSnapshot = {
      day,
      counters: rows<CounterState>('SELECT body FROM counters ORDER BY number'),
      tickets: rows<Ticket>('SELECT body FROM tickets WHERE date = ? ORDER BY rowid', date),
      cases: rows<Case>(
        "SELECT body FROM cases WHERE date = ? OR state NOT IN ('completed', 'ended') ORDER BY rowid",
        date,
      ),
      lastCallNumber: sequences?.lastCallNumber ?? [],
      lastCaseSequence: sequences?.lastCaseSequence ?? 0,
      nextQueueSeq: sequences?.nextQueueSeq ?? 1,
      issuedByService: sequences?.issuedByService ?? [],
      idempotency: (
        this.db.prepare('SELECT key, ticket_id FROM idempotency WHERE date = ? ORDER BY rowid').all(date) as {
          key: string;
          ticket_id: string;
        }[]
      ).map((r) => [r.key, r.ticket_id]),
      recentCalls: (meta('recent-calls') as HallState['recentCalls'] | undefined) ?? [],
      serviceTimes,
    };
    return stateFromSnapshot(snapshot);
  }

  /** A case from the live state's file record, including finished ones from earlier days. */
  findCase(serviceNumber: string): Case | null {
    const row = this.selectCase.get(serviceNumber);
    return row ? (JSON.parse(row.body) as Case) : null;
  }

  departmentCases(department: string): Case[] {
    return this.selectDepartmentCases.all(department).map((r) => JSON.parse(r.body) as Case);
  }

  private writeTicket(t: Ticket): void {
    this.upsertTicket.run(t.id, t.date, t.status, t.serviceNumber, JSON.stringify(t));
  }

  private writeCase(c: Case): void {
    this.upsertCase.run(
      c.serviceNumber,
      c.date,
      c.state,
      c.forwarding?.department ?? null,
      JSON.stringify(c),
    );
  }

  private writeCounter(c: CounterState): void {
    this.upsertCounter.run(c.number, JSON.stringify(c));
  }

  private writeMeta(state: HallState, key: MetaKey): void {
    let body: unknown;
    if (key === 'day') body = state.day;
    else if (key === 'sequences') {
      body = {
        lastCallNumber: [...state.lastCallNumber],
        lastCaseSequence: state.lastCaseSequence,
        nextQueueSeq: state.nextQueueSeq,
        issuedByService: [...state.issuedByService],
      } satisfies Sequences;
    } else if (key === 'recent-calls') body = state.recentCalls;
    else body = state.serviceTimes.get(key.slice('service-times:'.length)) ?? [];
    this.upsertMeta.run(key, JSON.stringify(body));
  }
}
