import { assertNever } from './errors';
import type { HallEvent, HallEventOf } from './events';
import { createFifo, pushFifo, settleFifo } from './fifo';
import { createSkillQueue, emptyCounter } from './state';
import type { Case, CounterNumber, CounterState, Fifo, HallState, Ticket, TimelineEntry } from './types';

export const RECENT_CALLS_KEPT = 50;
export const SERVICE_TIME_SAMPLES_KEPT = 200;

/**
 * Folds one event into the state. For speed the state is updated in place and
 * returned: the engine owns it, `decide` never writes to it, and the server
 * applies events only after they are committed, so a refused or failed
 * command leaves the state exactly as it was.
 */
export function applyEvent(state: HallState, event: HallEvent): HallState {
  switch (event.type) {
    case 'day-opened':
      openDay(state, event);
      break;
    case 'day-closed':
      closeDay(state, event);
      break;
    case 'clerk-logged-in': {
      const counter = counterOf(state, event.counter, event.at);
      counter.clerk = event.clerk;
      counter.statusSince = event.at;
      break;
    }
    case 'clerk-logged-out': {
      const counter = counterOf(state, event.counter, event.at);
      counter.clerk = null;
      setStatus(counter, 'closed', event.at);
      break;
    }
    case 'counter-opened':
    case 'counter-resumed':
      setStatus(counterOf(state, event.counter, event.at), 'open', event.at);
      break;
    case 'counter-paused': {
      const counter = counterOf(state, event.counter, event.at);
      setStatus(counter, 'paused', event.at);
      counter.pauseReason = event.reason;
      counter.pauseNote = event.note;
      break;
    }
    case 'counter-closed':
      setStatus(counterOf(state, event.counter, event.at), 'closed', event.at);
      break;
    case 'ticket-issued':
      issueTicket(state, event);
      break;
    case 'ticket-called': {
      const ticket = ticketOf(state, event.ticketId);
      leavePlace(state, ticket);
      ticket.status = 'called';
      ticket.counter = event.counter;
      ticket.calledAt = event.at;
      const counter = counterOf(state, event.counter, event.at);
      counter.current = ticket.id;
      counter.cyclePriority = event.cycle.priority;
      counter.cycleNormal = event.cycle.normal;
      rememberCall(state, {
        ticketId: ticket.id,
        callNumber: ticket.callNumber,
        counter: event.counter,
        at: event.at,
        recall: false,
      });
      const kase = caseOf(state, ticket.serviceNumber);
      kase.state = 'at-counter';
      note(kase, { at: event.at, kind: 'called', counter: event.counter, stepIndex: ticket.stepIndex });
      break;
    }
    case 'ticket-recalled': {
      const ticket = ticketOf(state, event.ticketId);
      ticket.recalls++;
      rememberCall(state, {
        ticketId: ticket.id,
        callNumber: ticket.callNumber,
        counter: event.counter,
        at: event.at,
        recall: true,
      });
      break;
    }
    case 'serving-started': {
      const ticket = ticketOf(state, event.ticketId);
      ticket.status = 'serving';
      ticket.servingSince = event.at;
      const kase = caseOf(state, ticket.serviceNumber);
      if (kase.ownerCounter === null) {
        kase.ownerCounter = event.counter;
        kase.ownerClerk = state.counters.get(event.counter)?.clerk?.id ?? null;
      }
      note(kase, { at: event.at, kind: 'serving', counter: event.counter, stepIndex: ticket.stepIndex });
      break;
    }
    case 'ticket-no-show': {
      const ticket = ticketOf(state, event.ticketId);
      ticket.noShows++;
      leavePlace(state, ticket);
      const kase = caseOf(state, ticket.serviceNumber);
      note(kase, { at: event.at, kind: 'no-show', counter: event.counter, requeued: false });
      break;
    }
    case 'ticket-queued':
      queueTicket(state, event);
      break;
    case 'ticket-cancelled':
      endTicket(state, ticketOf(state, event.ticketId), 'cancelled', event.at);
      break;
    case 'ticket-ended':
      endTicket(state, ticketOf(state, event.ticketId), event.reason, event.at);
      break;
    case 'step-completed': {
      const ticket = ticketOf(state, event.ticketId);
      const kase = caseOf(state, event.serviceNumber);
      const counter = counterOf(state, event.counter, event.at);
      const startedAt = ticket.servingSince ?? event.at;
      kase.steps.push({
        stepIndex: event.stepIndex,
        skill: event.skill,
        counter: event.counter,
        clerk: event.clerk,
        startedAt,
        completedAt: event.at,
      });
      note(kase, {
        at: event.at,
        kind: 'step-completed',
        counter: event.counter,
        stepIndex: event.stepIndex,
      });
      counter.servedToday++;
      sampleServiceTime(state, event.skill, Math.max(0, event.at - startedAt));
      leavePlace(state, ticket);
      break;
    }
    case 'ticket-transferred': {
      const ticket = ticketOf(state, event.ticketId);
      leavePlace(state, ticket);
      note(caseOf(state, ticket.serviceNumber), {
        at: event.at,
        kind: 'transferred',
        counter: event.counter,
        toSkill: event.toSkill,
        toCounter: event.toCounter,
      });
      break;
    }
    case 'case-forwarded': {
      const ticket = ticketOf(state, event.ticketId);
      endTicket(state, ticket, 'forwarded', event.at);
      const kase = caseOf(state, event.serviceNumber);
      kase.state = 'forwarded';
      kase.forwarding = {
        department: event.department,
        forwardedAt: event.at,
        byCounter: event.counter,
        dueDate: event.dueDate,
        dueAt: event.dueAt,
        acceptedAt: null,
        acceptedBy: null,
      };
      note(kase, { at: event.at, kind: 'forwarded', department: event.department, dueDate: event.dueDate });
      break;
    }
    case 'case-accepted': {
      const kase = caseOf(state, event.serviceNumber);
      kase.state = 'in-department';
      if (kase.forwarding) {
        kase.forwarding.acceptedAt = event.at;
        kase.forwarding.acceptedBy = event.officer;
      }
      note(kase, { at: event.at, kind: 'accepted', department: event.department });
      break;
    }
    case 'case-rated': {
      const kase = caseOf(state, event.serviceNumber);
      kase.ratings = [
        ...(kase.ratings ?? []),
        {
          stepIndex: event.stepIndex,
          counter: event.counter,
          clerk: event.clerk,
          score: event.score,
          at: event.at,
        },
      ];
      break;
    }
    case 'case-progress-noted':
      note(caseOf(state, event.serviceNumber), {
        at: event.at,
        kind: 'progress',
        department: event.department,
        note: event.note,
      });
      break;
    case 'case-completed': {
      if (event.ticketId !== null) endTicket(state, ticketOf(state, event.ticketId), 'completed', event.at);
      const kase = caseOf(state, event.serviceNumber);
      kase.state = 'completed';
      kase.result = event.result;
      kase.closedAt = event.at;
      note(kase, { at: event.at, kind: 'completed', result: event.result });
      break;
    }
    default:
      assertNever(event);
  }
  return state;
}

function openDay(state: HallState, event: HallEventOf<'day-opened'>): void {
  if (state.day?.date !== event.date) {
    // A new day: numbering, caps and idempotency start again. Yesterday's
    // tickets are all ended (day-closed ends them) and finished cases leave
    // the live state; forwarded cases carry on.
    for (const [id, ticket] of state.tickets) if (ticket.date !== event.date) state.tickets.delete(id);
    for (const [sn, kase] of state.cases) {
      if (kase.date !== event.date && (kase.state === 'completed' || kase.state === 'ended')) {
        state.cases.delete(sn);
      }
    }
    state.lastCallNumber.clear();
    state.issuedByService.clear();
    state.idempotency.clear();
    state.lastCaseSequence = 0;
    state.recentCalls = [];
    for (const counter of state.counters.values()) {
      counter.servedToday = 0;
      counter.cyclePriority = 0;
      counter.cycleNormal = 0;
    }
  }
  state.day = { date: event.date, status: 'open', openedAt: event.at, closedAt: null };
}

function closeDay(state: HallState, event: HallEventOf<'day-closed'>): void {
  // Whatever is still open in the hall ends with a reason the visitor can read
  // on the tracking page; forwarded cases are the departments' and carry on.
  for (const ticket of state.tickets.values()) {
    if (ticket.status !== 'ended') endTicket(state, ticket, 'day-closed', event.at);
  }
  state.queues.clear();
  state.directQueues.clear();
  state.waitingByService.clear();
  for (const counter of state.counters.values()) {
    counter.current = null;
    counter.clerk = null;
    setStatus(counter, 'closed', event.at);
  }
  if (state.day) {
    state.day.status = 'closed';
    state.day.closedAt = event.at;
  }
}

function issueTicket(state: HallState, event: HallEventOf<'ticket-issued'>): void {
  const ticket: Ticket = {
    id: event.ticketId,
    date: event.date,
    callNumber: event.callNumber,
    serviceCode: event.serviceCode,
    serviceNumber: event.serviceNumber,
    priority: event.priority,
    greenReason: event.greenReason,
    channel: event.channel,
    issuedAt: event.at,
    status: 'ended',
    stepIndex: 0,
    skill: event.skill,
    lane: event.lane,
    directCounter: null,
    queuedAt: event.at,
    queueSeq: event.queueSeq,
    counter: null,
    calledAt: null,
    servingSince: null,
    recalls: 0,
    noShows: 0,
    endReason: null,
    endedAt: null,
  };
  state.tickets.set(ticket.id, ticket);
  const kase: Case = {
    serviceNumber: event.serviceNumber,
    verificationCode: event.verificationCode,
    serviceCode: event.serviceCode,
    ticketId: ticket.id,
    date: event.date,
    createdAt: event.at,
    state: 'waiting',
    ownerCounter: null,
    ownerClerk: null,
    steps: [],
    forwarding: null,
    result: null,
    closedAt: null,
    timeline: [{ at: event.at, kind: 'issued' }],
  };
  state.cases.set(kase.serviceNumber, kase);
  state.lastCallNumber.set(callPrefix(event.callNumber), event.callSequence);
  state.lastCaseSequence = Math.max(state.lastCaseSequence, event.caseSequence);
  state.issuedByService.set(event.serviceCode, (state.issuedByService.get(event.serviceCode) ?? 0) + 1);
  state.idempotency.set(event.idempotencyKey, ticket.id);
  enqueue(state, ticket, event.skill, event.lane, null, event.at, event.queueSeq);
}

function queueTicket(state: HallState, event: HallEventOf<'ticket-queued'>): void {
  const ticket = ticketOf(state, event.ticketId);
  leavePlace(state, ticket);
  ticket.stepIndex = event.stepIndex;
  ticket.servingSince = null;
  ticket.calledAt = null;
  ticket.recalls = 0; // a new call, a new recall budget
  enqueue(state, ticket, event.skill, event.lane, event.directCounter, event.at, event.queueSeq);
  const kase = caseOf(state, ticket.serviceNumber);
  kase.state = 'waiting';
  if (event.reason === 'no-show') {
    const last = kase.timeline[kase.timeline.length - 1];
    if (last?.kind === 'no-show') last.requeued = true;
  }
}

function enqueue(
  state: HallState,
  ticket: Ticket,
  skill: string,
  lane: Ticket['lane'],
  directCounter: CounterNumber | null,
  at: number,
  queueSeq: number,
): void {
  ticket.status = 'waiting';
  ticket.skill = skill;
  ticket.lane = lane;
  ticket.directCounter = directCounter;
  ticket.queuedAt = at;
  ticket.queueSeq = queueSeq;
  ticket.counter = null;
  placeInQueue(state, ticket);
}

/**
 * Puts a waiting ticket at the end of its line and counts it. Also used to
 * rebuild the queues of a restored state, in queueSeq order.
 */
export function placeInQueue(state: HallState, ticket: Ticket): void {
  pushFifo(fifoOf(state, ticket), ticket.id, ticket.queueSeq);
  // A ticket sent to a named counter waits in that counter's queue, not the skill's.
  if (ticket.directCounter === null) queueOf(state, ticket.skill).waiting++;
  state.waitingByService.set(ticket.serviceCode, (state.waitingByService.get(ticket.serviceCode) ?? 0) + 1);
  if (ticket.queueSeq >= state.nextQueueSeq) state.nextQueueSeq = ticket.queueSeq + 1;
}

/**
 * Takes a ticket out of wherever it is (a queue or a counter), keeping the
 * counts and the FIFO head invariant. Idempotent: a ticket already out is left.
 */
function leavePlace(state: HallState, ticket: Ticket): void {
  if (ticket.status === 'waiting') {
    ticket.status = 'called'; // no longer live in its FIFO; the caller sets the real status
    if (ticket.directCounter === null) queueOf(state, ticket.skill).waiting--;
    const left = (state.waitingByService.get(ticket.serviceCode) ?? 1) - 1;
    if (left > 0) state.waitingByService.set(ticket.serviceCode, left);
    else state.waitingByService.delete(ticket.serviceCode);
    settleFifo(fifoOf(state, ticket), (id, seq) => {
      const t = state.tickets.get(id);
      return t !== undefined && t.status === 'waiting' && t.queueSeq === seq;
    });
  } else if (ticket.counter !== null) {
    const counter = state.counters.get(ticket.counter);
    if (counter && counter.current === ticket.id) counter.current = null;
    ticket.counter = null;
  }
}

function endTicket(
  state: HallState,
  ticket: Ticket,
  reason: NonNullable<Ticket['endReason']>,
  at: number,
): void {
  leavePlace(state, ticket);
  ticket.status = 'ended';
  ticket.endReason = reason;
  ticket.endedAt = at;
  const kase = state.cases.get(ticket.serviceNumber);
  if (kase && reason !== 'completed' && reason !== 'forwarded') {
    kase.state = 'ended';
    kase.closedAt = at;
    note(kase, { at, kind: 'ended', reason });
  }
}

/** 'GB012' -> 'GB' (the prefix is the leading capital letters). */
function callPrefix(callNumber: string): string {
  let end = 0;
  while (end < callNumber.length && callNumber.charCodeAt(end) >= 65) end++;
  return callNumber.slice(0, end);
}

function fifoOf(state: HallState, ticket: Ticket): Fifo {
  if (ticket.directCounter !== null) {
    let fifo = state.directQueues.get(ticket.directCounter);
    if (!fifo) state.directQueues.set(ticket.directCounter, (fifo = createFifo()));
    return fifo;
  }
  return queueOf(state, ticket.skill)[ticket.lane];
}

function queueOf(state: HallState, skill: string) {
  let queue = state.queues.get(skill);
  if (!queue) state.queues.set(skill, (queue = createSkillQueue()));
  return queue;
}

function rememberCall(state: HallState, call: HallState['recentCalls'][number]): void {
  state.recentCalls.push(call);
  if (state.recentCalls.length > RECENT_CALLS_KEPT) state.recentCalls.shift();
}

function sampleServiceTime(state: HallState, skill: string, ms: number): void {
  let samples = state.serviceTimes.get(skill);
  if (!samples) state.serviceTimes.set(skill, (samples = []));
  samples.push(ms);
  if (samples.length > SERVICE_TIME_SAMPLES_KEPT) samples.shift();
}

function setStatus(counter: CounterState, status: CounterState['status'], at: number): void {
  counter.status = status;
  counter.statusSince = at;
  if (status !== 'paused') {
    counter.pauseReason = null;
    counter.pauseNote = null;
  }
}

function counterOf(state: HallState, number: CounterNumber, at: number): CounterState {
  let counter = state.counters.get(number);
  if (!counter) state.counters.set(number, (counter = emptyCounter(number, at)));
  return counter;
}

function ticketOf(state: HallState, id: string): Ticket {
  const ticket = state.tickets.get(id);
  if (!ticket) throw new Error(`event refers to unknown ticket ${id}`);
  return ticket;
}

function caseOf(state: HallState, serviceNumber: string): Case {
  const kase = state.cases.get(serviceNumber);
  if (!kase) throw new Error(`event refers to unknown case ${serviceNumber}`);
  return kase;
}

function note(kase: Case, entry: TimelineEntry): void {
  kase.timeline.push(entry);
}
