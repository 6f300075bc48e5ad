import { describe, expect, it } from 'vitest';
import { HallHarness, MINUTE, NINE_AM, testHallConfig, type TEST_HALL_INPUT } from '../testing/test-hall';
import { counterView } from './counter-view';
import { overdue } from './overdue';
import { selectNext } from './routing';

type HallInput = typeof TEST_HALL_INPUT;

/**
 * The test hall plus two one-step services whose first step is review (E,
 * target wait 10 min) and issue (F, target wait 40 min), so counters 2 and 3
 * have fresh tickets in their first tier.
 */
const hallWithReviewAndIssueServices = (patch: (input: HallInput) => void = () => {}) =>
  testHallConfig((input) => {
    input.services.push(
      {
        code: 'rev',
        name: { zh: '审核事项', en: 'Review item' },
        category: 'general',
        prefix: 'E',
        dailyCap: 500,
        route: [
          { skill: 'review', name: { zh: '审核', en: 'Review' }, targetWaitMinutes: 10, serviceMinutes: 10 },
        ],
        promisedWorkingDays: 3,
      },
      {
        code: 'iss',
        name: { zh: '发证事项', en: 'Issue item' },
        category: 'general',
        prefix: 'F',
        dailyCap: 500,
        route: [
          { skill: 'issue', name: { zh: '发证', en: 'Issue' }, targetWaitMinutes: 40, serviceMinutes: 5 },
        ],
        promisedWorkingDays: 3,
      },
    );
    patch(input);
  });

/** 'P' for a ticket from the priority lane, 'N' for a normal one. */
const laneLetter = (h: HallHarness, id: string) => (h.ticket(id).lane === 'priority' ? 'P' : 'N');

describe('tiers', () => {
  it('counter 2 serves review (tier 0) before earlier intake tickets (tier 1)', () => {
    const h = new HallHarness(hallWithReviewAndIssueServices());
    h.openHall([2]);
    const a1 = h.issue('simple');
    const a2 = h.issue('simple');
    h.advance(5);
    const e1 = h.issue('rev');
    expect(selectNext(h.state, h.hall, 2, h.now)).toMatchObject({ ticket: { id: e1 }, rule: 'tier' });
    expect([h.serveNext(2), h.serveNext(2), h.serveNext(2)]).toEqual([e1, a1, a2]);
  });

  it('counter 4 serves wages (tier 0) before earlier intake tickets (tier 1)', () => {
    const h = new HallHarness();
    h.openHall([4]);
    const a1 = h.issue('simple');
    h.advance(1);
    const d1 = h.issue('wages');
    expect([h.serveNext(4), h.serveNext(4)]).toEqual([d1, a1]);
  });
});

describe('ratio of priority to normal (1 : 2)', () => {
  it('calls P N N P N N P N N with 3 green and 6 normal waiting, each class in arrival order', () => {
    const h = new HallHarness();
    h.openHall([1]);
    const normals = Array.from({ length: 6 }, () => h.issue('simple'));
    const greens = Array.from({ length: 3 }, () =>
      h.issue('simple', { priority: 'green', greenReason: 'elderly' }),
    );
    const calls: string[] = [];
    const cycles: unknown[] = [];
    for (let i = 0; i < 9; i++) {
      h.advance(1);
      const [called] = h.ok({ type: 'ticket:call-next', counter: 1 });
      if (called?.type !== 'ticket-called') throw new Error('expected a call');
      calls.push(called.ticketId);
      cycles.push(called.cycle);
      h.ok({ type: 'ticket:start-serving', counter: 1 });
      h.ok({ type: 'step:complete', counter: 1 });
    }
    expect(calls.map((id) => laneLetter(h, id)).join('')).toBe('PNNPNNPNN');
    expect(calls.filter((id) => h.ticket(id).lane === 'priority')).toEqual(greens);
    expect(calls.filter((id) => h.ticket(id).lane === 'normal')).toEqual(normals);
    expect(cycles.slice(0, 3)).toEqual([
      { priority: 1, normal: 0 },
      { priority: 1, normal: 1 },
      { priority: 0, normal: 0 },
    ]);
  });

  it('serves a late green next, but never two priority calls in a row while normals wait', () => {
    const h = new HallHarness();
    h.openHall([1]);
    const normals = Array.from({ length: 6 }, () => h.issue('simple'));
    const order: string[] = [];
    for (let i = 0; i < 3; i++) order.push(h.serveNext(1));
    expect(order).toEqual(normals.slice(0, 3)); // only normals waiting: plain arrival order
    h.advance(1);
    const greens = [
      h.issue('simple', { priority: 'green', greenReason: 'elderly' }),
      h.issue('simple', { priority: 'green', greenReason: 'elderly' }),
    ];
    const pattern: string[] = [];
    while (h.state.queues.get('intake')?.waiting) {
      const normalsWaiting = (h.state.queues.get('intake')?.normal.ids ?? []).some(
        (id) => h.ticket(id).status === 'waiting',
      );
      const id = h.serveNext(1);
      order.push(id);
      pattern.push(normalsWaiting ? laneLetter(h, id) : '-');
    }
    // The first green, arriving after three normal calls, is called at once.
    expect(order[3]).toBe(greens[0]);
    // Engine today: N N N P P N N N, because the normal calls made while no
    // priority ticket waited still count in the counter's 1 : 2 cycle.
    expect(pattern.join('')).not.toMatch(/PP/);
    expect(order).toEqual([...normals.slice(0, 3), greens[0], normals[3], normals[4], greens[1], normals[5]]);
  });

  it('with normal 0 in the ratio, priority is always called first', () => {
    const h = new HallHarness(
      testHallConfig((input) => {
        input.routing.ratio = { priority: 1, normal: 0 };
      }),
    );
    h.openHall([1]);
    const n1 = h.issue('simple');
    const n2 = h.issue('simple');
    h.advance(1);
    const greens = [1, 2, 3].map(() => h.issue('simple', { priority: 'green', greenReason: 'elderly' }));
    const order = [1, 2, 3, 4, 5].map(() => h.serveNext(1));
    expect(order).toEqual([...greens, n1, n2]);
  });
});

describe('aging', () => {
  it('calls a normal ticket waiting 60+ minutes at a tier-1 skill before fresh tier-0 and newer green tickets', () => {
    const h = new HallHarness();
    h.openHall([4]);
    const old = h.issue('simple'); // intake: counter 4's tier 1
    h.advance(30);
    h.issue('wages');
    const wagesGreen = h.issue('wages', { priority: 'green', greenReason: 'elderly' });
    h.issue('simple', { priority: 'green', greenReason: 'elderly' });
    h.now = NINE_AM + 60 * MINUTE - 1;
    expect(selectNext(h.state, h.hall, 4, h.now)).toMatchObject({ ticket: { id: wagesGreen }, rule: 'tier' });
    h.now = NINE_AM + 61 * MINUTE;
    expect(selectNext(h.state, h.hall, 4, h.now)).toMatchObject({ ticket: { id: old }, rule: 'aged' });
    expect(h.serveNext(4)).toBe(old);
    expect(h.serveNext(4)).toBe(wagesGreen);
  });

  it('ages nothing when agingMinutes is 0', () => {
    const h = new HallHarness(
      testHallConfig((input) => {
        input.routing.agingMinutes = 0;
      }),
    );
    h.openHall([4]);
    h.issue('simple');
    h.advance(30);
    const wages = h.issue('wages');
    h.advance(300);
    expect(selectNext(h.state, h.hall, 4, h.now)).toMatchObject({ ticket: { id: wages }, rule: 'tier' });
  });
});

describe('pressure inside a tier', () => {
  it('takes the skill whose head is furthest past its target wait; arrival order when pressure is off', () => {
    const h = new HallHarness(hallWithReviewAndIssueServices());
    h.openHall([3]); // issue and review in one tier
    const f1 = h.issue('iss'); // target wait 40
    h.advance(5);
    const e1 = h.issue('rev'); // target wait 10
    h.advance(1); // 09:06: issue at 6/40, review at 1/10
    expect(selectNext(h.state, h.hall, 3, h.now)?.ticket.id).toBe(f1);
    h.now = NINE_AM + 30 * MINUTE; // issue at 30/40, review at 25/10: 15 minutes past its target
    expect(selectNext(h.state, h.hall, 3, h.now)).toMatchObject({ ticket: { id: e1 }, rule: 'tier' });
    expect([h.serveNext(3), h.serveNext(3)]).toEqual([e1, f1]);

    const plain = new HallHarness(
      hallWithReviewAndIssueServices((input) => {
        input.routing.pressure = false;
      }),
    );
    plain.openHall([3]);
    const pf1 = plain.issue('iss');
    plain.advance(5);
    const pe1 = plain.issue('rev');
    plain.now = NINE_AM + 30 * MINUTE;
    expect([plain.serveNext(3), plain.serveNext(3)]).toEqual([pf1, pe1]);
  });
});

describe('concurrent calls', () => {
  it('never gives two counters calling at the same instant the same ticket', () => {
    const h = new HallHarness();
    h.openHall([1, 2, 4]);
    const ids = [1, 2, 3, 4].map(() => h.issue('simple'));
    h.advance(2);
    const called = [1, 2, 4].map((counter) => h.callNext(counter));
    expect(called).toEqual(ids.slice(0, 3));
    expect(new Set(called).size).toBe(3);
    expect(h.refused({ type: 'ticket:call', counter: 1, ticketId: ids[1] ?? '' })).toBe('counter-busy');
    h.ok({ type: 'ticket:cancel', ticketId: ids[0] ?? '' });
    expect(h.refused({ type: 'ticket:call', counter: 1, ticketId: ids[1] ?? '' })).toBe('ticket-not-waiting');
    expect(h.callNext(1)).toBe(ids[3]);
  });
});

describe('a clock stepped back', () => {
  it('keeps queue order and never shows negative waits', () => {
    const h = new HallHarness();
    h.openHall([1]);
    const a1 = h.issue('simple');
    h.advance(10);
    const a2 = h.issue('simple');
    h.advance(-30); // 08:40
    const a3 = h.issue('simple');
    const a4 = h.issue('simple');
    expect(h.ticket(a3).queuedAt).toBeLessThan(h.ticket(a1).queuedAt);
    expect([a1, a2, a3, a4].map((id) => h.ticket(id).queueSeq)).toEqual([1, 2, 3, 4]);

    const view = counterView(h.state, h.hall, 1, h.now);
    expect(view?.queues[0]).toEqual({ skill: 'intake', tier: 0, waiting: 4, longestWaitMs: 0 });
    expect(overdue(h.state, h.hall, h.now)).toEqual([]);

    expect(h.callNext(1)).toBe(a1);
    h.advance(-10); // 08:30, before the call
    expect(counterView(h.state, h.hall, 1, h.now)?.current?.elapsedMs).toBe(0);
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    h.advance(-5);
    expect(counterView(h.state, h.hall, 1, h.now)?.current?.elapsedMs).toBe(0);
    const late = overdue(h.state, h.hall, h.now);
    expect(late).toEqual([]);
    h.ok({ type: 'step:complete', counter: 1 });
    expect(h.state.serviceTimes.get('intake')).toEqual([0]);

    const rest = [h.serveNext(1), h.serveNext(1), h.serveNext(1)];
    expect(rest).toEqual([a2, a3, a4]);
  });
});

describe('routing mode fifo', () => {
  it('calls strictly by arrival across skills and classes, cases in progress still first', () => {
    const h = new HallHarness(
      testHallConfig((c) => {
        c.routing = { ...c.routing, mode: 'fifo' } as typeof c.routing;
      }),
    );
    h.openHall([1, 2]);
    const wages = h.issue('wages'); // counter 1 serves wages only in tier 1
    h.advance(1);
    const green = h.issue('simple', { priority: 'green', greenReason: 'elderly' });
    h.advance(1);
    const normal = h.issue('simple');
    const joint = h.issue('joint');
    expect(h.callNext(1)).toBe(wages); // oldest, although in a lower tier
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    h.ok({ type: 'step:complete', counter: 1 });
    expect(h.callNext(1)).toBe(green); // arrival order, not the priority lane's turn
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    h.ok({ type: 'step:complete', counter: 1 });
    expect(h.callNext(1)).toBe(normal);
    expect(h.callNext(2)).toBe(joint);
    h.ok({ type: 'ticket:start-serving', counter: 2 });
    h.ok({ type: 'step:complete', counter: 2 }); // the joint case moves on to review
    h.issue('simple');
    expect(h.callNext(2)).toBe(joint); // in progress beats the fresh arrival
  });
});
