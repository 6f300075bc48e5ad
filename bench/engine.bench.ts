import { performance } from 'node:perf_hooks';
import {
  applyEvent,
  createHallState,
  execute,
  selectNext,
  type CompiledHallConfig,
  type HallState,
} from '@yizhan/shared';
import { benchHall, median, percentile } from './bench-hall';

const MINUTE = 60_000;
/** Visitors per simulated day in the cycle benchmark: three times a busy provincial hall (~3,000); BENCH_DAY_SIZE overrides. */
const DAY_SIZE = Number(process.env['BENCH_DAY_SIZE'] ?? 10_000);
/** A Friday morning in Shanghai; the bench hall is open around the clock. */
const START = Date.UTC(2026, 10, 27, 1, 0, 0);

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  target: string;
  met: boolean;
}

function openHall(state: HallState, hall: CompiledHallConfig, now: number): void {
  must(execute(state, hall, { type: 'day:open' }, now));
  for (const number of hall.counters.keys()) {
    must(
      execute(
        state,
        hall,
        { type: 'clerk:login', counter: number, clerk: { id: `c${number}`, name: 'Clerk' } },
        now,
      ),
    );
    must(execute(state, hall, { type: 'counter:open', counter: number }, now));
  }
}

function must(decision: ReturnType<typeof execute>): void {
  if (!decision.ok) throw new Error(`benchmark command refused: ${decision.error}`);
}

/**
 * selectNext over 100,000 waiting tickets (60 services, 22 counters, mixed
 * priority classes, some cases already in their second step): the time one
 * counter takes to decide who is next.
 */
export function benchSelectNext(): BenchFigure[] {
  const hall = benchHall(60);
  const state = createHallState();
  let now = START;
  openHall(state, hall, now);
  // A real hall's service numbers hold 99,999 cases a day, one short of this
  // load, so the queue is built by folding ticket-issued events directly:
  // the same state the engine would hold, just past the numbering limit.
  const services = [...hall.services.values()];
  const date = state.day?.date as string;
  const lastCall = new Map<string, number>();
  const waitingTarget = 100_000;
  for (let i = 0; i < waitingTarget; i++) {
    now += 50; // arrivals over ~80 minutes, so some are aged and pressures differ
    const service = services[i % services.length] as (typeof services)[number];
    const callSequence = (lastCall.get(service.prefix) ?? 0) + 1;
    lastCall.set(service.prefix, callSequence);
    const callNumber = service.prefix + String(callSequence).padStart(3, '0');
    const priority = i % 10 === 0 ? 'green' : i % 17 === 0 ? 'appointment' : 'normal';
    applyEvent(state, {
      type: 'ticket-issued',
      at: now,
      ticketId: `${date}/${callNumber}`,
      date,
      callNumber,
      callSequence,
      serviceCode: service.code,
      serviceNumber: `bench-${i}`,
      caseSequence: i + 1,
      verificationCode: '123456',
      priority,
      greenReason: priority === 'green' ? 'elderly' : null,
      channel: priority === 'appointment' ? 'appointment' : 'kiosk',
      idempotencyKey: `bench-${i}`,
      skill: service.route[0]?.skill as string,
      lane: priority === 'normal' ? 'normal' : 'priority',
      queueSeq: state.nextQueueSeq,
    });
  }
  const counters = [...hall.counters.keys()];
  const waiting = [...state.queues.values()].reduce((n, q) => n + q.waiting, 0);

  // Warm up, then time each call separately.
  for (let i = 0; i < 20_000; i++) selectNext(state, hall, counters[i % counters.length] as number, now);
  const samples: number[] = [];
  for (let i = 0; i < 50_000; i++) {
    const counter = counters[i % counters.length] as number;
    const t0 = performance.now();
    const selection = selectNext(state, hall, counter, now + i);
    const t1 = performance.now();
    if (!selection) throw new Error('nothing selected with 100k waiting');
    samples.push((t1 - t0) * 1000);
  }
  // And the whole call-next command (decide + apply) as the queue drains a little.
  const callSamples: number[] = [];
  for (let i = 0; i < 5_000; i++) {
    const counter = counters[i % counters.length] as number;
    now += 10;
    const t0 = performance.now();
    must(execute(state, hall, { type: 'ticket:call-next', counter }, now));
    const t1 = performance.now();
    callSamples.push((t1 - t0) * 1000);
    must(execute(state, hall, { type: 'ticket:start-serving', counter }, now));
    must(execute(state, hall, { type: 'step:complete', counter }, now));
  }
  samples.sort((a, b) => a - b);
  callSamples.sort((a, b) => a - b);
  console.log(
    `selectNext over ${waiting.toLocaleString('en')} waiting tickets, ${hall.services.size} services, ${counters.length} counters:`,
  );
  console.log(
    `  selectNext µs: p50 ${percentile(samples, 50).toFixed(2)}  p99 ${percentile(samples, 99).toFixed(2)}  max ${samples.at(-1)?.toFixed(1)}`,
  );
  console.log(
    `  call-next command (decide + apply) µs: p50 ${percentile(callSamples, 50).toFixed(2)}  p99 ${percentile(callSamples, 99).toFixed(2)}`,
  );
  const p99ms = percentile(samples, 99) / 1000;
  return [
    { name: 'selectNext p99 (100k waiting)', value: p99ms, unit: 'ms', target: '< 1 ms', met: p99ms < 1 },
  ];
}

/**
 * Whole engine cycles on one core: issue a ticket, call it, serve it,
 * complete it (one-step services). Five rounds; the median is reported.
 */
export function benchCycles(): BenchFigure[] {
  const hall = benchHall(60);
  const services = [...hall.services.entries()]
    .filter(([, s]) => s.route.length === 1 && !s.forwardTo)
    .map(([code]) => code);
  const counters = [...hall.counters.keys()];
  const rates: number[] = [];
  for (let round = 0; round < 5; round++) {
    const state = createHallState();
    let now = START + round * 7 * 24 * 60 * MINUTE;
    openHall(state, hall, now);
    const cycles = 200_000;
    let issuedToday = 0;
    const t0 = performance.now();
    for (let i = 0; i < cycles; i++) {
      now += 1;
      if (issuedToday === DAY_SIZE) {
        // A new day every DAY_SIZE visitors keeps the live state at a busy hall day's size.
        now += 24 * 60 * MINUTE;
        openHall(state, hall, now); // day:open closes yesterday first
        issuedToday = 0;
      }
      const serviceCode = services[i % services.length] as string;
      must(
        execute(
          state,
          hall,
          {
            type: 'ticket:issue',
            serviceCode,
            priority: 'normal',
            greenReason: null,
            channel: 'kiosk',
            idempotencyKey: `cycle-${round}-${i}`,
            verificationCode: '654321',
          },
          now,
        ),
      );
      issuedToday++;
      const skill = hall.services.get(serviceCode)?.route[0]?.skill as string;
      const counter = hall.countersBySkill.get(skill)?.[i % 2] ?? counters[0];
      const command = { counter: counter as number };
      must(execute(state, hall, { type: 'ticket:call-next', ...command }, now));
      must(execute(state, hall, { type: 'ticket:start-serving', ...command }, now));
      must(execute(state, hall, { type: 'step:complete', ...command }, now));
    }
    const seconds = (performance.now() - t0) / 1000;
    rates.push(cycles / seconds);
  }
  const rate = median(rates);
  console.log(
    `issue → call → serve → complete cycles per second (5 rounds of 200,000): median ${Math.round(rate).toLocaleString('en')}  (min ${Math.round(Math.min(...rates)).toLocaleString('en')}, max ${Math.round(Math.max(...rates)).toLocaleString('en')})`,
  );
  return [
    { name: 'engine cycles per second', value: rate, unit: '/s', target: '≥ 100,000', met: rate >= 100_000 },
  ];
}
