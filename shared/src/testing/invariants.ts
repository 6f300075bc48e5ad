import type { CompiledHallConfig } from '../config/compile-hall-config';
import { liveEntries } from '../hall/fifo';
import { isLiveIn } from '../hall/state';
import type { CaseState, Fifo, HallState, Ticket } from '../hall/types';

/**
 * Everything that must hold of the hall's state after every command. Returns
 * the violations (empty when all is well) so a property test can print them.
 */
export function hallInvariantViolations(state: HallState, hall: CompiledHallConfig): string[] {
  const problems: string[] = [];
  const isLive = isLiveIn(state);

  // A ticket is with at most one counter, and the counter agrees.
  const holders = new Map<string, number>();
  for (const counter of state.counters.values()) {
    if (!counter.current) continue;
    const other = holders.get(counter.current);
    if (other !== undefined)
      problems.push(`${counter.current} is at counters ${other} and ${counter.number}`);
    holders.set(counter.current, counter.number);
    const ticket = state.tickets.get(counter.current);
    if (!ticket) problems.push(`counter ${counter.number} holds unknown ticket ${counter.current}`);
    else if (
      ticket.counter !== counter.number ||
      (ticket.status !== 'called' && ticket.status !== 'serving')
    ) {
      problems.push(
        `counter ${counter.number} holds ${ticket.id} which is ${ticket.status} at ${ticket.counter}`,
      );
    }
    if (counter.current && counter.status !== 'open') {
      problems.push(`counter ${counter.number} is ${counter.status} with a ticket`);
    }
  }

  // Each waiting ticket stands exactly once in exactly one live queue; counts agree.
  const seen = new Map<string, number>();
  const countLive = (fifo: Fifo) => {
    if (
      fifo.ids.length > fifo.head &&
      !isLive(fifo.ids[fifo.head] as string, fifo.seqs[fifo.head] as number)
    ) {
      problems.push(`a FIFO head is dead: ${fifo.ids[fifo.head]}`);
    }
    const live = liveEntries(fifo, isLive);
    for (const id of live) seen.set(id, (seen.get(id) ?? 0) + 1);
    return live;
  };
  const liveBySkill = new Map<string, number>();
  for (const [skill, queue] of state.queues) {
    let n = 0;
    for (const lane of ['transfer', 'priority', 'normal'] as const) {
      for (const id of countLive(queue[lane])) {
        n++;
        const t = state.tickets.get(id);
        if (t && (t.lane !== lane || t.skill !== skill || t.directCounter !== null)) {
          problems.push(`${id} is in ${skill}/${lane} but says ${t.skill}/${t.lane}`);
        }
      }
    }
    liveBySkill.set(skill, n);
  }
  for (const [counter, fifo] of state.directQueues) {
    for (const id of countLive(fifo)) {
      const t = state.tickets.get(id);
      if (t?.directCounter !== counter) problems.push(`${id} is in counter ${counter}'s direct queue`);
    }
  }
  const waitingByService = new Map<string, number>();
  const waitingBySkill = new Map<string, number>();
  for (const ticket of state.tickets.values()) {
    if (ticket.status === 'waiting') {
      if (seen.get(ticket.id) !== 1)
        problems.push(`waiting ${ticket.id} is in ${seen.get(ticket.id) ?? 0} queues`);
      waitingByService.set(ticket.serviceCode, (waitingByService.get(ticket.serviceCode) ?? 0) + 1);
      if (ticket.directCounter === null) {
        waitingBySkill.set(ticket.skill, (waitingBySkill.get(ticket.skill) ?? 0) + 1);
      }
      if (ticket.counter !== null) problems.push(`waiting ${ticket.id} names counter ${ticket.counter}`);
    } else if (seen.has(ticket.id)) {
      problems.push(`${ticket.status} ${ticket.id} is still live in a queue`);
    }
    if (
      (ticket.status === 'called' || ticket.status === 'serving') &&
      holders.get(ticket.id) !== ticket.counter
    ) {
      problems.push(`${ticket.status} ${ticket.id} is not held by counter ${ticket.counter}`);
    }
    const expected = expectedCaseStates(ticket);
    const kase = state.cases.get(ticket.serviceNumber);
    if (!kase) problems.push(`${ticket.id} has no case`);
    else if (!expected.includes(kase.state)) {
      problems.push(`${ticket.id} is ${ticket.status}/${ticket.endReason} but its case is ${kase.state}`);
    }
  }
  for (const [service, n] of state.waitingByService) {
    if (waitingByService.get(service) !== n) problems.push(`waitingByService ${service} says ${n}`);
  }
  for (const [service, n] of waitingByService) {
    if (state.waitingByService.get(service) !== n) problems.push(`waitingByService ${service} misses ${n}`);
  }
  for (const [skill, queue] of state.queues) {
    const expected = waitingBySkill.get(skill) ?? 0;
    if (queue.waiting !== expected) problems.push(`queue ${skill} counts ${queue.waiting}, ${expected} wait`);
    if ((liveBySkill.get(skill) ?? 0) !== expected)
      problems.push(`queue ${skill} holds ${liveBySkill.get(skill)} live`);
  }

  // Call numbers unique per day; service numbers unique.
  const calls = new Set<string>();
  for (const ticket of state.tickets.values()) {
    const key = `${ticket.date}/${ticket.callNumber}`;
    if (calls.has(key)) problems.push(`call number ${key} issued twice`);
    calls.add(key);
  }

  // Cases of today's tickets point back at them; forwarded cases have a department.
  for (const kase of state.cases.values()) {
    if ((kase.state === 'forwarded' || kase.state === 'in-department') && !kase.forwarding) {
      problems.push(`case ${kase.serviceNumber} is ${kase.state} without forwarding`);
    }
    if (kase.forwarding && !hall.departments.has(kase.forwarding.department)) {
      problems.push(`case ${kase.serviceNumber} forwarded to unknown ${kase.forwarding.department}`);
    }
  }
  return problems;
}

function expectedCaseStates(ticket: Ticket): CaseState[] {
  switch (ticket.status) {
    case 'waiting':
      return ['waiting'];
    case 'called':
    case 'serving':
      return ['at-counter'];
    case 'ended':
      if (ticket.endReason === 'completed') return ['completed'];
      if (ticket.endReason === 'forwarded') return ['forwarded', 'in-department', 'completed'];
      return ['ended'];
  }
}
