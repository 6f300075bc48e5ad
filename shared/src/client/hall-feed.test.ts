import { describe, expect, it, vi } from 'vitest';
import type { Ack } from '../protocol/ack';
import type { SeqEvent } from '../protocol/event-views';
import type { PublicSnapshot, RoleEvent, SyncResult } from '../protocol/socket-events';
import { HallFeed, STALE_AFTER_MS, type FeedSocket } from './hall-feed';

/** A socket.io client stand-in: the test plays the server. */
class FakeSocket implements FeedSocket {
  connected = false;
  private listeners = new Map<string, ((arg?: unknown) => void)[]>();
  syncRequests: { lastSeq: number | null; ack: (r: Ack<SyncResult>) => void }[] = [];

  on(event: string, listener: (arg: never) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as (arg?: unknown) => void]);
    return this;
  }
  emit(_event: 'hall:sync', payload: { lastSeq: number | null }, ack: (r: Ack<SyncResult>) => void): this {
    this.syncRequests.push({ lastSeq: payload.lastSeq, ack });
    return this;
  }
  fire(event: string, arg?: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(arg);
  }
  connect(): void {
    this.connected = true;
    this.fire('connect');
  }
  drop(): void {
    this.connected = false;
    this.fire('disconnect');
  }
}

const call = (seq: number): SeqEvent<RoleEvent> => ({
  seq,
  event: {
    type: 'ticket-called',
    at: seq,
    ticketId: `t${seq}`,
    callNumber: `A${String(seq).padStart(3, '0')}`,
    counter: 1,
  },
});
const snapshot = (seq: number): PublicSnapshot => ({
  kind: 'public',
  seq,
  serverTime: 0,
  board: {
    date: '2026-11-27',
    dayOpen: true,
    latestCalls: [],
    counters: [],
    waitingByService: [],
    waitingByCategory: [],
    notices: [],
  },
  waiting: [],
});

function setup() {
  const socket = new FakeSocket();
  const applied: number[] = [];
  const snapshots: number[] = [];
  const statuses: string[] = [];
  const feed = new HallFeed(socket, {
    onSnapshot: (s) => snapshots.push(s.seq),
    onEvents: (events) => applied.push(...events.map((e) => e.seq)),
    onStatus: (s) => statuses.push(s),
  });
  return { socket, feed, applied, snapshots, statuses };
}

describe('HallFeed', () => {
  it('starts from a snapshot and applies events after it exactly once, including ones that raced the sync', () => {
    const { socket, feed, applied, snapshots } = setup();
    socket.connect();
    expect(socket.syncRequests[0]?.lastSeq).toBeNull();
    socket.fire('hall:events', [call(10)]); // arrives before the sync answer: buffered
    socket.fire('hall:events', [call(11)]);
    socket.syncRequests[0]!.ack({ ok: true, data: { kind: 'snapshot', snapshot: snapshot(10) } });
    expect(snapshots).toEqual([10]);
    expect(applied).toEqual([11]); // 10 was in the snapshot
    socket.fire('hall:events', [call(11), call(12)]); // 11 again: ignored
    expect(applied).toEqual([11, 12]);
    expect(feed.seq).toBe(12);
  });

  it('resyncs from its last seq after a reconnect and after a gap', () => {
    const { socket, applied } = setup();
    socket.connect();
    socket.syncRequests[0]!.ack({ ok: true, data: { kind: 'snapshot', snapshot: snapshot(5) } });
    socket.fire('hall:events', [call(6)]);
    socket.drop();
    socket.connect();
    expect(socket.syncRequests[1]?.lastSeq).toBe(6);
    socket.syncRequests[1]!.ack({ ok: true, data: { kind: 'events', events: [call(7), call(8)] } });
    expect(applied).toEqual([6, 7, 8]);
    socket.fire('hall:events', [call(10)]); // 9 missing: sync again, apply nothing out of order
    expect(applied).toEqual([6, 7, 8]);
    expect(socket.syncRequests[2]?.lastSeq).toBe(8);
    socket.syncRequests[2]!.ack({ ok: true, data: { kind: 'events', events: [call(9), call(10)] } });
    expect(applied).toEqual([6, 7, 8, 9, 10]);
  });

  it('says the data is stale after 5 s without the server, and live again once synced', () => {
    vi.useFakeTimers();
    try {
      const { socket, statuses } = setup();
      socket.connect();
      socket.syncRequests[0]!.ack({ ok: true, data: { kind: 'snapshot', snapshot: snapshot(1) } });
      socket.drop();
      vi.advanceTimersByTime(STALE_AFTER_MS - 1);
      expect(statuses.at(-1)).toBe('connecting');
      vi.advanceTimersByTime(1);
      expect(statuses.at(-1)).toBe('stale');
      socket.connect();
      socket.syncRequests[1]!.ack({ ok: true, data: { kind: 'events', events: [] } });
      expect(statuses.at(-1)).toBe('live');
    } finally {
      vi.useRealTimers();
    }
  });

  it('retries a failed sync', () => {
    vi.useFakeTimers();
    try {
      const { socket } = setup();
      socket.connect();
      socket.syncRequests[0]!.ack({ ok: false, error: 'rate-limited' });
      vi.advanceTimersByTime(1_000);
      expect(socket.syncRequests).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
