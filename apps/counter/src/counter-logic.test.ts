import { describe, expect, it } from 'vitest';
import type { Case } from '@yizhan/shared';
import { HallHarness } from '../../../shared/src/testing/test-hall';
import { clerkFigures } from './clerk-figures';
import { foldDepartmentEvent } from './department-cases';
import { formatDuration, limitLevel } from './format';
import { actionOutcome, pressOutcome } from './press-request';
import { offsetFrom } from './server-time';

describe('the counter terminal logic', () => {
  it('colours the step timer amber from 80 % of the limit and red past it', () => {
    expect(limitLevel(7 * 60_000, 10 * 60_000)).toBe('ok');
    expect(limitLevel(8 * 60_000, 10 * 60_000)).toBe('amber');
    expect(limitLevel(10 * 60_000, 10 * 60_000)).toBe('amber');
    expect(limitLevel(10 * 60_000 + 1, 10 * 60_000)).toBe('red');
    expect(formatDuration(65_000)).toBe('01:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });

  it('counts a clerk’s own steps, service time and ratings for today', () => {
    const h = new HallHarness();
    h.openHall([1, 2]);
    h.issue('simple');
    h.issue('simple');
    h.callNext(1);
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    h.advance(4);
    h.ok({ type: 'step:complete', counter: 1 });
    h.ok({ type: 'case:rate', counter: 1, score: 2 });
    h.serveNext(2);
    const figures = clerkFigures(h.state, 'clerk-1');
    expect(figures.served).toBe(1);
    expect(figures.averageServiceMs).toBe(4 * 60_000);
    expect(figures.ratings).toEqual({ 1: 0, 2: 1, 3: 0, 4: 0 });
    expect(clerkFigures(h.state, 'clerk-2').served).toBe(1);
  });

  it('maps keypad and rating presses to the requests the server takes', () => {
    expect(pressOutcome({ kind: 'rating', score: 4 }, 3, false)).toEqual({
      kind: 'request',
      name: 'case:rate',
      payload: { counter: 3, score: 4 },
    });
    expect(actionOutcome('pause', 3, false)).toEqual({ kind: 'dialog', dialog: 'pause' });
    expect(actionOutcome('pause', 3, true)).toMatchObject({ name: 'counter:resume' });
    expect(actionOutcome('complete', 3, false)).toMatchObject({
      name: 'step:complete',
      payload: { counter: 3 },
    });
  });

  it('folds the department’s case events and asks for a snapshot for a new case', () => {
    const h = new HallHarness();
    h.openHall([1]);
    const id = h.issue('titles');
    h.serveNext(1);
    const kase = structuredClone(h.caseOf(id)) as Case;
    const cases = new Map([[kase.serviceNumber, kase]]);
    const sn = kase.serviceNumber;
    const at = h.now;
    expect(
      foldDepartmentEvent(cases, 'titles-office', {
        type: 'case-accepted',
        at,
        serviceNumber: sn,
        department: 'titles-office',
        officer: 'o',
      }),
    ).toBe('ok');
    expect(cases.get(sn)?.state).toBe('in-department');
    foldDepartmentEvent(cases, 'titles-office', {
      type: 'case-completed',
      at,
      serviceNumber: sn,
      ticketId: null,
      result: 'rejected',
      department: 'titles-office',
      officer: 'o',
      note: null,
    });
    expect(cases.get(sn)).toMatchObject({ state: 'completed', result: 'rejected' });
    expect(
      foldDepartmentEvent(cases, 'titles-office', {
        type: 'case-forwarded',
        at,
        serviceNumber: '999',
        ticketId: 'x',
        counter: 1,
        department: 'titles-office',
        dueDate: '2026-12-01',
        dueAt: at,
        note: null,
      }),
    ).toBe('unknown-case');
  });

  it('learns server time from events, ignoring latency but following a clock jump back', () => {
    expect(offsetFrom(1000, 500, null)).toBe(500);
    expect(offsetFrom(1000, 520, 500)).toBe(500);
    expect(offsetFrom(2000, 500, 500)).toBe(1500);
    expect(offsetFrom(0, 100_000, 500)).toBe(-100_000);
  });
});
