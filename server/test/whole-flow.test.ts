import {
  compileHallConfig,
  type CommandReceipt,
  type HallEvent,
  type IssuedTicket,
  type RoleEvent,
  type SeqEvent,
} from '@yizhan/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EventCollector,
  jointRoute,
  login,
  must,
  okData,
  provisionCast,
  rawRequest,
  request,
  singleStepServices,
  SocketPool,
  startTestServer,
  tapKey,
  track,
  type HallCast,
  type HallSocket,
  type TestServer,
} from './support/hall-clients';
import { defaultHallConfig } from './support/test-hall-server';

/**
 * A whole day's flow through the real server, over real sockets and HTTP:
 * kiosk, three clerks, a joint-handling case across three counters, a case
 * forwarded to a department, public tracking, and the board — plus every
 * way a role might step outside what it may do.
 */

const CONFIG = compileHallConfig(defaultHallConfig());
const JOINT = jointRoute(CONFIG, 3);
if (!JOINT) throw new Error('the default hall has no 3-step route served by three counters');
const COUNTERS = JOINT.counters;
/** A single-step service that always goes on to a department, served by one of our counters. */
const FORWARD = COUNTERS.map((counter) => ({
  counter,
  serviceCode: singleStepServices(CONFIG, counter, 'forwarded')[0],
})).find((f): f is { counter: number; serviceCode: string } => f.serviceCode !== undefined);
if (!FORWARD) throw new Error('no forwarded single-step service at the chosen counters');
const DEPARTMENT = CONFIG.services.get(FORWARD.serviceCode)!.forwardTo!;
const OTHER_DEPARTMENT = CONFIG.config.departments.find((d) => d.code !== DEPARTMENT)!.code;

interface Hall {
  test: TestServer;
  cast: HallCast;
  pool: SocketPool;
  supervisor: HallSocket;
  clerks: HallSocket[];
  officer: HallSocket;
  otherOfficer: HallSocket;
  kiosk: HallSocket;
  display: HallSocket;
  public: HallSocket;
  seen: {
    public: EventCollector;
    display: EventCollector;
    kiosk: EventCollector;
    supervisor: EventCollector;
    officer: EventCollector;
    otherOfficer: EventCollector;
  };
}

let hall: Hall;
const pool = new SocketPool();
let running: TestServer | null = null;

beforeEach(async () => {
  // Tracking is rate-limited per address (burst 5); these tests look up often from one address.
  const test = await startTestServer({ trackingPerMinute: 60_000 });
  running = test;
  const { context, url } = test.server;
  const cast = await provisionCast(context.accounts, context.devices, {
    clerks: 3,
    departments: [DEPARTMENT, OTHER_DEPARTMENT],
  });
  const staff = async (who: { username: string; password: string }) =>
    pool.connect(url, { token: await login(url, who) });
  const [supervisor, officer, otherOfficer, ...clerks] = await Promise.all([
    staff(cast.supervisor),
    staff(cast.officers[DEPARTMENT]!),
    staff(cast.officers[OTHER_DEPARTMENT]!),
    ...cast.clerks.map(staff),
  ]);
  const kiosk = await pool.connect(url, { deviceKey: cast.kioskKeys[0]! });
  const display = await pool.connect(url, { deviceKey: cast.displayKey });
  const publicSocket = await pool.connect(url);
  hall = {
    test,
    cast,
    pool,
    supervisor: supervisor!,
    clerks,
    officer: officer!,
    otherOfficer: otherOfficer!,
    kiosk,
    display,
    public: publicSocket,
    seen: {
      public: new EventCollector(publicSocket),
      display: new EventCollector(display),
      kiosk: new EventCollector(kiosk),
      supervisor: new EventCollector(supervisor!),
      officer: new EventCollector(officer!),
      otherOfficer: new EventCollector(otherOfficer!),
    },
  };
});

afterEach(async () => {
  pool.closeAll();
  await running?.server.close();
  running = null;
});

/** The supervisor opens the day; each clerk takes one of the chosen counters and opens it. */
async function openHall(): Promise<void> {
  const opened = await must(hall.supervisor, 'day:open', {});
  expect(opened.events.map((e) => e.event.type)).toEqual(['day-opened']);
  for (const [i, clerk] of hall.clerks.entries()) {
    await must(clerk, 'clerk:login', { counter: COUNTERS[i]! });
    await must(clerk, 'counter:open', { counter: COUNTERS[i]! });
  }
}

function issue(serviceCode: string, idempotencyKey = tapKey('kiosk')): Promise<IssuedTicket> {
  return must(hall.kiosk, 'ticket:issue', {
    serviceCode,
    priority: 'normal',
    channel: 'kiosk',
    idempotencyKey,
  });
}

type Call = {
  seq: number;
  type: 'ticket-called' | 'ticket-recalled';
  ticketId: string;
  callNumber: string;
  counter: number;
};

function callsIn(events: readonly SeqEvent<RoleEvent>[]): Call[] {
  const calls: Call[] = [];
  for (const { seq, event } of events) {
    if (event.type === 'ticket-called' || event.type === 'ticket-recalled') {
      calls.push({
        seq,
        type: event.type,
        ticketId: event.ticketId,
        callNumber: event.callNumber,
        counter: event.counter,
      });
    }
  }
  return calls;
}

function typesOf(receipt: CommandReceipt): string[] {
  return receipt.events.map((e) => e.event.type);
}

describe('a day in the hall, end to end', () => {
  it('serves tickets, a joint-handling case and a forwarded case; tracks them; keeps secrets off the board', async () => {
    const { url } = hall.test;
    const clerkAt = (counter: number) => hall.clerks[COUNTERS.indexOf(counter)]!;
    /** Every call and recall as the clerks' acks reported them, in order. */
    const calls: Call[] = [];
    const act = async (
      clerk: HallSocket,
      name:
        'ticket:call-next' | 'ticket:recall' | 'ticket:no-show' | 'ticket:start-serving' | 'step:complete',
      counter: number,
    ) => {
      const receipt = await must(clerk, name, { counter });
      expect(receipt.seq).toBe(receipt.events.at(-1)!.seq);
      calls.push(...callsIn(receipt.events));
      return receipt;
    };
    await openHall();

    // --- the kiosk issues tickets; a retried tap gets the same ticket and no new event
    const tickets: IssuedTicket[] = [];
    for (const counter of COUNTERS) {
      const serviceCode = singleStepServices(CONFIG, counter, 'on-site')[0]!;
      for (let i = 0; i < 2; i++) tickets.push(await issue(serviceCode));
    }
    expect(new Set(tickets.map((t) => t.callNumber)).size).toBe(tickets.length);
    expect(new Set(tickets.map((t) => t.serviceNumber)).size).toBe(tickets.length);
    for (const t of tickets) {
      expect(t.replay).toBe(false);
      expect(t.verificationCode).toMatch(/^\d{6}$/);
      expect(t.serviceNumber).toMatch(/^\d{18}$/);
    }
    const key = tapKey('retried');
    const first = await issue(tickets[0]!.serviceCode, key);
    const seqBefore = hall.test.server.context.hall.seq();
    const retried = await issue(tickets[0]!.serviceCode, key);
    // The same ticket (a replay is not printed again, and its wait estimate is of now).
    const { ticketId, callNumber, serviceCode, serviceNumber, verificationCode, priority, issuedAt } = first;
    expect(retried).toMatchObject({
      ticketId,
      callNumber,
      serviceCode,
      serviceNumber,
      verificationCode,
      priority,
      issuedAt,
      replay: true,
    });
    expect(retried.seq).toBe(seqBefore);
    expect(hall.test.server.context.hall.seq()).toBe(seqBefore);
    tickets.push(first);

    const waiting = await track(url, first.serviceNumber, first.verificationCode);
    expect(waiting.status).toBe(200);
    expect(waiting.body).toMatchObject({ serviceNumber: first.serviceNumber, stage: 'waiting', where: null });
    expect(
      (await track(url, first.serviceNumber, '000000' === first.verificationCode ? '111111' : '000000'))
        .status,
    ).toBe(404);

    // --- three clerks: call, recall, no-show, serve
    const [c1, c2, c3] = COUNTERS as [number, number, number];
    const noShow = await act(clerkAt(c1), 'ticket:call-next', c1);
    await act(clerkAt(c1), 'ticket:recall', c1);
    expect(typesOf(await act(clerkAt(c1), 'ticket:no-show', c1))).toEqual([
      'ticket-no-show',
      'ticket-queued',
    ]);
    const called2 = await act(clerkAt(c2), 'ticket:call-next', c2);
    expect(typesOf(await act(clerkAt(c2), 'ticket:start-serving', c2))).toEqual(['serving-started']);
    expect(typesOf(await act(clerkAt(c2), 'step:complete', c2))).toEqual([
      'step-completed',
      'case-completed',
    ]);
    await act(clerkAt(c3), 'ticket:call-next', c3);
    await act(clerkAt(c3), 'ticket:recall', c3);
    await act(clerkAt(c3), 'ticket:start-serving', c3);
    await act(clerkAt(c3), 'step:complete', c3);
    expect(callsIn(noShow.events)[0]!.counter).toBe(c1);
    expect(callsIn(called2.events)[0]!.counter).toBe(c2);

    // Everyone left is called and served, the no-show too, until no counter has anyone waiting.
    for (let idle = 0; idle < COUNTERS.length;) {
      idle = 0;
      for (const counter of COUNTERS) {
        const next = await request(clerkAt(counter), 'ticket:call-next', { counter });
        if (!next.ok) {
          expect(next.error).toBe('queue-empty');
          idle++;
          continue;
        }
        calls.push(...callsIn(next.data.events));
        await act(clerkAt(counter), 'ticket:start-serving', counter);
        await act(clerkAt(counter), 'step:complete', counter);
      }
    }
    const state = hall.test.server.context.hall.state;
    for (const t of tickets) {
      expect(state.tickets.get(t.ticketId)).toMatchObject({ status: 'ended', endReason: 'completed' });
    }
    const noShowTicket = state.tickets.get(callsIn(noShow.events)[0]!.ticketId)!;
    expect(noShowTicket.noShows).toBe(1);

    // --- a joint-handling case passes through three counters, one step at each
    const joint = await issue(JOINT.serviceCode);
    expect((await track(url, joint.serviceNumber, joint.verificationCode)).body['stage']).toBe('waiting');
    for (const [step, counter] of COUNTERS.entries()) {
      const called = await act(clerkAt(counter), 'ticket:call-next', counter);
      expect(callsIn(called.events)[0]).toMatchObject({ ticketId: joint.ticketId, counter });
      const there = await track(url, joint.serviceNumber, joint.verificationCode);
      expect(there.body).toMatchObject({ stage: 'at-counter', where: { counter } });
      await act(clerkAt(counter), 'ticket:start-serving', counter);
      const done = await act(clerkAt(counter), 'step:complete', counter);
      if (step < COUNTERS.length - 1) {
        expect(done.events.map((e) => e.event)).toMatchObject([
          { type: 'step-completed', stepIndex: step, skill: JOINT.skills[step] },
          {
            type: 'ticket-queued',
            reason: 'next-step',
            stepIndex: step + 1,
            skill: JOINT.skills[step + 1],
            lane: 'transfer',
          },
        ]);
        expect((await track(url, joint.serviceNumber, joint.verificationCode)).body['stage']).toBe('waiting');
      } else {
        expect(typesOf(done)).toEqual(['step-completed', 'case-completed']);
      }
    }
    const jointDone = await track(url, joint.serviceNumber, joint.verificationCode);
    expect(jointDone.body).toMatchObject({ stage: 'completed', result: 'completed', where: null });
    const jointCase = state.cases.get(joint.serviceNumber)!;
    expect(jointCase.steps.map((s) => s.counter)).toEqual(COUNTERS);
    expect(jointCase.ownerCounter).toBe(c1); // 首问负责: the first counter stays the owner
    expect(jointCase.ownerClerk).toBe(hall.cast.clerks[0]!.id);

    // --- a case forwarded to a department, worked there by its officer
    const forwarded = await issue(FORWARD.serviceCode);
    const lookup = () => track(url, forwarded.serviceNumber, forwarded.verificationCode);
    expect((await lookup()).body).toMatchObject({ stage: 'waiting' });
    const fc = FORWARD.counter;
    const fCall = await act(clerkAt(fc), 'ticket:call-next', fc);
    expect(callsIn(fCall.events)[0]!.ticketId).toBe(forwarded.ticketId);
    expect((await lookup()).body).toMatchObject({ stage: 'at-counter', where: { counter: fc } });
    await act(clerkAt(fc), 'ticket:start-serving', fc);
    const sent = await act(clerkAt(fc), 'step:complete', fc);
    expect(sent.events.map((e) => e.event)).toMatchObject([
      { type: 'step-completed' },
      { type: 'case-forwarded', department: DEPARTMENT, serviceNumber: forwarded.serviceNumber },
    ]);
    const atDepartment = (await lookup()).body;
    expect(atDepartment).toMatchObject({
      stage: 'forwarded',
      where: { department: DEPARTMENT },
      result: null,
    });
    expect(atDepartment['dueAt']).toBeGreaterThan(hall.test.clock.now());

    const sn = forwarded.serviceNumber;
    // An officer of another department may neither accept nor complete it.
    expect(await request(hall.otherOfficer, 'case:accept', { serviceNumber: sn })).toMatchObject({
      ok: false,
      error: 'wrong-department',
    });
    await must(hall.officer, 'case:accept', { serviceNumber: sn });
    expect((await lookup()).body).toMatchObject({
      stage: 'in-department',
      where: { department: DEPARTMENT },
    });
    await must(hall.officer, 'case:note-progress', { serviceNumber: sn, note: '材料已审核，待签批' });
    expect(
      await request(hall.otherOfficer, 'case:complete', { serviceNumber: sn, result: 'approved' }),
    ).toMatchObject({ ok: false, error: 'wrong-department' });
    const completed = await must(hall.officer, 'case:complete', { serviceNumber: sn, result: 'approved' });
    expect(completed.events.map((e) => e.event)).toMatchObject([
      { type: 'case-completed', result: 'approved', department: DEPARTMENT },
    ]);
    const finished = (await lookup()).body;
    expect(finished).toMatchObject({ stage: 'completed', result: 'approved', where: null });
    expect((finished['timeline'] as { kind: string }[]).map((e) => e.kind)).toEqual([
      'issued',
      'called',
      'serving',
      'step-completed',
      'forwarded',
      'accepted',
      'progress',
      'completed',
    ]);
    // The public timeline says where, never who or what was noted.
    expect(JSON.stringify(finished)).not.toContain('材料已审核');
    expect(JSON.stringify(finished)).not.toContain(hall.cast.officers[DEPARTMENT]!.id);

    // --- what each connection received
    const lastSeq = hall.test.server.context.hall.seq();
    for (const collector of Object.values(hall.seen)) await collector.waitForSeq(lastSeq);
    for (const collector of Object.values(hall.seen)) {
      // Every committed event reaches every connection exactly once, in order.
      expect(collector.events.map((e) => e.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
    }

    // The board heard every call and recall, in order, with its call number and counter.
    expect(calls.length).toBeGreaterThanOrEqual(tickets.length + 2 + 3 + 1);
    expect(callsIn(hall.seen.public.events)).toEqual(calls);
    expect(callsIn(hall.seen.display.events)).toEqual(calls);

    // Nothing a visitor holds, and no staff id, ever reaches a public connection.
    const secrets = [
      ...[...tickets, joint, forwarded].flatMap((t) => [t.serviceNumber, `"${t.verificationCode}"`]),
      ...[...hall.cast.clerks, ...Object.values(hall.cast.officers)].map((s) => s.id),
      '材料已审核',
    ];
    const publicSync = await must(hall.public, 'hall:sync', { lastSeq: null });
    const catchUp = await must(hall.public, 'hall:sync', { lastSeq: 0 });
    expect(catchUp.kind).toBe('events');
    for (const received of [hall.seen.public, hall.seen.display, hall.seen.kiosk]) {
      const text = JSON.stringify([received.batches, publicSync, catchUp]);
      expect(text).not.toContain('verificationCode');
      expect(text).not.toContain('serviceNumber');
      expect(text).not.toContain('idempotencyKey');
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
    // The check can fail: a staff connection does carry service numbers and clerk ids.
    const staffText = JSON.stringify(hall.seen.supervisor.batches);
    expect(staffText).toContain(forwarded.serviceNumber);
    expect(staffText).toContain(hall.cast.clerks[0]!.id);
    // An officer sees its own department's case events in full and the rest as the public does.
    const own = hall.seen.officer.ofType(
      'case-forwarded',
      'case-accepted',
      'case-progress-noted',
      'case-completed',
    );
    expect(own.filter((e) => 'serviceNumber' in e.event && e.event.serviceNumber === sn)).toHaveLength(4);
    const others = hall.seen.otherOfficer.ofType('case-forwarded', 'case-accepted', 'case-progress-noted');
    expect(others).toHaveLength(3);
    expect(JSON.stringify(others)).not.toContain(sn);

    // Staff see everything but the visitor's secrets.
    const issued = hall.seen.supervisor
      .ofType('ticket-issued')
      .map((e) => e.event as Extract<HallEvent, { type: 'ticket-issued' }>);
    expect(issued.length).toBe(tickets.length + 2);
    for (const event of issued) {
      expect(event.verificationCode).toBe('');
      expect(event.idempotencyKey).toBe('');
      expect(event.serviceNumber).toMatch(/^\d{18}$/);
    }
    const staffSync = await must(hall.supervisor, 'hall:sync', { lastSeq: null });
    if (staffSync.kind !== 'snapshot' || staffSync.snapshot.kind !== 'staff')
      throw new Error('expected a staff snapshot');
    expect(staffSync.snapshot.state.cases.length).toBe(tickets.length + 2);
    for (const kase of staffSync.snapshot.state.cases) expect(kase.verificationCode).toBe('');
    expect(staffSync.snapshot.state.idempotency).toEqual([]);
  });

  it('refuses every request outside a role, before anything happens', async () => {
    const { url, server } = hall.test;
    await openHall();
    const [c1, c2] = COUNTERS as [number, number];
    const ticket = await issue(singleStepServices(CONFIG, c1, 'on-site')[0]!);
    const seq = server.context.hall.seq();

    const refusals: [HallSocket, string, unknown, string][] = [
      [hall.kiosk, 'ticket:call-next', { counter: c1 }, 'forbidden'],
      [hall.kiosk, 'day:close', {}, 'forbidden'],
      [
        hall.display,
        'ticket:issue',
        { serviceCode: ticket.serviceCode, priority: 'normal', channel: 'kiosk', idempotencyKey: tapKey() },
        'forbidden',
      ],
      [hall.display, 'ticket:cancel', { ticketId: ticket.ticketId }, 'forbidden'],
      [
        hall.public,
        'ticket:issue',
        { serviceCode: ticket.serviceCode, priority: 'normal', channel: 'kiosk', idempotencyKey: tapKey() },
        'unauthenticated',
      ],
      [hall.public, 'ticket:call-next', { counter: c1 }, 'unauthenticated'],
      [hall.public, 'day:open', {}, 'unauthenticated'],
      // A clerk acts only at the counter they are logged in to.
      [hall.clerks[0]!, 'ticket:call-next', { counter: c2 }, 'forbidden'],
      [hall.clerks[0]!, 'counter:close', { counter: c2 }, 'forbidden'],
      [hall.clerks[0]!, 'day:close', {}, 'forbidden'],
      [
        hall.clerks[0]!,
        'ticket:issue',
        { serviceCode: ticket.serviceCode, priority: 'normal', channel: 'kiosk', idempotencyKey: tapKey() },
        'forbidden',
      ],
      [hall.clerks[0]!, 'case:accept', { serviceNumber: ticket.serviceNumber }, 'forbidden'],
      // Officers work their department's cases, never the counters.
      [hall.officer, 'ticket:call-next', { counter: c1 }, 'forbidden'],
      [hall.officer, 'clerk:login', { counter: 22 }, 'forbidden'],
      [
        hall.officer,
        'ticket:issue',
        { serviceCode: ticket.serviceCode, priority: 'normal', channel: 'kiosk', idempotencyKey: tapKey() },
        'forbidden',
      ],
      // A supervisor runs the hall but never calls.
      [hall.supervisor, 'ticket:call-next', { counter: c1 }, 'forbidden'],
    ];
    for (const [socket, name, payload, error] of refusals) {
      const ack = await rawRequest(socket, name, payload);
      expect({ name, ack }).toMatchObject({ name, ack: { ok: false, error } });
    }
    // An officer's case that was never forwarded is the engine's to refuse.
    expect(await request(hall.officer, 'case:accept', { serviceNumber: ticket.serviceNumber })).toMatchObject(
      {
        ok: false,
        error: 'case-not-forwarded',
      },
    );
    expect(server.context.hall.seq()).toBe(seq);

    // Reads are open to everyone, and a kiosk can look up its own ticket.
    expect((await request(hall.kiosk, 'hall:sync', { lastSeq: seq })).ok).toBe(true);
    expect(
      await request(hall.public, 'case:lookup', {
        serviceNumber: ticket.serviceNumber,
        verificationCode: ticket.verificationCode,
      }),
    ).toMatchObject({ ok: true, data: { stage: 'waiting' } });

    // Handshakes with a made-up token or device key are refused outright.
    await expect(hall.pool.connect(url, { token: 'not-a-session-token' })).rejects.toThrow('unauthenticated');
    await expect(hall.pool.connect(url, { deviceKey: 'yzk_not-a-provisioned-key' })).rejects.toThrow(
      'unauthenticated',
    );
  });

  it('answers malformed payloads with their paths, and unknown requests by name', async () => {
    await openHall();
    const [c1] = COUNTERS as [number];
    const clerk = hall.clerks[0]!;
    const cases: [HallSocket, string, unknown, string[]][] = [
      [clerk, 'ticket:call-next', { counter: 'one' }, ['counter']],
      [clerk, 'ticket:call-next', {}, ['counter']],
      [clerk, 'ticket:call-next', { counter: c1, extra: true }, ['']],
      [clerk, 'ticket:call-next', 'counter 1', ['']],
      [clerk, 'case:forward', { counter: c1, department: '', note: 7 }, ['department', 'note']],
      [
        hall.kiosk,
        'ticket:issue',
        { serviceCode: 'x', priority: 'vip', channel: 'kiosk', idempotencyKey: 'short' },
        ['priority', 'idempotencyKey'],
      ],
      [hall.officer, 'case:complete', { serviceNumber: '1', result: 'maybe' }, ['result']],
      [hall.public, 'hall:sync', { lastSeq: -1 }, ['lastSeq']],
      // Validated before the role: the public is told what is wrong with the message first.
      [hall.public, 'ticket:issue', {}, ['serviceCode', 'priority', 'channel', 'idempotencyKey']],
    ];
    for (const [socket, name, payload, paths] of cases) {
      const ack = await rawRequest(socket, name, payload);
      expect(ack.ok).toBe(false);
      if (ack.ok) continue;
      expect({ name, payload, error: ack.error }).toEqual({ name, payload, error: 'invalid-payload' });
      expect(ack.issues?.map((i) => i.path).sort()).toEqual([...paths].sort());
      for (const issue of ack.issues ?? []) expect(issue.message.length).toBeGreaterThan(0);
    }

    for (const socket of [clerk, hall.public, hall.kiosk]) {
      const ack = await rawRequest(socket, 'ticket:teleport', { counter: c1 });
      expect(ack).toMatchObject({ ok: false, error: 'unknown-request' });
    }
    expect(okData(await request(hall.public, 'hall:sync', { lastSeq: null })).kind).toBe('snapshot');
  });
});
