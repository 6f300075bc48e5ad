import { describe, expect, it } from 'vitest';
import { HallHarness } from '../testing/test-hall';
import { hallInvariantViolations } from '../testing/invariants';
import { snapshotOf, stateFromSnapshot } from './state-snapshot';

describe('hall state snapshots', () => {
  function busyHall() {
    const h = new HallHarness();
    h.openHall([1, 2, 3, 4]);
    for (let i = 0; i < 5; i++) h.issue('joint');
    h.issue('simple', { priority: 'green', greenReason: 'elderly' });
    h.issue('titles');
    h.serveNext(1); // joint B001 moves to review, transfer lane
    h.callNext(2); // takes it
    h.callNext(4);
    h.ok({ type: 'ticket:transfer', counter: 4, to: { counter: 3 }, note: 'see colleague' });
    h.advance(3);
    return h;
  }

  it('rebuild the same hall: same snapshot, same next calls, invariants hold', () => {
    const h = busyHall();
    const restored = stateFromSnapshot(JSON.parse(JSON.stringify(snapshotOf(h.state))));
    expect(snapshotOf(restored)).toEqual(snapshotOf(h.state));
    expect(hallInvariantViolations(restored, h.hall)).toEqual([]);

    // The restored engine makes exactly the same decisions from here on.
    const twin = new HallHarness(h.hall, restored);
    twin.now = h.now;
    for (const counter of [1, 3, 1, 1]) {
      expect(twin.callNext(counter)).toBe(h.callNext(counter));
      h.ok({ type: 'ticket:start-serving', counter });
      twin.ok({ type: 'ticket:start-serving', counter });
      h.ok({ type: 'step:complete', counter });
      twin.ok({ type: 'step:complete', counter });
    }
    expect(snapshotOf(twin.state)).toEqual(snapshotOf(h.state));
  });

  it('blank verification codes and idempotency keys when asked', () => {
    const h = busyHall();
    const snapshot = snapshotOf(h.state, { redactCodes: true });
    expect(snapshot.cases.every((c) => c.verificationCode === '')).toBe(true);
    expect(snapshot.idempotency).toEqual([]);
    expect([...h.state.cases.values()].every((c) => /^\d{6}$/.test(c.verificationCode))).toBe(true);
  });
});
