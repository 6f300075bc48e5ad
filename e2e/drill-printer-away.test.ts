import type { PrinterStatusView } from '@yizhan/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './support/browser';
import { openService, shot, startKioskHall, tickets, type KioskHall } from './kiosk-support';

/**
 * Fault drill: the kiosk's network printer goes away mid-day (its listener
 * closes: connections refused, as when it is switched off) after printing
 * normally, and comes back later on the same address. Tickets keep being
 * issued and shown with the reprint button while it is away, staff see it
 * is not online in `GET /api/printers`, and once it is back the kiosk's
 * reprint prints the receipt and staff see it online again.
 * (e2e/kiosk.test.ts covers a printer that is offline from the start.)
 */

let kiosk: KioskHall | null = null;
let browser: BrowserSession | null = null;
afterEach(async () => {
  await browser?.close();
  await kiosk?.close();
  browser = kiosk = null;
});

async function printerStates(url: string, token: string): Promise<string[]> {
  const response = await fetch(`${url}/api/printers`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { printers: PrinterStatusView[] };
  return body.printers.map((p) => p.state);
}

describe('drill: the ticket printer goes away mid-day and comes back', () => {
  it('keeps issuing and showing tickets, tells staff, and reprints once it is back', async () => {
    kiosk = await startKioskHall();
    const { hall, printer } = kiosk;
    await hall.addStaff('duty', 'supervisor');
    const token = await hall.login('duty');
    browser = await openBrowser({ width: 1920, height: 1080 });
    const { page } = browser;
    await page.goto(kiosk.kioskUrl({ idle: '600000' }));

    const take = async () => {
      await page.getByRole('heading', { name: '请选择办理事项类别' }).waitFor();
      await openService(page, '考试录用', '公务员录用审批');
      await page.getByRole('button', { name: '取号', exact: true }).click();
    };

    // Morning: the printer works.
    await take();
    await page.getByText('凭条已打印，请取走').waitFor();
    expect((await printer.nextReceipt(5000, 0)).text).toContain('B001');
    expect(await printerStates(hall.url, token)).toEqual(['online']);
    const port = printer.port;

    // Mid-day it goes away.
    await printer.close();
    for (const callNumber of ['B002', 'B003']) {
      await page.getByRole('button', { name: '完成', exact: true }).click();
      await take();
      await page.getByText(/凭条打印失败，您的号码仍然有效/).waitFor();
      expect(await page.getByTestId('call-number').textContent()).toBe(callNumber);
      await page.getByRole('button', { name: '重新打印' }).waitFor();
    }
    await shot(page, 'drill-printer-away');
    expect(tickets(hall).map((t) => t.callNumber)).toEqual(['B001', 'B002', 'B003']);
    expect(printer.receipts).toHaveLength(1);
    const away = await printerStates(hall.url, token);
    expect(away).toHaveLength(1);
    expect(away[0]).not.toBe('online');

    // Back on the same address: the visitor's reprint arrives, staff see it online.
    await printer.listen(port);
    await page.getByRole('button', { name: '重新打印' }).click();
    await page.getByText('凭条已打印，请取走').waitFor();
    const receipt = await printer.nextReceipt(5000, 1);
    expect(receipt.text).toContain('B003');
    expect(await printerStates(hall.url, token)).toEqual(['online']);
    // Nothing was issued twice by the reprint.
    expect(tickets(hall)).toHaveLength(3);
  });
});
