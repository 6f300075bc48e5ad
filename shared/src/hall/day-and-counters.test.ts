import { describe, expect, it } from 'vitest';
import { HallHarness, MINUTE, NINE_AM } from '../testing/test-hall';
import { parseServiceNumber } from './service-number';

const DAY = 24 * 60 * MINUTE;

const login = (h: HallHarness, counter: number, id = `clerk-${counter}`) =>
  h.run({ type: 'clerk:login', counter, clerk: { id, name: `Name of ${id}` } });

describe('day:open', () => {
  it('dates the day in the hall zone, not UTC', () => {
    const h = new HallHarness();
    h.now = Date.UTC(2026, 10, 27, 16, 30); // 00:30 on the 28th in Shanghai
    expect(h.ok({ type: 'day:open' })).toEqual([{ type: 'day-opened', at: h.now, date: '2026-11-28' }]);
    expect(h.state.day).toEqual({ date: '2026-11-28', status: 'open', openedAt: h.now, closedAt: null });

    const late = new HallHarness();
    late.now = Date.UTC(2026, 10, 27, 15, 59); // 23:59 on the 27th in Shanghai
    late.ok({ type: 'day:open' });
    expect(late.state.day?.date).toBe('2026-11-27');
  });

  it('refuses to open the same day twice', () => {
    const h = new HallHarness();
    h.ok({ type: 'day:open' });
    h.advance(30);
    expect(h.refused({ type: 'day:open' })).toBe('day-already-open');
    expect(h.state.day?.openedAt).toBe(NINE_AM);
  });

  it('closes a day left open before opening the next one, with both events', () => {
    const h = new HallHarness();
    h.openHall([1]);
    const a = h.issue('simple');
    h.now = NINE_AM + DAY;
    const events = h.ok({ type: 'day:open' });
    expect(events).toEqual([
      { type: 'day-closed', at: h.now, date: '2026-11-27' },
      { type: 'day-opened', at: h.now, date: '2026-11-28' },
    ]);
    expect(h.state.day).toEqual({ date: '2026-11-28', status: 'open', openedAt: h.now, closedAt: null });
    // Yesterday's waiting ticket was ended by the close, so its case (ended) left the live state.
    expect(h.state.tickets.has(a)).toBe(false);
    expect(h.state.cases.size).toBe(0);
    expect(h.state.counters.get(1)?.status).toBe('closed');
    expect(h.state.counters.get(1)?.clerk).toBeNull();
  });

  it('keeps numbering going when the same date is reopened after a close', () => {
    const h = new HallHarness();
    h.openHall([1]);
    const first = [h.issue('simple'), h.issue('simple'), h.issue('joint')];
    h.advance(10);
    h.ok({ type: 'day:close' });
    h.advance(10);
    expect(h.ok({ type: 'day:open' })).toEqual([{ type: 'day-opened', at: h.now, date: '2026-11-27' }]);
    const second = [h.issue('simple'), h.issue('joint')];
    expect(first).toEqual(['2026-11-27/A001', '2026-11-27/A002', '2026-11-27/B001']);
    expect(second).toEqual(['2026-11-27/A003', '2026-11-27/B002']);
    const callNumbers = [...h.state.tickets.values()].map((t) => t.callNumber);
    expect(new Set(callNumbers).size).toBe(callNumbers.length);
    // Service numbers go on too: the same date must never repeat a sequence.
    const sequences = [...first, ...second].map((id) => {
      const parsed = parseServiceNumber(h.ticket(id).serviceNumber);
      return parsed.ok ? parsed.sequence : -1;
    });
    expect(sequences).toEqual([1, 2, 3, 4, 5]);
    // The first session's tickets stay ended.
    expect(first.map((id) => h.ticket(id).endReason)).toEqual(['day-closed', 'day-closed', 'day-closed']);
  });
});

describe('day:close', () => {
  it('refuses when no day is open', () => {
    const h = new HallHarness();
    expect(h.refused({ type: 'day:close' })).toBe('day-not-open');
    h.ok({ type: 'day:open' });
    h.ok({ type: 'day:close' });
    expect(h.refused({ type: 'day:close' })).toBe('day-not-open');
  });

  it('ends waiting, called and serving tickets; forwarded cases carry on; counters close', () => {
    const h = new HallHarness();
    h.openHall([1, 2, 3]);
    const titles = h.issue('titles');
    expect(h.serveNext(1)).toBe(titles);
    expect(h.caseOf(titles).state).toBe('forwarded');

    const serving = h.issue('simple');
    const called = h.issue('simple');
    const waiting = h.issue('simple');
    expect(h.callNext(1)).toBe(serving);
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    expect(h.callNext(2)).toBe(called);
    h.ok({ type: 'counter:pause', counter: 3, reason: 'break', note: null });

    h.advance(15);
    const closedAt = h.now;
    expect(h.ok({ type: 'day:close' })).toEqual([{ type: 'day-closed', at: closedAt, date: '2026-11-27' }]);

    for (const id of [serving, called, waiting]) {
      const ticket = h.ticket(id);
      expect(ticket.status).toBe('ended');
      expect(ticket.endReason).toBe('day-closed');
      expect(ticket.endedAt).toBe(closedAt);
      const kase = h.caseOf(id);
      expect(kase.state).toBe('ended');
      expect(kase.closedAt).toBe(closedAt);
      expect(kase.result).toBeNull();
      expect(kase.timeline.at(-1)).toEqual({ at: closedAt, kind: 'ended', reason: 'day-closed' });
    }

    const forwarded = h.caseOf(titles);
    expect(forwarded.state).toBe('forwarded');
    expect(forwarded.closedAt).toBeNull();
    expect(forwarded.timeline.some((e) => e.kind === 'ended')).toBe(false);
    expect(h.ticket(titles).endReason).toBe('forwarded');

    for (const number of [1, 2, 3]) {
      const counter = h.state.counters.get(number);
      expect(counter?.status).toBe('closed');
      expect(counter?.clerk).toBeNull();
      expect(counter?.current).toBeNull();
      expect(counter?.pauseReason).toBeNull();
    }
    expect(h.state.waitingByService.size).toBe(0);
    expect(h.state.queues.size).toBe(0);
    expect(h.state.day).toMatchObject({ status: 'closed', closedAt });
    // Closed hall: no more tickets, and a clerk must log in again before opening.
    expect(h.refused({ type: 'ticket:call-next', counter: 1 })).toBe('day-not-open');
    expect(h.refused({ type: 'counter:open', counter: 1 })).toBe('clerk-not-logged-in');
  });
});

describe('rollover to the next day', () => {
  it('restarts numbering and caps, and keeps only forwarded cases from yesterday', () => {
    const h = new HallHarness();
    h.openHall([1]);
    const c1 = h.issue('titles');
    const c2 = h.issue('titles');
    expect(
      h.refused({
        type: 'ticket:issue',
        serviceCode: 'titles',
        priority: 'normal',
        greenReason: null,
        channel: 'kiosk',
        idempotencyKey: 'day-one-third-titles',
        verificationCode: '111111',
      }),
    ).toBe('daily-cap-reached');
    const a1 = h.issue('simple');
    const b1 = h.issue('joint');
    expect(h.serveNext(1)).toBe(c1);
    expect(h.serveNext(1)).toBe(c2);
    expect(h.serveNext(1)).toBe(a1);
    const forwardedNumbers = [h.caseOf(c1).serviceNumber, h.caseOf(c2).serviceNumber];
    const finishedNumber = h.caseOf(a1).serviceNumber;
    const endedNumber = h.caseOf(b1).serviceNumber;
    h.advance(60);
    h.ok({ type: 'day:close' });

    h.now = NINE_AM + DAY;
    h.openHall([1]);
    expect(h.state.day?.date).toBe('2026-11-28');
    expect(h.state.tickets.size).toBe(0);
    expect([...h.state.cases.keys()].sort()).toEqual([...forwardedNumbers].sort());
    expect(h.state.cases.has(finishedNumber)).toBe(false);
    expect(h.state.cases.has(endedNumber)).toBe(false);
    expect(h.state.counters.get(1)?.servedToday).toBe(0);

    expect([
      h.issue('simple'),
      h.issue('simple'),
      h.issue('joint'),
      h.issue('titles'),
      h.issue('titles'),
    ]).toEqual([
      '2026-11-28/A001',
      '2026-11-28/A002',
      '2026-11-28/B001',
      '2026-11-28/C001',
      '2026-11-28/C002',
    ]);
    expect(
      h.refused({
        type: 'ticket:issue',
        serviceCode: 'titles',
        priority: 'normal',
        greenReason: null,
        channel: 'kiosk',
        idempotencyKey: 'day-two-third-titles',
        verificationCode: '222222',
      }),
    ).toBe('daily-cap-reached');
    const parsed = parseServiceNumber(h.caseOf('2026-11-28/A001').serviceNumber);
    expect(parsed).toMatchObject({ ok: true, date: '2026-11-28', sequence: 1 });

    // Yesterday's forwarded case is still the department's to work.
    const [firstForwarded] = forwardedNumbers;
    expect(
      h.ok({
        type: 'case:accept',
        department: 'titles-office',
        serviceNumber: firstForwarded ?? '',
        officer: 'officer-1',
      }),
    ).toHaveLength(1);
    expect(h.state.cases.get(firstForwarded ?? '')?.state).toBe('in-department');
  });
});

describe('clerk:login and clerk:logout', () => {
  it('refuses an unknown counter, an occupied counter and a clerk already elsewhere', () => {
    const h = new HallHarness();
    expect(h.refused({ type: 'clerk:login', counter: 9, clerk: { id: 'clerk-x', name: 'X' } })).toBe(
      'unknown-counter',
    );
    expect(login(h, 1, 'clerk-x').ok).toBe(true);
    expect(h.state.counters.get(1)?.clerk).toEqual({ id: 'clerk-x', name: 'Name of clerk-x' });
    expect(h.refused({ type: 'clerk:login', counter: 1, clerk: { id: 'clerk-y', name: 'Y' } })).toBe(
      'counter-occupied',
    );
    expect(h.refused({ type: 'clerk:login', counter: 2, clerk: { id: 'clerk-x', name: 'X' } })).toBe(
      'clerk-elsewhere',
    );
    expect(h.state.counters.get(2)?.clerk ?? null).toBeNull();
  });

  it('treats the same clerk logging in again as a no-op', () => {
    const h = new HallHarness();
    login(h, 1, 'clerk-x');
    const logLength = h.log.length;
    expect(h.ok({ type: 'clerk:login', counter: 1, clerk: { id: 'clerk-x', name: 'Another name' } })).toEqual(
      [],
    );
    expect(h.log).toHaveLength(logLength);
    expect(h.state.counters.get(1)?.clerk).toEqual({ id: 'clerk-x', name: 'Name of clerk-x' });
  });

  it('refuses a logout with a current ticket or without a clerk, and closes the counter on logout', () => {
    const h = new HallHarness();
    h.openHall([1]);
    h.issue('simple');
    h.callNext(1);
    expect(h.refused({ type: 'clerk:logout', counter: 1 })).toBe('counter-busy');
    expect(h.refused({ type: 'clerk:logout', counter: 3 })).toBe('clerk-not-logged-in');
    expect(h.refused({ type: 'clerk:logout', counter: 9 })).toBe('unknown-counter');
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    h.ok({ type: 'step:complete', counter: 1 });
    h.advance(1);
    expect(h.ok({ type: 'clerk:logout', counter: 1 })).toEqual([
      { type: 'clerk-logged-out', at: h.now, counter: 1 },
    ]);
    expect(h.state.counters.get(1)).toMatchObject({ clerk: null, status: 'closed', statusSince: h.now });
    expect(h.refused({ type: 'clerk:logout', counter: 1 })).toBe('clerk-not-logged-in');
    // The clerk is free to sign in at another counter now.
    expect(login(h, 2, 'clerk-1').ok).toBe(true);
  });
});

describe('counter:open, pause, resume and close', () => {
  it('counter:open needs a known counter, a clerk, an open day and a counter not yet open', () => {
    const h = new HallHarness();
    expect(h.refused({ type: 'counter:open', counter: 9 })).toBe('unknown-counter');
    expect(h.refused({ type: 'counter:open', counter: 1 })).toBe('clerk-not-logged-in');
    login(h, 1);
    expect(h.refused({ type: 'counter:open', counter: 1 })).toBe('day-not-open');
    h.ok({ type: 'day:open' });
    expect(h.ok({ type: 'counter:open', counter: 1 })).toEqual([
      { type: 'counter-opened', at: h.now, counter: 1 },
    ]);
    expect(h.state.counters.get(1)?.status).toBe('open');
    expect(h.refused({ type: 'counter:open', counter: 1 })).toBe('counter-already-open');
  });

  it('counter:pause needs an idle open counter and a known reason', () => {
    const h = new HallHarness();
    h.openHall([1]);
    login(h, 2);
    expect(h.refused({ type: 'counter:pause', counter: 9, reason: 'break', note: null })).toBe(
      'unknown-counter',
    );
    expect(h.refused({ type: 'counter:pause', counter: 2, reason: 'break', note: null })).toBe(
      'counter-not-open',
    );
    expect(h.refused({ type: 'counter:pause', counter: 1, reason: 'lunch', note: null })).toBe(
      'unknown-pause-reason',
    );
    h.issue('simple');
    h.callNext(1);
    expect(h.refused({ type: 'counter:pause', counter: 1, reason: 'break', note: null })).toBe(
      'counter-busy',
    );
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    h.ok({ type: 'step:complete', counter: 1 });
    h.advance(2);
    expect(h.ok({ type: 'counter:pause', counter: 1, reason: 'break', note: 'back in 5' })).toEqual([
      { type: 'counter-paused', at: h.now, counter: 1, reason: 'break', note: 'back in 5' },
    ]);
    expect(h.state.counters.get(1)).toMatchObject({
      status: 'paused',
      pauseReason: 'break',
      pauseNote: 'back in 5',
      statusSince: h.now,
    });
    expect(h.refused({ type: 'counter:pause', counter: 1, reason: 'break', note: null })).toBe(
      'counter-not-open',
    );
  });

  it('counter:resume needs a paused counter; counter:open on a paused counter resumes it', () => {
    const h = new HallHarness();
    h.openHall([1]);
    expect(h.refused({ type: 'counter:resume', counter: 9 })).toBe('unknown-counter');
    expect(h.refused({ type: 'counter:resume', counter: 1 })).toBe('counter-not-paused');
    expect(h.refused({ type: 'counter:resume', counter: 2 })).toBe('counter-not-paused');
    h.ok({ type: 'counter:pause', counter: 1, reason: 'break', note: null });
    expect(h.ok({ type: 'counter:resume', counter: 1 })).toEqual([
      { type: 'counter-resumed', at: h.now, counter: 1 },
    ]);
    expect(h.state.counters.get(1)).toMatchObject({ status: 'open', pauseReason: null, pauseNote: null });

    h.ok({ type: 'counter:pause', counter: 1, reason: 'break', note: 'tea' });
    h.advance(5);
    expect(h.ok({ type: 'counter:open', counter: 1 })).toEqual([
      { type: 'counter-resumed', at: h.now, counter: 1 },
    ]);
    expect(h.state.counters.get(1)).toMatchObject({ status: 'open', pauseReason: null, pauseNote: null });
  });

  it('counter:close needs an idle counter that is open or paused', () => {
    const h = new HallHarness();
    h.openHall([1, 4]);
    login(h, 2);
    expect(h.refused({ type: 'counter:close', counter: 9 })).toBe('unknown-counter');
    expect(h.refused({ type: 'counter:close', counter: 2 })).toBe('counter-not-open');
    h.issue('simple');
    h.callNext(1);
    expect(h.refused({ type: 'counter:close', counter: 1 })).toBe('counter-busy');
    h.ok({ type: 'ticket:cancel', ticketId: '2026-11-27/A001' });
    expect(h.ok({ type: 'counter:close', counter: 1 })).toEqual([
      { type: 'counter-closed', at: h.now, counter: 1 },
    ]);
    expect(h.state.counters.get(1)?.status).toBe('closed');
    // The clerk stays logged in at a closed counter.
    expect(h.state.counters.get(1)?.clerk?.id).toBe('clerk-1');
    expect(h.refused({ type: 'counter:close', counter: 1 })).toBe('counter-not-open');

    h.ok({ type: 'counter:pause', counter: 4, reason: 'break', note: null });
    h.ok({ type: 'counter:close', counter: 4 });
    expect(h.state.counters.get(4)).toMatchObject({ status: 'closed', pauseReason: null });
  });

  it('a paused counter cannot call', () => {
    const h = new HallHarness();
    h.openHall([1]);
    const id = h.issue('simple');
    h.ok({ type: 'counter:pause', counter: 1, reason: 'break', note: null });
    expect(h.refused({ type: 'ticket:call-next', counter: 1 })).toBe('counter-not-open');
    expect(h.refused({ type: 'ticket:call', counter: 1, ticketId: id })).toBe('counter-not-open');
    expect(h.ticket(id).status).toBe('waiting');
    h.ok({ type: 'counter:resume', counter: 1 });
    expect(h.callNext(1)).toBe(id);
  });
});
