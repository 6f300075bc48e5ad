import type { HallState } from '@yizhan/shared';

export interface ClerkFigures {
  served: number;
  averageServiceMs: number | null;
  ratings: { 1: number; 2: number; 3: number; 4: number };
  averageScore: number | null;
}

/** A clerk's own figures for the day, from the cases in the hall state (today's only). */
export function clerkFigures(state: HallState, clerkId: string): ClerkFigures {
  let served = 0;
  let totalMs = 0;
  const ratings = { 1: 0, 2: 0, 3: 0, 4: 0 };
  let scoreSum = 0;
  let scored = 0;
  const today = state.day?.date;
  for (const kase of state.cases.values()) {
    if (today && kase.date !== today) continue;
    for (const step of kase.steps) {
      if (step.clerk !== clerkId) continue;
      served++;
      totalMs += Math.max(0, step.completedAt - step.startedAt);
    }
    for (const rating of kase.ratings ?? []) {
      if (rating.clerk !== clerkId) continue;
      ratings[rating.score]++;
      scoreSum += rating.score;
      scored++;
    }
  }
  return {
    served,
    averageServiceMs: served ? totalMs / served : null,
    ratings,
    averageScore: scored ? scoreSum / scored : null,
  };
}
