import { createServer } from 'node:net';
import { join } from 'node:path';
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

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the kiosk without its server', () => {
  it('asks the visitor to see staff while the server is down, then works again with no invented ticket', async () => {
    const port = await freePort();
    kiosk = await startKioskHall({ port });
    const dbPath = join(kiosk.hall.dir, 'hall.db');
    const key = kiosk.key;
    browser = await openBrowser({ width: 1920, height: 1080 });
    const { page } = browser;
    await page.goto(kiosk.kioskUrl({ idle: '600000' }));
    await openService(page, '考试录用', '公务员录用审批');
    const take = page.getByRole('button', { name: '取号', exact: true });
    await take.waitFor();

    await kiosk.close();
    kiosk = null;
    const notice = page.getByRole('alertdialog', { name: /请联系工作人员/ });
    await notice.waitFor({ timeout: 10_000 });
    await notice.getByText('Please ask a member of staff').waitFor();
    await shot(page, 'offline-zh-1920x1080');
    // Nothing can be taken meanwhile: the notice covers the screen.
    await take.click({ timeout: 1000 }).catch(() => undefined);
    expect(await page.getByTestId('call-number').count()).toBe(0);

    // A new server process on the same database file and port; the day is already open in it.
    kiosk = await startKioskHall({ port, dbPath, openDay: false });
    // The device key was provisioned in the first run's database and still works.
    expect(kiosk.hall.server.context.devices.authenticate(key)).not.toBeNull();
    await notice.waitFor({ state: 'detached', timeout: 15_000 });
    await take.click();
    await page.getByTestId('call-number').waitFor();
    const all = tickets(kiosk.hall);
    expect(all).toHaveLength(1);
    expect(await page.getByTestId('call-number').textContent()).toBe(all[0]?.callNumber);
  });
});
