import { compileHallConfig, ERROR_TEXT, type Ack } from '@yizhan/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { comparable, expectGapFree, fileCounts, hallFromFile } from './drill-support';
import {
  countersFor,
  login,
  must,
  provisionCast,
  request,
  singleStepServices,
  SocketPool,
  startTestServer,
  tapKey,
  type HallSocket,
  type TestServer,
} from './support/hall-clients';
import { defaultHallConfig } from './support/test-hall-server';

/**
 * Fault drill: the database stops taking writes while the hall is open —
 * read-only (`query_only`) and disk full (`max_page_count` pinned at the
 * file's size), both on the server's own connection, since the tests run as
 * root and file modes would not stop root. A kiosk's tap and a clerk's call
 * get `storage-unavailable`, nothing is half-written (the file and memory
 * agree, row counts and seqs unchanged), and once writable again the same
 * requests go through, seqs stay gap-free, and retrying the failed tap with
 * its key gives exactly one ticket.
 */

const CONFIG = compileHallConfig(defaultHallConfig());
const pool = new SocketPool();
const servers: TestServer[] = [];

afterEach(async () => {
  pool.closeAll();
  for (const test of servers.splice(0)) await test.server.close();
});

async function openHall() {
  const test = await startTestServer();
  servers.push(test);
  const cast = await provisionCast(test.server.context.accounts, test.server.context.devices, { clerks: 1 });
  const [supervisorToken, clerkToken] = await Promise.all([
    login(test.url, cast.supervisor),
    login(test.url, cast.clerks[0]!),
  ]);
  const supervisor = await pool.connect(test.url, { token: supervisorToken });
  const clerk = await pool.connect(test.url, { token: clerkToken });
  const kiosk = await pool.connect(test.url, { deviceKey: cast.kioskKeys[0]! });
  await must(supervisor, 'day:open', {});
  const counter = [...CONFIG.counters.keys()].sort((a, b) => a - b)[0]!;
  await must(clerk, 'clerk:login', { counter });
  await must(clerk, 'counter:open', { counter });
  const services = singleStepServices(CONFIG, counter, 'on-site');
  expect(services.length).toBeGreaterThan(0);
  expect(countersFor(CONFIG, CONFIG.services.get(services[0]!)!.route[0]!.skill)).toContain(counter);
  return { test, kiosk, clerk, counter, serviceCode: services[0]! };
}

const issue = (kiosk: HallSocket, serviceCode: string, idempotencyKey: string) =>
  request(kiosk, 'ticket:issue', { serviceCode, priority: 'normal', channel: 'kiosk', idempotencyKey });

function expectStorageError(ack: Ack<unknown>) {
  expect(ack.ok).toBe(false);
  if (ack.ok) return;
  expect(ack.error).toBe('storage-unavailable');
  // The words the kiosk and the clerk show for it, in both languages.
  expect(ERROR_TEXT['storage-unavailable'].zh).toMatch(/无法保存/);
  expect(ERROR_TEXT['storage-unavailable'].en).toMatch(/nothing was changed/);
}

/** Memory equals the file, the file's counts equal `before`, seqs 1..n. */
function expectUntouched(test: TestServer, before: ReturnType<typeof fileCounts>) {
  const after = fileCounts(test.dbPath);
  expect(after).toEqual(before);
  expect(test.server.context.hall.seq()).toBe(before.lastSeq);
  expect(comparable(test.server.context.hall.state)).toEqual(hallFromFile(test.dbPath));
}

describe('drill: the database becomes unwritable', () => {
  it('read-only: clear error, nothing half-written, recovery with one ticket per tap', async () => {
    const { test, kiosk, clerk, counter, serviceCode } = await openHall();
    // One ticket waiting, so the clerk has something to call.
    await must(kiosk, 'ticket:issue', {
      serviceCode,
      priority: 'normal',
      channel: 'kiosk',
      idempotencyKey: tapKey('before'),
    });
    const before = fileCounts(test.dbPath);
    expect(expectGapFree(before.seqs)).toBe(true);

    test.server.db.pragma('query_only = ON');
    const failedKey = tapKey('failed');
    expectStorageError(await issue(kiosk, serviceCode, failedKey));
    expectStorageError(await request(clerk, 'ticket:call-next', { counter }));
    expectUntouched(test, before);

    test.server.db.pragma('query_only = OFF');
    const retried = await issue(kiosk, serviceCode, failedKey);
    const again = await issue(kiosk, serviceCode, failedKey);
    expect(retried.ok && again.ok).toBe(true);
    if (!retried.ok || !again.ok) return;
    expect(again.data.ticketId).toBe(retried.data.ticketId);
    const called = await request(clerk, 'ticket:call-next', { counter });
    expect(called.ok).toBe(true);

    const after = fileCounts(test.dbPath);
    expect(after.tickets).toBe(before.tickets + 1);
    expect(expectGapFree(after.seqs)).toBe(true);
    expect(after.lastSeq).toBeGreaterThan(before.lastSeq);
    expect(comparable(test.server.context.hall.state)).toEqual(hallFromFile(test.dbPath));
  });

  it('disk full: clear error, nothing half-written, recovery with one ticket per tap', async () => {
    const { test, kiosk, clerk, counter, serviceCode } = await openHall();
    await must(kiosk, 'ticket:issue', {
      serviceCode,
      priority: 'normal',
      channel: 'kiosk',
      idempotencyKey: tapKey('before'),
    });
    const db = test.server.db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const normalMax = db.pragma('max_page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    expect(db.pragma('max_page_count', { simple: true })).toBe(pages);

    // Free room in the last pages still takes a few taps; the disk is full at the first refusal.
    let failedKey: string | null = null;
    let before = fileCounts(test.dbPath);
    for (let i = 0; i < 300 && failedKey === null; i++) {
      before = fileCounts(test.dbPath);
      const key = tapKey('full');
      const ack = await issue(kiosk, serviceCode, key);
      if (!ack.ok) {
        expectStorageError(ack);
        failedKey = key;
      }
    }
    expect(failedKey, 'the file never filled up').not.toBeNull();
    expectUntouched(test, before);
    // A call writes less than a ticket: the clerk works on until the file has no room for that either.
    const steps = ['ticket:call-next', 'ticket:start-serving', 'step:complete'] as const;
    let refusedStep: (typeof steps)[number] | null = null;
    for (let i = 0; i < 300 && refusedStep === null; i++) {
      before = fileCounts(test.dbPath);
      const ack = await request(clerk, steps[i % 3]!, { counter });
      if (!ack.ok) {
        expectStorageError(ack);
        refusedStep = steps[i % 3]!;
      }
    }
    expect(refusedStep, 'the clerk was never refused').not.toBeNull();
    expectUntouched(test, before);

    db.pragma(`max_page_count = ${normalMax}`);
    const retried = await issue(kiosk, serviceCode, failedKey!);
    const again = await issue(kiosk, serviceCode, failedKey!);
    expect(retried.ok && again.ok).toBe(true);
    if (!retried.ok || !again.ok) return;
    expect(again.data.ticketId).toBe(retried.data.ticketId);
    // The clerk's refused step goes through now.
    expect((await request(clerk, refusedStep!, { counter })).ok).toBe(true);

    const after = fileCounts(test.dbPath);
    expect(after.tickets).toBe(before.tickets + 1);
    expect(expectGapFree(after.seqs)).toBe(true);
    expect(comparable(test.server.context.hall.state)).toEqual(hallFromFile(test.dbPath));
  });
});
