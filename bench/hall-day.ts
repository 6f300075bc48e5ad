import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type {
  ClientPayloadInput,
  ClientRequestName,
  ClientToServerEvents,
  CompiledHallConfig,
  HallEvent,
  RequestResponse,
  ServerToClientEvents,
} from '@yizhan/shared';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import { parse, stringify } from 'yaml';
import { createServerApp, REPO_ROOT, type RunningServer } from '../server/src/app/create-server-app';
import { AdjustableClock } from '../server/src/hall/clock';
import { median, percentile } from './bench-hall';

/**
 * A hall day through the real server over socket.io, at accelerated time: a
 * discrete-event simulation sets the server's clock to each event's instant
 * and sends the real requests. ~3,000 visitors with a morning peak, 22
 * counters whose clerks call, serve (times drawn around each step's limit),
 * meet no-shows, pass joint-handling cases on and forward cases. The same
 * arrivals run under the configured policy and under plain first-come-first-
 * served, and the figures are printed side by side.
 */

type HallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const MINUTE = 60_000;
/** Friday 2026-11-27 in Shanghai: 00:00 local. */
const DAY_START = Date.UTC(2026, 10, 26, 16, 0, 0);
const at = (hh: number, mm: number) => DAY_START + (hh * 60 + mm) * MINUTE;

export interface DayOptions {
  visitors: number;
  seed: number;
}

interface Visitor {
  arrival: number;
  serviceCode: string;
  priority: 'normal' | 'green' | 'appointment';
}

/** A small seeded PRNG, so both policies see exactly the same day. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Arrivals: 60 % in the morning session with its 09:00–10:30 peak, 40 % in the afternoon. */
export function makeVisitors(config: CompiledHallConfig, options: DayOptions): Visitor[] {
  const random = rng(options.seed);
  const services = config.config.services;
  const weights = services.map((s) => s.dailyCap);
  const total = weights.reduce((a, b) => a + b, 0);
  const pickService = () => {
    let r = random() * total;
    for (let i = 0; i < services.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return services[i]!;
    }
    return services.at(-1)!;
  };
  const windows: [number, number, number][] = [
    [at(8, 30), at(9, 0), 0.1],
    [at(9, 0), at(10, 30), 0.38],
    [at(10, 30), at(11, 29), 0.12],
    [at(13, 30), at(15, 0), 0.22],
    [at(15, 0), at(16, 59), 0.18],
  ];
  const visitors: Visitor[] = [];
  for (let i = 0; i < options.visitors; i++) {
    let r = random();
    let window = windows[0]!;
    for (const w of windows) {
      window = w;
      if ((r -= w[2]) <= 0) break;
    }
    const service = pickService();
    const p = random();
    const priority = p < 0.08 ? 'green' : p < 0.13 && service.appointments ? 'appointment' : 'normal';
    visitors.push({
      arrival: window[0] + random() * (window[1] - window[0]),
      serviceCode: service.code,
      priority,
    });
  }
  return visitors.sort((a, b) => a.arrival - b.arrival);
}

interface DayFigures {
  policy: string;
  issued: number;
  /** First steps called during the day (the rest were still waiting at closing). */
  served: number;
  refused: Record<string, number>;
  waitsByService: Map<string, number[]>;
  stepWaits: number;
  missedTarget: number;
  latencyMs: Map<string, number[]>;
  lastCallAt: number;
  /** Minutes each counter spent with a visitor (called until completed or no-show). */
  busyMinutes: Map<number, number>;
}

/** One simulated day on a fresh server and database. */
export async function runHallDay(mode: 'policy' | 'fifo', options: DayOptions): Promise<DayFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'yizhan-hall-day-'));
  const yaml = parse(readFileSync(join(REPO_ROOT, 'config/hall.default.yaml'), 'utf8')) as Record<
    string,
    unknown
  >;
  yaml['routing'] = { ...(yaml['routing'] as object), mode };
  const configPath = join(dir, 'hall.yaml');
  writeFileSync(configPath, stringify(yaml));

  const clock = new AdjustableClock(at(8, 0));
  const server: RunningServer = await createServerApp({
    dbPath: join(dir, 'hall.db'),
    configPath,
    configWritePath: configPath,
    port: 0,
    host: '127.0.0.1',
    clock,
    logger: pino({ level: process.env['BENCH_LOG'] ?? 'silent' }),
    autoDay: false,
    demo: false,
  });
  const { hall, accounts, devices } = server.context;
  const config = hall.config;
  const random = rng(options.seed + 1);
  const figures: DayFigures = {
    policy: mode,
    issued: 0,
    served: 0,
    refused: {},
    waitsByService: new Map(),
    stepWaits: 0,
    missedTarget: 0,
    latencyMs: new Map(),
    lastCallAt: 0,
    busyMinutes: new Map(),
  };
  const busySince = new Map<number, number>();
  const markBusy = (counter: number) => busySince.set(counter, clock.now());
  const markFree = (counter: number) => {
    const since = busySince.get(counter);
    if (since === undefined) return;
    busySince.delete(counter);
    figures.busyMinutes.set(
      counter,
      (figures.busyMinutes.get(counter) ?? 0) + (clock.now() - since) / MINUTE,
    );
  };

  const connect = (auth: Record<string, string>) =>
    new Promise<HallSocket>((resolve, reject) => {
      const socket: HallSocket = io(server.url, {
        auth,
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  const request = async <N extends ClientRequestName>(
    socket: HallSocket,
    name: N,
    payload: ClientPayloadInput<N>,
  ) => {
    const t0 = performance.now();
    const emit = socket.emitWithAck as unknown as (
      n: N,
      p: ClientPayloadInput<N>,
    ) => Promise<{ ok: true; data: RequestResponse<N> } | { ok: false; error: string }>;
    const response = await emit.call(socket, name, payload);
    const list = figures.latencyMs.get(name) ?? [];
    list.push(performance.now() - t0);
    figures.latencyMs.set(name, list);
    return response;
  };
  const login = async (username: string, role: 'clerk' | 'supervisor') => {
    const password = `bench-${username}-password`;
    const added = await accounts.add({ username, name: username, role, department: null, password });
    if (!added.ok) throw new Error(added.error);
    const session = await accounts.login(username, password);
    if (!session.ok) throw new Error(session.error);
    return connect({ token: session.token });
  };

  const supervisor = await login('supervisor', 'supervisor');
  clock.set(at(8, 0));
  await request(supervisor, 'day:open', {});
  const kiosk = await connect({ deviceKey: devices.provision({ kind: 'kiosk', name: 'bench kiosk' }).key });

  interface Clerk {
    counter: number;
    socket: HallSocket;
    busy: boolean;
  }
  const clerks: Clerk[] = [];
  for (const counter of config.config.counters) {
    const socket = await login(`clerk${counter.number}`, 'clerk');
    await request(socket, 'clerk:login', { counter: counter.number });
    await request(socket, 'counter:open', { counter: counter.number });
    clerks.push({ counter: counter.number, socket, busy: false });
  }

  // Virtual-time event queue (small: a sorted array is plenty).
  type Job = { at: number; run: () => Promise<void> };
  const jobs: Job[] = [];
  const schedule = (when: number, run: () => Promise<void>) => {
    let i = jobs.length;
    while (i > 0 && jobs[i - 1]!.at > when) i--;
    jobs.splice(i, 0, { at: when, run });
  };
  const queuedAt = new Map<string, { at: number; serviceCode: string; stepIndex: number }>();

  const noteQueued = (events: { event: HallEvent | { type: string } }[]) => {
    for (const { event } of events) {
      if (event.type === 'ticket-queued') {
        const e = event as Extract<HallEvent, { type: 'ticket-queued' }>;
        const prior = queuedAt.get(e.ticketId);
        if (prior)
          queuedAt.set(e.ticketId, { at: e.at, serviceCode: prior.serviceCode, stepIndex: e.stepIndex });
      }
    }
  };

  const tryCall = async (clerk: Clerk) => {
    if (clerk.busy) return;
    const now = clock.now();
    const called = await request(clerk.socket, 'ticket:call-next', { counter: clerk.counter });
    if (!called.ok) return;
    const event = called.data.events.find((e) => e.event.type === 'ticket-called')?.event as
      Extract<HallEvent, { type: 'ticket-called' }> | undefined;
    if (!event) return;
    clerk.busy = true;
    markBusy(clerk.counter);
    figures.lastCallAt = now;
    const queued = queuedAt.get(event.ticketId);
    if (queued) {
      const wait = now - queued.at;
      const step = config.stepOf(queued.serviceCode, queued.stepIndex);
      figures.stepWaits++;
      if (step && wait > step.targetWaitMinutes * MINUTE) figures.missedTarget++;
      if (queued.stepIndex === 0) {
        figures.served++;
        const list = figures.waitsByService.get(queued.serviceCode) ?? [];
        list.push(wait);
        figures.waitsByService.set(queued.serviceCode, list);
      }
    }
    const ticket = hall.state.tickets.get(event.ticketId);
    const step = ticket ? config.stepOf(ticket.serviceCode, ticket.stepIndex) : undefined;
    if (random() < 0.03) {
      // Nobody comes: a recall after a minute, then a no-show.
      schedule(now + MINUTE, async () => {
        await request(clerk.socket, 'ticket:recall', { counter: clerk.counter });
        const gone = await request(clerk.socket, 'ticket:no-show', { counter: clerk.counter });
        if (gone.ok) noteQueued(gone.data.events);
        clerk.busy = false;
        markFree(clerk.counter);
        await tryCall(clerk);
      });
      return;
    }
    const serviceMs = drawServiceMs(random, step?.serviceMinutes ?? 10);
    schedule(now + 0.5 * MINUTE, async () => {
      await request(clerk.socket, 'ticket:start-serving', { counter: clerk.counter });
      schedule(clock.now() + serviceMs, async () => {
        const done = await request(clerk.socket, 'step:complete', { counter: clerk.counter });
        if (done.ok) noteQueued(done.data.events);
        clerk.busy = false;
        markFree(clerk.counter);
        await wakeAll();
      });
    });
  };
  const wakeAll = async () => {
    for (const clerk of clerks) if (!clerk.busy) await tryCall(clerk);
  };

  const visitors = makeVisitors(config, options);
  visitors.forEach((visitor, i) =>
    schedule(visitor.arrival, async () => {
      const issued = await request(kiosk, 'ticket:issue', {
        serviceCode: visitor.serviceCode,
        priority: visitor.priority,
        greenReason: visitor.priority === 'green' ? 'elderly' : null,
        channel: visitor.priority === 'appointment' ? 'appointment' : 'kiosk',
        idempotencyKey: `visitor-${options.seed}-${i}`,
      });
      if (!issued.ok) {
        figures.refused[issued.error] = (figures.refused[issued.error] ?? 0) + 1;
        return;
      }
      figures.issued++;
      queuedAt.set(issued.data.ticketId, { at: clock.now(), serviceCode: visitor.serviceCode, stepIndex: 0 });
      await wakeAll();
    }),
  );

  // The hall closes its day at 18:00: whoever is still waiting then was not served today.
  schedule(at(18, 0), async () => {
    await request(supervisor, 'day:close', {});
    jobs.length = 0;
  });

  while (jobs.length > 0) {
    const job = jobs.shift()!;
    clock.set(Math.max(job.at, clock.now()));
    await job.run();
  }

  for (const socket of [supervisor, kiosk, ...clerks.map((c) => c.socket)]) socket.close();
  await server.close();
  return figures;
}

/** Step times scatter around 70 % of the limit (lognormal), most within it, a few over. */
function drawServiceMs(random: () => number, limitMinutes: number): number {
  const u = Math.max(1e-9, random());
  const v = random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.min(3, Math.max(0.15, 0.7 * Math.exp(0.35 * normal))) * limitMinutes * MINUTE;
}

export function printDay(policy: DayFigures, fifo: DayFigures, config: CompiledHallConfig): void {
  const minutes = (ms: number) => (ms / MINUTE).toFixed(1);
  console.log(
    `visitors issued: ${policy.issued} (policy) / ${fifo.issued} (fifo); refused: ${JSON.stringify(policy.refused)}`,
  );
  console.log(
    `called by closing time (18:00): ${policy.served} (policy) / ${fifo.served} (fifo); still waiting at closing: ${policy.issued - policy.served} / ${fifo.issued - fifo.served}`,
  );
  console.log('\nFirst-step wait per service, minutes: median / p90 / max   [policy | fifo]');
  for (const service of config.config.services) {
    const a = [...(policy.waitsByService.get(service.code) ?? [])].sort((x, y) => x - y);
    const b = [...(fifo.waitsByService.get(service.code) ?? [])].sort((x, y) => x - y);
    if (a.length === 0 && b.length === 0) continue;
    const cell = (w: number[]) =>
      w.length
        ? `${minutes(percentile(w, 50))} / ${minutes(percentile(w, 90))} / ${minutes(w.at(-1)!)}`
        : '-';
    console.log(
      `  ${service.prefix.padEnd(3)} ${service.name.zh.padEnd(16, '　')} n=${String(a.length).padStart(3)}  ${cell(a).padEnd(22)} | ${cell(b)}`,
    );
  }
  const all = (f: DayFigures) => [...f.waitsByService.values()].flat().sort((x, y) => x - y);
  const [pa, fa] = [all(policy), all(fifo)];
  console.log(
    `\nall first steps: median ${minutes(percentile(pa, 50))} | ${minutes(percentile(fa, 50))} min, p90 ${minutes(percentile(pa, 90))} | ${minutes(percentile(fa, 90))} min, max ${minutes(pa.at(-1) ?? 0)} | ${minutes(fa.at(-1) ?? 0)} min`,
  );
  console.log(
    `steps that missed their target wait: ${policy.missedTarget} of ${policy.stepWaits} (${((100 * policy.missedTarget) / policy.stepWaits).toFixed(1)} %) | ${fifo.missedTarget} of ${fifo.stepWaits} (${((100 * fifo.missedTarget) / fifo.stepWaits).toFixed(1)} %)`,
  );
  const busy = (f: DayFigures) =>
    config.config.counters.map((c) => Math.round(((f.busyMinutes.get(c.number) ?? 0) / (9.5 * 60)) * 100));
  console.log(`\ncounter busy share of 08:30–18:00, % [policy]: ${busy(policy).join(' ')}`);
  console.log(`counter busy share of 08:30–18:00, % [fifo]:   ${busy(fifo).join(' ')}`);
  console.log('\nserver round trip per request (ms, wall clock, loopback): p50 / p95 / p99   [policy run]');
  for (const [name, samples] of policy.latencyMs) {
    const sorted = [...samples].sort((x, y) => x - y);
    console.log(
      `  ${name.padEnd(22)} n=${String(sorted.length).padStart(5)}  ${percentile(sorted, 50).toFixed(2)} / ${percentile(sorted, 95).toFixed(2)} / ${percentile(sorted, 99).toFixed(2)}`,
    );
  }
  void median;
}
