import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import defaultYaml from '../../../config/hall.default.yaml?raw';
import { compileHallConfig, type CompiledHallConfig } from '../config/compile-hall-config';
import { parseHallConfigYaml } from '../config/parse-hall-config';
import { hallInvariantViolations } from '../testing/invariants';
import { localMinuteOfDay } from '../time/zoned-time';
import { HallHarness, MINUTE, testHallConfig } from '../testing/test-hall';
import { applyEvent } from './apply-event';
import type { HallCommand } from './commands';
import { selectNext } from './routing';
import { createHallState } from './state';
import type { Ticket } from './types';

/**
 * Long random command sequences against the engine. After every command the
 * hall's invariants hold; every call-next picks a ticket the counter can
 * serve and never lets a later arrival overtake an aged ticket; and folding
 * the event log from scratch rebuilds exactly the state the engine holds.
 */

const action = fc.record({
  kind: fc.integer({ min: 0, max: 99 }),
  a: fc.nat({ max: 1000 }),
  b: fc.nat({ max: 1000 }),
  minutes: fc.oneof(
    { weight: 6, arbitrary: fc.constant(0) },
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) },
    { weight: 1, arbitrary: fc.integer({ min: 5, max: 70 }) },
  ),
});

type Action = typeof action extends fc.Arbitrary<infer T> ? T : never;

function pick<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

function commandFor(h: HallHarness, step: Action, serial: number): HallCommand | 'next-day' {
  const { hall, state } = h;
  const counters = [...hall.counters.keys()];
  // Mostly a counter that is open, so whole flows happen; sometimes any counter.
  const open = counters.filter((n) => state.counters.get(n)?.status === 'open');
  const counter =
    (step.a % 5 === 0 ? pick(counters, step.b) : pick(open, step.b)) ?? pick(counters, step.a) ?? 1;
  // Commands about a counter's current ticket mostly go to a counter that has one.
  const busy = counters.filter((n) => state.counters.get(n)?.current);
  const atDesk = (step.a % 5 === 0 ? undefined : pick(busy, step.b)) ?? counter;
  const services = [...hall.services.keys()];
  const tickets = [...state.tickets.values()];
  const forwarded = [...state.cases.values()].filter((c) => c.forwarding !== null);
  const k = step.kind;
  if (k < 22) {
    const priority =
      (['normal', 'normal', 'normal', 'green', 'appointment'] as const)[step.b % 5] ?? 'normal';
    return {
      type: 'ticket:issue',
      serviceCode: pick(services, step.a) ?? 'simple',
      priority,
      greenReason: priority === 'green' ? (pick([...hall.greenReasons], step.b) ?? null) : null,
      channel: priority === 'appointment' ? 'appointment' : 'kiosk',
      // Some keys repeat on purpose: a retried tap.
      idempotencyKey: `key-${step.b % 7 === 0 ? step.b : serial}`,
      verificationCode: String(100000 + (serial % 900000)),
    };
  }
  if (k < 40) return { type: 'ticket:call-next', counter };
  if (k < 44) {
    const waiting = tickets.filter((t) => t.status === 'waiting');
    return { type: 'ticket:call', counter, ticketId: pick(waiting, step.b)?.id ?? 'none' };
  }
  if (k < 47) return { type: 'ticket:recall', counter: atDesk };
  if (k < 57) return { type: 'ticket:start-serving', counter: atDesk };
  if (k < 61) return { type: 'ticket:no-show', counter: atDesk };
  if (k < 70) return { type: 'step:complete', counter: atDesk };
  if (k < 72) return { type: 'case:rate', counter, score: 1 + (step.b % 4) };
  if (k < 74) {
    const to =
      step.b % 2 === 0
        ? { skill: pick([...hall.skills], step.b) ?? 'intake' }
        : { counter: pick(counters, step.b) ?? 1 };
    return { type: 'ticket:transfer', counter: atDesk, to, note: 'wrong counter' };
  }
  if (k < 76) {
    return {
      type: 'case:forward',
      counter: atDesk,
      department: pick([...hall.departments], step.b) ?? 'x',
      note: null,
    };
  }
  if (k < 78) return { type: 'ticket:cancel', ticketId: pick(tickets, step.b)?.id ?? 'none' };
  if (k < 84) {
    const kase = pick(forwarded, step.b);
    const department = kase?.forwarding?.department ?? 'none';
    const serviceNumber = kase?.serviceNumber ?? '000000000000000000';
    const officer = 'officer-1';
    if (step.a % 3 === 0) return { type: 'case:accept', department, serviceNumber, officer };
    if (step.a % 3 === 1)
      return { type: 'case:note-progress', department, serviceNumber, officer, note: 'checked' };
    return { type: 'case:complete', department, serviceNumber, officer, result: 'approved', note: null };
  }
  if (k < 87)
    return {
      type: 'counter:pause',
      counter,
      reason: pick([...hall.pauseReasons], step.b) ?? 'x',
      note: null,
    };
  if (k < 91) return { type: 'counter:open', counter };
  if (k < 93) return { type: 'counter:close', counter };
  if (k < 95) return { type: 'clerk:logout', counter };
  if (k < 98) return { type: 'clerk:login', counter, clerk: { id: `clerk-${step.b % 30}`, name: 'Clerk' } };
  // Closing the day is rare, and a closed day soon opens again.
  if (state.day?.status !== 'open') return 'next-day';
  return step.b % 8 === 0 ? { type: 'day:close' } : { type: 'counter:open', counter };
}

/** What the runs exercised, so a generator that drifts into refusals fails loudly. */
const seenEvents = new Map<string, number>();
const seenRules = new Map<string, number>();
const tally = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

function runSequence(hall: CompiledHallConfig, steps: Action[]) {
  const h = new HallHarness(hall);
  h.openHall([...hall.counters.keys()].slice(0, 6));
  const agingMs = hall.config.routing.agingMinutes * MINUTE;
  const issued = new Set<string>();
  const serviceNumbers = new Set<string>();

  steps.forEach((step, serial) => {
    h.now += step.minutes * MINUTE;
    // Past closing the hall goes home: the next day starts at 09:00.
    if (localMinuteOfDay(h.now, hall.config.hall.timezone) >= 17 * 60 + 30) {
      h.now += (24 * 60 - localMinuteOfDay(h.now, hall.config.hall.timezone) + 9 * 60) * MINUTE;
    }
    const command = commandFor(h, step, serial);
    if (command === 'next-day') {
      h.now += 24 * 60 * MINUTE;
      h.ok({ type: 'day:open' });
      for (const counter of [...hall.counters.keys()].slice(0, 6)) {
        // A clerk may already sit there from before the day opened; either way the counter opens.
        h.run({ type: 'clerk:login', counter, clerk: { id: `day-clerk-${counter}`, name: 'Clerk' } });
        h.run({ type: 'counter:open', counter });
      }
      return;
    }

    let expected: { ticket: Ticket; overtakable: Ticket[] } | null = null;
    if (command.type === 'ticket:call-next') {
      const selection = selectNext(h.state, hall, command.counter, h.now);
      if (selection) {
        const counter = hall.counters.get(command.counter);
        const t = selection.ticket;
        // selectNext never returns a ticket this counter cannot serve.
        expect(t.status).toBe('waiting');
        if (t.directCounter !== null) expect(t.directCounter).toBe(command.counter);
        else expect(counter?.tierOf.has(t.skill)).toBe(true);
        const aged = [...h.state.tickets.values()].filter(
          (u) =>
            u.status === 'waiting' &&
            u.lane !== 'transfer' &&
            u.directCounter === null &&
            counter?.tierOf.has(u.skill) === true &&
            h.now - u.queuedAt >= agingMs,
        );
        expected = { ticket: { ...t }, overtakable: aged };
        tally(seenRules, selection.rule);
      }
    }

    const decision = h.run(command);
    if (
      expected &&
      decision.ok &&
      h.state.counters.get((command as { counter: number }).counter)?.status === 'open'
    ) {
      const called = decision.events.find((e) => e.type === 'ticket-called');
      expect(called?.ticketId).toBe(expected.ticket.id);
      // No later arrival overtakes a ticket that has waited past the aging bound.
      if (expected.ticket.lane !== 'transfer' && expected.ticket.directCounter === null) {
        for (const u of expected.overtakable)
          expect(expected.ticket.queueSeq).toBeLessThanOrEqual(u.queueSeq);
      }
    }
    if (decision.ok) {
      for (const event of decision.events) {
        if (event.type !== 'ticket-issued') continue;
        const key = `${event.date}/${event.callNumber}`;
        expect(issued.has(key), `call number ${key} issued twice`).toBe(false);
        expect(serviceNumbers.has(event.serviceNumber)).toBe(false);
        issued.add(key);
        serviceNumbers.add(event.serviceNumber);
      }
    }
    const violations = hallInvariantViolations(h.state, hall);
    expect(violations, `after ${command.type}`).toEqual([]);
  });

  for (const event of h.log) tally(seenEvents, event.type);
  // Folding the whole log from nothing gives exactly the engine's state.
  const folded = createHallState();
  for (const event of h.log) applyEvent(folded, event);
  expect(folded).toEqual(h.state);
  return h;
}

describe('the hall engine under long random command sequences', () => {
  it('keeps every invariant in the test hall', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 100, maxLength: 400, size: 'max' }), (steps) => {
        runSequence(testHallConfig(), steps);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every invariant with short aging and a 1:1 ratio', () => {
    const hall = testHallConfig((c) => {
      c.routing = { ratio: { priority: 1, normal: 1 }, agingMinutes: 15, pressure: true };
    });
    fc.assert(
      fc.property(fc.array(action, { minLength: 100, maxLength: 400, size: 'max' }), (steps) => {
        runSequence(hall, steps);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every invariant in the default 22-counter hall', () => {
    const parsed = parseHallConfigYaml(defaultYaml);
    if (!parsed.ok) throw new Error('default config invalid');
    const hall = compileHallConfig(parsed.config);
    fc.assert(
      fc.property(fc.array(action, { minLength: 200, maxLength: 600, size: 'max' }), (steps) => {
        runSequence(hall, steps);
      }),
      { numRuns: 60 },
    );
  });

  it('exercised every event and every routing rule along the way', () => {
    const eventTypes = [
      'day-opened',
      'day-closed',
      'clerk-logged-in',
      'clerk-logged-out',
      'counter-opened',
      'counter-paused',
      'counter-resumed',
      'counter-closed',
      'ticket-issued',
      'ticket-called',
      'ticket-recalled',
      'serving-started',
      'ticket-no-show',
      'ticket-queued',
      'ticket-cancelled',
      'ticket-ended',
      'step-completed',
      'ticket-transferred',
      'case-forwarded',
      'case-accepted',
      'case-progress-noted',
      'case-completed',
      'case-rated',
    ];
    for (const type of eventTypes) expect(seenEvents.get(type) ?? 0, type).toBeGreaterThan(10);
    for (const rule of ['direct', 'transfer', 'aged', 'tier'])
      expect(seenRules.get(rule) ?? 0, rule).toBeGreaterThan(10);
  });
});
