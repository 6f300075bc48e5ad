import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ERROR_TEXT } from '@yizhan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueTicket, openCounter, signIn } from '../bench/counter-harness';
import { openBrowser, SCREENSHOT_DIR, type BrowserSession } from './support/browser';
import { startTestHall, type TestHall } from './support/start-hall';

/**
 * Time limits under the server's (injected) clock: the clerk's timer turns
 * amber then red, and the supervisor's live view raises the overdue alert,
 * which a click acknowledges. Also the counter picker and the pause dialog.
 */

const MINUTE = 60_000;
let hall: TestHall;
const sessions: BrowserSession[] = [];
mkdirSync(SCREENSHOT_DIR, { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `counter-${name}.png`) });

beforeAll(async () => {
  hall = await startTestHall();
  await hall.addStaff('clerk5', 'clerk', { name: '周洁' });
  await hall.addStaff('clerk9', 'clerk', { name: '吴磊' });
  await hall.addStaff('boss', 'supervisor', { name: '陈主任' });
  for (let i = 0; i < 2; i++) sessions.push(await openBrowser());
});

afterAll(async () => {
  for (const s of sessions) await s.close();
  await hall?.close();
});

describe('time limits and the supervisor live view', () => {
  it('turns the timer amber then red, and the supervisor sees and acknowledges the overdue alert', async () => {
    const [clerk, boss] = sessions.map((s) => s.page) as [Page, Page];
    const runtime = hall.server.context.hall;
    await openCounter(hall, clerk, 'clerk5', 5);
    const first = issueTicket(hall, 'exam-registration-review'); // one step, 8 minutes
    await clerk.getByTestId('action-call-next').click();
    await clerk.getByTestId('current-call-number').filter({ hasText: first.callNumber }).waitFor();
    await clerk.getByTestId('action-serve').click();
    await expect.poll(() => clerk.getByTestId('current-ticket').getAttribute('data-level')).toBe('ok');

    await signIn(hall, boss, 'boss');
    await boss.getByTestId('live-counters').waitFor();
    expect(await boss.getByTestId('live-counters').locator('> div').count()).toBe(22);
    await expect.poll(() => boss.getByTestId('live-counter-5').textContent()).toContain(first.callNumber);

    // 7 of 8 minutes: amber. The terminals learn server time from the next event.
    hall.clock.shift(7 * MINUTE);
    issueTicket(hall, 'exam-registration-review');
    await expect.poll(() => clerk.getByTestId('current-ticket').getAttribute('data-level')).toBe('amber');
    await shot(clerk, 'workstation-overdue-amber');
    expect(await boss.getByTestId('alerts-panel').textContent()).toContain('目前没有超时');

    // Past the limit: red, and the supervisor's alert appears as it happens.
    hall.clock.shift(2 * MINUTE);
    issueTicket(hall, 'exam-registration-review');
    await expect.poll(() => clerk.getByTestId('current-ticket').getAttribute('data-level')).toBe('red');
    await shot(clerk, 'workstation-overdue-red');
    const alert = boss.getByTestId(`alert-service:${first.ticketId}:0`);
    await alert.waitFor();
    expect(await alert.textContent()).toContain(first.callNumber);
    await shot(boss, 'supervisor-live');
    await alert.getByTestId('alert-ack').click();
    await alert.waitFor({ state: 'detached' });
    // Acknowledgements are this supervisor's, kept in this browser: a reload keeps them.
    await boss.reload();
    await boss.getByTestId('live-counter-5').waitFor();
    await expect.poll(() => boss.getByTestId('live-counter-5').textContent()).toContain(first.callNumber);
    expect(await alert.count()).toBe(0);
    // Still overdue on the server, only acknowledged here.
    const state = runtime.state.tickets.get(first.ticketId);
    expect(state?.status).toBe('serving');

    // The supervisor sets the wall's scrolling notices; the public board has them at once.
    const panel = boss.getByTestId('notices-panel');
    await panel.getByLabel('中文 1').fill('今日 16:00 起系统维护，请提前办理。');
    await panel.getByLabel('English 1').fill('System maintenance from 16:00 today; please come early.');
    await panel.getByTestId('notices-publish').click();
    await panel.getByRole('status').getByText('已发布').waitFor();
    const board = (await (await fetch(`${hall.url}/api/board`)).json()) as {
      board: { notices: { zh: string }[] };
    };
    expect(board.board.notices[0]?.zh).toBe('今日 16:00 起系统维护，请提前办理。');
    await shot(boss, 'supervisor-notices');
  });

  it('lets a clerk choose a counter, pause with a reason and resume', async () => {
    const page = await sessions[0]?.context.newPage();
    if (!page) throw new Error('no page');
    await signIn(hall, page, 'clerk9');
    await page.getByTestId('pick-counter-9').waitFor();
    await expect.poll(() => page.getByTestId('pick-counter-5').isDisabled()).toBe(true);
    await shot(page, 'counter-picker');
    await page.getByTestId('pick-counter-9').click();
    await page.getByTestId('counter-open').click();
    await page.getByTestId('counter-status').filter({ hasText: '办理中' }).waitFor();
    await page.keyboard.press('b');
    await page.getByTestId('pause-dialog').waitFor();
    await page.getByText('业务咨询').click();
    await shot(page, 'pause-dialog');
    await page.getByTestId('dialog-confirm').click();
    await expect.poll(() => page.getByTestId('counter-status').textContent()).toBe('暂停 · 业务咨询');
    expect(hall.server.context.hall.state.counters.get(9)?.pauseReason).toBe('consulting');
    await page.getByTestId('counter-resume').click();
    await page.getByTestId('counter-status').filter({ hasText: '办理中' }).waitFor();
    // Nobody waits for this counter's skills: the refusal says so, in words.
    await page.getByTestId('action-call-next').click();
    await expect
      .poll(() => page.getByTestId('error-banner').textContent())
      .toContain(ERROR_TEXT['queue-empty'].zh);

    // A supervisor clears the counter (as for a clerk who walked away signed in).
    const boss = sessions[1]?.page;
    await boss?.getByTestId('live-logout-9').click();
    await page.getByTestId('pick-counter-9').waitFor();
    expect(hall.server.context.hall.state.counters.get(9)?.clerk).toBeNull();

    // Twelve hours later the session has run out: the next request asks to sign in again.
    hall.clock.shift(13 * 60 * MINUTE);
    await page.getByTestId('pick-counter-9').click();
    await page.getByText('登录已过期，请重新登录。').waitFor();
    await page.locator('input[name=username]').waitFor();
  });
});
