import { createServer } from 'node:net';
import { join } from 'node:path';
import type {
  Ack,
  AckError,
  ClientPayloadInput,
  ClientRequestName,
  ClientToServerEvents,
  CompiledHallConfig,
  RequestResponse,
  RoleEvent,
  SeqEvent,
  ServerToClientEvents,
} from '@yizhan/shared';
import { io, type Socket } from 'socket.io-client';
import { createServerApp, type RunningServer } from '../../src/app/create-server-app';
import type { Devices } from '../../src/auth/devices';
import type { StaffAccounts, StaffRole } from '../../src/auth/staff-accounts';
import { AdjustableClock } from '../../src/hall/clock';
import { DEFAULT_CONFIG_PATH, FRIDAY_NINE, silentLogger, tempDir } from './test-hall-server';

/**
 * Real clients of a real hall server, for the integration tests: a server on
 * port 0 with its own database file, accounts provisioned straight into it,
 * staff logged in over HTTP, and socket.io-client connections typed with the
 * shared protocol.
 */

export type HallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type HandshakeAuth = { token: string } | { deviceKey: string } | Record<string, never>;

export const REQUEST_TIMEOUT_MS = 5000;

// ---------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------

export interface TestServer {
  server: RunningServer;
  url: string;
  dir: string;
  dbPath: string;
  clock: AdjustableClock;
  config: CompiledHallConfig;
}

export interface TestServerOptions {
  /** Reuse a database file (a restart); a fresh temp dir otherwise. */
  dbPath?: string;
  configPath?: string;
  /** Share one clock across a restart so the hall's time only moves forward. */
  clock?: AdjustableClock;
  trackingPerMinute?: number;
}

/** The hall server in this process, on 127.0.0.1 port 0, its clock at Friday 09:00, the day not yet open. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = tempDir();
  const dbPath = options.dbPath ?? join(dir, 'hall.db');
  const clock = options.clock ?? new AdjustableClock(FRIDAY_NINE);
  const server = await createServerApp({
    dbPath,
    configPath: options.configPath ?? DEFAULT_CONFIG_PATH,
    configWritePath: join(dir, 'hall.yaml'),
    port: 0,
    host: '127.0.0.1',
    clock,
    logger: silentLogger(),
    autoDay: false,
    demo: false,
    ...(options.trackingPerMinute !== undefined ? { trackingPerMinute: options.trackingPerMinute } : {}),
  });
  return { server, url: server.url, dir, dbPath, clock, config: server.context.hall.config };
}

// ---------------------------------------------------------------------------
// Accounts and devices
// ---------------------------------------------------------------------------

export interface StaffCredentials {
  id: string;
  username: string;
  password: string;
  name: string;
  role: StaffRole;
  department: string | null;
}

export interface HallCast {
  admin: StaffCredentials;
  supervisor: StaffCredentials;
  clerks: StaffCredentials[];
  /** One officer per department asked for, by department code. */
  officers: Record<string, StaffCredentials>;
  kioskKeys: string[];
  displayKey: string;
}

export interface CastOptions {
  clerks?: number;
  departments?: string[];
  kiosks?: number;
}

/** Provisions the people and devices a test needs, directly in the database (as `npm run admin` would). */
export async function provisionCast(
  accounts: StaffAccounts,
  devices: Devices,
  options: CastOptions = {},
): Promise<HallCast> {
  const add = async (username: string, role: StaffRole, name: string, department: string | null = null) => {
    const password = `pw-${username}-0123456789`;
    const added = await accounts.add({ username, name, role, department, password });
    if (!added.ok) throw new Error(`could not add ${username}: ${added.error}`);
    return { id: added.account.id, username, password, name, role, department } satisfies StaffCredentials;
  };
  const clerkCount = options.clerks ?? 3;
  const departments = options.departments ?? [];
  const [admin, supervisor, ...rest] = await Promise.all([
    add('admin', 'admin', '系统管理员'),
    add('supervisor', 'supervisor', '值班长'),
    ...Array.from({ length: clerkCount }, (_, i) => add(`clerk${i + 1}`, 'clerk', `办事员${i + 1}`)),
    ...departments.map((d, i) => add(`officer${i + 1}`, 'officer', `经办人${i + 1}`, d)),
  ]);
  const clerks = rest.slice(0, clerkCount);
  const officers = Object.fromEntries(departments.map((d, i) => [d, rest[clerkCount + i]!]));
  const kioskKeys = Array.from(
    { length: options.kiosks ?? 1 },
    (_, i) => devices.provision({ kind: 'kiosk', name: `取号机 ${i + 1}` }).key,
  );
  const displayKey = devices.provision({ kind: 'display', name: '综合屏' }).key;
  return { admin: admin!, supervisor: supervisor!, clerks, officers, kioskKeys, displayKey };
}

// ---------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------

/** Logs a staff member in through the real `POST /api/session`; returns the session token. */
export async function login(url: string, who: { username: string; password: string }): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: who.username, password: who.password }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (response.status !== 200 || typeof body.token !== 'string')
    throw new Error(`login ${who.username}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

/** The public tracking page's lookup, `POST /api/track`. */
export async function track(
  url: string,
  serviceNumber: string,
  verificationCode: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/api/track`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceNumber, verificationCode }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Polls `GET /health` until it answers 200 (a child process starting up). */
export async function waitForHealth(url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/health`);
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error;
    }
    await sleep(50);
  }
  throw new Error(`${url}/health did not answer within ${timeoutMs} ms: ${String(last)}`);
}

/** A port nobody listens on right now: listen on 0, note it, close. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------
// Sockets
// ---------------------------------------------------------------------------

/** Opens real socket.io-client connections and closes them all at the end of a test. */
export class SocketPool {
  private readonly sockets = new Set<HallSocket>();

  /** Resolves once connected; rejects with the handshake's error (e.g. `unauthenticated`). */
  async connect(url: string, auth: HandshakeAuth = {}): Promise<HallSocket> {
    const socket = this.open(url, auth);
    await connected(socket);
    return socket;
  }

  /** A socket whose connection is under way; attach listeners before it connects. */
  open(url: string, auth: HandshakeAuth = {}): HallSocket {
    const socket: HallSocket = io(url, {
      auth,
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    this.sockets.add(socket);
    return socket;
  }

  closeAll(): void {
    for (const socket of this.sockets) socket.disconnect();
    this.sockets.clear();
  }
}

/** Resolves once the socket is connected; rejects with the handshake's error. */
export function connected(socket: HallSocket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

type AnyEmitter = { emitWithAck(name: string, payload: unknown): Promise<unknown> };

/** One request with its ack, typed by the shared protocol. */
export function request<N extends ClientRequestName>(
  socket: HallSocket,
  name: N,
  payload: ClientPayloadInput<N>,
): Promise<Ack<RequestResponse<N>>> {
  return rawRequest(socket, name, payload) as Promise<Ack<RequestResponse<N>>>;
}

/** Anything at all, for malformed payloads and unknown event names. */
export function rawRequest(socket: HallSocket, name: string, payload: unknown): Promise<Ack<unknown>> {
  const emitter = socket.timeout(REQUEST_TIMEOUT_MS) as unknown as AnyEmitter;
  return emitter.emitWithAck(name, payload) as Promise<Ack<unknown>>;
}

/** The request's data; throws with the error code (and issues) when it was refused. */
export async function must<N extends ClientRequestName>(
  socket: HallSocket,
  name: N,
  payload: ClientPayloadInput<N>,
): Promise<RequestResponse<N>> {
  return okData(await request(socket, name, payload), name);
}

export function okData<T>(ack: Ack<T>, what = 'request'): T {
  if (!ack.ok) throw new Error(`${what} refused: ${describeError(ack)}`);
  return ack.data;
}

export function describeError(ack: AckError): string {
  return `${ack.error}${ack.message ? ` (${ack.message})` : ''}${ack.issues ? ` ${JSON.stringify(ack.issues)}` : ''}`;
}

/** Records every `hall:events` message a socket receives, in arrival order. */
export class EventCollector {
  readonly batches: SeqEvent<RoleEvent>[][] = [];

  constructor(socket: HallSocket) {
    socket.on('hall:events', (events) => this.batches.push(events));
  }

  get events(): SeqEvent<RoleEvent>[] {
    return this.batches.flat();
  }

  lastSeq(): number {
    return this.events.at(-1)?.seq ?? 0;
  }

  ofType<T extends RoleEvent['type']>(...types: T[]): SeqEvent<Extract<RoleEvent, { type: T }>>[] {
    return this.events.filter((e): e is SeqEvent<Extract<RoleEvent, { type: T }>> =>
      (types as string[]).includes(e.event.type),
    );
  }

  /** Waits until an event with at least this seq has arrived. */
  async waitForSeq(seq: number, timeoutMs = REQUEST_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.lastSeq() < seq) {
      if (Date.now() > deadline) throw new Error(`no event with seq ${seq} (last ${this.lastSeq()})`);
      await sleep(5);
    }
  }
}

// ---------------------------------------------------------------------------
// Picking services and counters from the configuration
// ---------------------------------------------------------------------------

/** Counters that serve a skill in any tier, tier-0 counters first. */
export function countersFor(config: CompiledHallConfig, skill: string): number[] {
  const counters = [...(config.countersBySkill.get(skill) ?? [])];
  const tier = (n: number) => config.counters.get(n)?.tierOf.get(skill) ?? 99;
  return counters.sort((a, b) => tier(a) - tier(b) || a - b);
}

/** A service whose route has this many steps, each served by its own counter; and those counters. */
export function jointRoute(
  config: CompiledHallConfig,
  steps: number,
): { serviceCode: string; skills: string[]; counters: number[] } | null {
  for (const service of config.config.services) {
    if (service.route.length !== steps || service.forwardTo !== undefined) continue;
    const skills = service.route.map((s) => s.skill);
    const chosen: number[] = [];
    for (const skill of skills) {
      const counter = countersFor(config, skill).find((n) => !chosen.includes(n));
      if (counter === undefined) break;
      chosen.push(counter);
    }
    if (chosen.length === steps) return { serviceCode: service.code, skills, counters: chosen };
  }
  return null;
}

/** Single-step services a counter can serve, optionally only those that go on to a department. */
export function singleStepServices(
  config: CompiledHallConfig,
  counter: number,
  kind: 'on-site' | 'forwarded',
): string[] {
  const tiers = config.counters.get(counter)?.tierOf;
  return config.config.services
    .filter(
      (s) =>
        s.route.length === 1 &&
        tiers?.has(s.route[0]!.skill) &&
        (kind === 'forwarded') === (s.forwardTo !== undefined),
    )
    .map((s) => s.code);
}

let keyCounter = 0;
/** A fresh idempotency key, as a kiosk draws one per tap. */
export function tapKey(label = 'tap'): string {
  keyCounter++;
  return `${label}-${process.pid}-${Date.now()}-${keyCounter}`;
}
