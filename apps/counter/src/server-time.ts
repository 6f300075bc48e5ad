import type { Case, HallSnapshot } from '@yizhan/shared';

/**
 * The latest instant a snapshot mentions: a lower bound for the server's
 * clock when no event has arrived yet (the server sends no time of its own).
 */
export function latestInstant(snapshot: HallSnapshot | { cases: Case[] }): number {
  let latest = 0;
  const see = (t: number | null | undefined) => {
    if (typeof t === 'number' && t > latest) latest = t;
  };
  if ('day' in snapshot) {
    see(snapshot.day?.openedAt);
    for (const counter of snapshot.counters) see(counter.statusSince);
    for (const ticket of snapshot.tickets) {
      see(ticket.issuedAt);
      see(ticket.queuedAt);
      see(ticket.calledAt);
      see(ticket.servingSince);
      see(ticket.endedAt);
    }
  }
  for (const kase of snapshot.cases) for (const entry of kase.timeline) see(entry.at);
  return latest;
}

/** The offset to add to local time: the newest server instant seen, never moving backwards by latency alone. */
export function offsetFrom(serverAt: number, localAt: number, previous: number | null): number {
  const offset = serverAt - localAt;
  // Events arrive a little after their `at`; keep the larger estimate unless the
  // server clock clearly jumped back (more than a minute).
  if (previous === null) return offset;
  return offset > previous || previous - offset > 60_000 ? offset : previous;
}
