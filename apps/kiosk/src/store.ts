import type { CaseTracking, IssuedTicket } from '@yizhan/shared';
import { create, type StateCreator } from 'zustand';
import type { Catalog } from './catalog';
import type { Lang } from './i18n';

export type Screen =
  | { name: 'home' }
  | { name: 'services'; category: string }
  | { name: 'search' }
  | { name: 'materials'; service: string }
  | { name: 'green'; service: string }
  | { name: 'ticket' }
  | { name: 'refused'; error: string }
  | { name: 'lookup' };

/** The paper ticket: on its way, out, failed, none here, or not known (a replayed tap). */
export type PrintState = 'printing' | 'ok' | 'failed' | 'none' | 'unknown';

interface UiSlice {
  lang: Lang;
  screen: Screen;
  lastActivity: number;
  go(screen: Screen): void;
  toggleLang(): void;
  touch(now: number): void;
  /** Back to the start for the next visitor: nothing of this one stays. */
  reset(): void;
}

interface CatalogSlice {
  catalog: Catalog | null;
  setCatalog(catalog: Catalog): void;
}

interface ConnectionSlice {
  /** null until the first attempt ends, so starting up is not shown as an outage. */
  connected: boolean | null;
  setConnected(connected: boolean): void;
}

interface TicketSlice {
  issuing: boolean;
  /** The idempotency key of the request being made: reused for the same request until the ticket is dismissed. */
  pending: { key: string; request: string } | null;
  ticket: IssuedTicket | null;
  print: PrintState;
  /** Print outcomes by ticket id, as `printer:job` events arrive. */
  jobs: Record<string, 'ok' | 'failed'>;
  startIssuing(pending: { key: string; request: string }): void;
  issued(ticket: IssuedTicket, print: PrintState): void;
  issueFailed(): void;
  setPrint(print: PrintState): void;
  jobDone(ticketId: string, result: 'ok' | 'failed'): void;
}

interface LookupSlice {
  lookupBusy: boolean;
  lookupResult: CaseTracking | null;
  lookupError: string | null;
  setLookup(patch: Partial<Pick<LookupSlice, 'lookupBusy' | 'lookupResult' | 'lookupError'>>): void;
}

export type KioskState = UiSlice & CatalogSlice & ConnectionSlice & TicketSlice & LookupSlice;
type Slice<T> = StateCreator<KioskState, [], [], T>;

const LOOKUP_CLEAR = { lookupBusy: false, lookupResult: null, lookupError: null };

const uiSlice: Slice<UiSlice> = (set) => ({
  lang: 'zh',
  screen: { name: 'home' },
  lastActivity: Date.now(),
  go: (screen) => set({ screen }),
  toggleLang: () => set((s) => ({ lang: s.lang === 'zh' ? 'en' : 'zh' })),
  touch: (now) => set({ lastActivity: now }),
  reset: () =>
    set((s) => ({
      screen: { name: 'home' },
      lang: 'zh',
      // Until a ticket has been shown, the key stays: the same request again is the same ticket.
      pending: s.ticket ? null : s.pending,
      ticket: null,
      print: 'none',
      ...LOOKUP_CLEAR,
    })),
});

const catalogSlice: Slice<CatalogSlice> = (set) => ({
  catalog: null,
  setCatalog: (catalog) => set({ catalog }),
});

const connectionSlice: Slice<ConnectionSlice> = (set) => ({
  connected: null,
  setConnected: (connected) => set({ connected }),
});

const ticketSlice: Slice<TicketSlice> = (set) => ({
  issuing: false,
  pending: null,
  ticket: null,
  print: 'none',
  jobs: {},
  startIssuing: (pending) => set({ issuing: true, pending }),
  issued: (ticket, print) => set({ issuing: false, ticket, print, screen: { name: 'ticket' } }),
  issueFailed: () => set({ issuing: false }),
  setPrint: (print) => set({ print }),
  jobDone: (ticketId, result) =>
    set((s) => ({
      jobs: { ...s.jobs, [ticketId]: result },
      print: s.ticket?.ticketId === ticketId ? result : s.print,
    })),
});

const lookupSlice: Slice<LookupSlice> = (set) => ({
  ...LOOKUP_CLEAR,
  setLookup: (patch) => set(patch),
});

export const useKiosk = create<KioskState>()((...a) => ({
  ...uiSlice(...a),
  ...catalogSlice(...a),
  ...connectionSlice(...a),
  ...ticketSlice(...a),
  ...lookupSlice(...a),
}));
