import { describe, expect, it } from 'vitest';
import { HallHarness, MINUTE, NINE_AM } from '../testing/test-hall';
import type { HallCommand, HallCommandOf } from './commands';
import { parseServiceNumber } from './service-number';

const issueCommand = (patch: Partial<HallCommandOf<'ticket:issue'>> = {}): HallCommand => ({
  type: 'ticket:issue',
  serviceCode: 'simple',
  priority: 'normal',
  greenReason: null,
  channel: 'kiosk',
  idempotencyKey: 'kiosk-1-tap-0001',
  verificationCode: '123456',
  ...patch,
});

/** A harness with the day open (no counters needed to issue). */
function openDay(at = NINE_AM): HallHarness {
  const h = new HallHarness();
  h.now = at;
  h.ok({ type: 'day:open' });
  return h;
}

/** Refuses and checks the state did not move. */
function refusedWithoutEffect(h: HallHarness, command: HallCommand): string {
  const logLength = h.log.length;
  const tickets = h.state.tickets.size;
  const error = h.refused(command);
  expect(h.log).toHaveLength(logLength);
  expect(h.state.tickets.size).toBe(tickets);
  return error;
}

describe('ticket:issue numbering', () => {
  it('numbers per prefix with three digits and ids by date', () => {
    const h = openDay();
    const ids = [h.issue('simple'), h.issue('simple'), h.issue('joint'), h.issue('simple'), h.issue('wages')];
    expect(ids).toEqual([
      '2026-11-27/A001',
      '2026-11-27/A002',
      '2026-11-27/B001',
      '2026-11-27/A003',
      '2026-11-27/D001',
    ]);
    expect(ids.map((id) => h.ticket(id).callNumber)).toEqual(['A001', 'A002', 'B001', 'A003', 'D001']);
    const ticket = h.ticket('2026-11-27/B001');
    expect(ticket).toMatchObject({
      date: '2026-11-27',
      serviceCode: 'joint',
      status: 'waiting',
      stepIndex: 0,
      skill: 'intake',
      lane: 'normal',
      priority: 'normal',
      channel: 'kiosk',
      issuedAt: NINE_AM,
      queuedAt: NINE_AM,
    });
    // Arrival order across prefixes is one sequence.
    expect(ids.map((id) => h.ticket(id).queueSeq)).toEqual([1, 2, 3, 4, 5]);
    expect(h.state.waitingByService.get('simple')).toBe(3);
    expect(h.state.queues.get('intake')?.waiting).toBe(4);
    expect(h.state.queues.get('wages')?.waiting).toBe(1);
  });

  it('gives each case an 18-digit service number that parses back', () => {
    const h = openDay();
    const ids = [h.issue('simple'), h.issue('joint'), h.issue('simple')];
    const numbers = ids.map((id) => h.ticket(id).serviceNumber);
    for (const [i, serviceNumber] of numbers.entries()) {
      expect(serviceNumber).toMatch(/^\d{18}$/);
      expect(serviceNumber.startsWith('370000261127')).toBe(true);
      expect(parseServiceNumber(serviceNumber)).toEqual({
        ok: true,
        serviceNumber,
        hallCode: '370000',
        date: '2026-11-27',
        sequence: i + 1,
      });
      expect(h.caseOf(ids[i] ?? '').serviceNumber).toBe(serviceNumber);
    }
    expect(new Set(numbers).size).toBe(3);
  });

  it('keeps the verification code on the case', () => {
    const h = openDay();
    const id = h.issue('simple', { verificationCode: '654321' });
    const kase = h.caseOf(id);
    expect(kase.verificationCode).toBe('654321');
    expect(kase).toMatchObject({
      serviceCode: 'simple',
      ticketId: id,
      date: '2026-11-27',
      createdAt: NINE_AM,
      state: 'waiting',
      ownerCounter: null,
      steps: [],
      forwarding: null,
      timeline: [{ at: NINE_AM, kind: 'issued' }],
    });
  });
});

describe('ticket:issue rejections', () => {
  it('day-not-open before the day opens and after it closes', () => {
    const h = new HallHarness();
    expect(refusedWithoutEffect(h, issueCommand())).toBe('day-not-open');
    h.ok({ type: 'day:open' });
    h.ok({ type: 'day:close' });
    expect(refusedWithoutEffect(h, issueCommand())).toBe('day-not-open');
  });

  it('unknown-service', () => {
    expect(refusedWithoutEffect(openDay(), issueCommand({ serviceCode: 'passports' }))).toBe(
      'unknown-service',
    );
  });

  it('hall-closed before 08:00 and after 18:00; past-cutoff in the last 30 minutes', () => {
    const early = openDay(NINE_AM - 90 * MINUTE); // 07:30
    expect(refusedWithoutEffect(early, issueCommand())).toBe('hall-closed');
    early.now = NINE_AM - 60 * MINUTE; // 08:00 sharp
    expect(early.issue('simple')).toBe('2026-11-27/A001');

    const h = openDay(NINE_AM + 8 * 60 * MINUTE + 29 * MINUTE); // 17:29
    expect(h.issue('simple')).toBe('2026-11-27/A001');
    h.now = NINE_AM + 8 * 60 * MINUTE + 30 * MINUTE; // 17:30, the cut-off
    expect(refusedWithoutEffect(h, issueCommand({ idempotencyKey: 'cutoff-1730' }))).toBe('past-cutoff');
    h.now = NINE_AM + 8 * 60 * MINUTE + 45 * MINUTE; // 17:45
    expect(refusedWithoutEffect(h, issueCommand({ idempotencyKey: 'cutoff-1745' }))).toBe('past-cutoff');
    h.now = NINE_AM + 9 * 60 * MINUTE; // 18:00
    expect(refusedWithoutEffect(h, issueCommand({ idempotencyKey: 'closed-1800' }))).toBe('hall-closed');
    h.now = NINE_AM + 9 * 60 * MINUTE + 30 * MINUTE; // 18:30
    expect(refusedWithoutEffect(h, issueCommand({ idempotencyKey: 'closed-1830' }))).toBe('hall-closed');
  });

  it('appointments-not-offered and appointment-channel-required', () => {
    const h = openDay();
    expect(refusedWithoutEffect(h, issueCommand({ serviceCode: 'titles', channel: 'appointment' }))).toBe(
      'appointments-not-offered',
    );
    expect(refusedWithoutEffect(h, issueCommand({ priority: 'appointment', channel: 'kiosk' }))).toBe(
      'appointment-channel-required',
    );
    // titles is still fine at the kiosk.
    expect(h.issue('titles')).toBe('2026-11-27/C001');
  });

  it('green-reason-required and unknown-green-reason', () => {
    const h = openDay();
    expect(refusedWithoutEffect(h, issueCommand({ priority: 'green', greenReason: null }))).toBe(
      'green-reason-required',
    );
    expect(refusedWithoutEffect(h, issueCommand({ priority: 'green', greenReason: 'vip' }))).toBe(
      'unknown-green-reason',
    );
  });

  it('daily-cap-reached once titles has issued its 2', () => {
    const h = openDay();
    expect([h.issue('titles'), h.issue('titles')]).toEqual(['2026-11-27/C001', '2026-11-27/C002']);
    expect(
      refusedWithoutEffect(h, issueCommand({ serviceCode: 'titles', idempotencyKey: 'third-titles' })),
    ).toBe('daily-cap-reached');
    // Cancelling does not give the place back: the cap counts tickets issued.
    h.ok({ type: 'ticket:cancel', ticketId: '2026-11-27/C001' });
    expect(
      refusedWithoutEffect(h, issueCommand({ serviceCode: 'titles', idempotencyKey: 'fourth-titles' })),
    ).toBe('daily-cap-reached');
    // Other services are unaffected.
    expect(h.issue('simple')).toBe('2026-11-27/A001');
  });

  it('invalid-verification-code when the schema was bypassed', () => {
    const h = openDay();
    expect(refusedWithoutEffect(h, issueCommand({ verificationCode: '12ab56' }))).toBe(
      'invalid-verification-code',
    );
    expect(refusedWithoutEffect(h, issueCommand({ verificationCode: '12345' }))).toBe(
      'invalid-verification-code',
    );
    expect(refusedWithoutEffect(h, issueCommand({ verificationCode: '1234567' }))).toBe(
      'invalid-verification-code',
    );
  });
});

describe('ticket:issue idempotency', () => {
  it('answers a retried tap with no events and no second ticket', () => {
    const h = openDay();
    const first = h.ok(issueCommand({ idempotencyKey: 'tap-0000-0001' }));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ type: 'ticket-issued', ticketId: '2026-11-27/A001' });
    h.advance(1);
    expect(h.ok(issueCommand({ idempotencyKey: 'tap-0000-0001', verificationCode: '999999' }))).toEqual([]);
    expect(h.state.tickets.size).toBe(1);
    expect(h.state.idempotency.get('tap-0000-0001')).toBe('2026-11-27/A001');
    expect(h.caseOf('2026-11-27/A001').verificationCode).toBe('123456');
    expect(h.state.waitingByService.get('simple')).toBe(1);
    // The next new tap gets the next number.
    expect(h.issue('simple')).toBe('2026-11-27/A002');
  });

  it('refuses the same key for another service', () => {
    const h = openDay();
    h.ok(issueCommand({ idempotencyKey: 'tap-0000-0002' }));
    expect(
      refusedWithoutEffect(h, issueCommand({ idempotencyKey: 'tap-0000-0002', serviceCode: 'joint' })),
    ).toBe('idempotency-key-reused');
    expect(h.state.tickets.size).toBe(1);
  });
});

describe('ticket:issue priority classes', () => {
  it('turns a normal booking on the appointment channel into an appointment ticket in the priority lane', () => {
    const h = openDay();
    const id = h.issue('simple', { channel: 'appointment', priority: 'normal' });
    expect(h.ticket(id)).toMatchObject({ priority: 'appointment', channel: 'appointment', lane: 'priority' });
    const explicit = h.issue('joint', { channel: 'appointment', priority: 'appointment' });
    expect(h.ticket(explicit)).toMatchObject({
      priority: 'appointment',
      lane: 'priority',
      greenReason: null,
    });
    expect(h.state.queues.get('intake')?.priority.ids).toEqual([id, explicit]);
    expect(h.state.queues.get('intake')?.normal.ids).toEqual([]);
  });

  it('puts green tickets in the priority lane with their reason; a normal ticket drops a stray reason', () => {
    const h = openDay();
    const green = h.issue('simple', { priority: 'green', greenReason: 'elderly' });
    expect(h.ticket(green)).toMatchObject({ priority: 'green', greenReason: 'elderly', lane: 'priority' });
    const greenBooked = h.issue('simple', {
      priority: 'green',
      greenReason: 'elderly',
      channel: 'appointment',
    });
    expect(h.ticket(greenBooked)).toMatchObject({
      priority: 'green',
      channel: 'appointment',
      lane: 'priority',
    });
    const normal = h.issue('simple', { priority: 'normal', greenReason: 'elderly' });
    expect(h.ticket(normal)).toMatchObject({ priority: 'normal', greenReason: null, lane: 'normal' });
    expect(h.state.queues.get('intake')?.priority.ids).toEqual([green, greenBooked]);
    expect(h.state.queues.get('intake')?.normal.ids).toEqual([normal]);
  });
});

describe('a day left open past midnight', () => {
  it('refuses tickets until today is opened, so no ticket carries yesterday’s date', () => {
    const h = new HallHarness();
    h.openHall([1]);
    h.issue('simple');
    h.advance(24 * 60); // Saturday 09:00, Friday never closed
    const command = {
      type: 'ticket:issue',
      serviceCode: 'simple',
      priority: 'normal',
      greenReason: null,
      channel: 'kiosk',
      idempotencyKey: 'saturday-first',
      verificationCode: '111111',
    } as const;
    expect(h.refused(command)).toBe('day-not-open');
    h.ok({ type: 'day:open' });
    h.ok(command);
    expect(h.state.idempotency.get('saturday-first')).toBe('2026-11-28/A001');
  });
});
