import {
  CLIENT_REQUEST_NAMES,
  clientPayloadSchemas,
  createHallState,
  type ClientRequestName,
  type ConnectionRole,
  type CounterState,
  type HallState,
  type Ticket,
  type TicketStatus,
} from '@yizhan/shared';
import { describe, expect, it } from 'vitest';
import { authorize, CLERK_SCOPE, REQUEST_ROLES } from '../src/auth/permissions';
import type { Principal } from '../src/auth/principal';
import type { StaffAccount, StaffRole } from '../src/auth/staff-accounts';

const CLERK_COUNTER = 3;

function counter(number: number, clerk: CounterState['clerk']): CounterState {
  return {
    number,
    status: 'open',
    pauseReason: null,
    pauseNote: null,
    clerk,
    current: null,
    cyclePriority: 0,
    cycleNormal: 0,
    servedToday: 0,
    statusSince: 0,
  };
}

function ticket(id: string, status: TicketStatus, at: number | null): Ticket {
  return {
    id,
    date: '2026-11-27',
    callNumber: id.split('/')[1] ?? 'A001',
    serviceCode: 'svc',
    serviceNumber: '000000000000000000',
    priority: 'normal',
    greenReason: null,
    channel: 'kiosk',
    issuedAt: 0,
    status,
    stepIndex: 0,
    skill: 'general',
    lane: 'normal',
    directCounter: null,
    queuedAt: 0,
    queueSeq: 1,
    counter: at,
    calledAt: at === null ? null : 1,
    servingSince: status === 'serving' ? 2 : null,
    recalls: 0,
    noShows: 0,
    endReason: status === 'ended' ? 'completed' : null,
    endedAt: status === 'ended' ? 3 : null,
  };
}

/** Counter 3 has the clerk `u-clerk`, counter 4 another clerk; tickets waiting, at 3, at 4 and ended. */
function hall(): HallState {
  const state = createHallState();
  state.counters.set(3, counter(3, { id: 'u-clerk', name: '王芳' }));
  state.counters.set(4, counter(4, { id: 'u-other', name: '李强' }));
  state.counters.set(5, counter(5, null));
  for (const t of [
    ticket('2026-11-27/A001', 'waiting', null),
    ticket('2026-11-27/A002', 'serving', 3),
    ticket('2026-11-27/A003', 'called', 4),
    ticket('2026-11-27/A004', 'ended', 3),
  ]) {
    state.tickets.set(t.id, t);
  }
  return state;
}

function staff(role: StaffRole, id = `u-${role}`, department: string | null = null): Principal {
  const account: StaffAccount = { id, username: id, name: id, role, department };
  return { kind: 'staff', account, expiresAt: Number.MAX_SAFE_INTEGER };
}

const PRINCIPALS: Record<ConnectionRole, Principal> = {
  public: { kind: 'public' },
  kiosk: { kind: 'device', device: { id: 'k1', kind: 'kiosk', name: 'kiosk' } },
  display: { kind: 'device', device: { id: 'd1', kind: 'display', name: 'wall' } },
  clerk: staff('clerk'),
  officer: staff('officer', 'u-officer', 'exam-center'),
  supervisor: staff('supervisor'),
  admin: staff('admin'),
};

/** A valid payload for every request, at the clerk's counter 3 where there is one. */
const PAYLOADS: { [N in ClientRequestName]: unknown } = {
  'hall:sync': { lastSeq: null },
  'day:open': {},
  'day:close': {},
  'clerk:login': { counter: CLERK_COUNTER },
  'clerk:logout': { counter: CLERK_COUNTER },
  'counter:open': { counter: CLERK_COUNTER },
  'counter:pause': { counter: CLERK_COUNTER, reason: 'break', note: null },
  'counter:resume': { counter: CLERK_COUNTER },
  'counter:close': { counter: CLERK_COUNTER },
  'ticket:issue': {
    serviceCode: 'svc',
    priority: 'normal',
    greenReason: null,
    channel: 'kiosk',
    idempotencyKey: 'tap-000001',
  },
  'ticket:call-next': { counter: CLERK_COUNTER },
  'ticket:call': { counter: CLERK_COUNTER, ticketId: '2026-11-27/A001' },
  'ticket:recall': { counter: CLERK_COUNTER },
  'ticket:start-serving': { counter: CLERK_COUNTER },
  'ticket:no-show': { counter: CLERK_COUNTER },
  'ticket:cancel': { ticketId: '2026-11-27/A001' },
  'ticket:reprint': { ticketId: '2026-11-27/A001' },
  'step:complete': { counter: CLERK_COUNTER },
  'ticket:transfer': { counter: CLERK_COUNTER, to: { skill: 'archive' }, note: 'needs the archive' },
  'case:forward': { counter: CLERK_COUNTER, department: 'exam-center', note: null },
  'case:rate': { counter: CLERK_COUNTER, score: 4 },
  'case:accept': { serviceNumber: '000000000000000000' },
  'case:note-progress': { serviceNumber: '000000000000000000', note: 'materials checked' },
  'case:complete': { serviceNumber: '000000000000000000', result: 'approved', note: null },
  'case:lookup': { serviceNumber: '000000000000000000', verificationCode: '123456' },
};

/**
 * The policy written out independently of REQUEST_ROLES: who may send what
 * (the clerk at their own counter, the ticket waiting).
 */
const EXPECTED: Record<ClientRequestName, ConnectionRole[]> = {
  'hall:sync': ['public', 'kiosk', 'display', 'clerk', 'officer', 'supervisor', 'admin'],
  'case:lookup': ['public', 'kiosk', 'display', 'clerk', 'officer', 'supervisor', 'admin'],
  'ticket:issue': ['kiosk', 'supervisor', 'admin'],
  'day:open': ['supervisor', 'admin'],
  'day:close': ['supervisor', 'admin'],
  'clerk:login': ['clerk'],
  'clerk:logout': ['clerk', 'supervisor', 'admin'],
  'counter:open': ['clerk'],
  'counter:pause': ['clerk', 'supervisor', 'admin'],
  'counter:resume': ['clerk'],
  'counter:close': ['clerk', 'supervisor', 'admin'],
  'ticket:call-next': ['clerk'],
  'ticket:call': ['clerk'],
  'ticket:recall': ['clerk'],
  'ticket:start-serving': ['clerk'],
  'ticket:no-show': ['clerk'],
  'ticket:cancel': ['clerk', 'supervisor', 'admin'],
  'ticket:reprint': ['kiosk', 'clerk', 'supervisor', 'admin'],
  'step:complete': ['clerk'],
  'ticket:transfer': ['clerk'],
  'case:forward': ['clerk'],
  'case:rate': ['clerk'],
  'case:accept': ['officer'],
  'case:note-progress': ['officer'],
  'case:complete': ['officer'],
};

const ROLES = Object.keys(PRINCIPALS) as ConnectionRole[];

describe('the permission table', () => {
  it('has an entry for every request, and a clerk scope for every clerk request', () => {
    expect(Object.keys(REQUEST_ROLES).sort()).toEqual([...CLIENT_REQUEST_NAMES].sort());
    for (const name of CLIENT_REQUEST_NAMES) {
      expect(REQUEST_ROLES[name].length, name).toBeGreaterThan(0);
      expect(REQUEST_ROLES[name].includes('clerk'), name).toBe(CLERK_SCOPE[name] !== undefined);
    }
  });

  it('uses payloads that the protocol accepts', () => {
    for (const name of CLIENT_REQUEST_NAMES) {
      expect(clientPayloadSchemas[name].safeParse(PAYLOADS[name]).success, name).toBe(true);
    }
  });

  const cases = CLIENT_REQUEST_NAMES.flatMap((request) => ROLES.map((role) => [request, role] as const));
  it.each(cases)('%s from %s', (request, role) => {
    const allowed = EXPECTED[request].includes(role);
    const expected = allowed
      ? { ok: true }
      : { ok: false, error: role === 'public' ? 'unauthenticated' : 'forbidden' };
    expect(authorize(PRINCIPALS[role], request, PAYLOADS[request], hall())).toEqual(expected);
  });
});

describe('the counter rule', () => {
  const clerk = PRINCIPALS.clerk;
  const FORBIDDEN = { ok: false, error: 'forbidden' };

  it('lets a clerk act at their own counter only', () => {
    const state = hall();
    expect(authorize(clerk, 'ticket:call-next', { counter: 3 }, state)).toEqual({ ok: true });
    expect(authorize(clerk, 'ticket:call-next', { counter: 4 }, state)).toEqual(FORBIDDEN);
    expect(authorize(clerk, 'ticket:call-next', { counter: 5 }, state)).toEqual(FORBIDDEN);
    for (const request of [
      'counter:pause',
      'counter:close',
      'step:complete',
      'case:forward',
      'clerk:logout',
    ] as const) {
      expect(
        authorize(clerk, request, { ...(PAYLOADS[request] as object), counter: 4 }, state),
        request,
      ).toEqual(FORBIDDEN);
    }
    // The transfer's destination is another counter; what counts is where the clerk stands.
    expect(
      authorize(clerk, 'ticket:transfer', { counter: 3, to: { counter: 4 }, note: 'next step' }, state),
    ).toEqual({ ok: true });
  });

  it('forbids counter work to a clerk logged in nowhere, but lets them log in anywhere', () => {
    const elsewhere = staff('clerk', 'u-new');
    const state = hall();
    expect(authorize(elsewhere, 'ticket:call-next', { counter: 3 }, state)).toEqual(FORBIDDEN);
    expect(authorize(elsewhere, 'counter:open', { counter: 5 }, state)).toEqual(FORBIDDEN);
    expect(authorize(elsewhere, 'ticket:cancel', { ticketId: '2026-11-27/A001' }, state)).toEqual(FORBIDDEN);
    // The engine refuses an occupied counter; authorization does not need to.
    expect(authorize(elsewhere, 'clerk:login', { counter: 5 }, state)).toEqual({ ok: true });
    expect(authorize(elsewhere, 'clerk:login', { counter: 3 }, state)).toEqual({ ok: true });
  });

  it('refuses a payload without a counter', () => {
    expect(authorize(clerk, 'ticket:call-next', {}, hall())).toEqual(FORBIDDEN);
    expect(authorize(clerk, 'ticket:call-next', null, hall())).toEqual(FORBIDDEN);
    expect(authorize(clerk, 'ticket:call-next', { counter: '3' }, hall())).toEqual(FORBIDDEN);
  });

  it('lets a clerk cancel a waiting ticket or one at their counter, nothing else', () => {
    const state = hall();
    const cancel = (ticketId: string) => authorize(clerk, 'ticket:cancel', { ticketId }, state);
    expect(cancel('2026-11-27/A001')).toEqual({ ok: true }); // waiting
    expect(cancel('2026-11-27/A002')).toEqual({ ok: true }); // serving at 3
    expect(cancel('2026-11-27/A003')).toEqual(FORBIDDEN); // called at 4
    expect(cancel('2026-11-27/A004')).toEqual(FORBIDDEN); // ended
    expect(cancel('2026-11-27/A999')).toEqual(FORBIDDEN); // unknown
    // Supervisors cancel anywhere.
    expect(authorize(PRINCIPALS.supervisor, 'ticket:cancel', { ticketId: '2026-11-27/A003' }, state)).toEqual(
      {
        ok: true,
      },
    );
  });

  it('lets a supervisor pause or close any counter but not call there', () => {
    const state = hall();
    const supervisor = PRINCIPALS.supervisor;
    expect(
      authorize(supervisor, 'counter:pause', { counter: 4, reason: 'break', note: null }, state),
    ).toEqual({
      ok: true,
    });
    expect(authorize(supervisor, 'counter:close', { counter: 5 }, state)).toEqual({ ok: true });
    expect(authorize(supervisor, 'ticket:call-next', { counter: 4 }, state)).toEqual(FORBIDDEN);
    expect(authorize(supervisor, 'counter:open', { counter: 4 }, state)).toEqual(FORBIDDEN);
  });
});

describe('devices, officers and the public', () => {
  const state = hall();
  it('a kiosk issues tickets but cannot call numbers', () => {
    expect(authorize(PRINCIPALS.kiosk, 'ticket:issue', PAYLOADS['ticket:issue'], state)).toEqual({
      ok: true,
    });
    expect(authorize(PRINCIPALS.kiosk, 'ticket:call-next', { counter: 3 }, state)).toEqual({
      ok: false,
      error: 'forbidden',
    });
  });

  it('a display only reads', () => {
    expect(authorize(PRINCIPALS.display, 'hall:sync', { lastSeq: 0 }, state)).toEqual({ ok: true });
    expect(authorize(PRINCIPALS.display, 'ticket:issue', PAYLOADS['ticket:issue'], state)).toEqual({
      ok: false,
      error: 'forbidden',
    });
  });

  it('an officer works cases but cannot call, and needs a department', () => {
    expect(authorize(PRINCIPALS.officer, 'case:accept', PAYLOADS['case:accept'], state)).toEqual({
      ok: true,
    });
    expect(authorize(PRINCIPALS.officer, 'ticket:call-next', { counter: 3 }, state)).toEqual({
      ok: false,
      error: 'forbidden',
    });
    expect(authorize(staff('officer', 'u-x', null), 'case:accept', PAYLOADS['case:accept'], state)).toEqual({
      ok: false,
      error: 'forbidden',
    });
  });

  it('the public may look up a case but must log in for commands', () => {
    const pub = PRINCIPALS.public;
    expect(authorize(pub, 'case:lookup', PAYLOADS['case:lookup'], state)).toEqual({ ok: true });
    expect(authorize(pub, 'ticket:issue', PAYLOADS['ticket:issue'], state)).toEqual({
      ok: false,
      error: 'unauthenticated',
    });
    expect(authorize(pub, 'ticket:call-next', { counter: 3 }, state)).toEqual({
      ok: false,
      error: 'unauthenticated',
    });
  });
});
