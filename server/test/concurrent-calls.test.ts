import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHallConfigYaml, type CommandReceipt, type CompiledHallConfig } from '@yizhan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  login,
  must,
  okData,
  provisionCast,
  request,
  SocketPool,
  startTestServer,
  tapKey,
  type HallSocket,
  type TestServer,
} from './support/hall-clients';
import { DEFAULT_CONFIG_PATH, tempDir } from './support/test-hall-server';

/**
 * Two counters serving the same skill press "call next" at the same instant,
 * a thousand times: they never get the same ticket, and no ticket is ever
 * called twice.
 */

const ROUNDS = 1000;
const CALLS = 2 * ROUNDS;
/** Kiosk connections for issuing: the flood guard lets each send 200 requests at once. */
const KIOSK_SOCKETS = 12;

/** The default hall with every daily cap raised so one skill can take 2000 tickets. */
function roomyConfigPath(): string {
  const yaml = readFileSync(DEFAULT_CONFIG_PATH, 'utf8').replace(/^(\s+dailyCap:) \d+/gm, '$1 2000');
  const parsed = parseHallConfigYaml(yaml);
  if (!parsed.ok) throw new Error('the raised-caps configuration is invalid');
  const path = join(tempDir(), 'hall-roomy.yaml');
  writeFileSync(path, yaml);
  return path;
}

/** A skill two counters serve first (tier 0), with the single-step, on-site services that need it. */
function contestedSkill(config: CompiledHallConfig) {
  for (const skill of config.skills) {
    const counters = [...config.counters].filter(([, c]) => c.tierOf.get(skill) === 0).map(([n]) => n);
    const services = config.config.services
      .filter((s) => s.route.length === 1 && s.forwardTo === undefined && s.route[0]!.skill === skill)
      .map((s) => ({ code: s.code, cap: s.dailyCap }));
    const room = services.reduce((sum, s) => sum + s.cap, 0);
    if (counters.length >= 2 && room >= CALLS) return { skill, counters: counters.slice(0, 2), services };
  }
  throw new Error('no skill served first by two counters with room for the tickets');
}

let test: TestServer;
const pool = new SocketPool();

beforeAll(async () => {
  test = await startTestServer({ configPath: roomyConfigPath() });
});

afterAll(async () => {
  pool.closeAll();
  await test?.server.close();
});

function calledTicket(receipt: CommandReceipt): string {
  const call = receipt.events.find((e) => e.event.type === 'ticket-called');
  if (call?.event.type !== 'ticket-called') throw new Error('no ticket-called event in the receipt');
  return call.event.ticketId;
}

describe('two counters calling at the same instant', () => {
  it(`never hand out the same ticket twice in ${ROUNDS} simultaneous rounds`, async () => {
    const { url, server } = test;
    const contest = contestedSkill(test.config);
    const [a, b] = contest.counters as [number, number];
    const cast = await provisionCast(server.context.accounts, server.context.devices, { clerks: 2 });
    const [supervisor, clerkA, clerkB] = await Promise.all(
      [cast.supervisor, ...cast.clerks].map(async (who) =>
        pool.connect(url, { token: await login(url, who) }),
      ),
    );
    await must(supervisor!, 'day:open', {});
    const clerks: [HallSocket, number][] = [
      [clerkA!, a],
      [clerkB!, b],
    ];
    for (const [clerk, counter] of clerks) {
      await must(clerk, 'clerk:login', { counter });
      await must(clerk, 'counter:open', { counter });
    }

    // --- 2000 tickets for the contested skill, spread over its services
    const kiosks = await Promise.all(
      Array.from({ length: KIOSK_SOCKETS }, () => pool.connect(url, { deviceKey: cast.kioskKeys[0]! })),
    );
    const perService = Math.ceil(CALLS / contest.services.length);
    const issued = await Promise.all(
      Array.from({ length: CALLS }, (_, i) =>
        request(kiosks[i % KIOSK_SOCKETS]!, 'ticket:issue', {
          serviceCode: contest.services[Math.floor(i / perService)]!.code,
          priority: 'normal',
          channel: 'kiosk',
          idempotencyKey: tapKey('contest'),
        }),
      ),
    );
    const ticketIds = new Set(issued.map((ack) => okData(ack, 'ticket:issue').ticketId));
    expect(ticketIds.size).toBe(CALLS);

    // --- the rounds: both counters call at once, then serve and complete what they got
    const called = new Set<string>();
    const started = performance.now();
    for (let round = 0; round < ROUNDS; round++) {
      // The flood guard refills a connection at 20 requests a second; a clerk makes 3 a round.
      test.clock.shift(200);
      const [first, second] = await Promise.all(
        clerks.map(([clerk, counter]) => request(clerk, 'ticket:call-next', { counter })),
      );
      const ids = [calledTicket(okData(first!, 'call a')), calledTicket(okData(second!, 'call b'))];
      if (ids[0] === ids[1] || called.has(ids[0]!) || called.has(ids[1]!)) {
        throw new Error(`round ${round}: ${ids.join(' and ')} (${called.size} called before)`);
      }
      for (const id of ids) called.add(id);
      await Promise.all(clerks.map(([clerk, counter]) => must(clerk, 'ticket:start-serving', { counter })));
      const done = await Promise.all(
        clerks.map(([clerk, counter]) => must(clerk, 'step:complete', { counter })),
      );
      for (const receipt of done) {
        expect(receipt.events.map((e) => e.event.type)).toEqual(['step-completed', 'case-completed']);
      }
    }
    const elapsed = performance.now() - started;

    expect(called.size).toBe(CALLS);
    expect([...called].every((id) => ticketIds.has(id))).toBe(true);
    for (const [clerk, counter] of clerks) {
      expect(await request(clerk, 'ticket:call-next', { counter })).toMatchObject({
        ok: false,
        error: 'queue-empty',
      });
    }
    const state = server.context.hall.state;
    for (const id of ticketIds) expect(state.tickets.get(id)?.endReason).toBe('completed');
    expect(state.counters.get(a)?.servedToday).toBe(ROUNDS);
    expect(state.counters.get(b)?.servedToday).toBe(ROUNDS);
    // Every call in the log names a different ticket.
    const logged = server.db
      .prepare("SELECT json_extract(body, '$.ticketId') AS id FROM events WHERE type = 'ticket-called'")
      .all() as { id: string }[];
    expect(logged.length).toBe(CALLS);
    expect(new Set(logged.map((r) => r.id)).size).toBe(CALLS);
    expect(elapsed).toBeLessThan(60_000);
  });
});
