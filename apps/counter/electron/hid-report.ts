/**
 * Caller keypads and rating pads sold for halls present themselves as USB HID
 * keyboards. We assume the boot-keyboard input report (HID 1.11, appendix B):
 *
 *   byte 0  modifier bits (ignored)
 *   byte 1  reserved
 *   byte 2–7  usage codes of up to six keys held down (0 = none, 1 = roll-over error)
 *
 * optionally preceded by a report id byte (`reportId: true` in the config).
 * A key counts once, when it goes down: a report repeats the keys still held.
 */
export const ROLLOVER_ERROR = 0x01;

export function keysDown(report: Uint8Array, hasReportId: boolean): number[] {
  const offset = hasReportId ? 1 : 0;
  if (report.length < offset + 3) return [];
  const keys: number[] = [];
  for (let i = offset + 2; i < Math.min(report.length, offset + 8); i++) {
    const code = report[i] ?? 0;
    if (code === 0 || code === ROLLOVER_ERROR) continue;
    keys.push(code);
  }
  return keys;
}

/** Turns a device's stream of reports into key presses (down edges only). */
export class KeyPressDecoder {
  private held = new Set<number>();

  constructor(private readonly hasReportId: boolean) {}

  /** The usage codes newly pressed in this report. */
  feed(report: Uint8Array): number[] {
    const offset = this.hasReportId ? 1 : 0;
    // A roll-over error report says nothing about which keys are held: keep the old set.
    if (report[offset + 2] === ROLLOVER_ERROR) return [];
    const now = new Set(keysDown(report, this.hasReportId));
    const pressed = [...now].filter((code) => !this.held.has(code));
    this.held = now;
    return pressed;
  }

  /** After a reconnect nothing is held. */
  reset(): void {
    this.held.clear();
  }
}

/** A boot-keyboard report with these keys down (for fakes and tests). */
export function keyboardReport(keys: number[], reportId?: number): Uint8Array {
  const body = [0, 0, ...keys.slice(0, 6)];
  while (body.length < 8) body.push(0);
  return Uint8Array.from(reportId === undefined ? body : [reportId, ...body]);
}
