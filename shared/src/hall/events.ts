import type { IsoDate } from '../time/zoned-time';
import type {
  Channel,
  Clerk,
  CounterNumber,
  DepartmentResult,
  Lane,
  PriorityClass,
  RatingScore,
  TicketEndReason,
  TicketId,
} from './types';

/**
 * Everything that happens in the hall, as facts. The engine's commands emit
 * them; `applyEvent` folds them into state; the server stores them with a
 * gap-free sequence number and broadcasts them. Every event carries `at`.
 */

export type HallEvent =
  | { type: 'day-opened'; at: number; date: IsoDate }
  | { type: 'day-closed'; at: number; date: IsoDate }
  | { type: 'clerk-logged-in'; at: number; counter: CounterNumber; clerk: Clerk }
  | { type: 'clerk-logged-out'; at: number; counter: CounterNumber }
  | { type: 'counter-opened'; at: number; counter: CounterNumber }
  | { type: 'counter-paused'; at: number; counter: CounterNumber; reason: string; note: string | null }
  | { type: 'counter-resumed'; at: number; counter: CounterNumber }
  | { type: 'counter-closed'; at: number; counter: CounterNumber }
  | {
      type: 'ticket-issued';
      at: number;
      ticketId: TicketId;
      date: IsoDate;
      callNumber: string;
      callSequence: number;
      serviceCode: string;
      serviceNumber: string;
      caseSequence: number;
      verificationCode: string;
      priority: PriorityClass;
      greenReason: string | null;
      channel: Channel;
      idempotencyKey: string;
      skill: string;
      lane: Lane;
      queueSeq: number;
    }
  | {
      type: 'ticket-called';
      at: number;
      ticketId: TicketId;
      callNumber: string;
      counter: CounterNumber;
      how: 'next' | 'specific';
      /** The counter's ratio cycle after this call (decided by the routing policy). */
      cycle: { priority: number; normal: number };
    }
  | { type: 'ticket-recalled'; at: number; ticketId: TicketId; callNumber: string; counter: CounterNumber }
  | { type: 'serving-started'; at: number; ticketId: TicketId; counter: CounterNumber }
  | { type: 'ticket-no-show'; at: number; ticketId: TicketId; counter: CounterNumber }
  | {
      /** Back into a queue: after a no-show, for the next route step, or on transfer. */
      type: 'ticket-queued';
      at: number;
      ticketId: TicketId;
      reason: 'no-show' | 'next-step' | 'transfer';
      stepIndex: number;
      skill: string;
      lane: Lane;
      directCounter: CounterNumber | null;
      queueSeq: number;
    }
  | { type: 'ticket-cancelled'; at: number; ticketId: TicketId }
  | {
      type: 'ticket-ended';
      at: number;
      ticketId: TicketId;
      reason: Exclude<TicketEndReason, 'completed' | 'forwarded'>;
    }
  | {
      type: 'step-completed';
      at: number;
      ticketId: TicketId;
      serviceNumber: string;
      counter: CounterNumber;
      clerk: string;
      stepIndex: number;
      skill: string;
    }
  | {
      type: 'ticket-transferred';
      at: number;
      ticketId: TicketId;
      counter: CounterNumber;
      toSkill: string;
      toCounter: CounterNumber | null;
      note: string;
    }
  | {
      type: 'case-forwarded';
      at: number;
      serviceNumber: string;
      ticketId: TicketId;
      counter: CounterNumber;
      department: string;
      dueDate: IsoDate;
      dueAt: number;
      note: string | null;
    }
  | { type: 'case-accepted'; at: number; serviceNumber: string; department: string; officer: string }
  | {
      /** The visitor rated the step a clerk completed (rating pad at the counter). */
      type: 'case-rated';
      at: number;
      serviceNumber: string;
      ticketId: TicketId;
      counter: CounterNumber;
      clerk: string;
      stepIndex: number;
      score: RatingScore;
    }
  | {
      type: 'case-progress-noted';
      at: number;
      serviceNumber: string;
      department: string;
      officer: string;
      note: string;
    }
  | {
      type: 'case-completed';
      at: number;
      serviceNumber: string;
      /** Set when finished on site at a counter. */
      ticketId: TicketId | null;
      result: 'completed' | DepartmentResult;
      department: string | null;
      officer: string | null;
      note: string | null;
    };

export type HallEventType = HallEvent['type'];
export type HallEventOf<T extends HallEventType> = Extract<HallEvent, { type: T }>;
