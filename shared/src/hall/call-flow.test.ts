import { describe, expect, it } from 'vitest';
import { HallHarness, NINE_AM } from '../testing/test-hall';
import { boardView } from './board-view';

/** The counts the engine keeps, next to the counts found by looking at every ticket. */
function waitingCounts(h: HallHarness) {
  const kept = {
    byService: Object.fromEntries([...h.state.waitingByService].sort()),
    bySkill: Object.fromEntries(
      [...h.state.queues].map(([skill, queue]) => [skill, queue.waiting] as const).filter(([, n]) => n > 0),
    ),
  };
  const byService: Record<string, number> = {};
  const bySkill: Record<string, number> = {};
  for (const ticket of h.state.tickets.values()) {
    if (ticket.status !== 'waiting') continue;
    byService[ticket.serviceCode] = (byService[ticket.serviceCode] ?? 0) + 1;
    bySkill[ticket.skill] = (bySkill[ticket.skill] ?? 0) + 1;
  }
  expect(kept).toEqual({ byService: Object.fromEntries(Object.entries(byService).sort()), bySkill });
  return kept;
}

describe('ticket:call-next', () => {
  it('calls by arrival and refuses when the queue is empty', () => {
    const h = new HallHarness();
    h.openHall([1]);
    const a1 = h.issue('simple');
    h.advance(1);
    const b1 = h.issue('joint');
    h.advance(1);
    const a2 = h.issue('simple');
    const events = h.ok({ type: 'ticket:call-next', counter: 1 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'ticket-called',
      at: h.now,
      ticketId: a1,
      callNumber: 'A001',
      counter: 1,
      how: 'next',
    });
    expect(h.ticket(a1)).toMatchObject({ status: 'called', counter: 1, calledAt: h.now });
    expect(h.state.counters.get(1)?.current).toBe(a1);
    expect(h.caseOf(a1).state).toBe('at-counter');
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    h.ok({ type: 'step:complete', counter: 1 });
    expect(h.serveNext(1)).toBe(b1);
    expect(h.serveNext(1)).toBe(a2);
    expect(h.refused({ type: 'ticket:call-next', counter: 1 })).toBe('queue-empty');
  });

  it('refuses queue-empty when only skills the counter lacks have tickets', () => {
    const h = new HallHarness();
    h.openHall([3]);
    h.issue('simple');
    h.issue('wages');
    expect(h.refused({ type: 'ticket:call-next', counter: 3 })).toBe('queue-empty');
  });

  it('refuses counter-busy, counter-not-open, day-not-open and unknown-counter', () => {
    const h = new HallHarness();
    expect(h.refused({ type: 'ticket:call-next', counter: 1 })).toBe('day-not-open');
    h.openHall([1]);
    h.issue('simple');
    h.issue('simple');
    expect(h.refused({ type: 'ticket:call-next', counter: 9 })).toBe('unknown-counter');
    expect(h.refused({ type: 'ticket:call-next', counter: 2 })).toBe('counter-not-open');
    h.callNext(1);
    expect(h.refused({ type: 'ticket:call-next', counter: 1 })).toBe('counter-busy');
    expect(h.state.tickets.get('2026-11-27/A002')?.status).toBe('waiting');
  });
});

describe('ticket:call (a specific ticket)', () => {
  it('calls a ticket out of order, and refuses what cannot be called', () => {
    const h = new HallHarness();
    h.openHall([1, 3]);
    const a1 = h.issue('simple');
    const a2 = h.issue('simple');
    expect(h.refused({ type: 'ticket:call', counter: 1, ticketId: '2026-11-27/Z999' })).toBe(
      'unknown-ticket',
    );
    expect(h.refused({ type: 'ticket:call', counter: 3, ticketId: a1 })).toBe('counter-cannot-serve');
    const [event] = h.ok({ type: 'ticket:call', counter: 1, ticketId: a2 });
    expect(event).toMatchObject({ type: 'ticket-called', ticketId: a2, how: 'specific', counter: 1 });
    expect(h.ticket(a2).status).toBe('called');
    expect(h.refused({ type: 'ticket:call', counter: 1, ticketId: a1 })).toBe('counter-busy');
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    h.ok({ type: 'step:complete', counter: 1 });
    expect(h.refused({ type: 'ticket:call', counter: 1, ticketId: a2 })).toBe('ticket-not-waiting');
    // a1 is still the head of the line and is called next.
    expect(h.callNext(1)).toBe(a1);
    expect(waitingCounts(h)).toEqual({ byService: {}, bySkill: {} });
  });
});

describe('ticket:recall and ticket:start-serving', () => {
  it('recalls up to the limit, then refuses; a serving ticket is not recalled', () => {
    const h = new HallHarness();
    h.openHall([1]);
    expect(h.refused({ type: 'ticket:recall', counter: 1 })).toBe('no-current-ticket');
    const id = h.issue('simple');
    h.callNext(1);
    h.advance(1);
    expect(h.ok({ type: 'ticket:recall', counter: 1 })).toEqual([
      { type: 'ticket-recalled', at: h.now, ticketId: id, callNumber: 'A001', counter: 1 },
    ]);
    h.ok({ type: 'ticket:recall', counter: 1 });
    expect(h.ticket(id).recalls).toBe(2);
    expect(h.refused({ type: 'ticket:recall', counter: 1 })).toBe('recall-limit-reached');
    expect(h.ticket(id).recalls).toBe(2);
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    expect(h.refused({ type: 'ticket:recall', counter: 1 })).toBe('ticket-not-called');
  });

  it('starts serving only a called ticket', () => {
    const h = new HallHarness();
    h.openHall([1]);
    expect(h.refused({ type: 'ticket:start-serving', counter: 1 })).toBe('no-current-ticket');
    const id = h.issue('simple');
    h.callNext(1);
    h.advance(2);
    expect(h.ok({ type: 'ticket:start-serving', counter: 1 })).toEqual([
      { type: 'serving-started', at: h.now, ticketId: id, counter: 1 },
    ]);
    expect(h.ticket(id)).toMatchObject({ status: 'serving', servingSince: h.now, counter: 1 });
    expect(h.caseOf(id)).toMatchObject({ state: 'at-counter', ownerCounter: 1, ownerClerk: 'clerk-1' });
    expect(h.refused({ type: 'ticket:start-serving', counter: 1 })).toBe('ticket-not-called');
  });
});

describe('ticket:no-show', () => {
  it('requeues at the end of its lane once, then ends the ticket', () => {
    const h = new HallHarness();
    h.openHall([1]);
    const [a1, a2, a3] = [h.issue('simple'), h.issue('simple'), h.issue('simple')];
    expect(waitingCounts(h)).toEqual({ byService: { simple: 3 }, bySkill: { intake: 3 } });
    expect(h.callNext(1)).toBe(a1);
    expect(waitingCounts(h)).toEqual({ byService: { simple: 2 }, bySkill: { intake: 2 } });
    const seqBefore = h.ticket(a3 ?? '').queueSeq;

    h.advance(3);
    const events = h.ok({ type: 'ticket:no-show', counter: 1 });
    expect(events.map((e) => e.type)).toEqual(['ticket-no-show', 'ticket-queued']);
    const ticket = h.ticket(a1 ?? '');
    expect(ticket).toMatchObject({
      status: 'waiting',
      noShows: 1,
      counter: null,
      queuedAt: h.now,
      lane: 'normal',
    });
    expect(ticket.queueSeq).toBeGreaterThan(seqBefore);
    expect(h.state.counters.get(1)?.current).toBeNull();
    const kase = h.caseOf(a1 ?? '');
    expect(kase.state).toBe('waiting');
    expect(kase.timeline.at(-1)).toEqual({ at: h.now, kind: 'no-show', counter: 1, requeued: true });
    expect(waitingCounts(h)).toEqual({ byService: { simple: 3 }, bySkill: { intake: 3 } });

    // Back of the line: the two behind it go first.
    expect(h.serveNext(1)).toBe(a2);
    expect(h.serveNext(1)).toBe(a3);
    expect(h.callNext(1)).toBe(a1);
    h.advance(3);
    expect(h.ok({ type: 'ticket:no-show', counter: 1 }).map((e) => e.type)).toEqual([
      'ticket-no-show',
      'ticket-ended',
    ]);
    expect(h.ticket(a1 ?? '')).toMatchObject({ status: 'ended', endReason: 'no-show', endedAt: h.now });
    expect(h.caseOf(a1 ?? '')).toMatchObject({ state: 'ended', closedAt: h.now });
    expect(h.caseOf(a1 ?? '').timeline.slice(-2)).toEqual([
      { at: h.now, kind: 'no-show', counter: 1, requeued: false },
      { at: h.now, kind: 'ended', reason: 'no-show' },
    ]);
    expect(h.state.counters.get(1)?.current).toBeNull();
    expect(waitingCounts(h)).toEqual({ byService: {}, bySkill: {} });
    expect(h.refused({ type: 'ticket:call-next', counter: 1 })).toBe('queue-empty');
  });

  it('marks only a called ticket as no-show', () => {
    const h = new HallHarness();
    h.openHall([1]);
    expect(h.refused({ type: 'ticket:no-show', counter: 1 })).toBe('no-current-ticket');
    h.issue('simple');
    h.callNext(1);
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    expect(h.refused({ type: 'ticket:no-show', counter: 1 })).toBe('ticket-not-called');
  });
});

describe('ticket:cancel', () => {
  it('cancels waiting and called tickets, frees the counter, and refuses the rest', () => {
    const h = new HallHarness();
    h.openHall([1, 4]);
    const [a1, a2, a3, d1] = [h.issue('simple'), h.issue('simple'), h.issue('simple'), h.issue('wages')];
    expect(waitingCounts(h)).toEqual({
      byService: { simple: 3, wages: 1 },
      bySkill: { intake: 3, wages: 1 },
    });

    // A waiting ticket in the middle of the line.
    h.advance(1);
    expect(h.ok({ type: 'ticket:cancel', ticketId: a2 ?? '' })).toEqual([
      { type: 'ticket-cancelled', at: h.now, ticketId: a2 },
    ]);
    expect(h.ticket(a2 ?? '')).toMatchObject({ status: 'ended', endReason: 'cancelled', endedAt: h.now });
    expect(h.caseOf(a2 ?? '')).toMatchObject({ state: 'ended', closedAt: h.now });
    expect(h.caseOf(a2 ?? '').timeline.at(-1)).toEqual({ at: h.now, kind: 'ended', reason: 'cancelled' });
    expect(waitingCounts(h)).toEqual({
      byService: { simple: 2, wages: 1 },
      bySkill: { intake: 2, wages: 1 },
    });

    // A called ticket: the counter is free again.
    expect(h.callNext(1)).toBe(a1);
    h.ok({ type: 'ticket:cancel', ticketId: a1 ?? '' });
    expect(h.ticket(a1 ?? '').endReason).toBe('cancelled');
    expect(h.state.counters.get(1)?.current).toBeNull();
    expect(h.callNext(1)).toBe(a3);
    expect(waitingCounts(h)).toEqual({ byService: { wages: 1 }, bySkill: { wages: 1 } });

    // Serving and ended tickets are not cancellable.
    expect(h.callNext(4)).toBe(d1);
    h.ok({ type: 'ticket:start-serving', counter: 4 });
    expect(h.refused({ type: 'ticket:cancel', ticketId: d1 ?? '' })).toBe('ticket-not-cancellable');
    expect(h.refused({ type: 'ticket:cancel', ticketId: a2 ?? '' })).toBe('ticket-not-cancellable');
    expect(h.refused({ type: 'ticket:cancel', ticketId: '2026-11-27/A099' })).toBe('unknown-ticket');
    expect(waitingCounts(h)).toEqual({ byService: {}, bySkill: {} });
  });
});

describe('calls on the board', () => {
  it('lists the latest calls newest first, recalls included and marked', () => {
    const h = new HallHarness();
    h.openHall([1, 2, 4]);
    const [a1, a2, d1] = [h.issue('simple'), h.issue('simple'), h.issue('wages')];
    h.callNext(1); // A001 at 1
    h.advance(1);
    h.callNext(4); // D001 at 4 (wages is its first tier)
    h.advance(1);
    h.ok({ type: 'ticket:recall', counter: 1 });
    h.advance(1);
    h.callNext(2); // A002 at 2 (intake is its second tier)
    h.advance(1);
    h.ok({ type: 'ticket:recall', counter: 2 });
    const calls = boardView(h.state, h.hall).latestCalls;
    expect(calls.map((c) => [c.callNumber, c.counter, c.recall])).toEqual([
      ['A002', 2, true],
      ['A002', 2, false],
      ['A001', 1, true],
      ['D001', 4, false],
      ['A001', 1, false],
    ]);
    expect(calls.map((c) => c.ticketId)).toEqual([a2, a2, a1, d1, a1]);
    expect(calls.map((c) => c.at)).toEqual([4, 3, 2, 1, 0].map((m) => NINE_AM + m * 60_000));
    expect(boardView(h.state, h.hall, 2).latestCalls.map((c) => c.callNumber)).toEqual(['A002', 'A002']);
  });
});

describe('waiting counts through a whole flow', () => {
  it('stay equal to the waiting tickets after every command', () => {
    const h = new HallHarness();
    h.openHall([1, 2, 3, 4]);
    h.issue('simple');
    h.issue('joint');
    h.issue('wages');
    h.issue('simple', { priority: 'green', greenReason: 'elderly' });
    expect(waitingCounts(h)).toEqual({
      byService: { joint: 1, simple: 2, wages: 1 },
      bySkill: { intake: 3, wages: 1 },
    });
    expect(h.callNext(1)).toBe('2026-11-27/A002'); // green first: ratio 1 : 2
    expect(h.callNext(2)).toBe('2026-11-27/A001');
    expect(h.callNext(4)).toBe('2026-11-27/D001');
    expect(waitingCounts(h)).toEqual({ byService: { joint: 1 }, bySkill: { intake: 1 } });
    h.ok({ type: 'ticket:no-show', counter: 2 }); // A001 requeued
    expect(waitingCounts(h)).toEqual({ byService: { joint: 1, simple: 1 }, bySkill: { intake: 2 } });
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    h.ok({ type: 'step:complete', counter: 1 });
    expect(h.serveNext(1)).toBe('2026-11-27/B001');
    // B001 now waits for review.
    expect(waitingCounts(h)).toEqual({
      byService: { joint: 1, simple: 1 },
      bySkill: { intake: 1, review: 1 },
    });
    expect(h.callNext(2)).toBe('2026-11-27/B001'); // transfer lane beats intake
    h.ok({ type: 'ticket:cancel', ticketId: '2026-11-27/A001' });
    expect(waitingCounts(h)).toEqual({ byService: {}, bySkill: {} });
    h.ok({ type: 'ticket:start-serving', counter: 2 });
    h.ok({ type: 'step:complete', counter: 2 });
    expect(waitingCounts(h)).toEqual({ byService: { joint: 1 }, bySkill: { issue: 1 } });
    expect(h.state.queues.get('issue')?.transfer.ids).toEqual(['2026-11-27/B001']);
    h.ok({ type: 'day:close' });
    expect(waitingCounts(h)).toEqual({ byService: {}, bySkill: {} });
  });
});
