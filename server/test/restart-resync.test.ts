import {
  compileHallConfig,
  selectNext,
  type HallSnapshot,
  type IssuedTicket,
  type RoleEvent,
  type SeqEvent,
  type SyncResult,
} from '@yizhan/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CATCH_UP_EVENTS } from '../src/gateway/handle-request';
import { AdjustableClock } from '../src/hall/clock';
import {
  connected,
  EventCollector,
  jointRoute,
  login,
  must,
  provisionCast,
  singleStepServices,
  SocketPool,
  startTestServer,
  tapKey,
  type TestServer,
} from './support/hall-clients';
import { defaultHallConfig, FRIDAY_NINE } from './support/test-hall-server';

/**
 * The server stops mid-flow and a new one starts on the same file: staff see
 * the same hall, and a board that was away catches up on exactly what it
 * missed — every call once, no seq skipped.
 */

const CONFIG = compileHallConfig(defaultHallConfig());
const JOINT = jointRoute(CONFIG, 3);
if (!JOINT) throw new Error('the default hall has no 3-step route served by three counters');
const [C1, C2, C3] = JOINT.counters as [number, number, number];
const DEPARTMENT = CONFIG.config.departments[0]!.code;

const pool = new SocketPool();
const servers: TestServer[] = [];

afterEach(async () => {
  pool.closeAll();
  for (const test of servers.splice(0)) await test.server.close();
});

/** Snapshots compared whatever order the rows came back in. */
function comparable(state: HallSnapshot) {
  const sorted = <T>(items: readonly T[], key: (item: T) => string | number) =>
    [...items].sort((a, b) => String(key(a)).localeCompare(String(key(b))));
  return {
    ...state,
    counters: sorted(state.counters, (c) => String(c.number).padStart(3, '0')),
    tickets: sorted(state.tickets, (t) => t.id),
    cases: sorted(state.cases, (c) => c.serviceNumber),
    lastCallNumber: sorted(state.lastCallNumber, ([k]) => k),
    issuedByService: sorted(state.issuedByService, ([k]) => k),
    idempotency: sorted(state.idempotency, ([k]) => k),
    serviceTimes: sorted(state.serviceTimes, ([k]) => k),
  };
}

function staffState(result: SyncResult): { seq: number; state: HallSnapshot } {
  if (result.kind !== 'snapshot' || result.snapshot.kind !== 'staff')
    throw new Error('expected a staff snapshot');
  return { seq: result.snapshot.seq, state: result.snapshot.state };
}

function eventsOf(result: SyncResult): SeqEvent<RoleEvent>[] {
  if (result.kind !== 'events') throw new Error(`expected events, got a ${result.kind}`);
  return result.events;
}

const isCall = (e: SeqEvent<RoleEvent>) =>
  e.event.type === 'ticket-called' || e.event.type === 'ticket-recalled';
const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

describe('restart and resync', () => {
  it('restarts on the same file with the same hall, and boards catch up without gaps or repeats', async () => {
    const clock = new AdjustableClock(FRIDAY_NINE);
    const first = await startTestServer({ clock });
    servers.push(first);
    const cast = await provisionCast(first.server.context.accounts, first.server.context.devices, {
      clerks: 3,
    });
    // Sessions live in the database: the same tokens work after the restart.
    const [supervisorToken, ...clerkTokens] = await Promise.all(
      [cast.supervisor, ...cast.clerks].map((who) => login(first.url, who)),
    );
    const kioskKey = cast.kioskKeys[0]!;

    const connectAll = async (url: string) => ({
      supervisor: await pool.connect(url, { token: supervisorToken! }),
      clerks: await Promise.all(clerkTokens.map((token) => pool.connect(url, { token }))),
      kiosk: await pool.connect(url, { deviceKey: kioskKey }),
    });
    const board = (url: string) => {
      const socket = pool.open(url);
      return { socket, seen: new EventCollector(socket) };
    };

    // --- before the restart
    const boardA = board(first.url);
    await connected(boardA.socket);
    let hall = await connectAll(first.url);
    const issue = (serviceCode: string, idempotencyKey = tapKey('kiosk')) =>
      must(hall.kiosk, 'ticket:issue', { serviceCode, priority: 'normal', channel: 'kiosk', idempotencyKey });
    /** Every call and recall the clerks' acks reported, with its seq. */
    const callsMade: number[] = [];
    const clerk = (counter: number) => hall.clerks[JOINT.counters.indexOf(counter)]!;
    const act = async (
      counter: number,
      name:
        'ticket:call-next' | 'ticket:recall' | 'ticket:start-serving' | 'step:complete' | 'ticket:no-show',
    ) => {
      const receipt = await must(clerk(counter), name, { counter });
      callsMade.push(...receipt.events.filter(isCall).map((e) => e.seq));
      return receipt;
    };
    const callTicket = async (counter: number, ticketId: string) => {
      const receipt = await must(clerk(counter), 'ticket:call', { counter, ticketId });
      callsMade.push(...receipt.events.filter(isCall).map((e) => e.seq));
    };

    await must(hall.supervisor, 'day:open', {});
    for (const counter of JOINT.counters) {
      await must(clerk(counter), 'clerk:login', { counter });
      await must(clerk(counter), 'counter:open', { counter });
    }
    const serviceAt = (counter: number) => singleStepServices(CONFIG, counter, 'on-site')[0]!;
    const joint = await issue(JOINT.serviceCode);
    const singles: IssuedTicket[] = [];
    for (const counter of [C2, C3, C2, C3, C2, C3]) singles.push(await issue(serviceAt(counter)));
    const forwardMe = await issue(serviceAt(C1));
    const keptKey = tapKey('kept');
    const kept = await issue(singles[0]!.serviceCode, keptKey);

    // The joint case finishes its first step and waits for the second.
    await callTicket(C1, joint.ticketId);
    await act(C1, 'ticket:start-serving');
    await act(C1, 'step:complete');
    // Counter 1 sends a case on to a department, then pauses.
    await callTicket(C1, forwardMe.ticketId);
    await act(C1, 'ticket:start-serving');
    await must(clerk(C1), 'case:forward', { counter: C1, department: DEPARTMENT, note: '需处室审批' });
    await must(clerk(C1), 'counter:pause', { counter: C1, reason: 'break' });

    // The board goes away here, at seq N.
    const seqN = first.server.context.hall.seq();
    await boardA.seen.waitForSeq(seqN);
    boardA.socket.disconnect();

    // What it misses: a no-show sent back to the queue; a call and a recall; a case
    // transferred to a named counter; a case being served; a green-channel ticket.
    await callTicket(C2, singles[4]!.ticketId);
    await act(C2, 'ticket:no-show');
    await callTicket(C2, singles[0]!.ticketId);
    await act(C2, 'ticket:recall');
    await callTicket(C3, singles[1]!.ticketId);
    await act(C3, 'ticket:start-serving');
    await must(clerk(C3), 'ticket:transfer', { counter: C3, to: { counter: C2 }, note: '请复核' });
    await callTicket(C3, singles[3]!.ticketId);
    await act(C3, 'ticket:start-serving');
    const green = await must(hall.kiosk, 'ticket:issue', {
      serviceCode: serviceAt(C3),
      priority: 'green',
      greenReason: 'elderly',
      channel: 'kiosk',
      idempotencyKey: tapKey('green'),
    });
    const seqM = first.server.context.hall.seq();
    const before = staffState(await must(hall.supervisor, 'hall:sync', { lastSeq: null }));
    expect(before.seq).toBe(seqM);
    const tickets = new Map(before.state.tickets.map((t) => [t.id, t]));
    expect(tickets.get(joint.ticketId)).toMatchObject({ status: 'waiting', stepIndex: 1, lane: 'transfer' });
    expect(tickets.get(singles[0]!.ticketId)).toMatchObject({ status: 'called', counter: C2, recalls: 1 });
    expect(tickets.get(singles[1]!.ticketId)).toMatchObject({
      status: 'waiting',
      directCounter: C2,
      lane: 'transfer',
    });
    expect(tickets.get(singles[3]!.ticketId)).toMatchObject({ status: 'serving', counter: C3 });
    expect(tickets.get(singles[4]!.ticketId)).toMatchObject({ status: 'waiting', noShows: 1 });
    expect(tickets.get(green.ticketId)).toMatchObject({
      status: 'waiting',
      priority: 'green',
      lane: 'priority',
    });
    expect(before.state.cases.find((c) => c.serviceNumber === forwardMe.serviceNumber)).toMatchObject({
      state: 'forwarded',
      forwarding: { department: DEPARTMENT },
    });
    expect(before.state.counters.find((c) => c.number === C1)).toMatchObject({
      status: 'paused',
      pauseReason: 'break',
    });
    // What every counter would be given next, at one instant, decided on the live state.
    const at = clock.now();
    const picks = (running: TestServer) =>
      [...CONFIG.counters.keys()].map((counter) => {
        const next = selectNext(running.server.context.hall.state, running.config, counter, at);
        return next && { counter, ticketId: next.ticket.id, rule: next.rule, cycle: next.cycle };
      });
    const picksBefore = picks(first);
    expect(picksBefore.find((p) => p?.counter === C2)).toMatchObject({
      ticketId: singles[1]!.ticketId,
      rule: 'direct',
    });

    // --- stop, and start a new server on the same file
    pool.closeAll();
    await first.server.close();
    servers.splice(servers.indexOf(first), 1);
    const second = await startTestServer({ dbPath: first.dbPath, clock });
    servers.push(second);
    expect(second.server.context.hall.seq()).toBe(seqM);
    // The rebuilt hall routes exactly as the one that stopped would have.
    expect(picks(second)).toEqual(picksBefore);
    hall = await connectAll(second.url);

    const after = staffState(await must(hall.supervisor, 'hall:sync', { lastSeq: null }));
    expect(after.seq).toBe(seqM);
    expect(comparable(after.state)).toEqual(comparable(before.state));

    // The board comes back and asks for what it missed after N: exactly N+1…M.
    const boardB = board(second.url);
    await connected(boardB.socket);
    const missed = eventsOf(await must(boardB.socket, 'hall:sync', { lastSeq: seqN }));
    expect(missed.map((e) => e.seq)).toEqual(range(seqN + 1, seqM));
    expect(missed.filter(isCall).map((e) => e.event)).toMatchObject([
      { type: 'ticket-called', ticketId: singles[4]!.ticketId, counter: C2 },
      { type: 'ticket-called', ticketId: singles[0]!.ticketId, counter: C2 },
      { type: 'ticket-recalled', ticketId: singles[0]!.ticketId, counter: C2 },
      { type: 'ticket-called', ticketId: singles[1]!.ticketId, counter: C3 },
      { type: 'ticket-called', ticketId: singles[3]!.ticketId, counter: C3 },
    ]);
    // Nothing more to catch up on once it has everything.
    expect(eventsOf(await must(boardB.socket, 'hall:sync', { lastSeq: seqM }))).toEqual([]);

    // --- after the restart: the hall carries on where it stopped
    const retried = await issue(kept.serviceCode, keptKey);
    expect(retried).toMatchObject({
      ticketId: kept.ticketId,
      serviceNumber: kept.serviceNumber,
      replay: true,
    });
    expect(second.server.context.hall.seq()).toBe(seqM);
    await act(C2, 'ticket:start-serving');
    await act(C2, 'step:complete');
    // Counter 2 gets the case transferred to it by name, then the joint case's next step.
    const directCall = await act(C2, 'ticket:call-next');
    expect(directCall.events.find(isCall)?.event).toMatchObject({
      ticketId: singles[1]!.ticketId,
      counter: C2,
    });
    await act(C2, 'ticket:start-serving');
    await act(C2, 'step:complete');
    const jointCall = await act(C2, 'ticket:call-next');
    expect(jointCall.events.find(isCall)?.event).toMatchObject({ ticketId: joint.ticketId, counter: C2 });
    await must(clerk(C1), 'counter:resume', { counter: C1 });
    await act(C1, 'ticket:call-next');
    await act(C1, 'ticket:start-serving');
    await act(C1, 'step:complete');
    await act(C2, 'ticket:recall');
    await act(C3, 'step:complete');
    await act(C3, 'ticket:call-next');
    await act(C3, 'ticket:no-show');
    await act(C3, 'ticket:call-next');
    const fresh = await issue(singles[0]!.serviceCode);
    expect(fresh.callNumber).not.toBe(singles[0]!.callNumber);
    const final = second.server.context.hall.seq();
    await boardB.seen.waitForSeq(final);

    // Calls after the restart reached the board once each, live.
    const liveCalls = boardB.seen.events.filter(isCall).map((e) => e.seq);
    expect(liveCalls).toEqual(callsMade.filter((seq) => seq > seqM));
    // Over the whole test the board saw every event once — before, caught up, after — and so every call.
    const everything = [...boardA.seen.events, ...missed, ...boardB.seen.events];
    expect(everything.map((e) => e.seq)).toEqual(range(1, final));
    const calls = everything.filter(isCall).map((e) => e.seq);
    expect(new Set(calls).size).toBe(calls.length);
    expect(calls).toEqual(callsMade);
    const logged = second.server.db
      .prepare("SELECT seq FROM events WHERE type IN ('ticket-called', 'ticket-recalled') ORDER BY seq")
      .all() as { seq: number }[];
    expect(calls).toEqual(logged.map((r) => r.seq));

    // --- a client further behind than MAX_CATCH_UP_EVENTS gets a snapshot instead
    // Filler: the idle counter pauses and resumes, as a clerk would, through the gateway.
    // The flood guard allows 200 requests at once and 20 a second, so the hall's clock moves on.
    const filler = MAX_CATCH_UP_EVENTS + 10;
    for (let i = 0; i < filler; i += 2) {
      clock.shift(200);
      await must(clerk(C1), 'counter:pause', { counter: C1, reason: 'break' });
      await must(clerk(C1), 'counter:resume', { counter: C1 });
    }
    const now = second.server.context.hall.seq();
    expect(now - final).toBeGreaterThan(MAX_CATCH_UP_EVENTS);
    const justInReach = eventsOf(
      await must(boardB.socket, 'hall:sync', { lastSeq: now - MAX_CATCH_UP_EVENTS }),
    );
    expect(justInReach.map((e) => e.seq)).toEqual(range(now - MAX_CATCH_UP_EVENTS + 1, now));
    for (const lastSeq of [now - MAX_CATCH_UP_EVENTS - 1, 0, now + 5]) {
      const result = await must(boardB.socket, 'hall:sync', { lastSeq });
      expect(result.kind).toBe('snapshot');
      if (result.kind !== 'snapshot') continue;
      expect(result.snapshot).toMatchObject({ kind: 'public', seq: now });
    }
    const staffBehind = await must(hall.supervisor, 'hall:sync', { lastSeq: final });
    expect(staffBehind.kind).toBe('snapshot');
    expect(staffState(staffBehind).seq).toBe(now);
    await boardB.seen.waitForSeq(now);
    expect(boardB.seen.events.map((e) => e.seq)).toEqual(range(seqM + 1, now));
  });
});
