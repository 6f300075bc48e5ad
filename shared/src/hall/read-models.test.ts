import { describe, expect, it } from 'vitest';
import { HallHarness, MINUTE, NINE_AM } from '../testing/test-hall';
import { boardView } from './board-view';
import { counterView } from './counter-view';
import { estimateServiceWait, estimateTicketWait } from './estimate-wait';
import { overdue } from './overdue';

const DUE_AT = Date.UTC(2026, 11, 4, 10, 0); // Fri 2026-12-04 18:00 Shanghai

describe('boardView', () => {
  it('shows every counter, its call and pause reason, and the waiting sums', () => {
    const h = new HallHarness();
    h.openHall([1, 2, 3]);
    h.ok({ type: 'counter:pause', counter: 3, reason: 'break', note: 'back soon' });
    const [a1, a2] = [h.issue('simple'), h.issue('simple')];
    h.issue('joint');
    h.issue('wages');
    h.issue('titles');
    h.issue('titles');
    h.callNext(1);
    h.advance(1);
    h.callNext(2);

    const board = boardView(h.state, h.hall);
    expect(board.date).toBe('2026-11-27');
    expect(board.dayOpen).toBe(true);
    expect(board.counters).toEqual([
      {
        number: 1,
        name: { zh: '1号窗口', en: 'Counter 1' },
        status: 'open',
        pauseReason: null,
        clerkName: 'Clerk 1',
        callNumber: 'A001',
      },
      {
        number: 2,
        name: { zh: '2号窗口', en: 'Counter 2' },
        status: 'open',
        pauseReason: null,
        clerkName: 'Clerk 2',
        callNumber: 'A002',
      },
      {
        number: 3,
        name: { zh: '3号窗口', en: 'Counter 3' },
        status: 'paused',
        pauseReason: { zh: '短暂离开', en: 'Break' },
        clerkName: 'Clerk 3',
        callNumber: null,
      },
      {
        number: 4,
        name: { zh: '4号窗口', en: 'Counter 4' },
        status: 'closed',
        pauseReason: null,
        clerkName: null,
        callNumber: null,
      },
    ]);
    expect(board.waitingByService.map((s) => [s.serviceCode, s.waiting])).toEqual([
      ['simple', 0],
      ['joint', 1],
      ['titles', 2],
      ['wages', 1],
    ]);
    expect(board.waitingByService[2]).toEqual({
      serviceCode: 'titles',
      name: { zh: '职称评审', en: 'Title review' },
      category: 'general',
      waiting: 2,
    });
    expect(board.waitingByCategory).toEqual([
      { category: 'general', name: { zh: '综合', en: 'General' }, waiting: 4 },
    ]);
    expect(board.latestCalls.map((c) => [c.ticketId, c.counter, c.at])).toEqual([
      [a2, 2, NINE_AM + MINUTE],
      [a1, 1, NINE_AM],
    ]);
    expect(board.notices).toEqual([]);
    // Nothing on the board identifies a visitor's case.
    expect(JSON.stringify(board)).not.toContain(h.caseOf(a1).serviceNumber);

    h.ok({ type: 'day:close' });
    const closed = boardView(h.state, h.hall);
    expect(closed.dayOpen).toBe(false);
    expect(closed.counters.map((c) => [c.status, c.callNumber, c.clerkName])).toEqual([
      ['closed', null, null],
      ['closed', null, null],
      ['closed', null, null],
      ['closed', null, null],
    ]);
    expect(closed.waitingByCategory[0]?.waiting).toBe(0);
  });
});

describe('counterView', () => {
  it('shows step k of n, where the case goes next, recalls left and time against the limit', () => {
    const h = new HallHarness();
    h.openHall([1, 2, 3]);
    const b1 = h.issue('joint');
    const c1 = h.issue('titles');
    const a1 = h.issue('simple');
    expect(counterView(h.state, h.hall, 9, h.now)).toBeNull();
    expect(counterView(h.state, h.hall, 4, h.now)).toMatchObject({
      number: 4,
      status: 'closed',
      clerk: null,
      current: null,
      servedToday: 0,
    });

    h.callNext(1);
    h.advance(3);
    expect(counterView(h.state, h.hall, 1, h.now)?.current).toEqual({
      ticketId: b1,
      callNumber: 'B001',
      serviceNumber: h.caseOf(b1).serviceNumber,
      serviceCode: 'joint',
      serviceName: { zh: '联办事项', en: 'Joint item' },
      materials: [],
      priority: 'normal',
      status: 'called',
      step: 1,
      stepCount: 3,
      stepName: { zh: '受理', en: 'Intake' },
      next: {
        kind: 'step',
        skill: 'review',
        skillName: { zh: '审核', en: 'Review' },
        name: { zh: '审核', en: 'Review' },
      },
      recallsLeft: 2,
      elapsedMs: 3 * MINUTE,
      limitMs: 10 * MINUTE,
    });
    h.ok({ type: 'ticket:recall', counter: 1 });
    expect(counterView(h.state, h.hall, 1, h.now)?.current?.recallsLeft).toBe(1);
    h.ok({ type: 'ticket:recall', counter: 1 });
    expect(counterView(h.state, h.hall, 1, h.now)?.current?.recallsLeft).toBe(0);
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    h.advance(12);
    const serving = counterView(h.state, h.hall, 1, h.now);
    expect(serving?.current).toMatchObject({
      status: 'serving',
      elapsedMs: 12 * MINUTE,
      limitMs: 10 * MINUTE,
    });
    expect(serving?.clerk).toEqual({ id: 'clerk-1', name: 'Clerk 1' });
    expect(serving?.queues).toEqual([
      { skill: 'intake', tier: 0, waiting: 2, longestWaitMs: 15 * MINUTE },
      { skill: 'wages', tier: 1, waiting: 0, longestWaitMs: 0 },
    ]);
    h.ok({ type: 'step:complete', counter: 1 });
    expect(counterView(h.state, h.hall, 1, h.now)).toMatchObject({ current: null, servedToday: 1 });

    h.callNext(2);
    expect(counterView(h.state, h.hall, 2, h.now)?.current).toMatchObject({
      ticketId: b1,
      step: 2,
      stepCount: 3,
      stepName: { zh: '审核', en: 'Review' },
      // The next step by its own name ("Issue"), with the skill's name ("Issuing") beside it.
      next: {
        kind: 'step',
        skill: 'issue',
        skillName: { zh: '发证', en: 'Issuing' },
        name: { zh: '发证', en: 'Issue' },
      },
      recallsLeft: 2,
      elapsedMs: 0,
      limitMs: 15 * MINUTE,
    });
    h.ok({ type: 'ticket:start-serving', counter: 2 });
    h.ok({ type: 'step:complete', counter: 2 });
    h.callNext(3);
    expect(counterView(h.state, h.hall, 3, h.now)?.current).toMatchObject({
      step: 3,
      stepCount: 3,
      next: { kind: 'done' },
      limitMs: 5 * MINUTE,
    });

    expect(h.callNext(1)).toBe(c1);
    expect(counterView(h.state, h.hall, 1, h.now)?.current).toMatchObject({
      step: 1,
      stepCount: 1,
      next: { kind: 'forward', department: 'titles-office' },
    });
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    h.ok({ type: 'step:complete', counter: 1 });
    expect(h.callNext(1)).toBe(a1);
    expect(counterView(h.state, h.hall, 1, h.now)?.current).toMatchObject({
      next: { kind: 'done' },
      materials: [{ zh: '身份证', en: 'ID card' }],
    });
  });
});

describe('estimateServiceWait and estimateTicketWait', () => {
  it('count people ahead, fall back to the step time, then use recent service times, per open counter', () => {
    const h = new HallHarness();
    h.openHall([1]);
    const [a1, , , a4] = [h.issue('simple'), h.issue('simple'), h.issue('simple'), h.issue('simple')];
    const ticketWait = (id: string) => estimateTicketWait(h.state, h.hall, h.ticket(id));

    // One counter open for intake, no service times yet: 10 minutes a step.
    expect(estimateServiceWait(h.state, h.hall, 'simple')).toEqual({
      peopleAhead: 4,
      estimatedMs: 40 * MINUTE,
    });
    expect(estimateServiceWait(h.state, h.hall, 'titles')).toEqual({
      peopleAhead: 4,
      estimatedMs: 40 * MINUTE,
    });
    expect(estimateServiceWait(h.state, h.hall, 'wages')).toEqual({ peopleAhead: 0, estimatedMs: 0 });
    expect(estimateServiceWait(h.state, h.hall, 'passports')).toBeNull();
    expect(ticketWait(a1 ?? '')).toEqual({ peopleAhead: 0, estimatedMs: 0 });
    expect(ticketWait(a4 ?? '')).toEqual({ peopleAhead: 3, estimatedMs: 30 * MINUTE });

    // Counters 2 and 4 also serve intake.
    for (const counter of [2, 4]) {
      h.ok({ type: 'clerk:login', counter, clerk: { id: `clerk-${counter}`, name: `Clerk ${counter}` } });
      h.ok({ type: 'counter:open', counter });
    }
    expect(estimateServiceWait(h.state, h.hall, 'simple')).toEqual({
      peopleAhead: 4,
      estimatedMs: 20 * MINUTE,
    });
    expect(ticketWait(a4 ?? '')).toEqual({ peopleAhead: 3, estimatedMs: 10 * MINUTE });
    // A paused counter does not serve.
    h.ok({ type: 'counter:pause', counter: 4, reason: 'break', note: null });
    expect(ticketWait(a4 ?? '')).toEqual({ peopleAhead: 3, estimatedMs: 20 * MINUTE });
    h.ok({ type: 'counter:resume', counter: 4 });

    // Two steps done, in 4 and 8 minutes: 6 minutes a step from now on.
    h.callNext(1);
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    h.callNext(2);
    h.ok({ type: 'ticket:start-serving', counter: 2 });
    h.advance(4);
    h.ok({ type: 'step:complete', counter: 1 });
    h.advance(4);
    h.ok({ type: 'step:complete', counter: 2 });
    expect(estimateServiceWait(h.state, h.hall, 'simple')).toEqual({
      peopleAhead: 2,
      estimatedMs: 6 * MINUTE,
    });
    expect(ticketWait(a4 ?? '')).toEqual({ peopleAhead: 1, estimatedMs: 6 * MINUTE });
    expect(ticketWait(a1 ?? '')).toEqual({ peopleAhead: 0, estimatedMs: 0 });
  });

  it('uses the step of the ticket (review: 15 minutes) for a case in progress', () => {
    const h = new HallHarness();
    h.openHall([1, 2, 3]);
    h.ok({ type: 'counter:pause', counter: 2, reason: 'break', note: null });
    h.ok({ type: 'counter:pause', counter: 3, reason: 'break', note: null });
    const [b1, b2] = [h.issue('joint'), h.issue('joint')];
    h.callNext(1);
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    h.ok({ type: 'step:complete', counter: 1 }); // intake took 0 ms: only intake's samples change
    h.serveNext(1);
    expect(h.ticket(b2 ?? '')).toMatchObject({ skill: 'review', lane: 'transfer' });
    expect(estimateTicketWait(h.state, h.hall, h.ticket(b2 ?? ''))).toEqual({
      peopleAhead: 1,
      estimatedMs: 15 * MINUTE,
    });
    expect(h.ticket(b1 ?? '').queueSeq).toBeLessThan(h.ticket(b2 ?? '').queueSeq);
  });

  it('counts only the cases in progress ahead of a transfer-lane ticket, not those behind it', () => {
    const h = new HallHarness();
    h.openHall([1]);
    const [b1, b2] = [h.issue('joint'), h.issue('joint')];
    h.serveNext(1);
    h.serveNext(1);
    // Both wait for review in the transfer lane, b1 first; nobody is ahead of b1.
    expect(h.state.queues.get('review')?.transfer.ids).toEqual([b1, b2]);
    expect(estimateTicketWait(h.state, h.hall, h.ticket(b1 ?? '')).peopleAhead).toBe(0);
  });
});

describe('overdue', () => {
  it('lists waits, services and forwarded cases past their limits, most overdue first', () => {
    const h = new HallHarness();
    h.openHall([1, 4]);
    const a1 = h.issue('simple'); // target wait 20
    const d1 = h.issue('wages'); // target wait 30, service 10
    const c1 = h.issue('titles');
    expect(overdue(h.state, h.hall, h.now)).toEqual([]);

    h.ok({ type: 'ticket:call', counter: 1, ticketId: c1 });
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    h.ok({ type: 'step:complete', counter: 1 });
    expect(h.callNext(4)).toBe(d1);
    h.ok({ type: 'ticket:start-serving', counter: 4 });
    expect(overdue(h.state, h.hall, h.now)).toEqual([]);
    expect(overdue(h.state, h.hall, NINE_AM + 10 * MINUTE)).toEqual([]); // the limit itself is not late

    const at = NINE_AM + 25 * MINUTE;
    expect(overdue(h.state, h.hall, at)).toEqual([
      {
        kind: 'service',
        ticketId: d1,
        callNumber: 'D001',
        serviceCode: 'wages',
        stepIndex: 0,
        counter: 4,
        dueAt: NINE_AM + 10 * MINUTE,
        overByMs: 15 * MINUTE,
      },
      {
        kind: 'wait',
        ticketId: a1,
        callNumber: 'A001',
        serviceCode: 'simple',
        stepIndex: 0,
        dueAt: NINE_AM + 20 * MINUTE,
        overByMs: 5 * MINUTE,
      },
    ]);

    const sn = h.caseOf(c1).serviceNumber;
    const later = overdue(h.state, h.hall, DUE_AT + 30 * MINUTE);
    expect(later.map((item) => item.kind)).toEqual(['service', 'wait', 'forward']);
    expect(later.at(-1)).toEqual({
      kind: 'forward',
      serviceNumber: sn,
      serviceCode: 'titles',
      department: 'titles-office',
      dueAt: DUE_AT,
      overByMs: 30 * MINUTE,
    });
    const overBy = later.map((item) => item.overByMs);
    expect(overBy).toEqual([...overBy].sort((x, y) => y - x));

    // Accepted is still late; completed is not listed.
    h.ok({ type: 'case:accept', department: 'titles-office', serviceNumber: sn, officer: 'o' });
    expect(overdue(h.state, h.hall, DUE_AT + 30 * MINUTE).map((item) => item.kind)).toContain('forward');
    h.ok({
      type: 'case:complete',
      department: 'titles-office',
      serviceNumber: sn,
      officer: 'o',
      result: 'approved',
      note: null,
    });
    expect(overdue(h.state, h.hall, DUE_AT + 30 * MINUTE).map((item) => item.kind)).toEqual([
      'service',
      'wait',
    ]);
  });

  it('does not count a called ticket as waiting or serving', () => {
    const h = new HallHarness();
    h.openHall([1]);
    h.issue('simple');
    h.callNext(1);
    expect(overdue(h.state, h.hall, NINE_AM + 120 * MINUTE)).toEqual([]);
  });
});
