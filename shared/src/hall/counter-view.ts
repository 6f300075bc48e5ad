import type { LocalizedText } from '../config/hall-config-schema';
import type { CompiledHallConfig } from '../config/compile-hall-config';
import { liveEntries } from './fifo';
import { isLiveIn } from './state';
import type { CounterNumber, CounterState, HallState, Ticket } from './types';

const MINUTE = 60_000;

export interface CurrentTicketView {
  ticketId: string;
  callNumber: string;
  serviceNumber: string;
  serviceCode: string;
  serviceName: LocalizedText;
  materials: LocalizedText[];
  priority: Ticket['priority'];
  status: Ticket['status'];
  /** 1-based step of the joint-handling route, of `stepCount`. */
  step: number;
  stepCount: number;
  stepName: LocalizedText | null;
  /** Where the case goes when this step completes. */
  next:
    | { kind: 'step'; skill: string; skillName: LocalizedText | null; name: LocalizedText }
    | { kind: 'forward'; department: string }
    | { kind: 'done' };
  recallsLeft: number;
  /** Time at this step so far against its limit: called, then serving. */
  elapsedMs: number;
  limitMs: number;
}

export interface QueueSummary {
  skill: string;
  tier: number;
  waiting: number;
  longestWaitMs: number;
}

export interface CounterView {
  number: CounterNumber;
  status: CounterState['status'];
  clerk: CounterState['clerk'];
  current: CurrentTicketView | null;
  queues: QueueSummary[];
  /** Cases transferred to this counter by name, waiting for it. */
  directWaiting: number;
  servedToday: number;
}

/** What the clerk's workstation shows beside the buttons. */
export function counterView(
  state: HallState,
  hall: CompiledHallConfig,
  number: CounterNumber,
  now: number,
): CounterView | null {
  const compiled = hall.counters.get(number);
  if (!compiled) return null;
  const live = state.counters.get(number);
  const ticket = live?.current ? state.tickets.get(live.current) : undefined;
  const isLive = isLiveIn(state);
  const direct = state.directQueues.get(number);
  const queues = compiled.skills.map((skill): QueueSummary => {
    const queue = state.queues.get(skill);
    let longest = 0;
    if (queue) {
      for (const lane of [queue.transfer, queue.priority, queue.normal]) {
        const head = liveEntries(lane, isLive)[0];
        const t = head ? state.tickets.get(head) : undefined;
        if (t) longest = Math.max(longest, now - t.queuedAt);
      }
    }
    return {
      skill,
      tier: compiled.tierOf.get(skill) ?? 0,
      waiting: queue?.waiting ?? 0,
      longestWaitMs: longest,
    };
  });
  return {
    number,
    status: live?.status ?? 'closed',
    clerk: live?.clerk ?? null,
    current: ticket ? currentTicketView(hall, ticket, now) : null,
    queues,
    directWaiting: direct ? liveEntries(direct, isLive).length : 0,
    servedToday: live?.servedToday ?? 0,
  };
}

function currentTicketView(hall: CompiledHallConfig, ticket: Ticket, now: number): CurrentTicketView | null {
  const service = hall.services.get(ticket.serviceCode);
  if (!service) return null;
  const step = service.route[ticket.stepIndex];
  const nextStep = service.route[ticket.stepIndex + 1];
  const since = ticket.servingSince ?? ticket.calledAt ?? now;
  const skillName = (code: string) => hall.config.skills.find((s) => s.code === code)?.name;
  return {
    ticketId: ticket.id,
    callNumber: ticket.callNumber,
    serviceNumber: ticket.serviceNumber,
    serviceCode: service.code,
    serviceName: service.name,
    materials: service.materials,
    priority: ticket.priority,
    status: ticket.status,
    step: ticket.stepIndex + 1,
    stepCount: service.route.length,
    stepName: step?.name ?? null,
    next: nextStep
      ? {
          kind: 'step',
          skill: nextStep.skill,
          skillName: skillName(nextStep.skill) ?? null,
          name: nextStep.name,
        }
      : service.forwardTo !== undefined
        ? { kind: 'forward', department: service.forwardTo }
        : { kind: 'done' },
    recallsLeft: Math.max(0, hall.config.limits.recalls - ticket.recalls),
    elapsedMs: Math.max(0, now - since),
    limitMs: (step?.serviceMinutes ?? 15) * MINUTE,
  };
}
