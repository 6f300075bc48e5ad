/** The server's time source; injectable so tests and drills can set the hall's clock. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that starts at a given instant and then runs in real time. Used by
 * `--clock-start` (tests and demos outside opening hours) and for time-
 * correction drills (`set`, `shift`).
 */
export class AdjustableClock implements Clock {
  private offset: number;

  constructor(start: number = Date.now()) {
    this.offset = Math.round(start) - Date.now();
  }

  now(): number {
    return Date.now() + this.offset;
  }

  set(instant: number): void {
    this.offset = Math.round(instant) - Date.now();
  }

  shift(ms: number): void {
    this.offset += Math.round(ms);
  }
}
