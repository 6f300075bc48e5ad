import {
  RECONNECT_OPTIONS,
  announceCall,
  HallFeed,
  type Ack,
  type ClientToServerEvents,
  type PublicSnapshot,
  type RoleEvent,
  type SeqEvent,
  type ServerToClientEvents,
  type SyncResult,
} from '@yizhan/shared';
import { io, type Socket } from 'socket.io-client';
import {
  AnnouncementQueue,
  callsToAnnounce,
  inQuietHours,
  ANNOUNCE_WINDOW_MS,
  type Announcement,
  type AnnouncementLog,
} from './announcer';
import { applyPublicEvent, boardFromSnapshot } from './board-state';
import { loadCatalog } from './catalog';
import { hallTime } from './hall-clock';
import { DEFAULT_DISPLAY, useDisplay } from './store';
import { VoicePlayer } from './voice-player';
import { readLastAnnounced, writeLastAnnounced } from './voice-memory';

declare global {
  interface Window {
    /** Test hook: every announcement round started, finished or muted, in order. */
    __yizhanAnnouncements?: AnnouncementLog[];
    /** Test hook: the seq of every call accepted into the announcement queue, in order. */
    __yizhanQueued?: number[];
  }
}

type HallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface FeedOptions {
  deviceKey: string | null;
  /** Only the wall speaks; counter-top displays and phones stay silent. */
  voice: boolean;
}

const serverNow = () => Date.now() + useDisplay.getState().serverOffset;

/**
 * Connects the display to the hall: one socket, one HallFeed, one announcement
 * queue, all made once before React renders. Events fold into the store; calls
 * go to the queue unless this tab already began to say them.
 */
export function startFeed(options: FeedOptions): { socket: HallSocket; queue: AnnouncementQueue | null } {
  const store = useDisplay.getState;
  void loadCatalog().then((catalog) => store().setCatalog(catalog));

  const socket: HallSocket = io({
    auth: options.deviceKey ? { deviceKey: options.deviceKey } : {},
    transports: ['websocket'],
    ...RECONNECT_OPTIONS,
  });

  const queue = options.voice ? makeQueue() : null;
  // While missed calls are fetched after a snapshot, newer calls wait here so the order holds.
  let catchingUp: Announcement[] | null = null;

  const announce = (items: Announcement[]) => {
    if (!queue || items.length === 0) return;
    if (catchingUp) catchingUp.push(...items);
    else queue.enqueue(items);
  };

  const onSnapshot = (snapshot: PublicSnapshot) => {
    store().setServerOffset(snapshot.serverTime - Date.now());
    store().setBoard(boardFromSnapshot(snapshot));
    if (!queue) return;
    const last = readLastAnnounced(sessionStorage);
    if (last === null || last.seq >= snapshot.seq) {
      // First start (nothing to catch up: the board shows the current calls) or nothing missed.
      queue.skipThrough(snapshot.seq);
      if (last === null || last.seq > snapshot.seq)
        writeLastAnnounced(sessionStorage, { seq: snapshot.seq, at: snapshot.serverTime });
      return;
    }
    catchingUp = [];
    const fetchMissed = () =>
      socket.emit('hall:sync', { lastSeq: last.seq }, (response: Ack<SyncResult>) => {
        // A refused catch-up (rate limit, a restart) is tried again: a missed call is never skipped.
        if (!response.ok) {
          setTimeout(fetchMissed, 1_000);
          return;
        }
        onMissed(response);
      });
    const onMissed = (response: Extract<Ack<SyncResult>, { ok: true }>) => {
      const missed: Announcement[] =
        response.data.kind === 'events'
          ? callsToAnnounce(
              response.data.events.filter((e) => e.seq <= snapshot.seq),
              last.seq,
              serverNow(),
            )
          : // Too far behind for events: say the snapshot's recent calls newer than the last one said.
            snapshot.board.latestCalls
              .filter((c) => c.at > last.at && c.at >= serverNow() - ANNOUNCE_WINDOW_MS)
              .reverse()
              .map((c, i) => ({ ...c, seq: last.seq + i + 1 }));
      queue.skipThrough(last.seq);
      queue.enqueue(missed);
      queue.skipThrough(snapshot.seq);
      const later = catchingUp ?? [];
      catchingUp = null;
      queue.enqueue(later);
    };
    fetchMissed();
  };

  const onEvents = (events: SeqEvent<RoleEvent>[]) => {
    const state = store();
    const names = state.catalog?.names ?? { pauseReasons: [], services: [] };
    let board = state.board;
    for (const item of events) board = applyPublicEvent(board, item, names);
    state.setBoard(board);
    const newest = events.at(-1);
    // Only forward: a batch replayed after a resync carries old stamps, which must not turn the clock back.
    if (newest) state.setServerOffset(Math.max(state.serverOffset, newest.event.at - Date.now()));
    const last = readLastAnnounced(sessionStorage);
    announce(callsToAnnounce(events, last?.seq ?? -1, serverNow()));
  };

  new HallFeed(socket, {
    onSnapshot: (snapshot) => {
      if (snapshot.kind === 'public') onSnapshot(snapshot);
    },
    onEvents,
    onStatus: (status) => store().setStatus(status),
  });
  // Notices live in the configuration; a new one arrives with a fresh board.
  socket.on('hall:config-changed', () => {
    void loadCatalog().then((catalog) => store().setCatalog(catalog));
    void fetch('/api/board')
      .then((r) => r.json())
      .then((snapshot: PublicSnapshot) => {
        const board = store().board;
        if (Array.isArray(snapshot.board?.notices))
          store().setBoard({ ...board, notices: snapshot.board.notices });
      })
      .catch(() => undefined);
  });
  return { socket, queue };
}

function makeQueue(): AnnouncementQueue {
  const store = useDisplay.getState;
  const lang = store().lang;
  const config = () => store().catalog?.display ?? DEFAULT_DISPLAY;
  const player = new VoicePlayer(() => ({
    volume: config().voice.volume,
    preferWebSpeech: config().voice.preferWebSpeech,
    english: lang === 'zh-en',
  }));
  player.warm(announceCall('A000', 1).clips.zh.concat(['zh/digit-1', 'zh/digit-2', 'zh/digit-3', 'zh/shi']));
  const log: AnnouncementLog[] = (window.__yizhanAnnouncements = []);
  const queued: number[] = (window.__yizhanQueued = []);
  return new AnnouncementQueue(player, {
    repeat: () => config().voice.repeat,
    muted: () => {
      const tz = store().catalog?.timezone ?? 'Asia/Shanghai';
      return inQuietHours(hallTime(serverNow(), tz).hhmm, config().voice.quietHours);
    },
    now: () => performance.now(),
    log: (entry) => {
      log.push(entry);
      // Mirrored to the console so a test can follow announcements across reloads.
      console.debug(`yizhan-announcement ${JSON.stringify(entry)}`);
      store().setSpeaking(entry.state === 'started' ? entry : null);
    },
    onQueued: (item) => queued.push(item.seq),
    onStart: (item) => writeLastAnnounced(sessionStorage, { seq: item.seq, at: item.at }),
  });
}
