import {
  CLIENT_REQUEST_NAMES,
  clientPayloadSchemas,
  departmentOfEvent,
  makeServiceNumber,
  type ClientRequestName,
  type IssuedTicket,
  type SyncResult,
} from '@yizhan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLERK_SCOPE, REQUEST_ROLES } from '../src/auth/permissions';
import {
  countersFor,
  EventCollector,
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
  type HallSocket,
  type TestServer,
} from './support/hall-clients';

/**
 * Role escapes, exhaustive over request names: a kiosk key, a display and
 * the public sending what they may not; a clerk acting at another counter; a
 * department officer reaching another department's case; the public
 * enumerating service numbers through tracking.
 */

let test: TestServer;
const pool = new SocketPool();
let s: Record<
  'kiosk' | 'display' | 'public' | 'clerk1' | 'clerk2' | 'supervisor' | 'officer1' | 'officer2',
  HallSocket
>;
let c1: number;
let c2: number;
let d1: string;
let d2: string;
let caseOf: { d1: IssuedTicket; d2: IssuedTicket };
let atC2: IssuedTicket;
let waiting: IssuedTicket;
let seen: { officer1: EventCollector; public: EventCollector };

/** A valid payload for every request, aimed at `counter` (so any refusal is about who sends it, and where). */
function payloadFor(name: ClientRequestName, counter: number): Record<string, unknown> {
  const ticketId = waiting.ticketId;
  const serviceNumber = caseOf.d2.serviceNumber;
  const payloads: Record<ClientRequestName, Record<string, unknown>> = {
    'hall:sync': { lastSeq: null },
    'day:open': {},
    'day:close': {},
    'clerk:login': { counter },
    'clerk:logout': { counter },
    'counter:open': { counter },
    'counter:pause': { counter, reason: test.config.config.pauseReasons?.[0]?.code ?? 'lunch', note: null },
    'counter:resume': { counter },
    'counter:close': { counter },
    'ticket:issue': {
      serviceCode: waiting.serviceCode,
      priority: 'normal',
      channel: 'kiosk',
      idempotencyKey: tapKey('escape'),
    },
    'ticket:reprint': { ticketId },
    'ticket:call-next': { counter },
    'ticket:call': { counter, ticketId },
    'ticket:recall': { counter },
    'ticket:start-serving': { counter },
    'ticket:no-show': { counter },
    'ticket:cancel': { ticketId },
    'step:complete': { counter },
    'ticket:transfer': { counter, to: { counter: c1 === counter ? c2 : c1 }, note: 'escape' },
    'case:forward': { counter, department: d1, note: null },
    'case:rate': { counter, score: 4 },
    'case:accept': { serviceNumber },
    'case:note-progress': { serviceNumber, note: 'escape' },
    'case:complete': { serviceNumber, result: 'approved', note: null },
    'case:lookup': { serviceNumber, verificationCode: caseOf.d2.verificationCode },
  };
  const payload = payloads[name];
  expect({ name, valid: clientPayloadSchemas[name].safeParse(payload).success }).toEqual({
    name,
    valid: true,
  });
  return payload;
}

beforeAll(async () => {
  test = await startTestServer({ trackingPerMinute: 60_000 });
  const { context, url } = test.server;
  const config = test.config;
  [d1, d2] = config.config.departments.map((d) => d.code) as [string, string];
  const cast = await provisionCast(context.accounts, context.devices, { clerks: 2, departments: [d1, d2] });
  // Two counters that serve the same on-site service.
  const pair = config.config.services
    .filter((svc) => svc.route.length === 1 && svc.forwardTo === undefined)
    .map((svc) => ({ svc, counters: countersFor(config, svc.route[0]!.skill) }))
    .find((p) => p.counters.length >= 2)!;
  [c1, c2] = pair.counters as [number, number];
  const serviceCode = pair.svc.code;
  expect(singleStepServices(config, c1, 'on-site')).toContain(serviceCode);
  const staff = async (who: { username: string; password: string }) =>
    pool.connect(url, { token: await login(url, who) });
  const [supervisor, clerk1, clerk2, officer1, officer2] = await Promise.all([
    staff(cast.supervisor),
    staff(cast.clerks[0]!),
    staff(cast.clerks[1]!),
    staff(cast.officers[d1]!),
    staff(cast.officers[d2]!),
  ]);
  s = {
    kiosk: await pool.connect(url, { deviceKey: cast.kioskKeys[0]! }),
    display: await pool.connect(url, { deviceKey: cast.displayKey }),
    public: await pool.connect(url),
    clerk1: clerk1!,
    clerk2: clerk2!,
    supervisor: supervisor!,
    officer1: officer1!,
    officer2: officer2!,
  };
  seen = { officer1: new EventCollector(s.officer1), public: new EventCollector(s.public) };

  await must(s.supervisor, 'day:open', {});
  for (const [clerk, counter] of [
    [s.clerk1, c1],
    [s.clerk2, c2],
  ] as const) {
    await must(clerk, 'clerk:login', { counter });
    await must(clerk, 'counter:open', { counter });
  }
  const issue = () =>
    must(s.kiosk, 'ticket:issue', {
      serviceCode,
      priority: 'normal',
      channel: 'kiosk',
      idempotencyKey: tapKey(),
    });
  const tickets: IssuedTicket[] = [];
  for (let i = 0; i < 5; i++) tickets.push(await issue());
  // Clerk 1 sends one case to each department; clerk 2 has one called; clerk 1 one called; one waits.
  for (const department of [d1, d2]) {
    await must(s.clerk1, 'ticket:call-next', { counter: c1 });
    await must(s.clerk1, 'ticket:start-serving', { counter: c1 });
    await must(s.clerk1, 'case:forward', { counter: c1, department, note: null });
  }
  await must(s.clerk2, 'ticket:call-next', { counter: c2 });
  await must(s.clerk1, 'ticket:call-next', { counter: c1 });
  caseOf = { d1: tickets[0]!, d2: tickets[1]! };
  atC2 = tickets[2]!;
  waiting = tickets[4]!;
  await must(s.officer1, 'case:accept', { serviceNumber: caseOf.d1.serviceNumber });
  await must(s.officer2, 'case:accept', { serviceNumber: caseOf.d2.serviceNumber });
  await must(s.officer2, 'case:note-progress', { serviceNumber: caseOf.d2.serviceNumber, note: '材料已审' });
  await seen.public.waitForSeq(context.hall.seq());
  await seen.officer1.waitForSeq(context.hall.seq());
}, 30_000);

afterAll(async () => {
  pool.closeAll();
  await test?.server.close();
});

/** Sends every request and expects each refused with `error`, the hall untouched. */
async function expectAllRefused(socket: HallSocket, names: ClientRequestName[], error: string, counter = c1) {
  expect(names.length).toBeGreaterThan(0);
  const seq = test.server.context.hall.seq();
  const answers = [];
  for (const name of names)
    answers.push({ name, ack: await rawRequest(socket, name, payloadFor(name, counter)) });
  expect(answers).toEqual(
    names.map((name) => ({ name, ack: expect.objectContaining({ ok: false, error }) })),
  );
  expect(test.server.context.hall.seq()).toBe(seq);
}

describe('role escapes, every request name', () => {
  it('a kiosk key: every request but reads, issuing and reprinting is forbidden (calling numbers included)', async () => {
    const names = CLIENT_REQUEST_NAMES.filter((n) => !REQUEST_ROLES[n].includes('kiosk'));
    expect(names).toEqual(
      expect.arrayContaining(['ticket:call-next', 'ticket:call', 'ticket:recall', 'day:open']),
    );
    await expectAllRefused(s.kiosk, names, 'forbidden');
  });

  it('a display: every command is forbidden; only reads are answered', async () => {
    const names = CLIENT_REQUEST_NAMES.filter((n) => n !== 'hall:sync' && n !== 'case:lookup');
    expect(names.filter((n) => REQUEST_ROLES[n].includes('display'))).toEqual([]);
    await expectAllRefused(s.display, names, 'forbidden');
    expect(await request(s.display, 'hall:sync', { lastSeq: null })).toMatchObject({
      ok: true,
      data: { kind: 'snapshot', snapshot: { kind: 'public' } },
    });
  });

  it('the public: every command needs a login', async () => {
    const names = CLIENT_REQUEST_NAMES.filter((n) => !REQUEST_ROLES[n].includes('public'));
    expect(names.length).toBe(CLIENT_REQUEST_NAMES.length - 2);
    await expectAllRefused(s.public, names, 'unauthenticated');
  });

  it('a clerk at another counter: every counter-bound request is forbidden', async () => {
    const ownCounter = CLIENT_REQUEST_NAMES.filter((n) => CLERK_SCOPE[n] === 'own-counter');
    // Every request that names a counter, but taking a free one, is bound to the clerk's own.
    const namingCounter = CLIENT_REQUEST_NAMES.filter(
      (n) => 'counter' in clientPayloadSchemas[n].shape && n !== 'clerk:login',
    );
    expect(ownCounter).toEqual(namingCounter);
    await expectAllRefused(s.clerk1, ownCounter, 'forbidden', c2);
    // Requests a clerk may never send, wherever.
    const never = CLIENT_REQUEST_NAMES.filter((n) => !REQUEST_ROLES[n].includes('clerk'));
    await expectAllRefused(s.clerk1, never, 'forbidden', c2);
    const seq = test.server.context.hall.seq();
    // A ticket called at the other counter cannot be cancelled from this one.
    expect(await request(s.clerk1, 'ticket:cancel', { ticketId: atC2.ticketId })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    // Taking the other clerk's counter: the engine refuses an occupied one.
    expect(await request(s.clerk1, 'clerk:login', { counter: c2 })).toMatchObject({ ok: false });
    expect(test.server.context.hall.seq()).toBe(seq);
    // The same requests at the clerk's own counter are not refused for the role.
    expect(await request(s.clerk1, 'ticket:recall', { counter: c1 })).toMatchObject({ ok: true });
  });

  it("a department officer never reads another department's case, nor works it", async () => {
    const { hall } = test.server.context;
    // The snapshot holds only the officer's department's cases, without codes.
    const snap = okData(await request(s.officer1, 'hall:sync', { lastSeq: null })) as SyncResult;
    if (snap.kind !== 'snapshot' || snap.snapshot.kind !== 'department')
      throw new Error('expected a department snapshot');
    expect(snap.snapshot.cases.map((c) => c.serviceNumber)).toEqual([caseOf.d1.serviceNumber]);
    expect(snap.snapshot.cases.every((c) => c.verificationCode === '')).toBe(true);
    expect(JSON.stringify(snap)).not.toContain(caseOf.d2.serviceNumber);

    // Live events and catch-up events of the other department reach the officer only in the public cut.
    const otherSeqs = hall.store
      .eventsAfter(0, 10_000)
      .filter((e) => departmentOfEvent(e.event) === d2)
      .map((e) => e.seq);
    expect(otherSeqs.length).toBe(3); // forwarded, accepted, progress noted
    const bySeq = (events: { seq: number }[]) => (seq: number) => events.find((e) => e.seq === seq);
    const officerLive = bySeq(seen.officer1.events);
    const publicLive = bySeq(seen.public.events);
    const caughtUp = okData(await request(s.officer1, 'hall:sync', { lastSeq: 0 })) as SyncResult;
    const publicCaughtUp = okData(await request(s.public, 'hall:sync', { lastSeq: 0 })) as SyncResult;
    if (caughtUp.kind !== 'events' || publicCaughtUp.kind !== 'events') throw new Error('expected events');
    for (const seq of otherSeqs) {
      expect(officerLive(seq)).toEqual(publicLive(seq));
      expect(bySeq(caughtUp.events)(seq)).toEqual(bySeq(publicCaughtUp.events)(seq));
      expect(JSON.stringify(officerLive(seq))).not.toContain(caseOf.d2.serviceNumber);
    }
    // Their own department's events come in full.
    const ownForward = hall.store.eventsAfter(0, 10_000).find((e) => departmentOfEvent(e.event) === d1)!;
    expect(JSON.stringify(officerLive(ownForward.seq))).toContain(caseOf.d1.serviceNumber);

    // Accepting, noting or completing the other department's case is refused.
    const seq = hall.seq();
    for (const name of ['case:accept', 'case:note-progress', 'case:complete'] as const) {
      const ack = await rawRequest(s.officer1, name, payloadFor(name, c1));
      expect({ name, ack }).toMatchObject({ name, ack: { ok: false, error: 'wrong-department' } });
    }
    expect(hall.seq()).toBe(seq);
  });
});

describe('the public enumerating service numbers', () => {
  it('gets the same answer for a wrong code and an unknown number, needs the code, and is stopped by the rate limit', async () => {
    const fresh = await startTestServer(); // the real limit: a burst of 5 per address
    const local = new SocketPool();
    try {
      const { context, url } = fresh.server;
      const cast = await provisionCast(context.accounts, context.devices, { clerks: 0 });
      const supervisor = await local.connect(url, { token: await login(url, cast.supervisor) });
      await must(supervisor, 'day:open', {});
      const ticket = await must(supervisor, 'ticket:issue', {
        serviceCode: fresh.config.config.services[0]!.code,
        priority: 'normal',
        channel: 'kiosk',
        idempotencyKey: tapKey('enum'),
      });
      const sn = ticket.serviceNumber;
      const unknown = makeServiceNumber(sn.slice(0, 6), '2026-11-27', 99_999);
      expect(unknown).not.toBe(sn);
      const wrongCode = ticket.verificationCode === '000000' ? '000001' : '000000';
      const get = async (serviceNumber: string, code: string) => {
        const response = await fetch(
          `${url}/api/track?serviceNumber=${encodeURIComponent(serviceNumber)}&code=${encodeURIComponent(code)}`,
        );
        return {
          status: response.status,
          etag: response.headers.get('etag'),
          retryAfter: response.headers.get('retry-after'),
          body: Buffer.from(await response.arrayBuffer()).toString('hex'),
        };
      };
      const wrong = await get(sn, wrongCode); // a right number, a wrong code
      const none = await get(unknown, wrongCode); // an unknown number
      expect(wrong.status).toBe(404);
      expect(none).toEqual(wrong); // byte for byte
      expect(Buffer.from(wrong.body, 'hex').toString()).toBe('{"error":"not-found"}');
      // The right code opens it: the code, not the number, is the key.
      expect((await get(sn, ticket.verificationCode)).status).toBe(200);
      // Two tokens of the burst of five are left; a burst of guesses is stopped after them.
      const burst = [];
      for (let i = 0; i < 20; i++)
        burst.push(await get(makeServiceNumber(sn.slice(0, 6), '2026-11-27', 100 + i), '123456'));
      expect(burst.slice(0, 2).map((r) => r.status)).toEqual([404, 404]);
      expect(burst.slice(2).every((r) => r.status === 429 && Number(r.retryAfter) >= 1)).toBe(true);
      // Even the right code is refused while limited, and the socket lookup shares the limit.
      expect((await get(sn, ticket.verificationCode)).status).toBe(429);
      const anon = await local.connect(url);
      expect(
        await request(anon, 'case:lookup', { serviceNumber: sn, verificationCode: ticket.verificationCode }),
      ).toMatchObject({ ok: false, error: 'rate-limited' });
    } finally {
      local.closeAll();
      await fresh.server.close();
    }
  });
});
