import { createFifo, type IsLive } from './fifo';
import type { CounterNumber, CounterState, HallState, SkillQueue, Ticket } from './types';

export function createHallState(): HallState {
  return {
    day: null,
    counters: new Map(),
    tickets: new Map(),
    cases: new Map(),
    queues: new Map(),
    directQueues: new Map(),
    waitingByService: new Map(),
    issuedByService: new Map(),
    lastCallNumber: new Map(),
    lastCaseSequence: 0,
    nextQueueSeq: 1,
    idempotency: new Map(),
    recentCalls: [],
    serviceTimes: new Map(),
  };
}

export function createSkillQueue(): SkillQueue {
  return { transfer: createFifo(), priority: createFifo(), normal: createFifo(), waiting: 0 };
}

export function emptyCounter(number: CounterNumber, at: number): CounterState {
  return {
    number,
    status: 'closed',
    pauseReason: null,
    pauseNote: null,
    clerk: null,
    current: null,
    cyclePriority: 0,
    cycleNormal: 0,
    servedToday: 0,
    statusSince: at,
  };
}

/** A queue entry is live while its ticket still waits with the same queueSeq. */
export function isLiveIn(state: HallState): IsLive {
  return (ticketId, queueSeq) => {
    const ticket = state.tickets.get(ticketId);
    return ticket !== undefined && ticket.status === 'waiting' && ticket.queueSeq === queueSeq;
  };
}

export function waitingTickets(state: HallState): Ticket[] {
  const out: Ticket[] = [];
  for (const ticket of state.tickets.values()) if (ticket.status === 'waiting') out.push(ticket);
  return out;
}

/** How long a ticket has waited; 0 if the clock was stepped back past its queuing. */
export function waitedMs(ticket: Ticket, now: number): number {
  return Math.max(0, now - ticket.queuedAt);
}
