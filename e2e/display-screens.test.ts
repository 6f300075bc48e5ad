import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, SCREENSHOT_DIR } from './support/browser';
import { startTestHall, type TestHall } from './support/start-hall';
import { hallDriver } from './display-support';

let hall: TestHall;
let driver: ReturnType<typeof hallDriver>;
let key: string;
const called = new Map<number, string>();

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  hall = await startTestHall();
  driver = hallDriver(hall);
  key = hall.addDevice('display', 'wall 1');
  for (let counter = 1; counter <= 22; counter++) driver.openCounter(counter);
  for (const service of driver.services()) {
    driver.issue(service);
    driver.issue(service);
  }
  for (let counter = 1; counter <= 22; counter++) {
    const call = driver.callNext(counter);
    if (call) called.set(counter, call.callNumber);
  }
});

afterAll(async () => {
  await hall?.close();
});

describe('display screens', () => {
  it('shows all 22 busy counters on the 1920×1080 wall without scrolling', async () => {
    expect(called.size).toBe(22);
    const browser = await openBrowser({ width: 1920, height: 1080 });
    try {
      const { page } = browser;
      await page.goto(`${hall.url}/display/wall?key=${key}&voice=0`);
      await page
        .getByTestId('counter-22-call')
        .filter({ hasText: called.get(22) ?? '?' })
        .waitFor();
      for (const [counter, callNumber] of called) {
        expect(await page.getByTestId(`counter-${counter}-call`).textContent()).toBe(callNumber);
      }
      const newest = await page.getByTestId('newest-call').textContent();
      expect(newest).toContain(called.get(22));
      const fits = await page.evaluate(() => {
        const last = document.querySelector('[data-counter="22"]')?.getBoundingClientRect();
        const doc = document.documentElement;
        return { bottom: last?.bottom ?? 9999, scroll: doc.scrollHeight, view: innerHeight };
      });
      expect(fits.bottom).toBeLessThanOrEqual(1080);
      expect(fits.scroll).toBeLessThanOrEqual(fits.view);
      // The hall's time comes from the server clock (Friday 09:00 Shanghai), not the PC's.
      expect(await page.getByTestId('clock').textContent()).toMatch(/^09:0\d:\d\d2026-11-27$/);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'display-wall.png') });

      // A new notice in the hall configuration reaches the running wall without a reload.
      await hall.addStaff('admin1', 'admin');
      const token = await hall.login('admin1');
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const current = (await (await fetch(`${hall.url}/api/config`, { headers: auth })).json()) as {
        yaml: string;
      };
      const yaml = current.yaml.replace(
        /^ {2}notices:\n/m,
        '  notices:\n    - zh: 今日下午三点起暂停办理社保业务。\n      en: No social insurance after 3 pm today.\n',
      );
      expect(yaml).not.toBe(current.yaml);
      const saved = await fetch(`${hall.url}/api/config`, {
        method: 'PUT',
        headers: auth,
        body: JSON.stringify({ yaml }),
      });
      expect(saved.status).toBe(200);
      await page.getByTestId('notices').filter({ hasText: '暂停办理社保业务' }).waitFor();
      await page.goto(`${hall.url}/display/wall?key=${key}&voice=0&lang=zh-en`);
      await page
        .getByTestId('counter-22-call')
        .filter({ hasText: called.get(22) ?? '?' })
        .waitFor();
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'display-wall-bilingual.png') });
    } finally {
      await browser.close();
    }
  });

  it('shows the counter-top display with its call, clerk and pause reason', async () => {
    const browser = await openBrowser({ width: 1280, height: 720 });
    try {
      const { page } = browser;
      await page.goto(`${hall.url}/display/counter/3?key=${key}`);
      await page
        .getByTestId('cs-call')
        .filter({ hasText: called.get(3) ?? '?' })
        .waitFor();
      expect(await page.getByTestId('cs-clerk').textContent()).toContain('王3');
      expect(await page.getByTestId('cs-status').textContent()).toBe('办理中');
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'display-counter.png') });

      driver.submit({ type: 'ticket:no-show', counter: 3 });
      driver.submit({ type: 'counter:pause', counter: 3, reason: 'break', note: null });
      await page.getByTestId('cs-status').filter({ hasText: '短暂离开' }).waitFor();
      expect(await page.getByTestId('cs-call').textContent()).toBe('—');
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'display-counter-paused.png') });
    } finally {
      await browser.close();
    }
  });

  it('shows the public board and a ticket page on a phone', async () => {
    const mine = driver.issue(driver.services()[0] ?? '');
    const browser = await openBrowser({ width: 390, height: 844, isMobile: true });
    try {
      const { page } = browser;
      await page.addInitScript(() => {
        const w = window as unknown as { __vibrations: unknown[] };
        w.__vibrations = [];
        navigator.vibrate = (pattern) => (w.__vibrations.push(pattern), true);
      });
      await page.goto(`${hall.url}/display/board`);
      await page
        .getByTestId('counter-22-call')
        .filter({ hasText: called.get(22) ?? '?' })
        .waitFor();
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'display-phone-board.png'), fullPage: true });

      const query = `t=${mine.ticketId}&sn=${mine.serviceNumber}&c=${mine.verificationCode}`;
      await page.goto(`${hall.url}/display/ticket?${query}`);
      await page.getByTestId('my-number').filter({ hasText: mine.callNumber }).waitFor();
      await page.getByTestId('my-ahead').waitFor();
      await page.getByTestId('track-stage').filter({ hasText: '排队等候' }).waitFor();
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'display-phone-ticket.png'), fullPage: true });

      // Call it: the page says so, and the phone vibrates.
      let calledAt: number | null = null;
      for (let counter = 1; counter <= 22 && calledAt === null; counter++) {
        if (counter === 3) continue;
        driver.submit({ type: 'ticket:no-show', counter });
        const result = hall.server.context.hall.submit(
          { type: 'ticket:call', counter, ticketId: mine.ticketId },
          'system:test',
        );
        if (result.ok) calledAt = counter;
      }
      expect(calledAt).not.toBeNull();
      await page
        .getByTestId('my-called')
        .filter({ hasText: String(calledAt) })
        .waitFor();
      // Its case, looked up again, is now at that counter.
      await page.getByTestId('track-stage').filter({ hasText: '窗口办理中' }).waitFor();
      const vibrations = await page.evaluate(
        () => (window as unknown as { __vibrations: unknown[] }).__vibrations.length,
      );
      expect(vibrations).toBe(1);
      await page.screenshot({
        path: join(SCREENSHOT_DIR, 'display-phone-ticket-called.png'),
        fullPage: true,
      });
    } finally {
      await browser.close();
    }
  });
});
