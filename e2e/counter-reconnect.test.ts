import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { issueTicket, openCounter } from '../bench/counter-harness';
import { openBrowser, SCREENSHOT_DIR, type BrowserSession } from './support/browser';
import { FRIDAY_NINE, startTestHall, type TestHall } from './support/start-hall';

/**
 * The server goes away under an open workstation: the clerk sees the banner;
 * when the server is back (same file, same port) the terminal reconnects,
 * catches up on what it missed, and the banner goes.
 */

let hall: TestHall | null = null;
let browser: BrowserSession | null = null;

afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

it('shows a lost connection, then resyncs by itself when the server is back', async () => {
  const first = await startTestHall();
  hall = first;
  await first.addStaff('clerk3', 'clerk', { name: '钱芳' });
  browser = await openBrowser();
  const { page } = browser;
  await openCounter(first, page, 'clerk3', 3);
  await expect.poll(() => page.getByTestId('connection-banner').count()).toBe(0);

  const port = Number(new URL(first.url).port);
  const dbPath = join(first.dir, 'hall.db');
  await first.close();
  hall = null;
  await page.getByTestId('connection-banner').waitFor();
  await expect
    .poll(() => page.getByTestId('connection-banner').textContent(), { timeout: 15_000 })
    .toContain('连接已断开');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'counter-connection-lost.png') });

  const second = await startTestHall({ dbPath, port, openDay: false, clockStart: FRIDAY_NINE + 60_000 });
  hall = second;
  // Issued while the terminal is still reconnecting: it must arrive by the catch-up.
  const ticket = issueTicket(second, 'exam-registration-review');
  await page.getByTestId('connection-banner').waitFor({ state: 'detached', timeout: 30_000 });
  await expect.poll(() => page.getByTestId('queue-exam').textContent()).toContain('1');
  await page.getByTestId('action-call-next').click();
  await page.getByTestId('current-call-number').filter({ hasText: ticket.callNumber }).waitFor();
});
