import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { withPrinters } from '../server/src/printing/printing-yaml';
import { VirtualPrinter } from '../server/src/printing/virtual-printer';
import { SCREENSHOT_DIR } from './support/browser';
import { REPO_ROOT, startTestHall, type TestHall } from './support/start-hall';

export const KIOSK_NAME = 'kiosk 1';

export interface KioskHall {
  hall: TestHall;
  printer: VirtualPrinter;
  configPath: string;
  key: string;
  kioskUrl(extra?: Record<string, string>): string;
  close(): Promise<void>;
}

/** The real hall server with the shipped configuration, its kiosk printing on a virtual printer. */
export async function startKioskHall(
  options: { dbPath?: string; port?: number; openDay?: boolean; configPath?: string } = {},
): Promise<KioskHall> {
  const printer = new VirtualPrinter({ columns: 48 });
  const printerPort = await printer.listen();
  const configPath = join(mkdtempSync(join(tmpdir(), 'yizhan-kiosk-')), 'hall.yaml');
  const yaml = readFileSync(join(REPO_ROOT, 'config/hall.default.yaml'), 'utf8');
  writeFileSync(configPath, withPrinters(yaml, [{ code: 'p1', port: printerPort, kiosks: [KIOSK_NAME] }]));
  const hall = await startTestHall({ ...options, configPath });
  const key = hall.addDevice('kiosk', KIOSK_NAME);
  return {
    hall,
    printer,
    configPath,
    key,
    kioskUrl: (extra = {}) => `${hall.url}/kiosk/?${new URLSearchParams({ key, ...extra }).toString()}`,
    close: async () => {
      await hall.close();
      await printer.close();
    },
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `kiosk-${name}.png`) });
}

/** Home → category → service → the materials screen. */
export async function openService(page: Page, category: string, service: string): Promise<void> {
  await page.getByRole('button', { name: category, exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${service}`) }).click();
}

export const tickets = (hall: TestHall) => [...hall.server.context.hall.state.tickets.values()];
