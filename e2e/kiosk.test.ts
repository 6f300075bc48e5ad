import { formatServiceNumber } from '@yizhan/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './support/browser';
import { openService, shot, startKioskHall, tickets, type KioskHall } from './kiosk-support';

let kiosk: KioskHall | null = null;
let browser: BrowserSession | null = null;
afterEach(async () => {
  await browser?.close();
  await kiosk?.close();
  browser = kiosk = null;
});

describe('the kiosk', () => {
  it('issues a joint-handling ticket with people ahead and a QR code, and prints it', async () => {
    kiosk = await startKioskHall();
    const { hall, printer } = kiosk;
    // Someone is already waiting for the same first step.
    const seeded = hall.server.context.hall.submit(
      {
        type: 'ticket:issue',
        serviceCode: 'civil-service-appointment',
        priority: 'normal',
        greenReason: null,
        channel: 'kiosk',
        idempotencyKey: 'seed-ticket-1',
        verificationCode: '111111',
      },
      'system:test',
    );
    expect(seeded.ok).toBe(true);
    browser = await openBrowser({ width: 1920, height: 1080 });
    const { page } = browser;
    await page.goto(kiosk.kioskUrl({ idle: '600000' }));
    await page.getByRole('heading', { name: '请选择办理事项类别' }).waitFor();
    await openService(page, '考试录用', '公务员录用审批');
    await page.getByRole('checkbox', { name: /体检结论/ }).click();
    await page.getByRole('button', { name: '取号', exact: true }).click();

    const number = page.getByTestId('call-number');
    await number.waitFor();
    expect(await number.textContent()).toBe('B002');
    expect(await page.getByTestId('people-ahead').textContent()).toContain('1');
    const issued = tickets(hall).find((t) => t.callNumber === 'B002');
    // Joint handling: three counters' steps in a row.
    expect(hall.server.context.hall.config.services.get('civil-service-appointment')?.route).toHaveLength(3);
    const kase = hall.server.context.hall.state.cases.get(issued?.serviceNumber ?? '');
    expect(await page.getByTestId('service-number').textContent()).toBe(
      formatServiceNumber(kase?.serviceNumber ?? ''),
    );
    expect(await page.getByTestId('verification-code').textContent()).toBe(kase?.verificationCode);
    const qr = page.getByRole('img', { name: '扫码查询办理进度' });
    await qr.waitFor();
    const url = new URL((await qr.getAttribute('data-url')) ?? '');
    expect(url.pathname).toBe('/display/ticket');
    expect(url.searchParams.get('t')).toBe(issued?.id);
    expect(url.searchParams.get('sn')).toBe(kase?.serviceNumber);
    expect(url.searchParams.get('c')).toBe(kase?.verificationCode);

    const receipt = await printer.nextReceipt(5000, 0);
    expect(receipt.text).toContain('B002');
    expect(receipt.text).toContain(formatServiceNumber(kase?.serviceNumber ?? ''));
    expect(receipt.text).toContain('公务员录用审批');
    expect(receipt.text).toContain(`[QR model 2, level M, module 6] ${url.toString()}`);
    await page.getByText('凭条已打印，请取走').waitFor();
    await shot(page, 'ticket-zh-1920x1080');

    // Lookup with the printed number: a typo is named as one, the right number shows the case.
    await page.getByRole('button', { name: '完成' }).click();
    await page.getByRole('button', { name: '办件进度查询' }).click();
    const digits = kase?.serviceNumber ?? '';
    const typo = digits.slice(0, 5) + String((Number(digits[5]) + 1) % 10) + digits.slice(6);
    for (const d of typo) await page.getByRole('button', { name: d, exact: true }).click();
    for (const d of kase?.verificationCode ?? '')
      await page.getByRole('button', { name: d, exact: true }).click();
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText(/服务编号有误/).waitFor();
    await shot(page, 'lookup-typo-zh-1920x1080');
    await page.getByTestId('lookup-number').click();
    for (let i = 0; i < 18; i += 1) await page.getByRole('button', { name: '退格' }).click();
    for (const d of digits) await page.getByRole('button', { name: d, exact: true }).click();
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('case-result').getByText('排队等候中').waitFor();
    await shot(page, 'lookup-result-zh-1920x1080');
  });

  it('gives one ticket for a double tap, switches to English, and goes back to the start when idle', async () => {
    kiosk = await startKioskHall();
    const { hall } = kiosk;
    browser = await openBrowser({ width: 1920, height: 1080 });
    const { page } = browser;
    await page.goto(kiosk.kioskUrl({ idle: '3000' }));
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Choose the kind of service' }).waitFor();
    await openService(page, 'Examinations and recruitment', 'Approval of civil service appointments');
    await page.getByRole('heading', { name: 'Please check you have these documents' }).waitFor();
    await page.getByRole('button', { name: 'Take a ticket', exact: true }).dblclick();
    await page.getByTestId('call-number').waitFor();
    await page.getByText('Your number', { exact: true }).waitFor();
    await shot(page, 'ticket-en-1920x1080');
    expect(tickets(hall)).toHaveLength(1);
    await kiosk.printer.nextReceipt(5000, 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(kiosk.printer.receipts).toHaveLength(1);
    // Nobody touches the screen: back to the start, in Chinese, for the next visitor.
    await page.getByRole('heading', { name: '请选择办理事项类别' }).waitFor({ timeout: 8000 });
    expect(tickets(hall)).toHaveLength(1);
  });

  it('keeps the ticket when the print fails, and reprints it from the kiosk', async () => {
    kiosk = await startKioskHall();
    const { printer } = kiosk;
    printer.setMode('offline');
    browser = await openBrowser({ width: 1920, height: 1080 });
    const { page } = browser;
    await page.goto(kiosk.kioskUrl({ idle: '600000' }));
    await openService(page, '考试录用', '公务员录用审批');
    await page.getByRole('button', { name: '取号', exact: true }).click();
    await page.getByText(/凭条打印失败，您的号码仍然有效/).waitFor();
    expect(await page.getByTestId('call-number').textContent()).toBe('B001');
    expect(printer.receipts).toEqual([]);
    printer.setMode('online');
    await page.getByRole('button', { name: '重新打印' }).click();
    await page.getByText('凭条已打印，请取走').waitFor();
    expect((await printer.nextReceipt(5000, 0)).text).toContain('B001');
    expect(tickets(kiosk.hall)).toHaveLength(1);
  });

  it('says when the service has no tickets left today', async () => {
    kiosk = await startKioskHall();
    const { hall } = kiosk;
    const cap = hall.server.context.hall.config.services.get('civil-service-appointment')?.dailyCap ?? 0;
    for (let i = 0; i < cap; i += 1) {
      const issued = hall.server.context.hall.submit(
        {
          type: 'ticket:issue',
          serviceCode: 'civil-service-appointment',
          priority: 'normal',
          greenReason: null,
          channel: 'kiosk',
          idempotencyKey: `seed-cap-${i}`,
          verificationCode: '123456',
        },
        'system:test',
      );
      expect(issued.ok).toBe(true);
    }
    browser = await openBrowser({ width: 1920, height: 1080 });
    const { page } = browser;
    await page.goto(kiosk.kioskUrl({ idle: '600000' }));
    await openService(page, '考试录用', '公务员录用审批');
    await page.getByRole('button', { name: '取号', exact: true }).click();
    await page.getByRole('alert').getByText('该事项今日号已取完，请下一个工作日再来。').waitFor();
    expect(tickets(hall)).toHaveLength(cap);
    await shot(page, 'refused-cap-zh-1920x1080');
  });

  it('refuses with the opening hours when the hall is closed, and finds services by pinyin initials', async () => {
    kiosk = await startKioskHall();
    const { hall } = kiosk;
    hall.clock.set(Date.UTC(2026, 10, 27, 11, 0, 0)); // Friday 19:00 in Shanghai, after closing
    browser = await openBrowser({ width: 1920, height: 1080 });
    const { page } = browser;
    await page.goto(kiosk.kioskUrl({ idle: '600000' }));
    await page.getByRole('button', { name: /拼音首字母查找/ }).click();
    for (const letter of ['G', 'W', 'Y', 'L'])
      await page.getByRole('button', { name: letter, exact: true }).click();
    await page.getByRole('button', { name: /^公务员录用审批/ }).click();
    await page.getByRole('button', { name: '取号', exact: true }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText('大厅现在不在办公时间，请在开放时间内取号。').waitFor();
    expect(await refusal.getAttribute('data-error')).toBe('hall-closed');
    await refusal.getByRole('row', { name: /周六 不开放/ }).waitFor();
    await refusal.getByRole('row', { name: /周五 08:30–12:00 \/ 13:30–17:30/ }).waitFor();
    await shot(page, 'refused-closed-zh-1920x1080');
    expect(tickets(hall)).toHaveLength(0);
  });
});
