import type { RoleEvent, SeqEvent } from '@yizhan/shared';
import { describe, expect, it } from 'vitest';
import {
  AnnouncementQueue,
  ANNOUNCE_WINDOW_MS,
  callsToAnnounce,
  inQuietHours,
  type Announcement,
  type AnnouncementLog,
  type AnnouncementPlayer,
} from './announcer';

/** A player whose sounds end only when the test says so; it records what overlapped. */
class FakePlayer implements AnnouncementPlayer {
  readonly played: string[] = [];
  playing = 0;
  maxPlaying = 0;
  private endings: (() => void)[] = [];
  fail = false;

  play(announcement: Announcement, round: number): Promise<void> {
    this.played.push(`${announcement.callNumber}#${round}`);
    this.playing++;
    this.maxPlaying = Math.max(this.maxPlaying, this.playing);
    return new Promise((resolve, reject) =>
      this.endings.push(() => {
        this.playing--;
        if (this.fail) reject(new Error('speaker unplugged'));
        else resolve();
      }),
    );
  }

  /** Ends every sound now playing, then lets the queue move on. */
  async finishAll(): Promise<void> {
    for (let i = 0; i < 100 && (this.endings.length > 0 || i < 3); i++) {
      const endings = this.endings;
      this.endings = [];
      for (const end of endings) end();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}

const call = (seq: number, callNumber: string, recall = false): Announcement => ({
  seq,
  ticketId: `t-${callNumber}`,
  callNumber,
  counter: 3,
  recall,
  at: 0,
});

function queueWith(player: FakePlayer, repeat = 2, muted = false) {
  const log: AnnouncementLog[] = [];
  const started: number[] = [];
  const queue = new AnnouncementQueue(player, {
    repeat: () => repeat,
    muted: () => muted,
    log: (e) => log.push(e),
    onStart: (a) => started.push(a.seq),
  });
  return { queue, log, started };
}

describe('AnnouncementQueue', () => {
  it('says every call in order, each the configured number of times, never two at once', async () => {
    const player = new FakePlayer();
    const { queue, started } = queueWith(player, 2);
    queue.enqueue([call(1, 'A001'), call(2, 'A002')]);
    queue.enqueue([call(3, 'B001')]);
    expect(player.played).toEqual(['A001#1']);
    await player.finishAll();
    await queue.idle();
    expect(player.played).toEqual(['A001#1', 'A001#2', 'A002#1', 'A002#2', 'B001#1', 'B001#2']);
    expect(player.maxPlaying).toBe(1);
    expect(started).toEqual([1, 2, 3]);
  });

  it('says a recall again but never the same event twice', async () => {
    const player = new FakePlayer();
    const { queue } = queueWith(player, 1);
    queue.enqueue([call(5, 'A001')]);
    queue.enqueue([call(5, 'A001'), call(4, 'A000')]);
    queue.enqueue([call(6, 'A001', true)]);
    await player.finishAll();
    await queue.idle();
    expect(player.played).toEqual(['A001#1', 'A001#1']);
  });

  it('skips what was said before a reload', async () => {
    const player = new FakePlayer();
    const { queue } = queueWith(player, 1);
    queue.skipThrough(10);
    queue.enqueue([call(9, 'A009'), call(10, 'A010'), call(11, 'A011')]);
    await player.finishAll();
    await queue.idle();
    expect(player.played).toEqual(['A011#1']);
  });

  it('goes on after a sound fails', async () => {
    const player = new FakePlayer();
    player.fail = true;
    const { queue, log } = queueWith(player, 1);
    queue.enqueue([call(1, 'A001'), call(2, 'A002')]);
    await player.finishAll();
    await queue.idle();
    expect(player.played).toEqual(['A001#1', 'A002#1']);
    expect(log.map((e) => `${e.callNumber}:${e.state}`)).toEqual([
      'A001:started',
      'A001:finished',
      'A002:started',
      'A002:finished',
    ]);
  });

  it('stays silent in quiet hours but logs every call as muted', async () => {
    const player = new FakePlayer();
    const { queue, log } = queueWith(player, 2, true);
    queue.enqueue([call(1, 'A001'), call(2, 'A002')]);
    await queue.idle();
    expect(player.played).toEqual([]);
    expect(log.map((e) => `${e.callNumber}:${e.state}`)).toEqual(['A001:muted', 'A002:muted']);
  });
});

describe('callsToAnnounce', () => {
  const now = 10 * 60_000;
  const events: SeqEvent<RoleEvent>[] = [
    {
      seq: 1,
      event: {
        type: 'ticket-called',
        at: now - ANNOUNCE_WINDOW_MS - 1,
        ticketId: 'a',
        callNumber: 'A001',
        counter: 1,
      },
    },
    {
      seq: 2,
      event: { type: 'ticket-called', at: now - 1000, ticketId: 'b', callNumber: 'A002', counter: 2 },
    },
    { seq: 3, event: { type: 'serving-started', at: now, ticketId: 'b', counter: 2 } },
    { seq: 4, event: { type: 'ticket-recalled', at: now, ticketId: 'b', callNumber: 'A002', counter: 2 } },
  ];

  it('takes calls and recalls newer than the last said and not older than two minutes', () => {
    expect(callsToAnnounce(events, 0, now).map((a) => [a.seq, a.recall])).toEqual([
      [2, false],
      [4, true],
    ]);
    expect(callsToAnnounce(events, 2, now).map((a) => a.seq)).toEqual([4]);
    expect(callsToAnnounce(events, 4, now)).toEqual([]);
  });
});

describe('inQuietHours', () => {
  it('handles plain and overnight ranges', () => {
    const ranges = [
      { from: '12:00', to: '13:30' },
      { from: '22:00', to: '07:00' },
    ];
    expect(inQuietHours('12:15', ranges)).toBe(true);
    expect(inQuietHours('13:30', ranges)).toBe(false);
    expect(inQuietHours('23:00', ranges)).toBe(true);
    expect(inQuietHours('06:59', ranges)).toBe(true);
    expect(inQuietHours('09:00', ranges)).toBe(false);
    expect(inQuietHours('09:00', [])).toBe(false);
  });
});
