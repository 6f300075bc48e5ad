import type { CaseTracking } from '@yizhan/shared';
import { z } from 'zod';

export type TrackOutcome =
  | { kind: 'found'; tracking: CaseTracking }
  | { kind: 'typo' }
  | { kind: 'not-found' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'offline' };

const errorSchema = z.object({ error: z.string(), retryAfterMs: z.number().optional() });
// The parts the page shows; checked so a wrong answer reads as "offline", not a blank page.
const trackingSchema = z
  .object({
    serviceNumber: z.string(),
    stage: z.string(),
    dueAt: z.number().nullable(),
    overdue: z.boolean(),
    timeline: z.array(z.object({ at: z.number(), kind: z.string() }).passthrough()),
  })
  .passthrough();

/**
 * POST /api/track. An unknown number and a wrong code both come back as
 * not-found (the server makes them indistinguishable); a check-digit typo is
 * told apart so the visitor can fix it; 429 carries the wait.
 */
export async function trackCase(serviceNumber: string, verificationCode: string): Promise<TrackOutcome> {
  let response: Response;
  try {
    response = await fetch('/api/track', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceNumber: serviceNumber.replace(/\s+/g, ''),
        verificationCode: verificationCode.trim(),
      }),
    });
  } catch {
    return { kind: 'offline' };
  }
  const body: unknown = await response.json().catch(() => null);
  return outcomeOf(response.status, body, response.headers.get('retry-after'));
}

export function outcomeOf(status: number, body: unknown, retryAfter: string | null): TrackOutcome {
  if (status === 200) {
    const parsed = trackingSchema.safeParse(body);
    return parsed.success
      ? { kind: 'found', tracking: parsed.data as unknown as CaseTracking }
      : { kind: 'offline' };
  }
  const error = errorSchema.safeParse(body);
  const code = error.success ? error.data.error : null;
  if (status === 429 || code === 'rate-limited') {
    const fromBody =
      error.success && error.data.retryAfterMs !== undefined
        ? Math.ceil(error.data.retryAfterMs / 1000)
        : null;
    const fromHeader = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
    return { kind: 'rate-limited', retryAfterSeconds: Math.max(1, fromBody ?? fromHeader ?? 60) };
  }
  if (code === 'service-number-check-digit') return { kind: 'typo' };
  if (
    code === 'not-found' ||
    code === 'invalid-payload' ||
    code === 'invalid-verification-code' ||
    status === 404 ||
    status === 400
  ) {
    return { kind: 'not-found' };
  }
  return { kind: 'offline' };
}
