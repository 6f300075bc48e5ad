import type { RoleEvent, SeqEvent } from '@yizhan/shared';

/** One call to say: a first call or a recall, identified by the seq of its event. */
export interface Announcement {
  seq: number;
  ticketId: string;
  callNumber: string;
  counter: number;
  recall: boolean;
  /** Server time of the call. */
  at: number;
}

/** Plays one announcement once (chime, then speech); resolves when the sound has ended. */
export interface AnnouncementPlayer {
  play(announcement: Announcement, round: number): Promise<void>;
}

export interface AnnouncementLog {
  seq: number;
  callNumber: string;
  counter: number;
  recall: boolean;
  round: number;
  state: 'started' | 'finished' | 'muted';
  /** performance.now() in the page. */
  t: number;
}

export interface QueueOptions {
  repeat: () => number;
  /** True while the hall wants silence: the call is logged as muted, not played. */
  muted: () => boolean;
  log?: (entry: AnnouncementLog) => void;
  now?: () => number;
  /** Called for each announcement accepted into the queue. */
  onQueued?: (announcement: Announcement) => void;
  /** Called when an announcement begins (to remember it across reloads: begun is never said again). */
  onStart?: (announcement: Announcement) => void;
}

/** A player that never settles must not stall the hall: give up on a round after this long. */
export const ROUND_TIMEOUT_MS = 20_000;

/**
 * Says calls strictly one after another, each `repeat` times: never two at
 * once, never one skipped, never one twice (enqueueing a seq already taken is
 * ignored).
 */
export class AnnouncementQueue {
  private readonly pending: Announcement[] = [];
  private running = false;
  private highestSeq = -1;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly player: AnnouncementPlayer,
    private readonly options: QueueOptions,
  ) {}

  /** Adds announcements in seq order; ones at or below the highest seq already taken are dropped. */
  enqueue(items: readonly Announcement[]): void {
    for (const item of items) {
      if (item.seq <= this.highestSeq) continue;
      this.highestSeq = item.seq;
      this.pending.push(item);
      this.options.onQueued?.(item);
    }
    if (!this.running) void this.run();
  }

  /** Calls at or below this seq were said before (e.g. before a reload): never say them again. */
  skipThrough(seq: number): void {
    this.highestSeq = Math.max(this.highestSeq, seq);
  }

  get size(): number {
    return this.pending.length + (this.running ? 1 : 0);
  }

  /** Resolves when nothing is queued or playing. */
  idle(): Promise<void> {
    if (!this.running && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async run(): Promise<void> {
    this.running = true;
    const now = this.options.now ?? (() => Date.now());
    try {
      for (let item = this.pending.shift(); item; item = this.pending.shift()) {
        const rounds = Math.max(1, this.options.repeat());
        this.options.onStart?.(item);
        for (let round = 1; round <= rounds; round++) {
          const entry = {
            seq: item.seq,
            callNumber: item.callNumber,
            counter: item.counter,
            recall: item.recall,
            round,
          };
          if (this.options.muted()) {
            this.options.log?.({ ...entry, state: 'muted', t: now() });
            break;
          }
          this.options.log?.({ ...entry, state: 'started', t: now() });
          try {
            await this.player.play(item, round);
          } catch {
            // A broken clip or speech engine must not silence every later call.
          }
          this.options.log?.({ ...entry, state: 'finished', t: now() });
        }
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}

/** Calls older than this (server time) are not announced after a resync: the visitor has long gone or been re-called. */
export const ANNOUNCE_WINDOW_MS = 2 * 60_000;

/**
 * The calls in `events` worth announcing: call and recall events newer than
 * the last announced seq and no older than two minutes before `serverNow`.
 */
export function callsToAnnounce(
  events: readonly SeqEvent<RoleEvent>[],
  lastAnnouncedSeq: number,
  serverNow: number,
): Announcement[] {
  const out: Announcement[] = [];
  for (const { seq, event } of events) {
    if (seq <= lastAnnouncedSeq) continue;
    if (event.type !== 'ticket-called' && event.type !== 'ticket-recalled') continue;
    if (event.at < serverNow - ANNOUNCE_WINDOW_MS) continue;
    const callNumber = 'callNumber' in event ? event.callNumber : null;
    if (typeof callNumber !== 'string') continue;
    out.push({
      seq,
      ticketId: event.ticketId,
      callNumber,
      counter: event.counter,
      recall: event.type === 'ticket-recalled',
      at: event.at,
    });
  }
  return out;
}

/** "HH:MM" inside any of the ranges (a range may wrap past midnight). */
export function inQuietHours(hhmm: string, ranges: readonly { from: string; to: string }[]): boolean {
  return ranges.some(({ from, to }) => (from <= to ? hhmm >= from && hhmm < to : hhmm >= from || hhmm < to));
}
