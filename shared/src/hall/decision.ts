import type { CompiledHallConfig } from '../config/compile-hall-config';
import type { HallErrorCode } from './errors';
import type { HallEvent } from './events';
import type { HallState } from './types';

/** What every command reads: the live state, the hall's rules, and the time. */
export interface DecideContext {
  readonly state: HallState;
  readonly hall: CompiledHallConfig;
  readonly now: number;
}

export type Decision = { ok: true; events: HallEvent[] } | { ok: false; error: HallErrorCode };

export const accept = (...events: HallEvent[]): Decision => ({ ok: true, events });
export const refuse = (error: HallErrorCode): Decision => ({ ok: false, error });
