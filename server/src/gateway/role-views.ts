import {
  boardView,
  departmentOfEvent,
  publicEventOf,
  snapshotOf,
  staffEventOf,
  type HallEvent,
  type PublicSnapshot,
  type RoleEvent,
  type RoleSnapshot,
  type SeqEvent,
} from '@yizhan/shared';
import type { Principal } from '../auth/principal';
import type { Hall } from '../hall/hall-runtime';

/** Which cut of the events a connection gets; also its broadcast room. */
export type View = { kind: 'public' } | { kind: 'staff' } | { kind: 'department'; department: string };

export function viewOf(principal: Principal): View {
  if (principal.kind !== 'staff') return { kind: 'public' };
  if (principal.account.role === 'officer')
    return { kind: 'department', department: principal.account.department ?? '' };
  return { kind: 'staff' };
}

export function roomOf(view: View): string {
  return view.kind === 'department' ? `view:department:${view.department}` : `view:${view.kind}`;
}

export function eventFor(view: View, event: HallEvent): RoleEvent {
  if (view.kind === 'staff') return staffEventOf(event);
  if (view.kind === 'department' && departmentOfEvent(event) === view.department) return staffEventOf(event);
  return publicEventOf(event);
}

export function eventsFor(view: View, events: readonly SeqEvent[]): SeqEvent<RoleEvent>[] {
  return events.map(({ seq, event }) => ({ seq, event: eventFor(view, event) }));
}

export function publicSnapshot(hall: Hall): PublicSnapshot {
  const state = hall.state;
  const waiting = [...state.tickets.values()]
    .filter((t) => t.status === 'waiting')
    .sort((a, b) => a.queueSeq - b.queueSeq)
    .map((t) => ({
      ticketId: t.id,
      callNumber: t.callNumber,
      serviceCode: t.serviceCode,
      skill: t.skill,
      queueSeq: t.queueSeq,
    }));
  return {
    kind: 'public',
    seq: hall.seq(),
    serverTime: hall.now(),
    board: boardView(state, hall.config),
    waiting,
  };
}

export function snapshotFor(view: View, hall: Hall): RoleSnapshot {
  switch (view.kind) {
    case 'public':
      return publicSnapshot(hall);
    case 'staff':
      return { kind: 'staff', seq: hall.seq(), state: snapshotOf(hall.state, { redactCodes: true }) };
    case 'department':
      return {
        kind: 'department',
        seq: hall.seq(),
        department: view.department,
        cases: hall.store.departmentCases(view.department).map((c) => ({ ...c, verificationCode: '' })),
        board: boardView(hall.state, hall.config),
      };
  }
}
