import type { LocalizedText } from '../config/hall-config-schema';
import type { CompiledHallConfig } from '../config/compile-hall-config';
import type { CallRecord, CounterNumber, CounterStatus, HallState } from './types';

export interface BoardCounter {
  number: CounterNumber;
  name: LocalizedText;
  status: CounterStatus;
  pauseReason: LocalizedText | null;
  clerkName: string | null;
  /** The ticket called or being served, if any. */
  callNumber: string | null;
}

export interface BoardView {
  date: string | null;
  dayOpen: boolean;
  /** Newest first. */
  latestCalls: CallRecord[];
  counters: BoardCounter[];
  waitingByService: { serviceCode: string; name: LocalizedText; category: string; waiting: number }[];
  waitingByCategory: { category: string; name: LocalizedText; waiting: number }[];
  notices: LocalizedText[];
}

/**
 * What the wall board, counter-top displays and public board show. No names
 * of visitors, no service numbers: only call numbers and counters. The clerk's
 * display name is shown on counter-top displays, as halls do.
 */
export function boardView(state: HallState, hall: CompiledHallConfig, latest = 10): BoardView {
  const pauseNames = new Map(hall.config.pauseReasons.map((r) => [r.code, r.name]));
  const counters = hall.config.counters.map((config): BoardCounter => {
    const live = state.counters.get(config.number);
    const current = live?.current ? state.tickets.get(live.current) : undefined;
    return {
      number: config.number,
      name: config.name,
      status: live?.status ?? 'closed',
      pauseReason: live?.pauseReason ? (pauseNames.get(live.pauseReason) ?? null) : null,
      clerkName: live?.clerk?.name ?? null,
      callNumber: current?.callNumber ?? null,
    };
  });
  const waitingByService = hall.config.services.map((s) => ({
    serviceCode: s.code,
    name: s.name,
    category: s.category,
    waiting: state.waitingByService.get(s.code) ?? 0,
  }));
  const waitingByCategory = hall.config.categories.map((c) => ({
    category: c.code,
    name: c.name,
    waiting: waitingByService.filter((s) => s.category === c.code).reduce((sum, s) => sum + s.waiting, 0),
  }));
  return {
    date: state.day?.date ?? null,
    dayOpen: state.day?.status === 'open',
    latestCalls: state.recentCalls.slice(-latest).reverse(),
    counters,
    waitingByService,
    waitingByCategory,
    notices: hall.config.hall.notices,
  };
}
