import {
  RECONNECT_OPTIONS,
  applyEvent,
  compileHallConfig,
  HallFeed,
  parseHallConfigYaml,
  stateFromSnapshot,
  type Ack,
  type ClientPayloadInput,
  type ClientRequestName,
  type ClientToServerEvents,
  type HallEvent,
  type RequestResponse,
  type RoleEvent,
  type RoleSnapshot,
  type SeqEvent,
  type ServerToClientEvents,
} from '@yizhan/shared';
import { io, type Socket } from 'socket.io-client';
import { loadAcknowledged } from './acknowledgements';
import { foldDepartmentEvent } from './department-cases';
import { latestInstant, offsetFrom } from './server-time';
import { useCounterStore, type StaffUser } from './store';

/**
 * The one connection to the hall. Opened once per sign-in (not from a React
 * effect): listeners are attached here, write into the store with plain
 * `setState`, and React only reads.
 */

type HallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
let socket: HallSocket | null = null;
let offsetKnown = false;
const TOKEN_KEY = 'yizhan.counter.token';
const USER_KEY = 'yizhan.counter.user';

const set = useCounterStore.setState;

export async function login(username: string, password: string): Promise<boolean> {
  const response = await fetch('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) return false;
  const body = (await response.json()) as { token: string; user: StaffUser };
  sessionStorage.setItem(TOKEN_KEY, body.token);
  sessionStorage.setItem(USER_KEY, JSON.stringify(body.user));
  await start(body.token, body.user);
  return true;
}

/** Picks up a session kept in this tab (a reload keeps the clerk signed in). */
export async function resumeSession(): Promise<void> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const user = sessionStorage.getItem(USER_KEY);
  if (!token || !user) return;
  await start(token, JSON.parse(user) as StaffUser);
}

export function logout(): void {
  const { token } = useCounterStore.getState();
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
  socket?.disconnect();
  socket = null;
  if (token) void fetch('/api/session', { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  set({ token: null, user: null, hall: null, departmentCases: null, config: null, expired: false });
}

function sessionExpired(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  socket?.disconnect();
  socket = null;
  set({ token: null, expired: true, hall: null, departmentCases: null });
}

async function start(token: string, user: StaffUser): Promise<void> {
  const response = await fetch('/api/config', { headers: { authorization: `Bearer ${token}` } });
  if (response.status === 401) return sessionExpired();
  const { yaml } = (await response.json()) as { yaml: string };
  const parsed = parseHallConfigYaml(yaml);
  if (!parsed.ok) throw new Error('the hall configuration from the server does not parse');
  set({
    token,
    user,
    expired: false,
    config: compileHallConfig(parsed.config),
    acknowledged: loadAcknowledged(user.id),
  });
  connect(token);
}

function connect(token: string): void {
  socket?.disconnect();
  const s: HallSocket = io({ auth: { token }, transports: ['websocket'], ...RECONNECT_OPTIONS });
  socket = s;
  offsetKnown = false;
  s.on('connect_error', (error) => {
    if (error.message === 'session-expired' || error.message === 'unauthenticated') sessionExpired();
  });
  new HallFeed(s, {
    onSnapshot: applySnapshot,
    onEvents: applyEvents,
    onStatus: (feed) => set({ feed }),
  });
}

function learnTime(serverAt: number): void {
  const previous = offsetKnown ? useCounterStore.getState().offsetMs : null;
  offsetKnown = true;
  set({ offsetMs: offsetFrom(serverAt, Date.now(), previous) });
}

function applySnapshot(snapshot: RoleSnapshot): void {
  if (snapshot.kind === 'staff') {
    set((s) => ({ hall: stateFromSnapshot(snapshot.state), rev: s.rev + 1 }));
    const latest = latestInstant(snapshot.state);
    if (latest > 0) learnTime(latest);
    takeCounter();
  } else if (snapshot.kind === 'department') {
    set((s) => ({
      departmentCases: new Map(snapshot.cases.map((c) => [c.serviceNumber, c])),
      rev: s.rev + 1,
    }));
    const latest = latestInstant(snapshot);
    if (latest > 0) learnTime(latest);
  }
}

/**
 * A clerk already at a counter stays there; one whose terminal names a counter
 * (?counter=N or the Electron config) signs in to it; others choose.
 */
function takeCounter(): void {
  const { hall, user, counter } = useCounterStore.getState();
  if (!hall || user?.role !== 'clerk') return;
  const mine = [...hall.counters.values()].find((c) => c.clerk?.id === user.id);
  if (mine) {
    set({ counter: mine.number });
    return;
  }
  if (counter !== null) {
    void send('clerk:login', { counter }).then((result) => {
      if (!result.ok) set({ counter: null });
    });
  }
}

function applyEvents(events: SeqEvent<RoleEvent>[]): void {
  const { hall, departmentCases, user } = useCounterStore.getState();
  let unknownCase = false;
  for (const { event } of events) {
    if (hall) applyEvent(hall, event as HallEvent);
    else if (departmentCases && user?.department) {
      if (foldDepartmentEvent(departmentCases, user.department, event) === 'unknown-case') unknownCase = true;
    }
  }
  const last = events.at(-1)?.event;
  if (last) learnTime(last.at);
  set((s) => ({ rev: s.rev + 1 }));
  // A case newly forwarded here: its details come with a fresh department snapshot.
  if (unknownCase) refreshDepartment();
}

function refreshDepartment(): void {
  socket?.emit('hall:sync', { lastSeq: null }, (response) => {
    if (response.ok && response.data.kind === 'snapshot') applySnapshot(response.data.snapshot);
  });
}

/** Sends a request; a refusal is shown in words that say what to do. */
export function send<N extends ClientRequestName>(
  name: N,
  payload: ClientPayloadInput<N>,
): Promise<Ack<RequestResponse<N>>> {
  return new Promise((resolve) => {
    if (!socket?.connected) {
      // The connection banner already says what is wrong and that it is being fixed.
      resolve({ ok: false, error: 'internal-error', message: 'not connected' });
      return;
    }
    const emit = socket.emit.bind(socket) as unknown as (
      n: N,
      p: ClientPayloadInput<N>,
      ack: (r: Ack<RequestResponse<N>>) => void,
    ) => void;
    emit(name, payload, (response) => {
      if (!response.ok) {
        if (response.error === 'session-expired' || response.error === 'unauthenticated') sessionExpired();
        else set({ error: response.error });
      } else {
        set({ error: null, notice: null });
        const receipt = response.data as { events?: SeqEvent<RoleEvent>[] };
        const last = receipt.events?.at(-1)?.event;
        if (last) learnTime(last.at);
      }
      resolve(response);
    });
  });
}
