import {
  caseTracking,
  compileHallConfig,
  counterView,
  estimateTicketWait,
  overdue,
  type IssuedTicket,
} from '@yizhan/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { expectGapFree, fileCounts } from './drill-support';
import {
  login,
  must,
  provisionCast,
  singleStepServices,
  SocketPool,
  startTestServer,
  tapKey,
  type HallSocket,
  type TestServer,
} from './support/hall-clients';
import { defaultHallConfig } from './support/test-hall-server';

/**
 * Fault drill: the server's clock is corrected mid-day, back 10 minutes and
 * then forward 30, on an in-process server; a twin hall gets the same
 * requests at the same moments without the corrections. Queues keep their
 * order (the same calls in the same order as the twin: lanes are FIFO by
 * queueSeq, not by time), no read model shows a negative wait, a forwarded
 * case keeps the due date fixed when it was forwarded, no wait alert appears
 * after the backward step, and one does once the forward step takes a ticket
 * past its target wait. Events carry whatever instant the clock said (so
 * `at` may go backwards across a correction); their seqs stay 1..n in order.
 */

const MINUTE = 60_000;
const CONFIG = compileHallConfig(defaultHallConfig());
const COUNTER = [...CONFIG.counters.keys()]
  .sort((a, b) => a - b)
  .find(
    (n) =>
      singleStepServices(CONFIG, n, 'on-site').length > 0 &&
      singleStepServices(CONFIG, n, 'forwarded').length > 0,
  );
if (COUNTER === undefined) throw new Error('no counter serves both on-site and forwarded services');
const ON_SITE = singleStepServices(CONFIG, COUNTER, 'on-site')[0]!;
const FORWARDED = singleStepServices(CONFIG, COUNTER, 'forwarded')[0]!;
const TARGET_WAIT_MIN = CONFIG.services.get(ON_SITE)!.route[0]!.targetWaitMinutes;
const BACK_MIN = -10;
/** Net +20 min after both steps: past the first tickets' target wait (15–20 min in the default hall). */
const FORWARD_MIN = 30;

const pool = new SocketPool();
const servers: TestServer[] = [];

afterEach(async () => {
  pool.closeAll();
  for (const test of servers.splice(0)) await test.server.close();
});

interface OpenHall {
  test: TestServer;
  kiosk: HallSocket;
  clerk: HallSocket;
}

async function openHall(): Promise<OpenHall> {
  const test = await startTestServer();
  servers.push(test);
  const cast = await provisionCast(test.server.context.accounts, test.server.context.devices, { clerks: 1 });
  const supervisor = await pool.connect(test.url, { token: await login(test.url, cast.supervisor) });
  const clerk = await pool.connect(test.url, { token: await login(test.url, cast.clerks[0]!) });
  const kiosk = await pool.connect(test.url, { deviceKey: cast.kioskKeys[0]! });
  await must(supervisor, 'day:open', {});
  await must(clerk, 'clerk:login', { counter: COUNTER! });
  await must(clerk, 'counter:open', { counter: COUNTER! });
  return { test, kiosk, clerk };
}

const issue = (h: OpenHall, serviceCode: string) =>
  must(h.kiosk, 'ticket:issue', {
    serviceCode,
    priority: 'normal',
    channel: 'kiosk',
    idempotencyKey: tapKey(),
  });

/** Every wait any read model shows, for one hall right now. */
function waitsNow(h: OpenHall): number[] {
  const hall = h.test.server.context.hall;
  const now = hall.now();
  const view = counterView(hall.state, hall.config, COUNTER!, now);
  const waits = view!.queues.map((q) => q.longestWaitMs);
  if (view!.current) waits.push(view!.current.elapsedMs);
  for (const ticket of hall.state.tickets.values())
    if (ticket.status === 'waiting')
      waits.push(estimateTicketWait(hall.state, hall.config, ticket).estimatedMs);
  for (const item of overdue(hall.state, hall.config, now)) waits.push(item.overByMs);
  return waits;
}

const waitAlerts = (h: OpenHall) => {
  const hall = h.test.server.context.hall;
  return overdue(hall.state, hall.config, hall.now()).filter((i) => i.kind === 'wait');
};

function forwardedDueAt(h: OpenHall, serviceNumber: string): number | null {
  const hall = h.test.server.context.hall;
  const kase = hall.state.cases.get(serviceNumber);
  if (!kase) throw new Error(`no case ${serviceNumber}`);
  return caseTracking(hall.state, hall.config, kase, hall.now()).dueAt;
}

describe('drill: the clock is corrected mid-day', () => {
  it('keeps queue order and deadlines, shows no negative wait, alerts only when a target passes', async () => {
    const stepped = await openHall();
    const twin = await openHall();
    const halls = [stepped, twin];
    const both = <T>(fn: (h: OpenHall) => Promise<T>) => Promise.all(halls.map(fn));
    const tick = (minutes: number) => halls.forEach((h) => h.test.clock.shift(minutes * MINUTE));

    // A case is forwarded to its department before any correction: its due date is fixed now.
    const [forwarded] = await both(async (h) => {
      const ticket = await issue(h, FORWARDED);
      await must(h.clerk, 'ticket:call', { counter: COUNTER, ticketId: ticket.ticketId });
      await must(h.clerk, 'ticket:start-serving', { counter: COUNTER });
      await must(h.clerk, 'case:forward', {
        counter: COUNTER,
        department: CONFIG.services.get(FORWARDED)!.forwardTo!,
        note: '需处室审批',
      });
      return ticket;
    });
    const dueAt = forwardedDueAt(stepped, forwarded!.serviceNumber);
    expect(dueAt).not.toBeNull();

    // Three arrive a minute apart; then the clock goes back and two more arrive.
    const issued: IssuedTicket[][] = [];
    for (let i = 0; i < 3; i++) {
      issued.push(await both((h) => issue(h, ON_SITE)));
      tick(1);
    }
    const beforeBack = stepped.test.server.context.hall.now();
    stepped.test.clock.shift(BACK_MIN * MINUTE);
    for (let i = 0; i < 2; i++) {
      issued.push(await both((h) => issue(h, ON_SITE)));
      tick(1);
    }
    const steppedState = stepped.test.server.context.hall.state;
    const queuedAt = issued.map(([s]) => steppedState.tickets.get(s!.ticketId)!.queuedAt);
    // `at` is the clock's word: the tickets issued after the step carry earlier instants…
    expect(queuedAt[3]!).toBeLessThan(queuedAt[0]!);
    expect(queuedAt[3]!).toBeLessThan(beforeBack);
    // …but their places in the queue follow arrival.
    const queueSeqs = issued.map(([s]) => steppedState.tickets.get(s!.ticketId)!.queueSeq);
    expect(queueSeqs).toEqual([...queueSeqs].sort((a, b) => a - b));

    // After the backward step: no negative wait, no alert, the due date unchanged.
    expect(waitsNow(stepped).filter((w) => w < 0)).toEqual([]);
    expect(waitAlerts(stepped)).toEqual([]);
    expect(forwardedDueAt(stepped, forwarded!.serviceNumber)).toBe(dueAt);

    // Forward past the target wait of the first arrivals: now the alert is due, on the stepped hall only.
    stepped.test.clock.shift(FORWARD_MIN * MINUTE);
    expect(TARGET_WAIT_MIN).toBeLessThanOrEqual(BACK_MIN + FORWARD_MIN);
    const alerts = waitAlerts(stepped);
    expect(alerts.map((a) => a.ticketId)).toContain(issued[0]![0]!.ticketId);
    expect(waitAlerts(twin)).toEqual([]);
    for (const alert of alerts) {
      expect(alert.overByMs).toBeGreaterThan(0);
      expect(alert.dueAt).toBe(steppedState.tickets.get(alert.ticketId)!.queuedAt + TARGET_WAIT_MIN * MINUTE);
    }
    expect(waitsNow(stepped).filter((w) => w < 0)).toEqual([]);
    expect(forwardedDueAt(stepped, forwarded!.serviceNumber)).toBe(dueAt);
    expect(forwardedDueAt(twin, forwarded!.serviceNumber)).toBe(dueAt);

    // The clerks call through the queue: the same tickets in the same order on both halls.
    const calledOn = async (h: OpenHall) => {
      const order: string[] = [];
      for (let i = 0; i < issued.length; i++) {
        const receipt = await must(h.clerk, 'ticket:call-next', { counter: COUNTER });
        for (const e of receipt.events) if (e.event.type === 'ticket-called') order.push(e.event.ticketId);
        expect(waitsNow(h).filter((w) => w < 0)).toEqual([]);
        await must(h.clerk, 'ticket:start-serving', { counter: COUNTER });
        await must(h.clerk, 'step:complete', { counter: COUNTER });
      }
      return order;
    };
    const [steppedOrder, twinOrder] = await both(calledOn);
    const callNumber = (h: OpenHall, id: string) =>
      h.test.server.context.hall.state.tickets.get(id)!.callNumber;
    expect(steppedOrder!.map((id) => callNumber(stepped, id))).toEqual(
      twinOrder!.map((id) => callNumber(twin, id)),
    );
    expect(steppedOrder).toEqual(issued.map(([s]) => s!.ticketId));

    // Seqs gap-free and in order in the file, whatever the instants say.
    const counts = fileCounts(stepped.test.dbPath);
    expect(expectGapFree(counts.seqs)).toBe(true);
    expect(counts.lastSeq).toBe(fileCounts(twin.test.dbPath).lastSeq);
  });
});
