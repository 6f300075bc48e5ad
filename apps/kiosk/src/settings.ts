import type { KioskShell } from './shell-bridge';

/**
 * How this kiosk runs, from its URL: `?key=` the device key (the Electron
 * shell opens the page with it), `?idle=` ms before going back to the start
 * (short in tests). The server is the page's own origin.
 */
const params = new URLSearchParams(window.location.search);

export const DEVICE_KEY = params.get('key') ?? '';
export const IDLE_MS = clampNumber(params.get('idle'), 60_000, 1_000, 600_000);
/** How long a tap waits for the server before it counts as unreachable. */
export const ISSUE_TIMEOUT_MS = clampNumber(params.get('timeout'), 8_000, 500, 60_000);

function clampNumber(raw: string | null, fallback: number, min: number, max: number): number {
  const value = raw === null ? NaN : Number(raw);
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

export function kioskShell(): KioskShell | null {
  return (window as unknown as { kioskShell?: KioskShell }).kioskShell ?? null;
}

/** Learned once at start, before a visitor can take a ticket. */
export const shellInfo = { usbPrinter: false };
void kioskShell()
  ?.usbPrinter()
  .then((yes) => {
    shellInfo.usbPrinter = yes;
  })
  .catch(() => undefined);
