import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openCounter, signIn } from '../bench/counter-harness';
import { withPrinters } from '../server/src/printing/printing-yaml';
import { VirtualPrinter } from '../server/src/printing/virtual-printer';
import { configSayingOnce, followAnnouncements, startedCalls, waitFor } from './display-support';
import { openService } from './kiosk-support';
import { openBrowser, SCREENSHOT_DIR, type BrowserSession } from './support/browser';
import { startTestHall, type TestHall } from './support/start-hall';

/**
 * The whole hall at once: a kiosk issues tickets through its screen and the
 * virtual printer prints them, three clerks work one-step, joint-handling and
 * forwarded cases at counters 1, 21 and 22, the wall board shows and says
 * every call once and in order, and a visitor's phone follows the forwarded
 * case until the department officer completes it at the department desk.
 */

const KIOSK = 'kiosk 1';
let hall: TestHall | null = null;
let printer: VirtualPrinter | null = null;
const sessions: BrowserSession[] = [];

afterAll(async () => {
  for (const s of sessions) await s.close();
  await hall?.close();
  await printer?.close();
});

async function browser(options: Parameters<typeof openBrowser>[0]): Promise<Page> {
  const session = await openBrowser(options);
  sessions.push(session);
  return session.page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `whole-hall-${name}.png`) });

interface Issued {
  callNumber: string;
  serviceNumber: string;
  code: string;
}

/** Takes a ticket on the kiosk screen and goes back to the start for the next visitor. */
async function takeTicket(
  kiosk: Page,
  category: string,
  service: string,
  screenshot?: string,
): Promise<Issued> {
  await openService(kiosk, category, service);
  await kiosk.getByRole('button', { name: '取号', exact: true }).click();
  await kiosk.getByTestId('call-number').waitFor();
  const issued = {
    callNumber: (await kiosk.getByTestId('call-number').textContent()) ?? '',
    serviceNumber: ((await kiosk.getByTestId('service-number').textContent()) ?? '').replace(/\D/g, ''),
    code: (await kiosk.getByTestId('verification-code').textContent()) ?? '',
  };
  await kiosk.getByText('凭条已打印，请取走').waitFor();
  if (screenshot !== undefined) await shot(kiosk, screenshot);
  await kiosk.getByRole('button', { name: '完成' }).click();
  await kiosk.getByRole('heading', { name: '请选择办理事项类别' }).waitFor();
  return issued;
}

const idle = (page: Page) =>
  expect.poll(() => page.getByTestId('current-ticket').textContent()).toContain('当前无办理号');

/** Calls the next ticket (or a named one through the call dialog), serves and completes it. */
async function work(page: Page, wall: Page, counter: number, named?: string): Promise<string> {
  if (named === undefined) await page.getByTestId('action-call-next').click();
  else {
    await page.getByTestId('action-call').click();
    await page
      .getByTestId('call-dialog')
      .getByRole('button', { name: new RegExp(named) })
      .click();
  }
  const current = page.getByTestId('current-call-number');
  await expect.poll(() => current.textContent()).toMatch(/^[A-Z]+\d{3}$/);
  const callNumber = (await current.textContent()) ?? '';
  if (named !== undefined) expect(callNumber).toBe(named);
  // The wall shows it at this counter before the clerk goes on.
  await wall.getByTestId(`counter-${counter}-call`).filter({ hasText: callNumber }).waitFor();
  await page.getByTestId('action-serve').click();
  await page.getByTestId('action-complete').and(page.locator(':not([disabled])')).click();
  await idle(page);
  return callNumber;
}

describe('the whole hall', () => {
  it('issues, prints, calls, announces, serves, forwards and tracks through all three apps', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'yizhan-whole-hall-'));
    printer = new VirtualPrinter({ columns: 48 });
    const port = await printer.listen();
    const configPath = join(dir, 'hall.yaml');
    // Each call said once (one voice round), the kiosk printing on the virtual printer.
    const sayOnce = readFileSync(configSayingOnce(dir), 'utf8');
    writeFileSync(configPath, withPrinters(sayOnce, [{ code: 'p1', port, kiosks: [KIOSK] }]));
    hall = await startTestHall({ configPath });
    const runtime = hall.server.context.hall;
    const called: { seq: number; callNumber: string; counter: number }[] = [];
    runtime.onCommit((events) => {
      for (const { seq, event } of events)
        if (event.type === 'ticket-called')
          called.push({ seq, callNumber: event.callNumber, counter: event.counter });
    });
    await hall.addStaff('clerk1', 'clerk', { name: '张敏' });
    await hall.addStaff('clerk21', 'clerk', { name: '李强' });
    await hall.addStaff('clerk22', 'clerk', { name: '赵静' });
    await hall.addStaff('exam-officer', 'officer', { name: '孙处', department: 'exam-center' });

    // The wall board first, so it hears every call.
    const wall = await browser({ width: 1920, height: 1080 });
    const log = followAnnouncements(wall);
    await wall.goto(`${hall.url}/display/wall?key=${hall.addDevice('display', 'wall 1')}`);
    await wall.waitForFunction(() => Array.isArray(window.__yizhanAnnouncements));

    // Visitors take tickets at the kiosk: one-step, joint-handling, always forwarded.
    const kiosk = await browser({ width: 1920, height: 1080 });
    const key = hall.addDevice('kiosk', KIOSK);
    await kiosk.goto(`${hall.url}/kiosk/?key=${key}&idle=600000`);
    await kiosk.getByRole('heading', { name: '请选择办理事项类别' }).waitFor();
    const e1 = await takeTicket(kiosk, '考试录用', '考试合格证书领取');
    const c1 = await takeTicket(kiosk, '考试录用', '人事考试报名现场审核');
    const bb = await takeTicket(kiosk, '证书与鉴证', '证书遗失补办');
    const d1 = await takeTicket(kiosk, '考试录用', '人事考试成绩复核申请');
    const e2 = await takeTicket(kiosk, '考试录用', '考试合格证书领取', 'kiosk-ticket');
    const issued = [e1, c1, bb, d1, e2];
    expect(issued.map((t) => t.callNumber)).toEqual(['E001', 'C001', 'BB001', 'D001', 'E002']);
    for (const t of issued) {
      expect(runtime.state.cases.get(t.serviceNumber)?.verificationCode).toBe(t.code);
    }

    // One decoded receipt per ticket, in issue order, with its call and service numbers.
    await waitFor(() => (printer?.receipts.length ?? 0) >= issued.length, 10_000, 'five receipts');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(printer.receipts).toHaveLength(issued.length);
    for (const [i, t] of issued.entries()) {
      const receipt = printer.receipts[i]?.text ?? '';
      expect(receipt).toContain(t.callNumber);
      expect(receipt.replace(/\D/g, '')).toContain(t.serviceNumber);
    }

    // The visitor with the re-check request follows it on a phone.
    const phone = await browser({ width: 390, height: 844, isMobile: true });
    await phone.goto(`${hall.url}/display/track`);
    const track = async (stage: string) => {
      const before = Number(await phone.getByTestId('track').getAttribute('data-answers'));
      await phone.locator('input[name=serviceNumber]').fill(d1.serviceNumber);
      await phone.locator('input[name=code]').fill(d1.code);
      await phone.getByRole('button', { name: '查询' }).click();
      await phone.locator(`[data-testid=track][data-answers="${before + 1}"]`).waitFor();
      expect(await phone.getByTestId('track-result').getAttribute('data-stage')).toBe(stage);
    };
    await track('waiting');

    // Three clerks sign in at their counters.
    const [one, review, cert] = [
      await browser({ width: 1600, height: 900 }),
      await browser({ width: 1600, height: 900 }),
      await browser({ width: 1600, height: 900 }),
    ];
    await openCounter(hall, one, 'clerk1', 1);
    await openCounter(hall, review, 'clerk21', 21);
    await openCounter(hall, cert, 'clerk22', 22);
    await wall.getByTestId('counter-22-call').waitFor();

    // Counter 1: the joint case's intake, then the two exam services (the re-check is forwarded).
    expect(await work(one, wall, 1, 'BB001')).toBe('BB001');
    expect(runtime.state.tickets.get(findTicket(bb.callNumber))?.stepIndex).toBe(1);
    await work(one, wall, 1, 'C001');
    expect(runtime.state.cases.get(c1.serviceNumber)?.state).toBe('completed');
    await work(one, wall, 1, 'D001');
    expect(runtime.state.cases.get(d1.serviceNumber)).toMatchObject({
      state: 'forwarded',
      forwarding: expect.objectContaining({ department: 'exam-center' }),
    });
    await track('forwarded');

    // Counter 21 has only the joint case's review step to call.
    expect(await work(review, wall, 21)).toBe('BB001');
    // Counter 22 issues certificates: both collections and the joint case's last step.
    const atCert = [await work(cert, wall, 22), await work(cert, wall, 22), await work(cert, wall, 22)];
    expect([...atCert].sort()).toEqual(['BB001', 'E001', 'E002']);
    expect(runtime.state.cases.get(bb.serviceNumber)).toMatchObject({ state: 'completed' });
    expect(runtime.state.cases.get(bb.serviceNumber)?.steps.map((s) => s.counter)).toEqual([1, 21, 22]);
    for (const t of [e1, e2]) expect(runtime.state.cases.get(t.serviceNumber)?.state).toBe('completed');

    // The department officer takes the forwarded case and completes it at the desk.
    const desk = await browser({ width: 1600, height: 900 });
    await signIn(hall, desk, 'exam-officer');
    const card = desk.getByTestId(`desk-case-${d1.serviceNumber}`);
    await card.getByTestId('desk-accept').click();
    await expect.poll(() => card.getByTestId('desk-state').textContent()).toBe('办理中');
    await track('in-department');
    await card.getByTestId('desk-complete').click();
    await expect.poll(() => card.getByTestId('desk-state').textContent()).toBe('已办结');
    await track('completed');
    const kinds = await phone
      .locator('[data-testid=track-timeline] li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
    expect(kinds).toEqual([
      'issued',
      'called',
      'serving',
      'step-completed',
      'forwarded',
      'accepted',
      'completed',
    ]);

    // Every call was shown and said once, in the order it was made.
    expect(called.map((c) => c.callNumber)).toEqual(['BB001', 'C001', 'D001', 'BB001', ...atCert]);
    await waitFor(
      () => log.filter((e) => e.state === 'finished').length >= called.length,
      60_000,
      'every announcement',
    );
    expect(startedCalls(log)).toEqual(
      called.map((c): [number, string, boolean] => [c.seq, c.callNumber, false]),
    );
    const hook = await wall.evaluate(() =>
      window.__yizhanAnnouncements?.filter((e) => e.state === 'started').map((e) => e.seq),
    );
    expect(hook).toEqual(called.map((c) => c.seq));
    // The newest call is large; the earlier ones are listed newest first beneath it.
    const earlier = called
      .slice(0, -1)
      .reverse()
      .map((c) => `${c.callNumber}→${c.counter}窗口`);
    expect(await wall.getByTestId('latest-calls').textContent()).toBe(earlier.join(''));
    expect(await wall.getByTestId('newest-call').textContent()).toContain(atCert[2]);

    await shot(wall, 'wall');
    await shot(phone, 'phone-track');
    await shot(one, 'counter-1');
    await shot(review, 'counter-21');
    await shot(cert, 'counter-22');
    await shot(desk, 'department-desk');
  });
});

function findTicket(callNumber: string): string {
  const ticket = [...(hall?.server.context.hall.state.tickets.values() ?? [])].find(
    (t) => t.callNumber === callNumber,
  );
  if (!ticket) throw new Error(`no ticket ${callNumber}`);
  return ticket.id;
}
