import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dammCheckDigit } from '@yizhan/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, SCREENSHOT_DIR, type BrowserSession } from './support/browser';
import { startTestHall, type TestHall } from './support/start-hall';
import { hallDriver } from './display-support';

let browser: BrowserSession;
const halls: TestHall[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  browser = await openBrowser({ width: 390, height: 844, isMobile: true });
});

afterAll(async () => {
  await browser?.close();
  for (const hall of halls) await hall.close();
});

/** Fills the form and submits it; resolves once the page shows the answer. */
async function lookUp(page: Page, serviceNumber: string, code: string): Promise<void> {
  const before = Number(await page.getByTestId('track').getAttribute('data-answers'));
  await page.locator('input[name=serviceNumber]').fill(serviceNumber);
  await page.locator('input[name=code]').fill(code);
  await page.getByRole('button', { name: '查询' }).click();
  await page.locator(`[data-testid=track][data-answers="${before + 1}"]`).waitFor({ timeout: 3_000 });
}

/** Looks the case up again: the page shows `stage`. */
async function expectStage(page: Page, serviceNumber: string, code: string, stage: string): Promise<void> {
  await lookUp(page, serviceNumber, code);
  expect(await page.getByTestId('track-result').getAttribute('data-stage')).toBe(stage);
}

/** Changes the last digit, which the check digit always catches. */
function typo(serviceNumber: string): string {
  const last = Number(serviceNumber.at(-1));
  return serviceNumber.slice(0, -1) + String((last + 1) % 10);
}

describe('case tracking page', () => {
  it('shows each stage of a forwarded case', async () => {
    const hall = await startTestHall();
    halls.push(hall);
    const driver = hallDriver(hall);
    for (let counter = 1; counter <= 22; counter++) driver.openCounter(counter);
    const service = hall.server.context.hall.config.config.services.find((s) => s.forwardTo);
    if (!service?.forwardTo) throw new Error('the default hall forwards no service');
    const ticket = driver.issue(service.code);
    const { serviceNumber, verificationCode: code } = ticket;

    const { page } = browser;
    await page.goto(`${hall.url}/display/track`);
    await expectStage(page, serviceNumber, code, 'waiting');

    let counter = 0;
    for (let n = 1; n <= 22 && counter === 0; n++) {
      const result = hall.server.context.hall.submit(
        { type: 'ticket:call', counter: n, ticketId: ticket.ticketId },
        'system:test',
      );
      if (result.ok) counter = n;
    }
    expect(counter).toBeGreaterThan(0);
    await expectStage(page, serviceNumber, code, 'at-counter');
    expect(await page.getByTestId('track-where').textContent()).toContain(String(counter));

    driver.submit({ type: 'ticket:start-serving', counter });
    driver.submit({ type: 'case:forward', counter, department: service.forwardTo, note: null });
    await expectStage(page, serviceNumber, code, 'forwarded');
    const department = hall.server.context.hall.config.config.departments.find(
      (d) => d.code === service.forwardTo,
    );
    expect(await page.getByTestId('track-where').textContent()).toContain(department?.name.zh);
    expect(await page.getByTestId('track-due').textContent()).toMatch(/^2026-\d\d-\d\d/);
    expect(await page.getByTestId('track-overdue').textContent()).toBe('未超期');

    const officer = { department: service.forwardTo, serviceNumber, officer: 'officer-1' };
    driver.submit({ type: 'case:accept', ...officer });
    await expectStage(page, serviceNumber, code, 'in-department');

    // Past the due date and still open: the page flags it.
    hall.clock.shift(40 * 24 * 3600_000);
    await expectStage(page, serviceNumber, code, 'in-department');
    expect(await page.getByTestId('track-overdue').textContent()).toBe('已超期');

    driver.submit({ type: 'case:complete', ...officer, result: 'approved', note: null });
    await expectStage(page, serviceNumber, code, 'completed');
    const kinds = await page
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
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'display-phone-track.png'), fullPage: true });
  });

  it('tells a typo from an unknown number, reads a wrong code the same as unknown, and explains the limit', async () => {
    const hall = await startTestHall({ trackingPerMinute: 2 });
    halls.push(hall);
    const ticket = hallDriver(hall).issue(hall.server.context.hall.config.config.services[0]?.code ?? '');
    const { page } = browser;
    await page.goto(`${hall.url}/display/track`);
    const message = page.getByTestId('track-message');

    await lookUp(page, typo(ticket.serviceNumber), ticket.verificationCode);
    expect(await message.getAttribute('data-kind')).toBe('typo');
    expect(await message.textContent()).toContain('校验位');

    // A valid number nobody was given (another sequence, its own check digit).
    const unknown = otherServiceNumber(ticket.serviceNumber);
    await lookUp(page, unknown, '123456');
    expect(await message.getAttribute('data-kind')).toBe('not-found');
    const unknownText = await message.textContent();

    await lookUp(page, ticket.serviceNumber, ticket.verificationCode === '000000' ? '111111' : '000000');
    expect(await message.getAttribute('data-kind')).toBe('not-found');
    expect(await message.textContent()).toBe(unknownText);

    await lookUp(page, ticket.serviceNumber, ticket.verificationCode);
    expect(await message.getAttribute('data-kind')).toBe('rate-limited');
    const limited = (await message.textContent()) ?? '';
    const seconds = Number(/(\d+) 秒/.exec(limited)?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(30);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'display-phone-track-limited.png'), fullPage: true });
  });
});

/** Same hall and day, sequence 99999: never issued in a test, with a correct check digit. */
function otherServiceNumber(serviceNumber: string): string {
  const body = `${serviceNumber.slice(0, 12)}99999`;
  return `${body}${dammCheckDigit(body)}`;
}
