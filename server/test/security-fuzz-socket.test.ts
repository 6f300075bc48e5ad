import { join } from 'node:path';
import {
  CLIENT_REQUEST_NAMES,
  clientPayloadSchemas,
  HALL_ERROR_CODES,
  PROTOCOL_ERROR_CODES,
  snapshotOf,
  type ClientRequestName,
  type IssuedTicket,
} from '@yizhan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp, type RunningServer } from '../src/app/create-server-app';
import { AdjustableClock } from '../src/hall/clock';
import { RateLimiter } from '../src/ops/rate-limiter';
import { asReceived, invalidPayload, oversized, seededRng } from './support/fuzz';
import {
  connected,
  login,
  must,
  provisionCast,
  singleStepServices,
  SocketPool,
  tapKey,
  type HallSocket,
  type HandshakeAuth,
} from './support/hall-clients';
import { DEFAULT_CONFIG_PATH, FRIDAY_NINE, silentLogger, tempDir } from './support/test-hall-server';

/**
 * Every socket request fed 10,000 malformed, oversized and wrongly typed
 * payloads from connections of every role: the server never falls over,
 * answers each with a known error, and the hall does not change.
 */

const PER_NAME = 10_000;
const BATCH = 500;
const KNOWN_CODES = new Set<string>([...HALL_ERROR_CODES, ...PROTOCOL_ERROR_CODES]);

let server: RunningServer;
const pool = new SocketPool();
let roles: { role: string; socket: HallSocket }[] = [];
let auths: { role: string; auth: HandshakeAuth }[] = [];
let bases: Record<ClientRequestName, Record<string, unknown>>;

beforeAll(async () => {
  const dir = tempDir();
  server = await createServerApp({
    dbPath: join(dir, 'hall.db'),
    configPath: DEFAULT_CONFIG_PATH,
    configWritePath: join(dir, 'hall.yaml'),
    port: 0,
    host: '127.0.0.1',
    clock: new AdjustableClock(FRIDAY_NINE),
    logger: silentLogger(),
    autoDay: false,
    demo: false,
    // The flood guard would answer `rate-limited` long before the payloads reach validation.
    floodGuard: { perMinute: 1e9, burst: 1e9 },
  });
  const { context, url } = server;
  // Same for the per-address tracking limit (its burst is capped at 5).
  context.trackingLimiter = new RateLimiter({ perMinute: 1e9, burst: 1e9, now: () => Date.now() });
  const config = context.hall.config;
  const department = config.config.departments[0]!.code;
  const cast = await provisionCast(context.accounts, context.devices, {
    clerks: 1,
    departments: [department],
  });
  const [clerkToken, supervisorToken, officerToken] = await Promise.all([
    login(url, cast.clerks[0]!),
    login(url, cast.supervisor),
    login(url, cast.officers[department]!),
  ]);
  auths = [
    { role: 'public', auth: {} },
    { role: 'kiosk', auth: { deviceKey: cast.kioskKeys[0]! } },
    { role: 'display', auth: { deviceKey: cast.displayKey } },
    { role: 'clerk', auth: { token: clerkToken } },
    { role: 'supervisor', auth: { token: supervisorToken } },
    { role: 'officer', auth: { token: officerToken } },
  ];
  roles = await Promise.all(
    auths.map(async ({ role, auth }) => ({ role, socket: await pool.connect(url, auth) })),
  );
  const at = (role: string) => roles.find((r) => r.role === role)!.socket;

  // A hall with something in it: the day open, a clerk at an open counter, a ticket waiting.
  const counter = config.config.counters[0]!.number;
  await must(at('supervisor'), 'day:open', {});
  await must(at('clerk'), 'clerk:login', { counter });
  await must(at('clerk'), 'counter:open', { counter });
  const serviceCode = singleStepServices(config, counter, 'on-site')[0]!;
  const ticket: IssuedTicket = await must(at('kiosk'), 'ticket:issue', {
    serviceCode,
    priority: 'normal',
    channel: 'kiosk',
    idempotencyKey: tapKey('fuzz'),
  });
  const { ticketId, serviceNumber, verificationCode } = ticket;
  bases = {
    'hall:sync': { lastSeq: 0 },
    'day:open': {},
    'day:close': {},
    'clerk:login': { counter },
    'clerk:logout': { counter },
    'counter:open': { counter },
    'counter:pause': { counter, reason: 'lunch', note: null },
    'counter:resume': { counter },
    'counter:close': { counter },
    'ticket:issue': {
      serviceCode,
      priority: 'normal',
      greenReason: null,
      channel: 'kiosk',
      idempotencyKey: 'fuzz-key-0001',
    },
    'ticket:reprint': { ticketId },
    'ticket:call-next': { counter },
    'ticket:call': { counter, ticketId },
    'ticket:recall': { counter },
    'ticket:start-serving': { counter },
    'ticket:no-show': { counter },
    'ticket:cancel': { ticketId },
    'step:complete': { counter },
    'ticket:transfer': { counter, to: { counter: counter + 1 }, note: 'fuzz' },
    'case:forward': { counter, department, note: null },
    'case:rate': { counter, score: 4 },
    'case:accept': { serviceNumber },
    'case:note-progress': { serviceNumber, note: 'fuzz' },
    'case:complete': { serviceNumber, result: 'approved', note: null },
    'case:lookup': { serviceNumber, verificationCode },
  };
}, 30_000);

afterAll(async () => {
  pool.closeAll();
  await server?.close();
});

async function healthy(): Promise<void> {
  const response = await fetch(`${server.url}/health`);
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true });
}

function send(socket: HallSocket, name: string, payload: unknown, timeoutMs = 5000): Promise<unknown> {
  const emitter = socket.timeout(timeoutMs) as unknown as {
    emitWithAck(n: string, p: unknown): Promise<unknown>;
  };
  return emitter.emitWithAck(name, payload);
}

describe('socket requests under fuzz', () => {
  it('has a base payload for every request name, each valid (so a single break makes it invalid)', () => {
    expect(Object.keys(bases).sort()).toEqual([...CLIENT_REQUEST_NAMES].sort());
    for (const name of CLIENT_REQUEST_NAMES)
      expect({ name, ok: clientPayloadSchemas[name].safeParse(bases[name]).success }).toEqual({
        name,
        ok: true,
      });
  });

  it.each(CLIENT_REQUEST_NAMES)(
    '%s: 10,000 malformed payloads from every role, all refused, the hall unchanged',
    async (name) => {
      const { hall } = server.context;
      const seq = hall.seq();
      const before = snapshotOf(hall.state);
      const rng = seededRng(0x5eed ^ CLIENT_REQUEST_NAMES.indexOf(name));
      const errors = new Map<string, number>();
      let sent = 0;
      while (sent < PER_NAME) {
        const batch: Promise<unknown>[] = [];
        for (let i = 0; i < BATCH; i++, sent++) {
          const payload = invalidPayload(rng, name, bases[name]);
          expect(clientPayloadSchemas[name].safeParse(asReceived(payload)).success).toBe(false);
          batch.push(send(roles[sent % roles.length]!.socket, name, payload));
        }
        for (const ack of await Promise.all(batch)) {
          const answer = ack as { ok?: unknown; error?: unknown };
          if (answer.ok !== false || typeof answer.error !== 'string' || !KNOWN_CODES.has(answer.error))
            throw new Error(`${name}: unexpected answer ${JSON.stringify(ack).slice(0, 300)}`);
          errors.set(answer.error, (errors.get(answer.error) ?? 0) + 1);
        }
      }
      // Validation comes first, whatever the role: each one is a payload error.
      expect(Object.fromEntries(errors)).toEqual({ 'invalid-payload': PER_NAME });
      await healthy();
      expect(hall.seq()).toBe(seq);
      expect(snapshotOf(hall.state)).toEqual(before);
    },
  );

  it('drops a connection that sends a message over 64 KiB, for every request name and role, and stays up', async () => {
    const { hall } = server.context;
    const seq = hall.seq();
    const before = snapshotOf(hall.state);
    for (const [i, name] of CLIENT_REQUEST_NAMES.entries()) {
      const { role, auth } = auths[i % auths.length]!;
      const socket = pool.open(server.url, auth);
      await connected(socket);
      const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
      const answer = await send(socket, name, oversized(bases[name], 70 * 1024), 3000).then(
        (ack) => ({ ack }),
        (error: unknown) => ({ error: String(error) }),
      );
      expect({ name, role, answer }).toMatchObject({ name, role, answer: { error: expect.any(String) } });
      expect(await closed).toBe('transport close');
      await healthy();
    }
    // The other connections are untouched and still answered.
    for (const { socket } of roles) {
      expect(socket.connected).toBe(true);
      expect(await send(socket, 'hall:sync', { lastSeq: seq })).toMatchObject({ ok: true });
    }
    expect(hall.seq()).toBe(seq);
    expect(snapshotOf(hall.state)).toEqual(before);
  });
});
