import type { CompiledHallConfig } from '../config/compile-hall-config';
import type { CounterNumber, HallState, Ticket } from './types';

export interface RatioCycle {
  priority: number;
  normal: number;
}

export interface Selection {
  ticket: Ticket;
  /** The counter's ratio cycle after this call. */
  cycle: RatioCycle;
  /** Why this ticket, for the audit trail and tests. */
  rule: 'direct' | 'transfer' | 'aged' | 'tier';
}

const MINUTE = 60_000;

/**
 * Which waiting ticket a counter calls next. Pure and deterministic; looks
 * only at the head of each lane (each lane is FIFO by queueSeq), so the cost
 * is O(skills the counter serves), whatever the queue length.
 *
 * In order:
 * 1. tickets transferred to this counter by name;
 * 2. cases in progress (next step of a joint-handling route, or transferred to
 *    one of this counter's skills), by tier, then arrival;
 * 3. aged tickets (waiting past `routing.agingMinutes`), in arrival order,
 *    from any tier: no ticket is overtaken by later arrivals past that bound;
 * 4. otherwise the first tier with anyone waiting; in it, priority vs normal
 *    by the ratio cycle (e.g. 1 priority : 2 normal, so priority neither
 *    jumps the whole queue nor starves), then the skill under most pressure
 *    (wait / target wait of the head ticket's step), then arrival order.
 */
export function selectNext(
  state: HallState,
  hall: CompiledHallConfig,
  counterNumber: CounterNumber,
  now: number,
): Selection | null {
  const counter = hall.counters.get(counterNumber);
  if (!counter) return null;
  const live = state.counters.get(counterNumber);
  const cycle: RatioCycle = { priority: live?.cyclePriority ?? 0, normal: live?.cycleNormal ?? 0 };

  const direct = state.directQueues.get(counterNumber);
  const directId = direct?.ids[direct.head];
  if (directId !== undefined) {
    const ticket = state.tickets.get(directId);
    if (ticket) return { ticket, cycle, rule: 'direct' };
  }

  const policy = hall.config.routing;
  const agingMs = policy.agingMinutes * MINUTE;
  const fifo = policy.mode === 'fifo';
  let oldest: Ticket | undefined;

  let transfer: Ticket | undefined;
  let transferTier = Infinity;
  let aged: Ticket | undefined;
  let freshTier = Infinity;
  let bestPriority: Ticket | undefined;
  let bestPriorityPressure = -1;
  let bestNormal: Ticket | undefined;
  let bestNormalPressure = -1;

  for (const skill of counter.skills) {
    const queue = state.queues.get(skill);
    if (!queue || queue.waiting === 0) continue;
    const tier = counter.tierOf.get(skill) ?? 0;

    const t = headOf(state, queue.transfer);
    if (
      t &&
      (tier < transferTier || (tier === transferTier && t.queueSeq < (transfer?.queueSeq ?? Infinity)))
    ) {
      transfer = t;
      transferTier = tier;
    }
    if (transfer) continue; // nothing below can win once a transfer exists; keep scanning for a better one

    if (fifo) {
      // First come, first served across every skill and class this counter serves.
      for (const ticket of [headOf(state, queue.priority), headOf(state, queue.normal)]) {
        if (ticket && ticket.queueSeq < (oldest?.queueSeq ?? Infinity)) oldest = ticket;
      }
      continue;
    }

    for (const ticket of [headOf(state, queue.priority), headOf(state, queue.normal)]) {
      if (!ticket) continue;
      if (agingMs > 0 && now - ticket.queuedAt >= agingMs) {
        if (!aged || ticket.queueSeq < aged.queueSeq) aged = ticket;
      }
      if (tier > freshTier) continue;
      if (tier < freshTier) {
        freshTier = tier;
        bestPriority = bestNormal = undefined;
        bestPriorityPressure = bestNormalPressure = -1;
      }
      const pressure = policy.pressure ? pressureOf(hall, ticket, now) : 0;
      if (ticket.lane === 'priority') {
        if (better(ticket, pressure, bestPriority, bestPriorityPressure)) {
          bestPriority = ticket;
          bestPriorityPressure = pressure;
        }
      } else if (better(ticket, pressure, bestNormal, bestNormalPressure)) {
        bestNormal = ticket;
        bestNormalPressure = pressure;
      }
    }
  }

  if (transfer) return { ticket: transfer, cycle, rule: 'transfer' };
  if (fifo) return oldest ? { ticket: oldest, cycle, rule: 'tier' } : null;
  if (aged) return { ticket: aged, cycle: nextCycle(hall, cycle, aged), rule: 'aged' };

  if (bestPriority && bestNormal) {
    const ratio = policy.ratio;
    const chosen =
      cycle.priority < ratio.priority || cycle.normal >= ratio.normal ? bestPriority : bestNormal;
    return { ticket: chosen, cycle: nextCycle(hall, cycle, chosen), rule: 'tier' };
  }
  // With one class waiting there is nothing to balance: the cycle stands still,
  // so a burst of one class never earns the other a run of calls in a row.
  const only = bestPriority ?? bestNormal;
  return only ? { ticket: only, cycle, rule: 'tier' } : null;
}

/**
 * Counts a call in the counter's ratio cycle; the cycle restarts once both
 * classes have had their share. Transfers stay outside the ratio.
 */
export function nextCycle(hall: CompiledHallConfig, cycle: RatioCycle, ticket: Ticket): RatioCycle {
  if (ticket.lane === 'transfer') return cycle;
  const next =
    ticket.lane === 'priority'
      ? { priority: Math.min(cycle.priority + 1, 1000), normal: cycle.normal }
      : { priority: cycle.priority, normal: Math.min(cycle.normal + 1, 1000) };
  const { ratio } = hall.config.routing;
  return next.priority >= ratio.priority && next.normal >= ratio.normal ? { priority: 0, normal: 0 } : next;
}

/** Wait so far against the step's target wait: 1 means the target is reached. */
function pressureOf(hall: CompiledHallConfig, ticket: Ticket, now: number): number {
  const step = hall.stepOf(ticket.serviceCode, ticket.stepIndex);
  const target = (step?.targetWaitMinutes ?? 30) * MINUTE;
  return Math.max(0, now - ticket.queuedAt) / target;
}

function better(ticket: Ticket, pressure: number, best: Ticket | undefined, bestPressure: number): boolean {
  if (!best) return true;
  if (pressure !== bestPressure) return pressure > bestPressure;
  return ticket.queueSeq < best.queueSeq;
}

function headOf(state: HallState, fifo: { ids: string[]; head: number }): Ticket | undefined {
  const id = fifo.ids[fifo.head];
  return id === undefined ? undefined : state.tickets.get(id);
}
