import { afterEach, describe, it } from 'vitest';
import { openBrowser, type BrowserSession } from './support/browser';
import { openService, shot, startKioskHall, type KioskHall } from './kiosk-support';

let kiosk: KioskHall | null = null;
let browser: BrowserSession | null = null;
afterEach(async () => {
  await browser?.close();
  await kiosk?.close();
  browser = kiosk = null;
});

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
];
const TEXT = {
  zh: {
    category: '考试录用',
    service: '公务员录用审批',
    green: '绿色通道',
    take: '取号',
    done: '完成',
    search: /拼音首字母查找/,
    lookup: '办件进度查询',
    reprint: '重新打印',
  },
  en: {
    category: 'Examinations and recruitment',
    service: 'Approval of civil service appointments',
    green: 'Green channel',
    take: 'Take a ticket',
    done: 'Done',
    search: /Search by pinyin initials/,
    lookup: 'Track a case',
    reprint: 'Reprint',
  },
};

/** Every screen, in both orientations and both languages, for a person to look at. */
describe('kiosk screenshots', () => {
  for (const size of SIZES) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${lang} ${size.width}x${size.height}`, async () => {
        kiosk = await startKioskHall();
        const { hall, printer } = kiosk;
        const tag = `${lang}-${size.width}x${size.height}`;
        const x = TEXT[lang];
        browser = await openBrowser(size);
        const { page } = browser;
        page.setDefaultTimeout(10_000);
        await page.goto(kiosk.kioskUrl({ idle: '600000' }));
        await page.getByRole('button', { name: TEXT.zh.category }).waitFor();
        if (lang === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
        await shot(page, `home-${tag}`);
        await page.getByRole('button', { name: x.category, exact: true }).click();
        await page.getByRole('button', { name: new RegExp(`^${x.service}`) }).waitFor();
        await shot(page, `services-${tag}`);
        await page.getByRole('button', { name: new RegExp(`^${x.service}`) }).click();
        await page.getByRole('button', { name: x.take, exact: true }).waitFor();
        await page.getByRole('checkbox').first().click();
        await shot(page, `materials-${tag}`);
        await page.getByRole('button', { name: x.green, exact: true }).click();
        await page.getByRole('button', { name: /70/ }).waitFor();
        await shot(page, `green-${tag}`);
        // In portrait the printer is out of paper, to show the failed print and the reprint button.
        if (size.height > size.width) printer.setMode('paper-out');
        await page.getByRole('button', { name: /70/ }).click();
        await page.getByTestId('call-number').waitFor();
        await page.locator('[data-print="ok"], [data-print="failed"]').waitFor();
        await page.getByRole('img').waitFor();
        await shot(page, `ticket-${tag}`);
        if (size.height > size.width) {
          await page.getByRole('button', { name: x.reprint }).waitFor();
          printer.setMode('online');
        }
        await page.getByRole('button', { name: x.done }).click();
        if (lang === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
        await page.getByRole('button', { name: x.search }).click();
        for (const letter of ['G', 'W', 'Y'])
          await page.getByRole('button', { name: letter, exact: true }).click();
        await shot(page, `search-${tag}`);
        await page.locator('header').getByRole('button').first().click();
        if (lang === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
        await page.getByRole('button', { name: x.lookup }).click();
        for (const d of '3700002611') await page.getByRole('button', { name: d, exact: true }).click();
        await shot(page, `lookup-${tag}`);
        await page.locator('header').getByRole('button').first().click();
        if (lang === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
        hall.clock.set(Date.UTC(2026, 10, 27, 9, 15, 0)); // 17:15 in Shanghai: past the 17:00 cut-off
        await openService(page, x.category, x.service);
        await page.getByRole('button', { name: x.take, exact: true }).click();
        await page.getByRole('alert').waitFor();
        await shot(page, `refused-${tag}`);
        await kiosk.close();
        kiosk = null;
        await page.getByRole('alertdialog').waitFor({ timeout: 10_000 });
        await shot(page, `offline-${tag}`);
      });
    }
  }
});
