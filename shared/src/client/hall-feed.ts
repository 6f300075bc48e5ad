import type { Ack } from '../protocol/ack';
import type { SeqEvent } from '../protocol/event-views';
import type { RoleEvent, RoleSnapshot, SyncResult } from '../protocol/socket-events';

/** The few socket.io client methods the feed needs (so it runs against a fake in tests). */
export interface FeedSocket {
  connected: boolean;
  on(event: 'connect' | 'disconnect', listener: () => void): unknown;
  on(event: 'hall:events', listener: (events: SeqEvent<RoleEvent>[]) => void): unknown;
  emit(
    event: 'hall:sync',
    payload: { lastSeq: number | null },
    ack: (response: Ack<SyncResult>) => void,
  ): unknown;
}

export type FeedStatus = 'connecting' | 'live' | 'stale';

export interface FeedHandlers {
  /** A fresh picture of the hall: replace whatever the app held. */
  onSnapshot(snapshot: RoleSnapshot): void;
  /** Events in seq order, each exactly once, none missing. */
  onEvents(events: SeqEvent<RoleEvent>[]): void;
  onStatus?(status: FeedStatus): void;
}

/**
 * socket.io reconnection timing for every app: after a restart or a network
 * drop, screens are back in step within a few seconds (the default backoff
 * waits up to 5 s between tries).
 */
export const RECONNECT_OPTIONS = { reconnectionDelay: 500, reconnectionDelayMax: 2_000 } as const;

/** After this long without the server, screens say their data may be out of date. */
export const STALE_AFTER_MS = 5_000;

/**
 * Keeps an app in step with the hall: syncs on every (re)connect with the last
 * seq it applied, applies each event exactly once in seq order (events that
 * arrive both live and in a sync answer are deduplicated), and resyncs when it
 * sees a gap. Subscribe it at module level, before React renders, so no event
 * emitted early is missed.
 */
export class HallFeed {
  private lastSeq: number | null = null;
  private syncing = false;
  private resyncWanted = false;
  private buffered: SeqEvent<RoleEvent>[] = [];
  private staleTimer: ReturnType<typeof setTimeout> | null = null;
  private status: FeedStatus = 'connecting';

  constructor(
    private readonly socket: FeedSocket,
    private readonly handlers: FeedHandlers,
    private readonly timers: {
      setTimeout: typeof setTimeout;
      clearTimeout: typeof clearTimeout;
    } = globalThis,
  ) {
    socket.on('connect', () => {
      this.clearStaleTimer();
      this.sync();
    });
    socket.on('disconnect', () => this.lost());
    socket.on('hall:events', (events) => this.receive(events));
    if (socket.connected) this.sync();
    else this.lost();
  }

  /** The seq of the last event applied (null before the first snapshot). */
  get seq(): number | null {
    return this.lastSeq;
  }

  get currentStatus(): FeedStatus {
    return this.status;
  }

  /** Asks the server for what was missed (or a snapshot). */
  sync(): void {
    if (this.syncing) {
      this.resyncWanted = true;
      return;
    }
    this.syncing = true;
    this.socket.emit('hall:sync', { lastSeq: this.lastSeq }, (response) => {
      this.syncing = false;
      if (!response.ok) {
        this.resyncWanted = false;
        this.timers.setTimeout(() => this.sync(), 1_000);
        return;
      }
      if (response.data.kind === 'snapshot') {
        this.lastSeq = response.data.snapshot.seq;
        this.handlers.onSnapshot(response.data.snapshot);
      } else {
        this.apply(response.data.events);
      }
      const buffered = this.buffered;
      this.buffered = [];
      this.apply(buffered);
      this.setStatus('live');
      if (this.resyncWanted) {
        this.resyncWanted = false;
        this.sync();
      }
    });
  }

  private receive(events: SeqEvent<RoleEvent>[]): void {
    if (this.syncing || this.lastSeq === null) {
      this.buffered.push(...events);
      return;
    }
    this.apply(events);
  }

  private apply(events: readonly SeqEvent<RoleEvent>[]): void {
    const fresh: SeqEvent<RoleEvent>[] = [];
    for (const item of events) {
      if (this.lastSeq !== null && item.seq <= this.lastSeq) continue; // already applied
      if (this.lastSeq !== null && item.seq !== this.lastSeq + 1) {
        // A gap: something was missed. Apply what is contiguous, then catch up.
        if (fresh.length) this.handlers.onEvents(fresh);
        this.sync();
        return;
      }
      fresh.push(item);
      this.lastSeq = item.seq;
    }
    if (fresh.length) this.handlers.onEvents(fresh);
  }

  private lost(): void {
    if (this.staleTimer) return;
    if (this.status === 'live') this.setStatus('connecting');
    this.staleTimer = this.timers.setTimeout(() => {
      this.staleTimer = null;
      if (!this.socket.connected) this.setStatus('stale');
    }, STALE_AFTER_MS);
  }

  private clearStaleTimer(): void {
    if (this.staleTimer) this.timers.clearTimeout(this.staleTimer);
    this.staleTimer = null;
  }

  private setStatus(status: FeedStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.handlers.onStatus?.(status);
  }
}
