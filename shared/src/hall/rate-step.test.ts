import { describe, expect, it } from 'vitest';
import { HallHarness } from '../testing/test-hall';

describe('case:rate', () => {
  it('rates the step just completed at the counter, with its clerk, once', () => {
    const h = new HallHarness();
    h.openHall([1, 2]);
    expect(h.refused({ type: 'case:rate', counter: 1, score: 4 })).toBe('nothing-to-rate');
    h.issue('simple');
    const id = h.serveNext(1);
    const events = h.ok({ type: 'case:rate', counter: 1, score: 3 });
    expect(events).toEqual([
      expect.objectContaining({ type: 'case-rated', counter: 1, stepIndex: 0, score: 3, ticketId: id }),
    ]);
    const kase = h.caseOf(id);
    expect(kase.ratings).toEqual([
      expect.objectContaining({ stepIndex: 0, counter: 1, score: 3, clerk: expect.any(String) }),
    ]);
    expect(kase.ratings?.[0]?.clerk).toBe(kase.steps[0]?.clerk);
    expect(h.refused({ type: 'case:rate', counter: 1, score: 1 })).toBe('step-already-rated');
    // Another counter has completed nothing yet.
    expect(h.refused({ type: 'case:rate', counter: 2, score: 4 })).toBe('nothing-to-rate');
    expect(h.refused({ type: 'case:rate', counter: 77, score: 4 })).toBe('unknown-counter');
  });

  it('moves on to the next completed step at the same counter', () => {
    const h = new HallHarness();
    h.openHall([1]);
    h.issue('simple');
    const first = h.serveNext(1);
    h.ok({ type: 'case:rate', counter: 1, score: 4 });
    h.issue('simple');
    h.advance(1);
    const second = h.serveNext(1);
    h.ok({ type: 'case:rate', counter: 1, score: 1 });
    expect(h.caseOf(first).ratings?.map((r) => r.score)).toEqual([4]);
    expect(h.caseOf(second).ratings?.map((r) => r.score)).toEqual([1]);
  });
});
