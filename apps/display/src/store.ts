import type { DisplayConfig, LocalizedText } from '@yizhan/shared';
import type { FeedStatus } from '@yizhan/shared';
import { create } from 'zustand';
import type { AnnouncementLog } from './announcer';
import { emptyBoard, type Board, type BoardNames } from './board-state';
import { langFromUrl, type Lang } from './i18n';

/** The hall's catalog, as much of it as the displays need (GET /api/catalog). */
export interface DisplayCatalog {
  hallName: LocalizedText;
  timezone: string;
  display: DisplayConfig;
  names: BoardNames;
  departments: { code: string; name: LocalizedText }[];
}

export const DEFAULT_DISPLAY: DisplayConfig = {
  voice: { repeat: 2, volume: 1, quietHours: [], preferWebSpeech: false },
  latestCalls: 8,
  highlightSeconds: 10,
};

interface BoardSlice {
  board: Board;
  status: FeedStatus;
  /** Server clock minus this page's clock (ms), from the snapshot and the newest event. */
  serverOffset: number;
  setBoard(board: Board): void;
  setStatus(status: FeedStatus): void;
  setServerOffset(offset: number): void;
}

interface CatalogSlice {
  catalog: DisplayCatalog | null;
  setCatalog(catalog: DisplayCatalog): void;
}

interface VoiceSlice {
  /** The announcement now being said (for the wall's highlight), newest log entries last. */
  speaking: AnnouncementLog | null;
  setSpeaking(entry: AnnouncementLog | null): void;
}

interface UiSlice {
  lang: Lang;
}

export type DisplayState = BoardSlice & CatalogSlice & VoiceSlice & UiSlice;

export const useDisplay = create<DisplayState>()((set) => ({
  board: emptyBoard(),
  status: 'connecting',
  serverOffset: 0,
  setBoard: (board) => set({ board }),
  setStatus: (status) => set({ status }),
  setServerOffset: (serverOffset) => set({ serverOffset }),
  catalog: null,
  setCatalog: (catalog) => set({ catalog }),
  speaking: null,
  setSpeaking: (speaking) => set({ speaking }),
  lang: typeof location === 'undefined' ? 'zh' : langFromUrl(location.search),
}));
