import { join } from 'node:path';
import { compileHallConfig, type Ack, type IssuedTicket, type SyncResult, type Ticket } from '@yizhan/shared';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Devices } from '../src/auth/devices';
import { StaffAccounts } from '../src/auth/staff-accounts';
import { openDb } from '../src/db/open-db';
import { systemClock } from '../src/hall/clock';
import {
  describeError,
  login,
  must,
  provisionCast,
  request,
  SocketPool,
  tapKey,
  type HallSocket,
} from './support/hall-clients';
import { startHallProcess, stopHallProcess, type HallProcess } from './support/hall-process';
import { defaultHallConfig, tempDir } from './support/test-hall-server';

/**
 * A burst of kiosk taps, and the server killed outright (SIGKILL: no clean
 * shutdown, as in a power cut) while half of them are answered. After a
 * restart on the same file, every ticket a kiosk was told about is still
 * there with its numbers, nothing is numbered twice, the event log has no
 * hole, and retrying every tap gives each one exactly one ticket.
 */

const TAPS = 500;
const KILL_AFTER_ACKS = 200;
/**
 * The gateway's flood guard lets one connection send 200 requests at once
 * (then 20 a second); a hall has several kiosks, so the burst comes from five.
 */
const KIOSKS = 5;

const CONFIG = compileHallConfig(defaultHallConfig());
/** Four services with room for a quarter of the burst each under their daily cap. */
const SERVICES = [...CONFIG.config.services]
  .filter((s) => s.dailyCap >= TAPS / 4)
  .sort((a, b) => b.dailyCap - a.dailyCap || a.code.localeCompare(b.code))
  .slice(0, 4)
  .map((s) => s.code);

const processes: HallProcess[] = [];
const pool = new SocketPool();

afterEach(async () => {
  pool.closeAll();
  for (const hall of processes.splice(0)) await stopHallProcess(hall, 'SIGKILL');
});

function snapshotTickets(result: SyncResult): Ticket[] {
  if (result.kind !== 'snapshot' || result.snapshot.kind !== 'staff')
    throw new Error('expected a staff snapshot');
  return result.snapshot.state.tickets;
}

function expectUnique(values: readonly string[], what: string) {
  const seen = new Set<string>();
  const repeated = values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
  expect(repeated, `${what} repeated`).toEqual([]);
}

describe('a burst of tickets and a crash', () => {
  it('keeps every acknowledged ticket, numbers nothing twice, and retries give one ticket per tap', async () => {
    expect(SERVICES).toHaveLength(4);
    const dbPath = join(tempDir(), 'hall.db');
    // Accounts and device keys go into the file before the server ever starts, as `npm run admin` would.
    const setup = openDb(dbPath);
    const cast = await provisionCast(new StaffAccounts(setup, systemClock), new Devices(setup, systemClock), {
      clerks: 0,
      kiosks: KIOSKS,
    });
    setup.close();

    let hall = await startHallProcess(dbPath);
    processes.push(hall);
    const token = await login(hall.url, cast.supervisor);
    let supervisor = await pool.connect(hall.url, { token });
    await must(supervisor, 'day:open', {});

    const taps = Array.from({ length: TAPS }, (_, i) => ({
      serviceCode: SERVICES[i % SERVICES.length]!,
      priority: 'normal' as const,
      channel: 'kiosk' as const,
      idempotencyKey: tapKey(`burst-${i}`),
    }));
    const kiosksOf = (url: string) =>
      Promise.all(cast.kioskKeys.map((deviceKey) => pool.connect(url, { deviceKey })));

    // --- the burst: every tap sent at once, the server killed when KILL_AFTER_ACKS answers are in
    let kiosks: HallSocket[] = await kiosksOf(hall.url);
    const acked = new Map<number, IssuedTicket>();
    const refused: string[] = [];
    let answers = 0;
    const crashed = hall;
    const burst = taps.map((tap, i) =>
      request(kiosks[i % KIOSKS]!, 'ticket:issue', tap).then(
        (ack) => {
          answers++;
          if (ack.ok) acked.set(i, ack.data);
          else refused.push(describeError(ack));
          if (answers === KILL_AFTER_ACKS) crashed.child.kill('SIGKILL');
        },
        () => {}, // unanswered: the connection died with the server
      ),
    );
    await Promise.all(burst);
    expect(await crashed.exited).toMatchObject({ signal: 'SIGKILL' });
    expect(refused).toEqual([]);
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acked.size).toBeLessThan(TAPS);
    pool.closeAll();

    // --- a new server on the same file
    hall = await startHallProcess(dbPath);
    processes.push(hall);
    supervisor = await pool.connect(hall.url, { token });
    const afterCrash = snapshotTickets(await must(supervisor, 'hall:sync', { lastSeq: null }));
    const byId = new Map(afterCrash.map((t) => [t.id, t]));
    for (const ticket of acked.values()) {
      expect(byId.get(ticket.ticketId)).toMatchObject({
        callNumber: ticket.callNumber,
        serviceNumber: ticket.serviceNumber,
        serviceCode: ticket.serviceCode,
      });
    }
    expect(afterCrash.length).toBeGreaterThanOrEqual(acked.size);
    expectUnique(
      afterCrash.map((t) => t.callNumber),
      'call numbers',
    );
    expectUnique(
      afterCrash.map((t) => t.serviceNumber),
      'service numbers',
    );

    // The file itself, read beside the running server.
    const file = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      const seqs = (file.prepare('SELECT seq FROM events ORDER BY seq').all() as { seq: number }[]).map(
        (r) => r.seq,
      );
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      // One day-opened, then one ticket-issued per ticket in the file.
      expect(seqs.length).toBe(1 + afterCrash.length);
      const rows = file.prepare('SELECT id, service_number AS serviceNumber, body FROM tickets').all() as {
        id: string;
        serviceNumber: string;
        body: string;
      }[];
      expect(rows.length).toBe(afterCrash.length);
      expectUnique(
        rows.map((r) => (JSON.parse(r.body) as Ticket).callNumber),
        'call numbers in the file',
      );
      expectUnique(
        rows.map((r) => r.serviceNumber),
        'service numbers in the file',
      );
      const fileById = new Map(rows.map((r) => [r.id, r]));
      for (const ticket of acked.values()) {
        const row = fileById.get(ticket.ticketId);
        expect(row?.serviceNumber).toBe(ticket.serviceNumber);
        expect((JSON.parse(row?.body ?? '{}') as Ticket).callNumber).toBe(ticket.callNumber);
      }
    } finally {
      file.close();
    }

    // --- every tap retried with its own key
    kiosks = await kiosksOf(hall.url);
    const retried = await Promise.all(
      taps.map((tap, i) => request(kiosks[i % KIOSKS]!, 'ticket:issue', tap)),
    );
    const tickets = retried.map((ack: Ack<IssuedTicket>, i) => {
      if (!ack.ok) throw new Error(`tap ${i} retried: ${describeError(ack)}`);
      return ack.data;
    });
    let storedButUnanswered = 0;
    for (const [i, ticket] of tickets.entries()) {
      const before = acked.get(i);
      if (before) {
        expect(ticket).toMatchObject({
          ticketId: before.ticketId,
          callNumber: before.callNumber,
          serviceNumber: before.serviceNumber,
          verificationCode: before.verificationCode,
          replay: true,
        });
      } else if (byId.has(ticket.ticketId)) {
        // Stored before the crash, its answer lost: the retry finds it.
        expect(ticket.replay).toBe(true);
        storedButUnanswered++;
      } else {
        expect(ticket.replay).toBe(false);
      }
    }
    expect(storedButUnanswered).toBe(afterCrash.length - acked.size);
    expectUnique(
      tickets.map((t) => t.ticketId),
      'tickets',
    );
    expectUnique(
      tickets.map((t) => t.callNumber),
      'call numbers',
    );
    expectUnique(
      tickets.map((t) => t.serviceNumber),
      'service numbers',
    );

    const final = snapshotTickets(await must(supervisor, 'hall:sync', { lastSeq: null }));
    expect(final.length).toBe(TAPS);
    for (const service of SERVICES) {
      // Call numbers run 001… per service with none skipped, crash or not.
      const numbers = final
        .filter((t) => t.serviceCode === service)
        .map((t) => t.callNumber)
        .sort();
      const prefix = CONFIG.services.get(service)!.prefix;
      expect(numbers).toEqual(
        Array.from({ length: TAPS / SERVICES.length }, (_, i) => prefix + String(i + 1).padStart(3, '0')),
      );
    }
    pool.closeAll();
    expect(await stopHallProcess(hall)).toEqual({ code: 0, signal: null });
    processes.splice(processes.indexOf(hall), 1);

    const closed = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      const seqs = (closed.prepare('SELECT seq FROM events ORDER BY seq').all() as { seq: number }[]).map(
        (r) => r.seq,
      );
      expect(seqs).toEqual(Array.from({ length: 1 + TAPS }, (_, i) => i + 1));
    } finally {
      closed.close();
    }
  });
});
