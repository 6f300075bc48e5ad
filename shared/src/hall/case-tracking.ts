import type { CompiledHallConfig } from '../config/compile-hall-config';
import type { LocalizedText } from '../config/hall-config-schema';
import type { Case, CaseResult, CaseState, CounterNumber, HallState, TimelineEntry } from './types';

export interface CaseTracking {
  serviceNumber: string;
  serviceName: LocalizedText | null;
  stage: CaseState;
  where: { counter: CounterNumber } | { department: string; name: LocalizedText | null } | null;
  dueAt: number | null;
  overdue: boolean;
  result: CaseResult | null;
  /** Public timeline: what happened and where, never who (no clerk or officer ids, no notes). */
  timeline: PublicTimelineEntry[];
}

export type PublicTimelineEntry =
  | Exclude<TimelineEntry, { kind: 'progress' } | { kind: 'transferred' }>
  | { at: number; kind: 'progress'; department: string }
  | { at: number; kind: 'transferred'; counter: CounterNumber };

/**
 * The public tracking page's view of a case. The caller has already checked
 * the verification code; this never reveals personal data.
 */
export function caseTracking(
  state: HallState,
  hall: CompiledHallConfig,
  kase: Case,
  now: number,
): CaseTracking {
  const ticket = state.tickets.get(kase.ticketId);
  const forwarding = kase.forwarding;
  let where: CaseTracking['where'] = null;
  if (kase.state === 'at-counter' && ticket?.counter != null) where = { counter: ticket.counter };
  if ((kase.state === 'forwarded' || kase.state === 'in-department') && forwarding) {
    where = {
      department: forwarding.department,
      name: hall.config.departments.find((d) => d.code === forwarding.department)?.name ?? null,
    };
  }
  const open = kase.state !== 'completed' && kase.state !== 'ended';
  const dueAt = forwarding?.dueAt ?? null;
  return {
    serviceNumber: kase.serviceNumber,
    serviceName: hall.services.get(kase.serviceCode)?.name ?? null,
    stage: kase.state,
    where,
    dueAt,
    overdue: dueAt !== null && (open ? now > dueAt : (kase.closedAt ?? 0) > dueAt),
    result: kase.result,
    timeline: kase.timeline.map(publicEntry),
  };
}

function publicEntry(entry: TimelineEntry): PublicTimelineEntry {
  if (entry.kind === 'progress') return { at: entry.at, kind: 'progress', department: entry.department };
  if (entry.kind === 'transferred') return { at: entry.at, kind: 'transferred', counter: entry.counter };
  return entry;
}
