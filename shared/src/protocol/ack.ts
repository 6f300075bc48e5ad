import type { HallErrorCode } from '../hall/errors';

/** Failures that are about the request, not the hall's rules. */
export const PROTOCOL_ERROR_CODES = [
  'invalid-payload', // the payload does not match its schema (see `issues`)
  'unknown-request', // no such event name
  'unauthenticated', // no valid session or device key
  'session-expired', // the clerk's session ran out: log in again
  'forbidden', // this role may not do this, or not at this counter / department
  'not-found', // tracking: unknown number or wrong code (deliberately the same answer)
  'service-number-check-digit', // tracking: a typo the check digit caught
  'rate-limited', // too many requests from this client; retry later
  'invalid-credentials', // login: wrong username or password (the same answer for both)
  'invalid-config', // PUT /api/config: the YAML has problems (see `problems`)
  'storage-unavailable', // the database could not be written; nothing was changed
  'internal-error',
] as const;

export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];
export type ErrorCode = HallErrorCode | ProtocolErrorCode;

export interface AckError {
  ok: false;
  error: ErrorCode;
  /** A sentence for logs and developers; apps show their own words for `error`. */
  message?: string;
  /** For invalid-payload: where and what, like the config file's errors. */
  issues?: { path: string; message: string }[];
  /** For rate-limited: when to try again. */
  retryAfterMs?: number;
}

/** Every request over socket.io is acknowledged with one of these. */
export type Ack<T> = { ok: true; data: T } | AckError;

export const ackOk = <T>(data: T): Ack<T> => ({ ok: true, data });
export const ackError = (error: ErrorCode, extra: Omit<AckError, 'ok' | 'error'> = {}): AckError => ({
  ok: false,
  error,
  ...extra,
});
