import type { CompiledHallConfig } from '../config/compile-hall-config';
import { liveEntries } from './fifo';
import { isLiveIn } from './state';
import type { HallState, Ticket } from './types';

const MINUTE = 60_000;

export interface WaitEstimate {
  peopleAhead: number;
  estimatedMs: number;
}

/**
 * How many are ahead of a ticket in its queue: every case in progress
 * (transfer lane) and everyone in the priority and normal lines who arrived
 * before it. The ratio policy may reorder the two lines a little; this is a
 * visitor's estimate, not a promise.
 */
export function peopleAhead(state: HallState, ticket: Ticket): number {
  if (ticket.status !== 'waiting') return 0;
  const isLive = isLiveIn(state);
  if (ticket.directCounter !== null) {
    const direct = state.directQueues.get(ticket.directCounter);
    return direct ? liveEntries(direct, isLive).indexOf(ticket.id) : 0;
  }
  const queue = state.queues.get(ticket.skill);
  if (!queue) return 0;
  let ahead = 0;
  for (const lane of [queue.transfer, queue.priority, queue.normal]) {
    for (const id of liveEntries(lane, isLive)) {
      const other = state.tickets.get(id);
      if (!other || other.id === ticket.id) continue;
      // Cases in progress go first; a ticket in that lane waits only for earlier ones there.
      if (ticket.lane === 'transfer') {
        if (lane === queue.transfer && other.queueSeq < ticket.queueSeq) ahead++;
      } else if (lane === queue.transfer || other.queueSeq < ticket.queueSeq) {
        ahead++;
      }
    }
  }
  return ahead;
}

/** Average recent step time for a skill, from the last `estimate.samples` steps. */
export function averageServiceMs(
  state: HallState,
  hall: CompiledHallConfig,
  skill: string,
  fallbackMs: number,
): number {
  const samples = state.serviceTimes.get(skill);
  if (!samples || samples.length === 0) return fallbackMs;
  const recent = samples.slice(-hall.config.estimate.samples);
  return recent.reduce((sum, ms) => sum + ms, 0) / recent.length;
}

/** Counters open now that serve a skill (at least 1, so a closed hall still estimates). */
export function countersServing(state: HallState, hall: CompiledHallConfig, skill: string): number {
  let open = 0;
  for (const number of hall.countersBySkill.get(skill) ?? []) {
    if (state.counters.get(number)?.status === 'open') open++;
  }
  return Math.max(1, open);
}

/** The wait a ticket can expect, from the people ahead and recent service times. */
export function estimateTicketWait(state: HallState, hall: CompiledHallConfig, ticket: Ticket): WaitEstimate {
  const ahead = peopleAhead(state, ticket);
  const step = hall.stepOf(ticket.serviceCode, ticket.stepIndex);
  return {
    peopleAhead: ahead,
    estimatedMs: estimate(state, hall, ticket.skill, ahead, step?.serviceMinutes),
  };
}

/** The wait a new ticket for a service would have, for the kiosk before issuing. */
export function estimateServiceWait(
  state: HallState,
  hall: CompiledHallConfig,
  serviceCode: string,
): WaitEstimate | null {
  const step = hall.services.get(serviceCode)?.route[0];
  if (!step) return null;
  const ahead = state.queues.get(step.skill)?.waiting ?? 0;
  return { peopleAhead: ahead, estimatedMs: estimate(state, hall, step.skill, ahead, step.serviceMinutes) };
}

function estimate(
  state: HallState,
  hall: CompiledHallConfig,
  skill: string,
  ahead: number,
  serviceMinutes: number | undefined,
): number {
  const perStep = averageServiceMs(state, hall, skill, (serviceMinutes ?? 10) * MINUTE);
  return Math.round(Math.ceil(ahead / countersServing(state, hall, skill)) * perStep);
}
