import type { Case, RoleEvent } from '@yizhan/shared';

/**
 * Folds the events an officer's desk receives into its department's cases.
 * Officers get no hall state (only their cases), so the shared `applyEvent`
 * does not apply; these few case events are all the desk needs. Returns
 * 'unknown-case' for a case newly forwarded here, whose details need a snapshot.
 */
export function foldDepartmentEvent(
  cases: Map<string, Case>,
  department: string,
  event: RoleEvent,
): 'ok' | 'unknown-case' {
  if (!('serviceNumber' in event) || !('department' in event)) return 'ok';
  if (event.department !== department) return 'ok';
  const kase = cases.get(event.serviceNumber);
  if (!kase) return event.type === 'case-forwarded' ? 'unknown-case' : 'ok';
  const next: Case = { ...kase, timeline: [...kase.timeline] };
  switch (event.type) {
    case 'case-accepted':
      next.state = 'in-department';
      if (next.forwarding)
        next.forwarding = { ...next.forwarding, acceptedAt: event.at, acceptedBy: event.officer };
      next.timeline.push({ at: event.at, kind: 'accepted', department });
      break;
    case 'case-progress-noted':
      next.timeline.push({ at: event.at, kind: 'progress', department, note: event.note });
      break;
    case 'case-completed':
      next.state = 'completed';
      next.result = event.result;
      next.closedAt = event.at;
      next.timeline.push({ at: event.at, kind: 'completed', result: event.result });
      break;
    default:
      return 'ok';
  }
  cases.set(next.serviceNumber, next);
  return 'ok';
}
