import type { Fifo, TicketId } from './types';

/**
 * An append-only FIFO with lazy deletion. Tickets leave a queue from anywhere
 * (called by number, cancelled), so instead of splicing, dead entries stay
 * until they reach the front. Invariant kept by `applyEvent`: after every
 * event the head entry is live (or the FIFO is empty), so readers in `decide`
 * look at `ids[head]` without changing anything.
 */

export type IsLive = (ticketId: TicketId, queueSeq: number) => boolean;

export function createFifo(): Fifo {
  return { ids: [], seqs: [], head: 0 };
}

export function pushFifo(fifo: Fifo, ticketId: TicketId, queueSeq: number): void {
  fifo.ids.push(ticketId);
  fifo.seqs.push(queueSeq);
}

/** The head ticket, or undefined when empty. Pure read. */
export function fifoHead(fifo: Fifo): TicketId | undefined {
  return fifo.ids[fifo.head];
}

/** Drops dead entries from the front and compacts; called after a ticket leaves. */
export function settleFifo(fifo: Fifo, isLive: IsLive): void {
  const { ids, seqs } = fifo;
  while (fifo.head < ids.length && !isLive(ids[fifo.head] as TicketId, seqs[fifo.head] as number)) {
    fifo.head++;
  }
  if (fifo.head === ids.length) {
    ids.length = 0;
    seqs.length = 0;
    fifo.head = 0;
  } else if (fifo.head > 1024 && fifo.head * 2 > ids.length) {
    ids.splice(0, fifo.head);
    seqs.splice(0, fifo.head);
    fifo.head = 0;
  }
}

/** Live entries in order, for read models (not on hot paths). */
export function liveEntries(fifo: Fifo, isLive: IsLive): TicketId[] {
  const out: TicketId[] = [];
  for (let i = fifo.head; i < fifo.ids.length; i++) {
    const id = fifo.ids[i] as TicketId;
    if (isLive(id, fifo.seqs[i] as number)) out.push(id);
  }
  return out;
}
