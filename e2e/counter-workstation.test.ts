import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueTicket, openCounter, signIn } from '../bench/counter-harness';
import { openBrowser, SCREENSHOT_DIR, type BrowserSession } from './support/browser';
import { startTestHall, type TestHall } from './support/start-hall';

/**
 * The clerk's workstation in headless Chromium against the real hall: call,
 * recall, no-show, serve, a three-step joint-handling case passed through
 * three counters in three browsers, a forwarded case that a department
 * officer completes, and the public tracking answer for it.
 */

let hall: TestHall;
const sessions: BrowserSession[] = [];
mkdirSync(SCREENSHOT_DIR, { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `counter-${name}.png`), fullPage: false });

const current = (page: Page) => page.getByTestId('current-call-number');

beforeAll(async () => {
  hall = await startTestHall();
  await hall.addStaff('clerk1', 'clerk', { name: '张敏' });
  await hall.addStaff('clerk21', 'clerk', { name: '李强' });
  await hall.addStaff('clerk22', 'clerk', { name: '赵静' });
  await hall.addStaff('exam-officer', 'officer', { name: '孙处', department: 'exam-center' });
  for (let i = 0; i < 3; i++) sessions.push(await openBrowser());
});

afterAll(async () => {
  for (const s of sessions) await s.close();
  await hall?.close();
});

describe('the counter workstation', () => {
  it('calls, recalls, marks a no-show, and passes a 3-step case through three counters', async () => {
    const [a, b, c] = sessions.map((s) => s.page) as [Page, Page, Page];
    const runtime = hall.server.context.hall;

    await a.goto(`${hall.url}/counter/?counter=1`);
    await a.getByRole('button', { name: '登录' }).waitFor();
    await shot(a, 'login');
    await openCounter(hall, a, 'clerk1', 1);
    await expect.poll(() => a.getByTestId('current-ticket').textContent()).toContain('当前无办理号');
    await shot(a, 'workstation-idle');

    const e = issueTicket(hall, 'exam-certificate-collection');
    await a.getByTestId('action-call-next').click();
    await current(a).filter({ hasText: e.callNumber }).waitFor();
    await shot(a, 'workstation-calling');
    await expect.poll(() => a.getByTestId('action-recall').textContent()).toContain('2');
    await a.getByTestId('action-recall').click();
    await expect.poll(() => a.getByTestId('action-recall').textContent()).toContain('1');
    expect(runtime.state.tickets.get(e.ticketId)?.recalls).toBe(1);
    await a.getByTestId('action-no-show').click();
    await expect.poll(() => a.getByTestId('current-ticket').textContent()).toContain('当前无办理号');
    expect(runtime.state.tickets.get(e.ticketId)?.noShows).toBe(1);

    // The joint-handling case: intake at 1, review at 21, certificate at 22. Shortcuts N and S.
    const bb = issueTicket(hall, 'certificate-replacement');
    await a.keyboard.press('n');
    await current(a).filter({ hasText: bb.callNumber }).waitFor();
    await a.keyboard.press('s');
    await a.getByTestId('action-complete').and(a.locator(':not([disabled])')).waitFor();
    await expect.poll(() => a.getByTestId('ticket-step').textContent()).toMatch(/环节 1 \/ 3.*下一环节/);
    await shot(a, 'workstation-serving');
    await a.getByTestId('action-transfer').click();
    await a.getByTestId('transfer-dialog').waitFor();
    await shot(a, 'transfer-dialog');
    await a.getByRole('button', { name: '取消' }).click();
    await a.getByTestId('action-complete').click();
    await expect.poll(() => a.getByTestId('current-ticket').textContent()).toContain('当前无办理号');
    // The visitor rates the step on the on-screen pad.
    await a.getByTestId('rate-4').click();
    await expect.poll(() => a.getByTestId('figure-ratings').textContent()).toContain('非常满意 1');
    await expect.poll(() => a.getByTestId('figure-served').textContent()).toBe('1');

    await openCounter(hall, b, 'clerk21', 21);
    await b.getByTestId('action-call-next').click();
    await current(b).filter({ hasText: bb.callNumber }).waitFor();
    await b.getByTestId('action-serve').click();
    await expect.poll(() => b.getByTestId('ticket-step').textContent()).toContain('环节 2 / 3');
    await b.getByTestId('action-complete').click();
    await expect.poll(() => b.getByTestId('current-ticket').textContent()).toContain('当前无办理号');

    await openCounter(hall, c, 'clerk22', 22);
    await c.getByTestId('action-call-next').click();
    await current(c).filter({ hasText: bb.callNumber }).waitFor();
    await c.getByTestId('action-serve').click();
    await expect.poll(() => c.getByTestId('ticket-step').textContent()).toMatch(/环节 3 \/ 3.*当场办结/);
    await c.getByTestId('action-complete').click();
    await expect.poll(() => c.getByTestId('current-ticket').textContent()).toContain('当前无办理号');

    const kase = runtime.state.cases.get(runtime.state.tickets.get(bb.ticketId)?.serviceNumber ?? '');
    expect(kase?.state).toBe('completed');
    expect(kase?.steps.map((s) => s.counter)).toEqual([1, 21, 22]);
    expect(kase?.ratings).toEqual([expect.objectContaining({ counter: 1, score: 4, stepIndex: 0 })]);
  });

  it('forwards a case with its due date shown first, and the department officer completes it', async () => {
    const [a] = sessions.map((s) => s.page) as [Page];
    const runtime = hall.server.context.hall;
    const e = [...runtime.state.tickets.values()].find(
      (t) => t.serviceCode === 'exam-certificate-collection',
    );
    if (!e) throw new Error('the no-show ticket is gone');

    // Call that particular ticket (it waits again after its no-show).
    await a.getByTestId('action-call').click();
    await a
      .getByTestId('call-dialog')
      .getByRole('button', { name: new RegExp(e.callNumber) })
      .click();
    await current(a).filter({ hasText: e.callNumber }).waitFor();
    await a.getByTestId('action-serve').click();
    await a.getByTestId('action-forward').and(a.locator(':not([disabled])')).click();
    await a.getByTestId('forward-dialog').waitFor();
    await a.getByTestId('forward-department').selectOption('exam-center');
    // Friday 27 Nov + 1 promised working day → Monday 30 Nov, at closing time (17:30).
    await expect.poll(() => a.getByTestId('forward-due').textContent()).toMatch(/11\/30 17:30/);
    await shot(a, 'forward-dialog');
    await a.getByTestId('dialog-confirm').click();
    await expect.poll(() => a.getByTestId('current-ticket').textContent()).toContain('当前无办理号');
    const serviceNumber = e.serviceNumber;
    const forwarded = runtime.state.cases.get(serviceNumber);
    expect(forwarded?.state).toBe('forwarded');
    expect(forwarded?.forwarding?.department).toBe('exam-center');
    expect(forwarded?.forwarding?.dueDate).toBe('2026-11-30');

    const desk = await sessions[2]?.context.newPage();
    if (!desk) throw new Error('no page');
    await signIn(hall, desk, 'exam-officer');
    const card = desk.getByTestId(`desk-case-${serviceNumber}`);
    await card.waitFor();
    await shot(desk, 'department-desk');
    await card.getByTestId('desk-accept').click();
    await expect.poll(() => card.getByTestId('desk-state').textContent()).toBe('办理中');
    await card.getByTestId('desk-note').fill('材料已核对');
    await card.getByTestId('desk-add-note').click();
    await card.getByText('材料已核对').waitFor();
    await card.getByTestId('desk-complete').click();
    await expect.poll(() => card.getByTestId('desk-state').textContent()).toBe('已办结');
    await shot(desk, 'department-desk-completed');

    const code = runtime.state.cases.get(serviceNumber)?.verificationCode ?? '';
    const tracked = await fetch(`${hall.url}/api/track?serviceNumber=${serviceNumber}&code=${code}`);
    expect(tracked.status).toBe(200);
    expect(await tracked.json()).toMatchObject({ serviceNumber, stage: 'completed', result: 'approved' });
  });

  it('transfers a case to a named counter with a note, where it waits for that counter', async () => {
    const [a, , c] = sessions.map((s) => s.page) as [Page, Page, Page];
    const runtime = hall.server.context.hall;
    const t = issueTicket(hall, 'exam-certificate-collection');
    await a.getByTestId('action-call-next').click();
    await current(a).filter({ hasText: t.callNumber }).waitFor();
    // Reprint goes to the server's printing; the test hall has no network printer, and says so.
    await a.getByTestId('action-reprint').click();
    await expect.poll(() => a.getByTestId('notice-banner').textContent()).toMatch(/打印机/);
    await a.keyboard.press('t');
    await a.getByTestId('transfer-dialog').waitFor();
    await a.getByText('转到窗口').click();
    await a.getByTestId('transfer-counter').selectOption('22');
    await a.getByTestId('transfer-note').fill('需要发证窗口核验原件');
    await a.getByTestId('dialog-confirm').click();
    await expect.poll(() => a.getByTestId('current-ticket').textContent()).toContain('当前无办理号');
    expect(runtime.state.tickets.get(t.ticketId)).toMatchObject({ status: 'waiting', directCounter: 22 });
    await expect.poll(() => c.getByTestId('queues-panel').textContent()).toContain('指定转入本窗口1');
    await c.getByTestId('action-call-next').click();
    await current(c).filter({ hasText: t.callNumber }).waitFor();
  });
});
