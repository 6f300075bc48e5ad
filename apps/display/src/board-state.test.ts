import type { PublicEvent, PublicSnapshot, RoleEvent, SeqEvent } from '@yizhan/shared';
import { describe, expect, it } from 'vitest';
import { applyPublicEvent, boardFromSnapshot, peopleAhead, type Board, type BoardNames } from './board-state';

const names: BoardNames = {
  pauseReasons: [{ code: 'break', name: { zh: '短暂离开', en: 'Short break' } }],
  services: [
    { code: 'exam', prefix: 'A' },
    { code: 'title', prefix: 'B' },
  ],
};

function snapshot(): PublicSnapshot {
  const counter = (number: number) => ({
    number,
    name: { zh: `${number} 号窗口`, en: `Counter ${number}` },
    status: 'open' as const,
    pauseReason: null,
    clerkName: `王${number}`,
    callNumber: null,
  });
  return {
    kind: 'public',
    seq: 10,
    serverTime: 1_000,
    board: {
      date: '2026-11-27',
      dayOpen: true,
      latestCalls: [],
      counters: [counter(1), counter(2)],
      waitingByService: [
        { serviceCode: 'exam', name: { zh: '考试', en: 'Exam' }, category: 'c1', waiting: 2 },
        { serviceCode: 'title', name: { zh: '职称', en: 'Title' }, category: 'c2', waiting: 1 },
      ],
      waitingByCategory: [
        { category: 'c1', name: { zh: '甲', en: 'One' }, waiting: 2 },
        { category: 'c2', name: { zh: '乙', en: 'Two' }, waiting: 1 },
      ],
      notices: [],
    },
    waiting: [
      { ticketId: 't1', callNumber: 'A001', serviceCode: 'exam', skill: 'exam', queueSeq: 1 },
      { ticketId: 't2', callNumber: 'A002', serviceCode: 'exam', skill: 'exam', queueSeq: 2 },
      { ticketId: 't3', callNumber: 'B001', serviceCode: 'title', skill: 'title', queueSeq: 3 },
    ],
  };
}

let seq = 10;
function fold(board: Board, ...events: PublicEvent[]): Board {
  return events.reduce(
    (b, event) => applyPublicEvent(b, { seq: ++seq, event } as SeqEvent<RoleEvent>, names),
    board,
  );
}
const at = 2_000;

describe('applyPublicEvent', () => {
  it('puts a call on its counter, first in the latest calls, and out of the queue', () => {
    const board = fold(boardFromSnapshot(snapshot()), {
      type: 'ticket-called',
      at,
      ticketId: 't1',
      callNumber: 'A001',
      counter: 2,
    });
    expect(board.counters.find((c) => c.number === 2)?.callNumber).toBe('A001');
    expect(board.latestCalls[0]).toMatchObject({ callNumber: 'A001', counter: 2, recall: false });
    expect(board.waiting.map((w) => w.ticketId)).toEqual(['t2', 't3']);
    expect(board.waitingByService.find((s) => s.serviceCode === 'exam')?.waiting).toBe(1);
    expect(board.waitingByCategory.find((c) => c.category === 'c1')?.waiting).toBe(1);
  });

  it('lists a recall again without touching the queue', () => {
    const called = fold(boardFromSnapshot(snapshot()), {
      type: 'ticket-called',
      at,
      ticketId: 't1',
      callNumber: 'A001',
      counter: 1,
    });
    const recalled = fold(called, {
      type: 'ticket-recalled',
      at,
      ticketId: 't1',
      callNumber: 'A001',
      counter: 1,
    });
    expect(recalled.latestCalls.map((c) => c.recall)).toEqual([true, false]);
    expect(recalled.waiting).toEqual(called.waiting);
  });

  it('clears a counter when its ticket leaves, and requeues a no-show under its service', () => {
    let board = fold(boardFromSnapshot(snapshot()), {
      type: 'ticket-called',
      at,
      ticketId: 't1',
      callNumber: 'A001',
      counter: 1,
    });
    board = fold(
      board,
      { type: 'ticket-no-show', at, ticketId: 't1', counter: 1 },
      {
        type: 'ticket-queued',
        at,
        ticketId: 't1',
        skill: 'exam',
        directCounter: null,
        queueSeq: 9,
        reason: 'no-show',
      },
    );
    expect(board.counters.find((c) => c.number === 1)?.callNumber).toBeNull();
    expect(board.waiting.map((w) => w.ticketId)).toEqual(['t2', 't3', 't1']);
    expect(board.waitingByService.find((s) => s.serviceCode === 'exam')?.waiting).toBe(2);
  });

  it('clears a counter serving a ticket the snapshot named only by call number', () => {
    const snap = snapshot();
    snap.board.counters[0] = { ...snap.board.counters[0]!, callNumber: 'B900' };
    const board = fold(boardFromSnapshot(snap), {
      type: 'step-completed',
      at,
      ticketId: 'unknown',
      counter: 1,
      stepIndex: 0,
    });
    expect(board.counters[0]?.callNumber).toBeNull();
  });

  it('shows a pause with its reason by name, and the clerk who signs in', () => {
    const board = fold(
      boardFromSnapshot(snapshot()),
      { type: 'counter-paused', at, counter: 2, reason: 'break' },
      { type: 'clerk-logged-in', at, counter: 1, clerkName: '李四' },
    );
    expect(board.counters[1]).toMatchObject({
      status: 'paused',
      pauseReason: { zh: '短暂离开', en: 'Short break' },
    });
    expect(board.counters[0]?.clerkName).toBe('李四');
    const resumed = fold(board, { type: 'counter-resumed', at, counter: 2 });
    expect(resumed.counters[1]).toMatchObject({ status: 'open', pauseReason: null });
  });

  it('counts a new ticket and drops a cancelled one', () => {
    let board = fold(boardFromSnapshot(snapshot()), {
      type: 'ticket-issued',
      at,
      ticketId: 't4',
      callNumber: 'B002',
      serviceCode: 'title',
      skill: 'title',
      priority: 'normal',
      queueSeq: 4,
    });
    expect(board.waitingByCategory.find((c) => c.category === 'c2')?.waiting).toBe(2);
    board = fold(board, { type: 'ticket-cancelled', at, ticketId: 't3' });
    expect(board.waitingByCategory.find((c) => c.category === 'c2')?.waiting).toBe(1);
    expect(board.waiting.map((w) => w.ticketId)).toEqual(['t1', 't2', 't4']);
  });

  it('never mutates the board it was given', () => {
    const board = boardFromSnapshot(snapshot());
    const copy = structuredClone(board);
    fold(
      board,
      { type: 'ticket-called', at, ticketId: 't1', callNumber: 'A001', counter: 1 },
      { type: 'day-closed', at, date: '2026-11-27' },
    );
    expect(board).toEqual(copy);
  });

  it('empties the hall when the day closes', () => {
    const board = fold(boardFromSnapshot(snapshot()), { type: 'day-closed', at, date: '2026-11-27' });
    expect(board.dayOpen).toBe(false);
    expect(board.waiting).toEqual([]);
    expect(board.counters.every((c) => c.status === 'closed' && c.clerkName === null)).toBe(true);
    expect(board.waitingByCategory.every((c) => c.waiting === 0)).toBe(true);
  });
});

describe('peopleAhead', () => {
  it('counts the tickets before this one in the same queue', () => {
    const board = boardFromSnapshot(snapshot());
    expect(peopleAhead(board, 't1')).toBe(0);
    expect(peopleAhead(board, 't2')).toBe(1);
    expect(peopleAhead(board, 't3')).toBe(0);
    expect(peopleAhead(board, 'gone')).toBeNull();
  });
});
