import { placeInQueue } from './apply-event';
import { createHallState } from './state';
import type { CallRecord, Case, CounterState, HallState, Ticket } from './types';

/**
 * The hall's live state as plain JSON: what the server stores as projections,
 * sends to staff apps as a snapshot, and rebuilds the engine from at start-up.
 * Queues are not stored: they follow from the waiting tickets in queueSeq order.
 */
export interface HallSnapshot {
  day: HallState['day'];
  counters: CounterState[];
  tickets: Ticket[];
  cases: Case[];
  lastCallNumber: [string, number][];
  lastCaseSequence: number;
  nextQueueSeq: number;
  issuedByService: [string, number][];
  idempotency: [string, string][];
  recentCalls: CallRecord[];
  serviceTimes: [string, number[]][];
}

/** A deep, JSON-safe copy. `redactCodes` blanks verification codes (for staff apps). */
export function snapshotOf(state: HallState, options: { redactCodes?: boolean } = {}): HallSnapshot {
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    day: copy(state.day),
    counters: [...state.counters.values()].map(copy),
    tickets: [...state.tickets.values()].map(copy),
    cases: [...state.cases.values()].map((c) =>
      options.redactCodes ? { ...copy(c), verificationCode: '' } : copy(c),
    ),
    lastCallNumber: [...state.lastCallNumber],
    lastCaseSequence: state.lastCaseSequence,
    nextQueueSeq: state.nextQueueSeq,
    issuedByService: [...state.issuedByService],
    idempotency: options.redactCodes ? [] : [...state.idempotency],
    recentCalls: copy(state.recentCalls),
    serviceTimes: [...state.serviceTimes].map(([skill, samples]) => [skill, [...samples]]),
  };
}

/** Rebuilds a working engine state: the same tickets, cases and counters, queues in the same order. */
export function stateFromSnapshot(snapshot: HallSnapshot): HallState {
  const state = createHallState();
  state.day = structuredClone(snapshot.day);
  for (const counter of snapshot.counters) state.counters.set(counter.number, structuredClone(counter));
  for (const ticket of snapshot.tickets) state.tickets.set(ticket.id, structuredClone(ticket));
  for (const kase of snapshot.cases) state.cases.set(kase.serviceNumber, structuredClone(kase));
  state.lastCallNumber = new Map(snapshot.lastCallNumber);
  state.lastCaseSequence = snapshot.lastCaseSequence;
  state.issuedByService = new Map(snapshot.issuedByService);
  state.idempotency = new Map(snapshot.idempotency);
  state.recentCalls = structuredClone(snapshot.recentCalls);
  state.serviceTimes = new Map(snapshot.serviceTimes.map(([skill, samples]) => [skill, [...samples]]));
  const waiting = [...state.tickets.values()]
    .filter((t) => t.status === 'waiting')
    .sort((a, b) => a.queueSeq - b.queueSeq);
  for (const ticket of waiting) placeInQueue(state, ticket);
  state.nextQueueSeq = Math.max(state.nextQueueSeq, snapshot.nextQueueSeq);
  return state;
}
