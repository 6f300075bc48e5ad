import type { CompiledHallConfig } from '../config/compile-hall-config';
import { applyEvent } from './apply-event';
import type { HallCommand } from './commands';
import { decide } from './decide';
import type { Decision } from './decision';
import type { HallState } from './types';

/**
 * Decide and apply in one step, for callers that keep no log of their own
 * (tests, the simulator, benchmarks). The server instead decides, commits
 * the events, and only then applies them.
 */
export function execute(
  state: HallState,
  hall: CompiledHallConfig,
  command: HallCommand,
  now: number,
): Decision {
  const decision = decide({ state, hall, now }, command);
  if (decision.ok) for (const event of decision.events) applyEvent(state, event);
  return decision;
}
