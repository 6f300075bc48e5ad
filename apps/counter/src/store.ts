import type { CompiledHallConfig, Case, ErrorCode, FeedStatus, HallState } from '@yizhan/shared';
import { create, type StateCreator } from 'zustand';
import type { Lang, TextKey } from './i18n';

/** Who is signed in (from POST /api/session; the token lives in sessionStorage). */
export interface StaffUser {
  id: string;
  username: string;
  name: string;
  role: 'clerk' | 'officer' | 'supervisor' | 'admin';
  department: string | null;
}

export interface SessionSlice {
  token: string | null;
  user: StaffUser | null;
  /** The counter this terminal works at (clerks), from ?counter=N, the Electron config, or chosen. */
  counter: number | null;
  expired: boolean;
  lang: Lang;
}

/**
 * The hall as this terminal knows it. `hall` is folded in place by the shared
 * `applyEvent`, so `rev` changes with every fold and is what views depend on.
 */
export interface HallSlice {
  config: CompiledHallConfig | null;
  hall: HallState | null;
  /** Officer desks get their department's cases instead of the whole hall. */
  departmentCases: Map<string, Case> | null;
  rev: number;
  /** Server time minus local time, learnt from the `at` of events (the server clock may be injected). */
  offsetMs: number;
  feed: FeedStatus;
}

export type Dialog = 'transfer' | 'forward' | 'pause' | 'call' | null;

export interface UiSlice {
  error: ErrorCode | null;
  /** A short word of how something went (e.g. the reprint), cleared by the next action. */
  notice: TextKey | null;
  dialog: Dialog;
  autoCall: boolean;
  /** The visitor's rating was taken: the pad says thank you for a few seconds. */
  ratingThanks: boolean;
  /** Overdue alerts this supervisor acknowledged (kept on this computer only). */
  acknowledged: Set<string>;
  busy: boolean;
}

export type CounterStore = SessionSlice & HallSlice & UiSlice;

const sessionSlice: StateCreator<CounterStore, [], [], SessionSlice> = () => ({
  token: null,
  user: null,
  counter: null,
  expired: false,
  lang: 'zh',
});

const hallSlice: StateCreator<CounterStore, [], [], HallSlice> = () => ({
  config: null,
  hall: null,
  departmentCases: null,
  rev: 0,
  offsetMs: 0,
  feed: 'connecting',
});

const uiSlice: StateCreator<CounterStore, [], [], UiSlice> = () => ({
  error: null,
  notice: null,
  dialog: null,
  autoCall: false,
  ratingThanks: false,
  acknowledged: new Set(),
  busy: false,
});

export const useCounterStore = create<CounterStore>()((...a) => ({
  ...sessionSlice(...a),
  ...hallSlice(...a),
  ...uiSlice(...a),
}));

/** Server time now, as best this terminal knows it. */
export function serverNow(): number {
  return Date.now() + useCounterStore.getState().offsetMs;
}
