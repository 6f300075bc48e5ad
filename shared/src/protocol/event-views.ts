import { assertNever } from '../hall/errors';
import type { HallEvent } from '../hall/events';

/**
 * Who sees what of an event. Every committed event reaches every connected
 * client with its seq (so a client can tell it missed none), but its body is
 * cut to what the client's role may know.
 */

/** An event as stored and numbered by the server. */
export interface SeqEvent<E = HallEvent> {
  seq: number;
  event: E;
}

/**
 * The public's view (wall board, kiosk, phone): call numbers, counters and
 * service codes. No service numbers, verification codes, staff ids, notes or
 * green-channel reasons.
 */
export type PublicEvent =
  | { type: 'day-opened' | 'day-closed'; at: number; date: string }
  | { type: 'clerk-logged-in'; at: number; counter: number; clerkName: string }
  | {
      type: 'clerk-logged-out' | 'counter-opened' | 'counter-resumed' | 'counter-closed';
      at: number;
      counter: number;
    }
  | { type: 'counter-paused'; at: number; counter: number; reason: string }
  | {
      type: 'ticket-issued';
      at: number;
      ticketId: string;
      callNumber: string;
      serviceCode: string;
      skill: string;
      priority: 'normal' | 'priority';
      queueSeq: number;
    }
  | { type: 'ticket-called'; at: number; ticketId: string; callNumber: string; counter: number }
  | { type: 'ticket-recalled'; at: number; ticketId: string; callNumber: string; counter: number }
  | { type: 'serving-started' | 'ticket-no-show'; at: number; ticketId: string; counter: number }
  | {
      type: 'ticket-queued';
      at: number;
      ticketId: string;
      skill: string;
      directCounter: number | null;
      queueSeq: number;
      reason: 'no-show' | 'next-step' | 'transfer';
    }
  | { type: 'ticket-cancelled' | 'ticket-ended'; at: number; ticketId: string }
  | { type: 'step-completed'; at: number; ticketId: string; counter: number; stepIndex: number }
  | { type: 'ticket-transferred'; at: number; ticketId: string; counter: number }
  | { type: 'case-forwarded'; at: number; ticketId: string; counter: number; department: string }
  | { type: 'case-completed'; at: number; ticketId: string | null }
  | { type: 'case-accepted' | 'case-progress-noted'; at: number }
  /** A rating happened at a counter: no case, clerk or score in public. */
  | { type: 'case-rated'; at: number; counter: number };

export function publicEventOf(event: HallEvent): PublicEvent {
  const { at } = event;
  switch (event.type) {
    case 'day-opened':
    case 'day-closed':
      return { type: event.type, at, date: event.date };
    case 'clerk-logged-in':
      return { type: event.type, at, counter: event.counter, clerkName: event.clerk.name };
    case 'clerk-logged-out':
    case 'counter-opened':
    case 'counter-resumed':
    case 'counter-closed':
      return { type: event.type, at, counter: event.counter };
    case 'counter-paused':
      return { type: event.type, at, counter: event.counter, reason: event.reason };
    case 'ticket-issued':
      return {
        type: event.type,
        at,
        ticketId: event.ticketId,
        callNumber: event.callNumber,
        serviceCode: event.serviceCode,
        skill: event.skill,
        priority: event.priority === 'normal' ? 'normal' : 'priority',
        queueSeq: event.queueSeq,
      };
    case 'ticket-called':
    case 'ticket-recalled':
      return {
        type: event.type,
        at,
        ticketId: event.ticketId,
        callNumber: event.callNumber,
        counter: event.counter,
      };
    case 'serving-started':
    case 'ticket-no-show':
      return { type: event.type, at, ticketId: event.ticketId, counter: event.counter };
    case 'ticket-queued':
      return {
        type: event.type,
        at,
        ticketId: event.ticketId,
        skill: event.skill,
        directCounter: event.directCounter,
        queueSeq: event.queueSeq,
        reason: event.reason,
      };
    case 'ticket-cancelled':
    case 'ticket-ended':
      return { type: event.type, at, ticketId: event.ticketId };
    case 'step-completed':
      return {
        type: event.type,
        at,
        ticketId: event.ticketId,
        counter: event.counter,
        stepIndex: event.stepIndex,
      };
    case 'ticket-transferred':
      return { type: event.type, at, ticketId: event.ticketId, counter: event.counter };
    case 'case-forwarded':
      return {
        type: event.type,
        at,
        ticketId: event.ticketId,
        counter: event.counter,
        department: event.department,
      };
    case 'case-completed':
      return { type: event.type, at, ticketId: event.ticketId };
    case 'case-accepted':
    case 'case-progress-noted':
      return { type: event.type, at };
    case 'case-rated':
      return { type: event.type, at, counter: event.counter };
    default:
      return assertNever(event);
  }
}

/** Staff (clerks, supervisors, admins) see everything but the secrets a visitor holds. */
export function staffEventOf(event: HallEvent): HallEvent {
  if (event.type === 'ticket-issued') return { ...event, verificationCode: '', idempotencyKey: '' };
  return event;
}

/** The department a case event belongs to, if any; officers see only their own in full. */
export function departmentOfEvent(event: HallEvent): string | null {
  switch (event.type) {
    case 'case-forwarded':
    case 'case-accepted':
    case 'case-progress-noted':
      return event.department;
    case 'case-completed':
      return event.department;
    default:
      return null;
  }
}
