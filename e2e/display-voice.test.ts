import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './support/browser';
import { startTestHall, type TestHall } from './support/start-hall';
import {
  configSayingOnce,
  followAnnouncements,
  hallDriver,
  neverOverlapped,
  startedCalls,
  waitFor,
  type LoggedAnnouncement,
} from './display-support';

let hall: TestHall;
let browser: BrowserSession;
let log: LoggedAnnouncement[];

beforeAll(async () => {
  hall = await startTestHall({ configPath: configSayingOnce(mkdtempSync(join(tmpdir(), 'yizhan-voice-'))) });
  const driver = hallDriver(hall);
  for (let counter = 1; counter <= 5; counter++) driver.openCounter(counter);
  for (const service of driver.services()) driver.issue(service);
  browser = await openBrowser({ width: 1920, height: 1080 });
  log = followAnnouncements(browser.page);
  await browser.page.goto(`${hall.url}/display/wall?key=${hall.addDevice('display')}`);
  await browser.page.getByTestId('counter-5-call').waitFor();
  await browser.page.waitForFunction(() => Array.isArray(window.__yizhanAnnouncements));
});

afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

describe('wall display voice', () => {
  it('shows and announces five calls made within one second, in order, then a recall', async () => {
    const driver = hallDriver(hall);
    const started = Date.now();
    const calls = [1, 2, 3, 4, 5].map((counter) => driver.callNext(counter));
    expect(Date.now() - started).toBeLessThan(1000);
    const made = calls.map((c) => {
      if (!c) throw new Error('a counter had nothing to call');
      return c;
    });

    const { page } = browser;
    for (const [i, call] of made.entries()) {
      await page
        .getByTestId(`counter-${i + 1}-call`)
        .filter({ hasText: call.callNumber })
        .waitFor();
    }
    expect(await page.getByTestId('newest-call').textContent()).toContain(made[4]?.callNumber);
    const latest = await page.getByTestId('latest-calls').textContent();
    for (const call of made.slice(0, 4)) expect(latest).toContain(call.callNumber);

    await waitFor(() => log.filter((e) => e.state === 'finished').length >= 5, 60_000, 'five announcements');
    expect(startedCalls(log)).toEqual(made.map((c) => [c.seq, c.callNumber, false]));

    const recall = driver.submit({ type: 'ticket:recall', counter: 2 });
    await waitFor(() => log.filter((e) => e.state === 'finished').length >= 6, 20_000, 'the recall');
    expect(startedCalls(log)).toEqual([
      ...made.map((c): [number, string, boolean] => [c.seq, c.callNumber, false]),
      [recall[0]?.seq ?? -1, made[1]?.callNumber ?? '', true],
    ]);
    expect(neverOverlapped(log)).toBe(true);
    // The page's own hook saw the same thing the console did.
    const hook = await page.evaluate(
      () => window.__yizhanAnnouncements?.filter((e) => e.state === 'started').length,
    );
    expect(hook).toBe(6);
  });
});
