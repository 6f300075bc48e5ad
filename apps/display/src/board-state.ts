import type {
  BoardView,
  LocalizedText,
  PublicEvent,
  PublicSnapshot,
  RoleEvent,
  SeqEvent,
} from '@yizhan/shared';

/** One counter as the displays show it. */
export interface CounterBoard {
  number: number;
  name: LocalizedText;
  status: 'closed' | 'open' | 'paused';
  pauseReason: LocalizedText | null;
  clerkName: string | null;
  callNumber: string | null;
  ticketId: string | null;
}

export interface Call {
  seq: number | null;
  ticketId: string;
  callNumber: string;
  counter: number;
  at: number;
  recall: boolean;
}

export interface WaitingTicket {
  ticketId: string;
  callNumber: string;
  serviceCode: string;
  skill: string;
  queueSeq: number;
}

/** What every display screen is drawn from: the public snapshot with public events folded in. */
export interface Board {
  seq: number;
  date: string | null;
  dayOpen: boolean;
  /** Newest first. */
  latestCalls: Call[];
  counters: CounterBoard[];
  waitingByService: BoardView['waitingByService'];
  waitingByCategory: BoardView['waitingByCategory'];
  notices: LocalizedText[];
  /** Waiting tickets in queue order (for "people ahead" on the phone page). */
  waiting: WaitingTicket[];
  /** Call number, service and skill of every ticket seen today, for requeues and counter clearing. */
  tickets: Record<string, { callNumber: string; serviceCode: string | null; skill: string | null }>;
}

/** Names the snapshot does not carry but events need (pause reasons come as codes). */
export interface BoardNames {
  pauseReasons: { code: string; name: LocalizedText }[];
  /** service code → call number prefix, to place a requeued ticket whose service the board never saw. */
  services: { code: string; prefix: string }[];
}

/** How many calls the board keeps (the wall shows fewer). */
export const CALLS_KEPT = 20;

export function emptyBoard(): Board {
  return {
    seq: 0,
    date: null,
    dayOpen: false,
    latestCalls: [],
    counters: [],
    waitingByService: [],
    waitingByCategory: [],
    notices: [],
    waiting: [],
    tickets: {},
  };
}

export function boardFromSnapshot(snapshot: PublicSnapshot): Board {
  const { board } = snapshot;
  const tickets: Board['tickets'] = {};
  for (const call of board.latestCalls)
    tickets[call.ticketId] = { callNumber: call.callNumber, serviceCode: null, skill: null };
  for (const w of snapshot.waiting)
    tickets[w.ticketId] = { callNumber: w.callNumber, serviceCode: w.serviceCode, skill: w.skill };
  const calledTicket = new Map<string, string>();
  for (const call of [...board.latestCalls].reverse())
    calledTicket.set(`${call.counter}:${call.callNumber}`, call.ticketId);
  return {
    seq: snapshot.seq,
    date: board.date,
    dayOpen: board.dayOpen,
    latestCalls: board.latestCalls.map((c) => ({ ...c, seq: null })),
    counters: board.counters.map((c) => ({
      ...c,
      ticketId: c.callNumber === null ? null : (calledTicket.get(`${c.number}:${c.callNumber}`) ?? null),
    })),
    waitingByService: board.waitingByService,
    waitingByCategory: board.waitingByCategory,
    notices: board.notices,
    waiting: snapshot.waiting,
    tickets,
  };
}

function isPublic(event: RoleEvent): event is PublicEvent {
  // The display connects as a device or as the public, so events come cut to the public view;
  // staff-shaped events share the fields read here, so either shape folds the same.
  return typeof (event as { type?: unknown }).type === 'string';
}

/** Folds one public event into the board. Pure: returns a new board, never mutates. */
export function applyPublicEvent(board: Board, item: SeqEvent<RoleEvent>, names: BoardNames): Board {
  const { event } = item;
  if (!isPublic(event)) return board;
  const next: Board = { ...board, seq: item.seq };
  const setCounter = (n: number, change: Partial<CounterBoard>) => {
    next.counters = next.counters.map((c) => (c.number === n ? { ...c, ...change } : c));
  };
  const leaveCounter = (ticketId: string) => {
    next.counters = next.counters.map((c) =>
      c.ticketId === ticketId ? { ...c, callNumber: null, ticketId: null } : c,
    );
  };
  switch (event.type) {
    case 'day-opened':
      return { ...next, date: event.date, dayOpen: true, latestCalls: [], waiting: [], tickets: {} };
    case 'day-closed':
      return {
        ...next,
        dayOpen: false,
        waiting: [],
        counters: next.counters.map((c) => ({
          ...c,
          status: 'closed',
          clerkName: null,
          callNumber: null,
          ticketId: null,
          pauseReason: null,
        })),
        waitingByService: next.waitingByService.map((s) => ({ ...s, waiting: 0 })),
        waitingByCategory: next.waitingByCategory.map((s) => ({ ...s, waiting: 0 })),
      };
    case 'clerk-logged-in':
      setCounter(event.counter, { clerkName: event.clerkName });
      return next;
    case 'clerk-logged-out':
      setCounter(event.counter, { clerkName: null, status: 'closed', pauseReason: null });
      return next;
    case 'counter-opened':
    case 'counter-resumed':
      setCounter(event.counter, { status: 'open', pauseReason: null });
      return next;
    case 'counter-closed':
      setCounter(event.counter, { status: 'closed', pauseReason: null });
      return next;
    case 'counter-paused': {
      const name = names.pauseReasons.find((r) => r.code === event.reason)?.name ?? {
        zh: event.reason,
        en: event.reason,
      };
      setCounter(event.counter, { status: 'paused', pauseReason: name });
      return next;
    }
    case 'ticket-issued':
      next.tickets = {
        ...next.tickets,
        [event.ticketId]: {
          callNumber: event.callNumber,
          serviceCode: event.serviceCode,
          skill: event.skill,
        },
      };
      return addWaiting(next, {
        ticketId: event.ticketId,
        callNumber: event.callNumber,
        serviceCode: event.serviceCode,
        skill: event.skill,
        queueSeq: event.queueSeq,
      });
    case 'ticket-queued': {
      const known = next.tickets[event.ticketId];
      if (!known) return next;
      leaveCounter(event.ticketId);
      const serviceCode = known.serviceCode ?? serviceOfCallNumber(known.callNumber, names);
      return addWaiting(next, {
        ticketId: event.ticketId,
        callNumber: known.callNumber,
        serviceCode: serviceCode ?? '',
        skill: event.skill,
        queueSeq: event.queueSeq,
      });
    }
    case 'ticket-called':
    case 'ticket-recalled': {
      const recall = event.type === 'ticket-recalled';
      const call: Call = {
        seq: item.seq,
        ticketId: event.ticketId,
        callNumber: event.callNumber,
        counter: event.counter,
        at: event.at,
        recall,
      };
      next.latestCalls = [call, ...next.latestCalls].slice(0, CALLS_KEPT);
      if (!next.tickets[event.ticketId])
        next.tickets = {
          ...next.tickets,
          [event.ticketId]: { callNumber: event.callNumber, serviceCode: null, skill: null },
        };
      leaveCounter(event.ticketId);
      setCounter(event.counter, { callNumber: event.callNumber, ticketId: event.ticketId });
      return recall ? next : removeWaiting(next, event.ticketId);
    }
    case 'ticket-no-show':
    case 'ticket-transferred':
    case 'case-forwarded':
    case 'step-completed':
      // The snapshot names only the call number at each counter, so clear by counter too.
      next.counters = next.counters.map((c) =>
        c.ticketId === event.ticketId || (c.number === event.counter && c.ticketId === null)
          ? { ...c, callNumber: null, ticketId: null }
          : c,
      );
      return next;
    case 'ticket-cancelled':
    case 'ticket-ended':
      leaveCounter(event.ticketId);
      return removeWaiting(next, event.ticketId);
    case 'serving-started':
    case 'case-completed':
    case 'case-accepted':
    case 'case-progress-noted':
      return next;
    default:
      return next;
  }
}

function serviceOfCallNumber(callNumber: string, names: BoardNames): string | null {
  const prefix = /^[A-Z]+/.exec(callNumber)?.[0] ?? '';
  const matches = names.services.filter((s) => s.prefix === prefix);
  return matches.length === 1 ? (matches[0]?.code ?? null) : null;
}

function addWaiting(board: Board, ticket: WaitingTicket): Board {
  if (board.waiting.some((w) => w.ticketId === ticket.ticketId)) return board;
  const waiting = [...board.waiting, ticket].sort((a, b) => a.queueSeq - b.queueSeq);
  return countWaiting({ ...board, waiting }, ticket.serviceCode, +1);
}

function removeWaiting(board: Board, ticketId: string): Board {
  const ticket = board.waiting.find((w) => w.ticketId === ticketId);
  if (!ticket) return board;
  return countWaiting(
    { ...board, waiting: board.waiting.filter((w) => w.ticketId !== ticketId) },
    ticket.serviceCode,
    -1,
  );
}

function countWaiting(board: Board, serviceCode: string, delta: number): Board {
  const service = board.waitingByService.find((s) => s.serviceCode === serviceCode);
  if (!service) return board;
  return {
    ...board,
    waitingByService: board.waitingByService.map((s) =>
      s.serviceCode === serviceCode ? { ...s, waiting: Math.max(0, s.waiting + delta) } : s,
    ),
    waitingByCategory: board.waitingByCategory.map((c) =>
      c.category === service.category ? { ...c, waiting: Math.max(0, c.waiting + delta) } : c,
    ),
  };
}

/** Tickets ahead of `ticketId` in its own queue (same skill), or null when it is not waiting. */
export function peopleAhead(board: Board, ticketId: string): number | null {
  const ticket = board.waiting.find((w) => w.ticketId === ticketId);
  if (!ticket) return null;
  return board.waiting.filter((w) => w.skill === ticket.skill && w.queueSeq < ticket.queueSeq).length;
}
