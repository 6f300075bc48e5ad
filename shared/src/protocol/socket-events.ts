import type { BoardView } from '../hall/board-view';
import type { CaseTracking } from '../hall/case-tracking';
import type { HallEvent } from '../hall/events';
import type { HallSnapshot } from '../hall/state-snapshot';
import type { Case, Ticket } from '../hall/types';
import type { Ack } from './ack';
import type { PublicEvent, SeqEvent } from './event-views';
import type { ClientPayloadInput, ClientRequestName } from './payloads';

/** Roles a connection can have; set at the handshake from its session or device key. */
export type ConnectionRole = 'public' | 'kiosk' | 'display' | 'clerk' | 'officer' | 'supervisor' | 'admin';

/** What a public connection (board, kiosk, phone) needs to draw the hall. */
export interface PublicSnapshot {
  kind: 'public';
  seq: number;
  /** The hall server's clock when the snapshot was taken (displays show the hall's time). */
  serverTime: number;
  board: BoardView;
  /** Waiting tickets in queue order: call numbers are public, nothing else is. */
  waiting: { ticketId: string; callNumber: string; serviceCode: string; skill: string; queueSeq: number }[];
}

/** Staff apps fold events into this with the shared `applyEvent`, and run the same read models. */
export interface StaffSnapshot {
  kind: 'staff';
  seq: number;
  state: HallSnapshot;
}

/** A department officer's desk: the department's forwarded cases (newest events follow). */
export interface DepartmentSnapshot {
  kind: 'department';
  seq: number;
  department: string;
  cases: Case[];
  board: BoardView;
}

export type RoleSnapshot = PublicSnapshot | StaffSnapshot | DepartmentSnapshot;

/** Events as a role sees them: full (staff, verification codes blanked) or public. */
export type RoleEvent = HallEvent | PublicEvent;

export type SyncResult =
  { kind: 'events'; events: SeqEvent<RoleEvent>[] } | { kind: 'snapshot'; snapshot: RoleSnapshot };

/** What the server answers to a command. */
export interface CommandReceipt {
  /** The seq of the last event this command committed (or the current seq if it changed nothing). */
  seq: number;
  events: SeqEvent<RoleEvent>[];
}

/** What the kiosk prints and shows for a new ticket. */
export interface IssuedTicket {
  seq: number;
  ticketId: string;
  callNumber: string;
  serviceCode: string;
  serviceNumber: string;
  verificationCode: string;
  priority: Ticket['priority'];
  issuedAt: number;
  peopleAhead: number;
  estimatedWaitMs: number;
  /** True when this was a retry of an earlier request with the same idempotency key. */
  replay: boolean;
  /**
   * The paper ticket: 'queued' when the server sends it to the kiosk's network
   * printer (the outcome follows as a `printer:job` event), 'not-configured'
   * when this kiosk has no network printer (it may print on USB itself).
   * A replayed request is not printed again.
   */
  print: PrintDispatch;
}

export type PrintDispatch = 'queued' | 'not-configured' | 'not-printed';

/** What the server knows about a printer: its last status answer, or that it could not be reached. */
export type PrinterState =
  'online' | 'offline' | 'paper-out' | 'cover-open' | 'paper-near-end' | 'unreachable' | 'unknown';

/** A ticket printer as staff see it (GET /api/printers and the `printer:status` event). */
export interface PrinterStatusView {
  code: string;
  name: { zh: string; en: string };
  state: PrinterState;
  /** When the state was last learned (ms since epoch), null before the first job or poll. */
  checkedAt: number | null;
  /** The last failed print's reason, cleared by a good one. */
  lastError: string | null;
}

/** The outcome of one print job; a failed print leaves the ticket valid. */
export interface PrintJobResult {
  ticketId: string;
  printer: string;
  result: 'ok' | 'failed';
  state: PrinterState;
}

/** The answer to `ticket:reprint`. */
export interface ReprintReceipt {
  ticketId: string;
  print: PrintDispatch;
}

type ResponseOf<N extends ClientRequestName> = N extends 'hall:sync'
  ? SyncResult
  : N extends 'case:lookup'
    ? CaseTracking
    : N extends 'ticket:issue'
      ? IssuedTicket
      : N extends 'ticket:reprint'
        ? ReprintReceipt
        : CommandReceipt;

/** Client → server: every request is acknowledged with `Ack<T>`. */
export type ClientToServerEvents = {
  [N in ClientRequestName]: (
    payload: ClientPayloadInput<N>,
    ack: (response: Ack<ResponseOf<N>>) => void,
  ) => void;
};

/** Server → client. */
export interface ServerToClientEvents {
  /** Events of one committed command, in seq order, as the connection's role may see them. */
  'hall:events': (events: SeqEvent<RoleEvent>[]) => void;
  /** The hall configuration was replaced; refetch it (GET /api/config or /api/catalog). */
  'hall:config-changed': (payload: { version: number }) => void;
  /** A print job finished (every connection: the kiosk that issued the ticket shows the outcome). */
  'printer:job': (result: PrintJobResult) => void;
  /** A printer's state changed (staff connections). */
  'printer:status': (printers: PrinterStatusView[]) => void;
}

export type RequestResponse<N extends ClientRequestName> = ResponseOf<N>;
