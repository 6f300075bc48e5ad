import type { IsoDate } from '../time/zoned-time';

/**
 * The hall's live state, as the engine holds it. Built only by folding events
 * (`applyEvent`); commands read it and never change it.
 */

export type CounterNumber = number;
/** Unique per hall: `${date}/${callNumber}`, e.g. `2026-11-27/A023`. */
export type TicketId = string;

/** The visitor's class: green channel (elderly, disabled, military…), booked appointment, or walk-in. */
export type PriorityClass = 'normal' | 'green' | 'appointment';
export type Channel = 'kiosk' | 'appointment';

/**
 * Which line of a skill's queue a waiting ticket stands in. `transfer` holds
 * cases already in progress (the next step of a joint-handling route, or a
 * transfer from another counter) and is called first; `priority` and `normal`
 * are balanced by the ratio policy.
 */
export type Lane = 'transfer' | 'priority' | 'normal';

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'ended';
export type TicketEndReason = 'completed' | 'forwarded' | 'no-show' | 'cancelled' | 'day-closed';

export interface Ticket {
  id: TicketId;
  date: IsoDate;
  callNumber: string;
  serviceCode: string;
  serviceNumber: string;
  priority: PriorityClass;
  greenReason: string | null;
  channel: Channel;
  issuedAt: number;
  status: TicketStatus;
  /** Index into the service's route. */
  stepIndex: number;
  /** The skill whose queue it is in (the route step's skill unless transferred). */
  skill: string;
  lane: Lane;
  /** Set when transferred to a named counter: only that counter calls it (kept while called, so a no-show returns there). */
  directCounter: CounterNumber | null;
  /** When it entered its current queue, and its place in arrival order (monotonic, clock-proof). */
  queuedAt: number;
  queueSeq: number;
  counter: CounterNumber | null;
  calledAt: number | null;
  servingSince: number | null;
  recalls: number;
  noShows: number;
  endReason: TicketEndReason | null;
  endedAt: number | null;
}

export type CaseState =
  | 'waiting' // in a queue in the hall
  | 'at-counter' // called or being served
  | 'forwarded' // sent to a department, not yet accepted
  | 'in-department' // accepted by the department
  | 'completed' // finished, on site or by the department
  | 'ended'; // left unfinished: no-show, cancelled, or still open when the day closed

export type DepartmentResult = 'approved' | 'rejected' | 'more-materials';
export type CaseResult = 'completed' | DepartmentResult;

export interface Forwarding {
  department: string;
  forwardedAt: number;
  byCounter: CounterNumber;
  dueDate: IsoDate;
  dueAt: number;
  acceptedAt: number | null;
  acceptedBy: string | null;
}

export type TimelineEntry =
  | { at: number; kind: 'issued' }
  | { at: number; kind: 'called'; counter: CounterNumber; stepIndex: number }
  | { at: number; kind: 'serving'; counter: CounterNumber; stepIndex: number }
  | { at: number; kind: 'step-completed'; counter: CounterNumber; stepIndex: number }
  | {
      at: number;
      kind: 'transferred';
      counter: CounterNumber;
      toSkill: string;
      toCounter: CounterNumber | null;
    }
  | { at: number; kind: 'no-show'; counter: CounterNumber; requeued: boolean }
  | { at: number; kind: 'forwarded'; department: string; dueDate: IsoDate }
  | { at: number; kind: 'accepted'; department: string }
  | { at: number; kind: 'progress'; department: string; note: string }
  | { at: number; kind: 'completed'; result: CaseResult }
  | { at: number; kind: 'ended'; reason: TicketEndReason };

export interface StepRecord {
  stepIndex: number;
  skill: string;
  counter: CounterNumber;
  clerk: string;
  startedAt: number;
  completedAt: number;
}

/** 4 非常满意, 3 满意, 2 基本满意, 1 不满意. */
export type RatingScore = 1 | 2 | 3 | 4;

export interface CaseRating {
  stepIndex: number;
  counter: CounterNumber;
  clerk: string;
  score: RatingScore;
  at: number;
}

export interface Case {
  serviceNumber: string;
  verificationCode: string;
  serviceCode: string;
  ticketId: TicketId;
  date: IsoDate;
  createdAt: number;
  state: CaseState;
  /** 首问负责: the counter and clerk who first served the case stay its owner. */
  ownerCounter: CounterNumber | null;
  ownerClerk: string | null;
  steps: StepRecord[];
  forwarding: Forwarding | null;
  result: CaseResult | null;
  closedAt: number | null;
  timeline: TimelineEntry[];
  /** The visitor's ratings of completed steps, one per step at most (absent on cases stored before ratings). */
  ratings?: CaseRating[];
}

export type CounterStatus = 'closed' | 'open' | 'paused';

export interface Clerk {
  id: string;
  name: string;
}

export interface CounterState {
  number: CounterNumber;
  status: CounterStatus;
  pauseReason: string | null;
  pauseNote: string | null;
  clerk: Clerk | null;
  current: TicketId | null;
  /** Calls in the current ratio cycle, per class (see `routing.ts`). */
  cyclePriority: number;
  cycleNormal: number;
  servedToday: number;
  statusSince: number;
}

/** A FIFO of ticket ids in queueSeq order; stale entries are skipped lazily. */
export interface Fifo {
  ids: TicketId[];
  seqs: number[];
  head: number;
}

export interface SkillQueue {
  transfer: Fifo;
  priority: Fifo;
  normal: Fifo;
  /** Live waiting tickets in this queue (not counting those sent to a named counter). */
  waiting: number;
}

export interface CallRecord {
  ticketId: TicketId;
  callNumber: string;
  counter: CounterNumber;
  at: number;
  recall: boolean;
}

export interface HallState {
  day: { date: IsoDate; status: 'open' | 'closed'; openedAt: number; closedAt: number | null } | null;
  counters: Map<CounterNumber, CounterState>;
  tickets: Map<TicketId, Ticket>;
  cases: Map<string, Case>;
  queues: Map<string, SkillQueue>;
  /** Tickets transferred to a named counter. */
  directQueues: Map<CounterNumber, Fifo>;
  waitingByService: Map<string, number>;
  issuedByService: Map<string, number>;
  lastCallNumber: Map<string, number>;
  lastCaseSequence: number;
  nextQueueSeq: number;
  idempotency: Map<string, TicketId>;
  /** Newest last, bounded. */
  recentCalls: CallRecord[];
  /** Recent step durations (ms) per skill, newest last, bounded. */
  serviceTimes: Map<string, number[]>;
}
