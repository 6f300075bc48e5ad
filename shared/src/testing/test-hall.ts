import { compileHallConfig, type CompiledHallConfig } from '../config/compile-hall-config';
import { validateHallConfig } from '../config/parse-hall-config';
import type { HallConfig } from '../config/hall-config-schema';
import { applyEvent } from '../hall/apply-event';
import type { HallCommand } from '../hall/commands';
import { decide } from '../hall/decide';
import type { Decision } from '../hall/decision';
import type { HallEvent } from '../hall/events';
import { createHallState } from '../hall/state';
import type { HallState } from '../hall/types';

/**
 * A small hall for engine tests: 4 counters, one-step, joint-handling and
 * forwarded services, open every day 08:00–18:00 Shanghai time.
 */

const name = (zh: string, en: string) => ({ zh, en });
const allDay = [{ from: '08:00', to: '18:00' }];

export const TEST_HALL_INPUT = {
  version: 1,
  hall: { code: '370000', name: name('测试大厅', 'Test hall'), timezone: 'Asia/Shanghai' },
  openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
  ticketing: { cutoffMinutes: 30 },
  calendar: { holidays: ['2026-12-25'], workdays: [] },
  skills: [
    { code: 'intake', name: name('受理', 'Intake') },
    { code: 'review', name: name('审核', 'Review') },
    { code: 'issue', name: name('发证', 'Issuing') },
    { code: 'wages', name: name('工资', 'Wages') },
  ],
  departments: [{ code: 'titles-office', name: name('专业技术人员管理处', 'Titles office') }],
  categories: [{ code: 'general', name: name('综合', 'General') }],
  services: [
    {
      code: 'simple',
      name: name('简单事项', 'Simple item'),
      category: 'general',
      prefix: 'A',
      dailyCap: 500,
      materials: [name('身份证', 'ID card')],
      route: [{ skill: 'intake', name: name('受理', 'Intake'), targetWaitMinutes: 20, serviceMinutes: 10 }],
      promisedWorkingDays: 3,
    },
    {
      code: 'joint',
      name: name('联办事项', 'Joint item'),
      category: 'general',
      prefix: 'B',
      dailyCap: 500,
      route: [
        { skill: 'intake', name: name('受理', 'Intake'), targetWaitMinutes: 20, serviceMinutes: 10 },
        { skill: 'review', name: name('审核', 'Review'), targetWaitMinutes: 10, serviceMinutes: 15 },
        { skill: 'issue', name: name('发证', 'Issue'), targetWaitMinutes: 10, serviceMinutes: 5 },
      ],
      promisedWorkingDays: 5,
    },
    {
      code: 'titles',
      name: name('职称评审', 'Title review'),
      category: 'general',
      prefix: 'C',
      dailyCap: 2,
      route: [{ skill: 'intake', name: name('受理', 'Intake'), targetWaitMinutes: 20, serviceMinutes: 10 }],
      promisedWorkingDays: 5,
      forwardTo: 'titles-office',
      appointments: false,
    },
    {
      code: 'wages',
      name: name('工资审批', 'Wage approval'),
      category: 'general',
      prefix: 'D',
      dailyCap: 500,
      route: [{ skill: 'wages', name: name('受理', 'Intake'), targetWaitMinutes: 30, serviceMinutes: 10 }],
      promisedWorkingDays: 10,
    },
  ],
  counters: [
    { number: 1, name: name('1号窗口', 'Counter 1'), skills: [['intake'], ['wages']] },
    { number: 2, name: name('2号窗口', 'Counter 2'), skills: [['review'], ['intake']] },
    { number: 3, name: name('3号窗口', 'Counter 3'), skills: [['issue', 'review']] },
    { number: 4, name: name('4号窗口', 'Counter 4'), skills: [['wages'], ['intake', 'issue']] },
  ],
  priority: { greenChannelReasons: [{ code: 'elderly', name: name('老年人', 'Elderly') }] },
  pauseReasons: [{ code: 'break', name: name('短暂离开', 'Break') }],
  routing: { ratio: { priority: 1, normal: 2 }, agingMinutes: 60, pressure: true },
  limits: { recalls: 2, noShowRequeues: 1 },
};

export function testHallConfig(
  patch: (input: typeof TEST_HALL_INPUT) => void = () => {},
): CompiledHallConfig {
  const input = structuredClone(TEST_HALL_INPUT);
  patch(input);
  const result = validateHallConfig(input);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return compileHallConfig(result.config satisfies HallConfig);
}

/** 2026-11-27 (a Friday) 09:00 in Shanghai. */
export const NINE_AM = Date.UTC(2026, 10, 27, 1, 0, 0);
export const MINUTE = 60_000;

/**
 * Runs commands against an engine like the server does (decide, then apply)
 * and keeps every event, so tests can fold the log again and compare.
 */
export class HallHarness {
  readonly log: HallEvent[] = [];
  now = NINE_AM;
  private codeCounter = 0;

  constructor(
    readonly hall: CompiledHallConfig = testHallConfig(),
    readonly state: HallState = createHallState(),
  ) {}

  run(command: HallCommand): Decision {
    const decision = decide({ state: this.state, hall: this.hall, now: this.now }, command);
    if (decision.ok) {
      for (const event of decision.events) {
        applyEvent(this.state, event);
        this.log.push(event);
      }
    }
    return decision;
  }

  /** Runs a command that must succeed; returns its events. */
  ok(command: HallCommand): HallEvent[] {
    const decision = this.run(command);
    if (!decision.ok) throw new Error(`${command.type} refused: ${decision.error}`);
    return decision.events;
  }

  /** Runs a command that must be refused; returns the error code. */
  refused(command: HallCommand): string {
    const decision = this.run(command);
    if (decision.ok) throw new Error(`${command.type} was accepted: ${JSON.stringify(decision.events)}`);
    return decision.error;
  }

  advance(minutes: number): void {
    this.now += minutes * MINUTE;
  }

  openHall(counters: number[] = [1, 2, 3, 4]): void {
    this.ok({ type: 'day:open' });
    for (const counter of counters) {
      this.ok({ type: 'clerk:login', counter, clerk: { id: `clerk-${counter}`, name: `Clerk ${counter}` } });
      this.ok({ type: 'counter:open', counter });
    }
  }

  issue(serviceCode: string, options: Partial<Extract<HallCommand, { type: 'ticket:issue' }>> = {}): string {
    const key = options.idempotencyKey ?? `key-${++this.codeCounter}-${serviceCode}`;
    this.ok({
      type: 'ticket:issue',
      serviceCode,
      priority: 'normal',
      greenReason: null,
      channel: 'kiosk',
      verificationCode: String(100000 + this.codeCounter),
      ...options,
      idempotencyKey: key,
    });
    const id = this.state.idempotency.get(key);
    if (!id) throw new Error('issued ticket not found by its idempotency key');
    return id;
  }

  callNext(counter: number): string {
    const [event] = this.ok({ type: 'ticket:call-next', counter });
    if (event?.type !== 'ticket-called') throw new Error('call-next did not call');
    return event.ticketId;
  }

  /** Call next, serve, complete: one whole step at a counter. */
  serveNext(counter: number): string {
    const id = this.callNext(counter);
    this.ok({ type: 'ticket:start-serving', counter });
    this.ok({ type: 'step:complete', counter });
    return id;
  }

  ticket(id: string) {
    const ticket = this.state.tickets.get(id);
    if (!ticket) throw new Error(`no ticket ${id}`);
    return ticket;
  }

  caseOf(ticketId: string) {
    const kase = this.state.cases.get(this.ticket(ticketId).serviceNumber);
    if (!kase) throw new Error(`no case for ${ticketId}`);
    return kase;
  }
}
