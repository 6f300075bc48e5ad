import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBrowser, SCREENSHOT_DIR, type BrowserSession } from './support/browser';
import { startTestHall, type TestHall } from './support/start-hall';
import {
  configSayingOnce,
  followAnnouncements,
  hallDriver,
  neverOverlapped,
  startedCalls,
  waitFor,
} from './display-support';

let hall: TestHall | null = null;
let browser: BrowserSession | null = null;

afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

describe('wall display across a reload and a server restart', () => {
  it('announces every call once: none missed, none repeated', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'yizhan-resync-'));
    const configPath = configSayingOnce(dir);
    const dbPath = join(dir, 'hall.db');
    hall = await startTestHall({ configPath, dbPath });
    const port = Number(new URL(hall.url).port);
    let driver = hallDriver(hall);
    for (let counter = 1; counter <= 6; counter++) driver.openCounter(counter);
    for (const service of driver.services()) driver.issue(service);

    browser = await openBrowser({ width: 1920, height: 1080 });
    const { page } = browser;
    const log = followAnnouncements(page);
    const key = hall.addDevice('display');
    await page.goto(`${hall.url}/display/wall?key=${key}`);
    await page.getByTestId('stale').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('counter-6-call').waitFor();
    await page.waitForFunction(() => Array.isArray(window.__yizhanAnnouncements));

    const made: { seq: number; callNumber: string }[] = [];
    const call = (counter: number) => {
      const c = driver.callNext(counter);
      if (!c) throw new Error(`counter ${counter} had nothing to call`);
      made.push(c);
    };

    // Three calls; reload while the first is being said and two wait their turn.
    call(1);
    call(2);
    call(3);
    await waitFor(() => log.some((e) => e.state === 'started'), 10_000, 'the first announcement');
    await page.reload();
    await page
      .getByTestId('counter-3-call')
      .filter({ hasText: made[2]?.callNumber ?? '?' })
      .waitFor();

    // Restart the server mid-flow: one call just before it goes, two on the new one while the display is away.
    await waitFor(
      () => log.filter((e) => e.state === 'started').length >= 2,
      20_000,
      'announcements after the reload',
    );
    call(4);
    const clockNow = hall.clock.now();
    await hall.close();
    // Five seconds without the server: the wall says its data may be out of date.
    const wentAway = Date.now();
    await page.getByTestId('stale').waitFor({ timeout: 10_000 });
    expect(Date.now() - wentAway).toBeGreaterThanOrEqual(4_500);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'display-wall-stale.png') });
    hall = await startTestHall({ configPath, dbPath, port, openDay: false, clockStart: clockNow });
    driver = hallDriver(hall);
    call(5);
    call(6);

    await page
      .getByTestId('counter-6-call')
      .filter({ hasText: made[5]?.callNumber ?? '?' })
      .waitFor({ timeout: 20_000 });
    const last = made[5]?.seq;
    await waitFor(
      () => log.some((e) => e.state === 'finished' && e.seq === last),
      60_000,
      `the sixth announcement; heard ${JSON.stringify(startedCalls(log))}`,
    );
    // A moment more: anything said twice would show up now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const said = startedCalls(log);
    // The announcement cut short by the reload is not said again; everything else exactly once, in order.
    expect(said.map(([seq]) => seq)).toEqual(made.map((c) => c.seq));
    expect(said.map(([, callNumber]) => callNumber)).toEqual(made.map((c) => c.callNumber));
    expect(neverOverlapped(log.filter((e) => e.seq !== made[0]?.seq))).toBe(true);
  });
});
