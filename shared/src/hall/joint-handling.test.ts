import { describe, expect, it } from 'vitest';
import { HallHarness, MINUTE, NINE_AM, testHallConfig } from '../testing/test-hall';
import { caseTracking } from './case-tracking';
import { counterView } from './counter-view';
import { makeServiceNumber } from './service-number';
import { selectNext } from './routing';

/** Fri 2026-12-04 18:00 in Shanghai: 5 working days after Fri 2026-11-27, at closing time. */
const DUE_AT = Date.UTC(2026, 11, 4, 10, 0);

const twoDepartments = () =>
  testHallConfig((input) => {
    input.departments.push({ code: 'wages-office', name: { zh: '工资福利处', en: 'Wages office' } });
  });

/** Issues a case of `service` and forwards it from counter 1 (titles is forwarded by itself). */
function forwardedCase(h: HallHarness, service: 'titles' | 'joint' = 'titles'): string {
  const id = h.issue(service);
  h.ok({ type: 'ticket:call', counter: 1, ticketId: id });
  h.ok({ type: 'ticket:start-serving', counter: 1 });
  if (service === 'titles') h.ok({ type: 'step:complete', counter: 1 });
  else h.ok({ type: 'case:forward', counter: 1, department: 'titles-office', note: null });
  return h.caseOf(id).serviceNumber;
}

describe('a joint-handling (联办) case', () => {
  it('goes intake → review → issue, keeps its first owner and records every step', () => {
    const h = new HallHarness();
    h.openHall([1, 2, 3]);
    const id = h.issue('joint');

    expect(h.callNext(1)).toBe(id);
    h.advance(1);
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    const start1 = h.now;
    h.advance(8);
    const step1 = h.ok({ type: 'step:complete', counter: 1 });
    expect(step1.map((e) => e.type)).toEqual(['step-completed', 'ticket-queued']);
    expect(step1[1]).toMatchObject({ reason: 'next-step', stepIndex: 1, skill: 'review', lane: 'transfer' });
    expect(h.ticket(id)).toMatchObject({
      status: 'waiting',
      stepIndex: 1,
      skill: 'review',
      lane: 'transfer',
    });
    expect(h.caseOf(id)).toMatchObject({ state: 'waiting', ownerCounter: 1, ownerClerk: 'clerk-1' });
    const end1 = h.now;

    expect(h.callNext(2)).toBe(id);
    h.ok({ type: 'ticket:start-serving', counter: 2 });
    const start2 = h.now;
    h.advance(12);
    h.ok({ type: 'step:complete', counter: 2 });
    const end2 = h.now;
    expect(h.ticket(id)).toMatchObject({ stepIndex: 2, skill: 'issue', lane: 'transfer' });
    expect(h.caseOf(id)).toMatchObject({ ownerCounter: 1, ownerClerk: 'clerk-1' });

    expect(h.callNext(3)).toBe(id);
    h.ok({ type: 'ticket:start-serving', counter: 3 });
    const start3 = h.now;
    h.advance(4);
    const step3 = h.ok({ type: 'step:complete', counter: 3 });
    expect(step3.map((e) => e.type)).toEqual(['step-completed', 'case-completed']);

    const kase = h.caseOf(id);
    expect(kase).toMatchObject({
      state: 'completed',
      result: 'completed',
      closedAt: h.now,
      ownerCounter: 1,
      ownerClerk: 'clerk-1',
      forwarding: null,
    });
    expect(kase.steps).toEqual([
      { stepIndex: 0, skill: 'intake', counter: 1, clerk: 'clerk-1', startedAt: start1, completedAt: end1 },
      { stepIndex: 1, skill: 'review', counter: 2, clerk: 'clerk-2', startedAt: start2, completedAt: end2 },
      { stepIndex: 2, skill: 'issue', counter: 3, clerk: 'clerk-3', startedAt: start3, completedAt: h.now },
    ]);
    expect(kase.timeline.filter((e) => e.kind === 'step-completed')).toHaveLength(3);
    expect(kase.timeline.at(-1)).toEqual({ at: h.now, kind: 'completed', result: 'completed' });
    expect(h.ticket(id)).toMatchObject({ status: 'ended', endReason: 'completed' });
    expect([1, 2, 3].map((n) => h.state.counters.get(n)?.servedToday)).toEqual([1, 1, 1]);
    expect(h.state.serviceTimes.get('review')).toEqual([12 * MINUTE]);
  });

  it('is called from the transfer lane before an earlier ticket that would otherwise win', () => {
    const h = new HallHarness();
    h.openHall([1, 2]);
    const fresh = h.issue('simple'); // 09:00, for intake: counter 2's second tier
    h.advance(1);
    const joint = h.issue('joint');
    h.ok({ type: 'ticket:call', counter: 1, ticketId: joint });
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    h.advance(60);
    h.ok({ type: 'step:complete', counter: 1 });
    // The fresh ticket has waited 61 minutes: aged, it beats every fresh ticket of any tier.
    expect(h.now - h.ticket(fresh).queuedAt).toBe(61 * MINUTE);

    expect(selectNext(h.state, h.hall, 2, h.now)).toMatchObject({ ticket: { id: joint }, rule: 'transfer' });
    expect(h.callNext(2)).toBe(joint);
    // Without the case in progress, the earlier ticket is next.
    expect(selectNext(h.state, h.hall, 2, h.now)).toMatchObject({ ticket: { id: fresh }, rule: 'aged' });
  });

  it('refuses step:complete without a ticket being served', () => {
    const h = new HallHarness();
    h.openHall([1]);
    expect(h.refused({ type: 'step:complete', counter: 1 })).toBe('no-current-ticket');
    expect(h.refused({ type: 'step:complete', counter: 9 })).toBe('unknown-counter');
    const id = h.issue('joint');
    h.callNext(1);
    expect(h.refused({ type: 'step:complete', counter: 1 })).toBe('ticket-not-serving');
    expect(h.ticket(id)).toMatchObject({ status: 'called', stepIndex: 0 });
  });
});

describe('ticket:transfer', () => {
  it('to a skill: unknown-skill, else into that skill’s transfer lane at the same step', () => {
    const h = new HallHarness();
    h.openHall([1, 2]);
    const id = h.issue('joint');
    h.callNext(1);
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    expect(
      h.refused({ type: 'ticket:transfer', counter: 1, to: { skill: 'passports' }, note: 'wrong desk' }),
    ).toBe('unknown-skill');
    h.advance(2);
    const events = h.ok({
      type: 'ticket:transfer',
      counter: 1,
      to: { skill: 'review' },
      note: 'needs review first',
    });
    expect(events).toEqual([
      {
        type: 'ticket-transferred',
        at: h.now,
        ticketId: id,
        counter: 1,
        toSkill: 'review',
        toCounter: null,
        note: 'needs review first',
      },
      {
        type: 'ticket-queued',
        at: h.now,
        ticketId: id,
        reason: 'transfer',
        stepIndex: 0,
        skill: 'review',
        lane: 'transfer',
        directCounter: null,
        queueSeq: 2,
      },
    ]);
    expect(h.ticket(id)).toMatchObject({
      status: 'waiting',
      stepIndex: 0,
      skill: 'review',
      lane: 'transfer',
    });
    expect(h.state.counters.get(1)?.current).toBeNull();
    expect(h.caseOf(id).timeline.at(-1)).toEqual({
      at: h.now,
      kind: 'transferred',
      counter: 1,
      toSkill: 'review',
      toCounter: null,
    });
    expect(h.caseOf(id).steps).toEqual([]); // the step is not done; it is done elsewhere
    expect(h.callNext(2)).toBe(id);
    expect(h.ticket(id).stepIndex).toBe(0);
  });

  it('to a named counter: only that counter calls it, and it calls it first', () => {
    const h = new HallHarness();
    h.openHall([1, 2, 4]);
    const wages = h.issue('wages'); // waiting for counter 4's first tier, issued earlier
    h.advance(1);
    const id = h.issue('joint');
    h.ok({ type: 'ticket:call', counter: 1, ticketId: id });
    expect(h.refused({ type: 'ticket:transfer', counter: 1, to: { counter: 9 }, note: 'x' })).toBe(
      'unknown-counter',
    );
    expect(h.refused({ type: 'ticket:transfer', counter: 1, to: { counter: 1 }, note: 'x' })).toBe(
      'transfer-to-self',
    );
    // Transferring straight from "called" is allowed (the visitor came to the wrong desk).
    const events = h.ok({ type: 'ticket:transfer', counter: 1, to: { counter: 4 }, note: 'ask for Wang' });
    expect(events[1]).toMatchObject({
      type: 'ticket-queued',
      skill: 'intake',
      directCounter: 4,
      stepIndex: 0,
    });
    expect(h.ticket(id)).toMatchObject({
      status: 'waiting',
      directCounter: 4,
      skill: 'intake',
      stepIndex: 0,
    });
    expect(h.state.directQueues.get(4)?.ids).toEqual([id]);
    // It waits for counter 4 alone: not in the intake queue's count, but in counter 4's view.
    expect(h.state.queues.get('intake')?.waiting ?? 0).toBe(0);
    expect(counterView(h.state, h.hall, 4, h.now)?.directWaiting).toBe(1);
    expect(counterView(h.state, h.hall, 1, h.now)?.directWaiting).toBe(0);

    // Counters 1 and 2 serve intake, but may not take it (the sender cannot call it back either).
    expect(h.refused({ type: 'ticket:call', counter: 2, ticketId: id })).toBe('counter-cannot-serve');
    expect(h.refused({ type: 'ticket:call', counter: 1, ticketId: id })).toBe('counter-cannot-serve');
    expect(h.refused({ type: 'ticket:call-next', counter: 2 })).toBe('queue-empty');
    expect(selectNext(h.state, h.hall, 1, h.now)?.ticket.id).toBe(wages); // counter 1 would get wages, not it

    expect(selectNext(h.state, h.hall, 4, h.now)).toMatchObject({ ticket: { id }, rule: 'direct' });
    expect(h.callNext(4)).toBe(id);
    // Still marked for counter 4 while called, so a no-show would send it back there.
    expect(h.ticket(id)).toMatchObject({ status: 'called', counter: 4, directCounter: 4, stepIndex: 0 });
    expect(h.state.directQueues.get(4)?.ids ?? []).toEqual([]);
    h.ok({ type: 'ticket:start-serving', counter: 4 });
    h.ok({ type: 'step:complete', counter: 4 });
    expect(h.caseOf(id).steps.map((s) => [s.stepIndex, s.counter, s.clerk])).toEqual([[0, 4, 'clerk-4']]);
    // Nobody served it before counter 4, so counter 4 owns it.
    expect(h.caseOf(id)).toMatchObject({ ownerCounter: 4, ownerClerk: 'clerk-4' });
    expect(h.callNext(4)).toBe(wages);
  });

  it('a named counter may also call its transferred ticket by id', () => {
    const h = new HallHarness();
    h.openHall([1, 2]);
    const id = h.issue('simple');
    h.callNext(1);
    h.ok({ type: 'ticket:transfer', counter: 1, to: { counter: 2 }, note: 'colleague' });
    expect(h.ok({ type: 'ticket:call', counter: 2, ticketId: id })[0]).toMatchObject({
      how: 'specific',
      counter: 2,
    });
  });
});

describe('case:forward', () => {
  it('refuses an unknown department and sends the case on with a working-day deadline', () => {
    const h = new HallHarness();
    h.openHall([1, 2]);
    const id = h.issue('joint');
    expect(h.refused({ type: 'case:forward', counter: 1, department: 'titles-office', note: null })).toBe(
      'no-current-ticket',
    );
    h.serveNext(1);
    h.callNext(2);
    expect(h.refused({ type: 'case:forward', counter: 2, department: 'titles-office', note: null })).toBe(
      'ticket-not-serving',
    );
    h.ok({ type: 'ticket:start-serving', counter: 2 });
    expect(h.refused({ type: 'case:forward', counter: 2, department: 'nowhere', note: null })).toBe(
      'unknown-department',
    );
    h.advance(10);
    const events = h.ok({
      type: 'case:forward',
      counter: 2,
      department: 'titles-office',
      note: 'needs the board',
    });
    expect(events.map((e) => e.type)).toEqual(['step-completed', 'case-forwarded']);
    expect(events[0]).toMatchObject({ stepIndex: 1, skill: 'review', counter: 2, clerk: 'clerk-2' });
    expect(events[1]).toMatchObject({
      department: 'titles-office',
      dueDate: '2026-12-04',
      dueAt: DUE_AT,
      counter: 2,
      note: 'needs the board',
    });
    const kase = h.caseOf(id);
    expect(kase.state).toBe('forwarded');
    expect(kase.forwarding).toEqual({
      department: 'titles-office',
      forwardedAt: h.now,
      byCounter: 2,
      dueDate: '2026-12-04',
      dueAt: DUE_AT,
      acceptedAt: null,
      acceptedBy: null,
    });
    expect(kase.steps.map((s) => s.stepIndex)).toEqual([0, 1]);
    expect(kase.timeline.at(-1)).toEqual({
      at: h.now,
      kind: 'forwarded',
      department: 'titles-office',
      dueDate: '2026-12-04',
    });
    expect(h.ticket(id)).toMatchObject({ status: 'ended', endReason: 'forwarded' });
    expect(h.state.counters.get(2)?.current).toBeNull();
    expect(h.state.queues.get('issue')?.waiting ?? 0).toBe(0);
  });

  it('forwards titles by itself when its single step completes', () => {
    const h = new HallHarness();
    h.openHall([1]);
    const id = h.issue('titles');
    h.callNext(1);
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    const events = h.ok({ type: 'step:complete', counter: 1 });
    expect(events.map((e) => e.type)).toEqual(['step-completed', 'case-forwarded']);
    expect(events[1]).toMatchObject({
      department: 'titles-office',
      dueDate: '2026-12-04',
      dueAt: DUE_AT,
      note: null,
    });
    expect(h.caseOf(id)).toMatchObject({ state: 'forwarded', result: null, closedAt: null });
    expect(h.ticket(id).endReason).toBe('forwarded');
  });
});

describe('department desk', () => {
  it('case:accept refuses what is not its to accept', () => {
    const h = new HallHarness(twoDepartments());
    h.openHall([1]);
    const onSite = h.issue('simple');
    const serviceNumber = forwardedCase(h);
    const accept = (department: string, sn: string) =>
      ({ type: 'case:accept', department, serviceNumber: sn, officer: 'officer-7' }) as const;

    expect(h.refused(accept('nowhere', serviceNumber))).toBe('unknown-department');
    expect(h.refused(accept('titles-office', makeServiceNumber('370000', '2026-11-27', 999)))).toBe(
      'unknown-case',
    );
    expect(h.refused(accept('titles-office', h.caseOf(onSite).serviceNumber))).toBe('case-not-forwarded');
    expect(h.refused(accept('wages-office', serviceNumber))).toBe('wrong-department');
    h.advance(30);
    expect(h.ok(accept('titles-office', serviceNumber))).toEqual([
      { type: 'case-accepted', at: h.now, serviceNumber, department: 'titles-office', officer: 'officer-7' },
    ]);
    const kase = h.state.cases.get(serviceNumber);
    expect(kase?.state).toBe('in-department');
    expect(kase?.forwarding).toMatchObject({ acceptedAt: h.now, acceptedBy: 'officer-7' });
    expect(kase?.timeline.at(-1)).toEqual({ at: h.now, kind: 'accepted', department: 'titles-office' });
    expect(h.refused(accept('titles-office', serviceNumber))).toBe('case-already-accepted');
  });

  it('notes progress and refuses to complete before accepting', () => {
    const h = new HallHarness();
    h.openHall([1]);
    const serviceNumber = forwardedCase(h);
    const complete = {
      type: 'case:complete',
      department: 'titles-office',
      serviceNumber,
      officer: 'officer-7',
      result: 'approved',
      note: null,
    } as const;
    expect(h.refused(complete)).toBe('case-not-accepted');
    h.advance(5);
    expect(
      h.ok({
        type: 'case:note-progress',
        department: 'titles-office',
        serviceNumber,
        officer: 'o',
        note: 'sent on',
      }),
    ).toEqual([
      {
        type: 'case-progress-noted',
        at: h.now,
        serviceNumber,
        department: 'titles-office',
        officer: 'o',
        note: 'sent on',
      },
    ]);
    expect(h.state.cases.get(serviceNumber)?.state).toBe('forwarded');
    expect(h.state.cases.get(serviceNumber)?.timeline.at(-1)).toEqual({
      at: h.now,
      kind: 'progress',
      department: 'titles-office',
      note: 'sent on',
    });
    expect(
      h.refused({
        type: 'case:note-progress',
        department: 'titles-office',
        serviceNumber: h.caseOf(h.issue('simple')).serviceNumber,
        officer: 'o',
        note: 'x',
      }),
    ).toBe('case-not-forwarded');
  });

  it.each(['approved', 'rejected', 'more-materials'] as const)(
    'records the result %s and completes the case',
    (result) => {
      const h = new HallHarness();
      h.openHall([1]);
      const serviceNumber = forwardedCase(h, 'joint');
      h.ok({ type: 'case:accept', department: 'titles-office', serviceNumber, officer: 'officer-7' });
      h.advance(24 * 60);
      const events = h.ok({
        type: 'case:complete',
        department: 'titles-office',
        serviceNumber,
        officer: 'officer-7',
        result,
        note: 'signed',
      });
      expect(events).toEqual([
        {
          type: 'case-completed',
          at: h.now,
          serviceNumber,
          ticketId: null,
          result,
          department: 'titles-office',
          officer: 'officer-7',
          note: 'signed',
        },
      ]);
      const kase = h.state.cases.get(serviceNumber);
      expect(kase).toMatchObject({ state: 'completed', result, closedAt: h.now });
      expect(kase?.timeline.at(-1)).toEqual({ at: h.now, kind: 'completed', result });
      // Done: nothing more to accept, note or complete.
      expect(
        h.refused({ type: 'case:accept', department: 'titles-office', serviceNumber, officer: 'o' }),
      ).toBe('case-not-forwarded');
      expect(
        h.refused({
          type: 'case:complete',
          department: 'titles-office',
          serviceNumber,
          officer: 'o',
          result,
          note: null,
        }),
      ).toBe('case-not-forwarded');
    },
  );
});

describe('caseTracking', () => {
  it('shows stage and place at each point, overdue once past due, and no staff ids or notes', () => {
    const h = new HallHarness();
    h.openHall([1, 2]);
    const id = h.issue('joint');
    const sn = h.caseOf(id).serviceNumber;
    const track = (now = h.now) => caseTracking(h.state, h.hall, h.caseOf(id), now);

    expect(track()).toMatchObject({
      serviceNumber: sn,
      serviceName: { zh: '联办事项', en: 'Joint item' },
      stage: 'waiting',
      where: null,
      dueAt: null,
      overdue: false,
      result: null,
    });
    h.callNext(1);
    expect(track()).toMatchObject({ stage: 'at-counter', where: { counter: 1 } });
    h.ok({ type: 'ticket:start-serving', counter: 1 });
    expect(track()).toMatchObject({ stage: 'at-counter', where: { counter: 1 } });
    h.ok({ type: 'step:complete', counter: 1 });
    expect(track()).toMatchObject({ stage: 'waiting', where: null });
    h.callNext(2);
    expect(track()).toMatchObject({ stage: 'at-counter', where: { counter: 2 } });
    h.ok({ type: 'ticket:transfer', counter: 2, to: { skill: 'review' }, note: 'clerk-2 says: see Li' });
    expect(track()).toMatchObject({ stage: 'waiting', where: null });
    h.callNext(2);
    h.ok({ type: 'ticket:start-serving', counter: 2 });
    h.ok({ type: 'case:forward', counter: 2, department: 'titles-office', note: 'internal forward note' });
    const office = { department: 'titles-office', name: { zh: '专业技术人员管理处', en: 'Titles office' } };
    expect(track()).toMatchObject({ stage: 'forwarded', where: office, dueAt: DUE_AT, overdue: false });
    h.ok({
      type: 'case:accept',
      department: 'titles-office',
      serviceNumber: sn,
      officer: 'officer-secret-9',
    });
    h.ok({
      type: 'case:note-progress',
      department: 'titles-office',
      serviceNumber: sn,
      officer: 'officer-secret-9',
      note: 'applicant phone 13800138000',
    });
    expect(track()).toMatchObject({ stage: 'in-department', where: office, overdue: false });
    expect(track(DUE_AT).overdue).toBe(false);
    expect(track(DUE_AT + 1).overdue).toBe(true);

    const publicJson = JSON.stringify(track(DUE_AT + 1));
    expect(publicJson).not.toContain('clerk-');
    expect(publicJson).not.toContain('officer-secret-9');
    expect(publicJson).not.toContain('13800138000');
    expect(publicJson).not.toContain('internal forward note');
    expect(publicJson).not.toContain('see Li');
    // …while the internal record keeps them.
    expect(JSON.stringify(h.caseOf(id))).toContain('13800138000');
    expect(track().timeline.map((e) => e.kind)).toEqual([
      'issued',
      'called',
      'serving',
      'step-completed',
      'called',
      'transferred',
      'called',
      'serving',
      'step-completed',
      'forwarded',
      'accepted',
      'progress',
    ]);
    expect(track().timeline.find((e) => e.kind === 'progress')).toEqual({
      at: h.now,
      kind: 'progress',
      department: 'titles-office',
    });

    // Completed after its due time: stays marked overdue; completed in time would not be.
    h.now = DUE_AT + 60 * MINUTE;
    h.ok({
      type: 'case:complete',
      department: 'titles-office',
      serviceNumber: sn,
      officer: 'officer-secret-9',
      result: 'approved',
      note: null,
    });
    expect(track()).toMatchObject({ stage: 'completed', where: null, overdue: true, result: 'approved' });
  });

  it('a case completed in time is not overdue later', () => {
    const h = new HallHarness();
    h.openHall([1]);
    const sn = forwardedCase(h);
    h.ok({ type: 'case:accept', department: 'titles-office', serviceNumber: sn, officer: 'o' });
    h.ok({
      type: 'case:complete',
      department: 'titles-office',
      serviceNumber: sn,
      officer: 'o',
      result: 'rejected',
      note: null,
    });
    const kase = h.state.cases.get(sn);
    if (!kase) throw new Error('case missing');
    expect(caseTracking(h.state, h.hall, kase, DUE_AT + 10 * 24 * 60 * MINUTE)).toMatchObject({
      stage: 'completed',
      overdue: false,
      result: 'rejected',
      dueAt: DUE_AT,
    });
    expect(kase.closedAt).toBe(NINE_AM);
  });
});

describe('a no-show after a transfer to a named counter', () => {
  it('returns to that counter, not to the skill queue', () => {
    const h = new HallHarness();
    h.openHall([1, 2, 4]);
    const id = h.issue('simple');
    h.callNext(1);
    h.ok({ type: 'ticket:transfer', counter: 1, to: { counter: 4 }, note: 'ask for Wang' });
    expect(h.callNext(4)).toBe(id);
    h.ok({ type: 'ticket:recall', counter: 4 });
    h.ok({ type: 'ticket:no-show', counter: 4 });
    expect(h.ticket(id)).toMatchObject({ status: 'waiting', directCounter: 4, recalls: 0 });
    expect(h.refused({ type: 'ticket:call-next', counter: 2 })).toBe('queue-empty');
    expect(h.callNext(4)).toBe(id);
  });
});
