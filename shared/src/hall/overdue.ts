import type { CompiledHallConfig } from '../config/compile-hall-config';
import type { CounterNumber, HallState, TicketId } from './types';

const MINUTE = 60_000;

export type OverdueItem =
  | {
      kind: 'wait';
      ticketId: TicketId;
      callNumber: string;
      serviceCode: string;
      stepIndex: number;
      dueAt: number;
      overByMs: number;
    }
  | {
      kind: 'service';
      ticketId: TicketId;
      callNumber: string;
      serviceCode: string;
      stepIndex: number;
      counter: CounterNumber;
      dueAt: number;
      overByMs: number;
    }
  | {
      kind: 'forward';
      serviceNumber: string;
      serviceCode: string;
      department: string;
      dueAt: number;
      overByMs: number;
    };

/**
 * What is late right now and by how much (限时办结制): tickets waiting past
 * their step's target wait, steps at a counter past their service time, and
 * forwarded cases past their due time. Most overdue first. Deadlines are
 * absolute instants fixed when the clock started, so a clock correction moves
 * `now` but never the deadlines.
 */
export function overdue(state: HallState, hall: CompiledHallConfig, now: number): OverdueItem[] {
  const items: OverdueItem[] = [];
  for (const ticket of state.tickets.values()) {
    const step = hall.stepOf(ticket.serviceCode, ticket.stepIndex);
    if (!step) continue;
    if (ticket.status === 'waiting') {
      const dueAt = ticket.queuedAt + step.targetWaitMinutes * MINUTE;
      if (now > dueAt) {
        items.push({
          kind: 'wait',
          ticketId: ticket.id,
          callNumber: ticket.callNumber,
          serviceCode: ticket.serviceCode,
          stepIndex: ticket.stepIndex,
          dueAt,
          overByMs: now - dueAt,
        });
      }
    } else if (ticket.status === 'serving' && ticket.servingSince !== null && ticket.counter !== null) {
      const dueAt = ticket.servingSince + step.serviceMinutes * MINUTE;
      if (now > dueAt) {
        items.push({
          kind: 'service',
          ticketId: ticket.id,
          callNumber: ticket.callNumber,
          serviceCode: ticket.serviceCode,
          stepIndex: ticket.stepIndex,
          counter: ticket.counter,
          dueAt,
          overByMs: now - dueAt,
        });
      }
    }
  }
  for (const kase of state.cases.values()) {
    const forwarding = kase.forwarding;
    if (!forwarding || (kase.state !== 'forwarded' && kase.state !== 'in-department')) continue;
    if (now > forwarding.dueAt) {
      items.push({
        kind: 'forward',
        serviceNumber: kase.serviceNumber,
        serviceCode: kase.serviceCode,
        department: forwarding.department,
        dueAt: forwarding.dueAt,
        overByMs: now - forwarding.dueAt,
      });
    }
  }
  return items.sort((a, b) => b.overByMs - a.overByMs);
}
