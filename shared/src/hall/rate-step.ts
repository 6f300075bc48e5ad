import type { HallCommandOf } from './commands';
import { accept, refuse, type DecideContext, type Decision } from './decision';
import type { Case, StepRecord } from './types';

/**
 * The visitor presses the rating pad after the clerk completes a step: the
 * rating goes to the step completed last at this counter (and so to the clerk
 * who did it), once. A press when nothing was completed here, or a second
 * press for the same step, is refused.
 */
export function rateStep(ctx: DecideContext, command: HallCommandOf<'case:rate'>): Decision {
  if (!ctx.hall.counters.has(command.counter)) return refuse('unknown-counter');
  const last = lastStepAt(ctx.state.cases.values(), command.counter);
  if (!last) return refuse('nothing-to-rate');
  const { kase, step } = last;
  const rated = (kase.ratings ?? []).some(
    (r) => r.stepIndex === step.stepIndex && r.counter === step.counter && r.at >= step.completedAt,
  );
  if (rated) return refuse('step-already-rated');
  return accept({
    type: 'case-rated',
    at: ctx.now,
    serviceNumber: kase.serviceNumber,
    ticketId: kase.ticketId,
    counter: command.counter,
    clerk: step.clerk,
    stepIndex: step.stepIndex,
    score: command.score as 1 | 2 | 3 | 4,
  });
}

/** The step completed most recently at a counter, over all cases (a day holds a few thousand). */
export function lastStepAt(cases: Iterable<Case>, counter: number): { kase: Case; step: StepRecord } | null {
  let best: { kase: Case; step: StepRecord } | null = null;
  for (const kase of cases) {
    for (let i = kase.steps.length - 1; i >= 0; i--) {
      const step = kase.steps[i];
      if (!step || step.counter !== counter) continue;
      if (!best || step.completedAt >= best.step.completedAt) best = { kase, step };
      break;
    }
  }
  return best;
}
