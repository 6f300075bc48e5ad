import { assertNever, type ClientRequestName, type ConnectionRole, type HallState } from '@yizhan/shared';
import { roleOf, type Principal } from './principal';

/**
 * The whole access policy: which roles may send each request (`REQUEST_ROLES`),
 * and, for clerks, where (`CLERK_SCOPE`). Pure, so the gateway, the HTTP API
 * and the docs all read the same table.
 *
 * What this does not decide is left to the engine on purpose: whether a
 * counter is free for `clerk:login`, and whether a case belongs to the
 * officer's department (the server passes the department from the account).
 */

const EVERYONE = ['public', 'kiosk', 'display', 'clerk', 'officer', 'supervisor', 'admin'] as const;
/** Supervisors run the hall; the admin may do whatever a supervisor may. */
const HALL_MANAGERS = ['supervisor', 'admin'] as const;

export const REQUEST_ROLES: Readonly<Record<ClientRequestName, readonly ConnectionRole[]>> = {
  // Reads: the board and the tracking page (the lookup needs the verification code).
  'hall:sync': EVERYONE,
  'case:lookup': EVERYONE,

  // The kiosk issues tickets; a supervisor at the help desk may too.
  'ticket:issue': ['kiosk', ...HALL_MANAGERS],
  // A failed print: the kiosk offers a reprint, and so can the counter and the help desk.
  'ticket:reprint': ['kiosk', 'clerk', ...HALL_MANAGERS],

  'day:open': HALL_MANAGERS,
  'day:close': HALL_MANAGERS,

  'clerk:login': ['clerk'],
  // A supervisor may clear a counter a clerk left logged in.
  'clerk:logout': ['clerk', ...HALL_MANAGERS],
  'counter:open': ['clerk'],
  'counter:resume': ['clerk'],
  // A supervisor may stop any counter, but never calls or serves at one.
  'counter:pause': ['clerk', ...HALL_MANAGERS],
  'counter:close': ['clerk', ...HALL_MANAGERS],

  'ticket:call-next': ['clerk'],
  'ticket:call': ['clerk'],
  'ticket:recall': ['clerk'],
  'ticket:start-serving': ['clerk'],
  'ticket:no-show': ['clerk'],
  'step:complete': ['clerk'],
  'ticket:transfer': ['clerk'],
  'case:forward': ['clerk'],
  // The rating pad sits at the counter: the clerk's session sends the visitor's press.
  'case:rate': ['clerk'],
  'ticket:cancel': ['clerk', ...HALL_MANAGERS],

  // The department desk.
  'case:accept': ['officer'],
  'case:note-progress': ['officer'],
  'case:complete': ['officer'],
};

/**
 * Where a clerk may act: `anywhere` (reads), `any-counter` (the engine
 * refuses an occupied one),
 * `own-counter` (the payload's `counter` is the one the clerk is logged in
 * to), or `own-or-waiting-ticket` (the ticket waits, or is at the clerk's
 * counter). A clerk request missing here is refused.
 */
export type ClerkScope = 'anywhere' | 'any-counter' | 'own-counter' | 'own-or-waiting-ticket';

export const CLERK_SCOPE: Readonly<Partial<Record<ClientRequestName, ClerkScope>>> = {
  'hall:sync': 'anywhere',
  'case:lookup': 'anywhere',
  'ticket:reprint': 'anywhere',
  'clerk:login': 'any-counter',
  'clerk:logout': 'own-counter',
  'counter:open': 'own-counter',
  'counter:pause': 'own-counter',
  'counter:resume': 'own-counter',
  'counter:close': 'own-counter',
  'ticket:call-next': 'own-counter',
  'ticket:call': 'own-counter',
  'ticket:recall': 'own-counter',
  'ticket:start-serving': 'own-counter',
  'ticket:no-show': 'own-counter',
  'step:complete': 'own-counter',
  'ticket:transfer': 'own-counter',
  'case:forward': 'own-counter',
  'case:rate': 'own-counter',
  'ticket:cancel': 'own-or-waiting-ticket',
};

export type AuthorizeResult = { ok: true } | { ok: false; error: 'unauthenticated' | 'forbidden' };

const ALLOWED: AuthorizeResult = { ok: true };
const FORBIDDEN: AuthorizeResult = { ok: false, error: 'forbidden' };

/**
 * May this principal send this request now? `payload` is the validated
 * payload (read defensively all the same); `state` is the hall as it stands,
 * to find the clerk's counter.
 */
export function authorize(
  principal: Principal,
  request: ClientRequestName,
  payload: unknown,
  state: HallState,
): AuthorizeResult {
  const role = roleOf(principal);
  const roles: readonly ConnectionRole[] | undefined = REQUEST_ROLES[request];
  if (!roles?.includes(role)) {
    // A public connection is told to log in; a logged-in one that may not do this is told no.
    return role === 'public' ? { ok: false, error: 'unauthenticated' } : FORBIDDEN;
  }
  if (principal.kind !== 'staff') return ALLOWED;

  switch (principal.account.role) {
    case 'clerk':
      return clerkMay(principal.account.id, request, payload, state) ? ALLOWED : FORBIDDEN;
    case 'officer':
      // The engine checks the case's department against this one; without one there is nothing to work.
      return principal.account.department ? ALLOWED : FORBIDDEN;
    case 'supervisor':
    case 'admin':
      return ALLOWED;
    default:
      return assertNever(principal.account.role);
  }
}

/** The counter the clerk is logged in to, or null. */
export function counterOfClerk(state: HallState, clerkId: string): number | null {
  for (const counter of state.counters.values()) {
    if (counter.clerk?.id === clerkId) return counter.number;
  }
  return null;
}

function clerkMay(clerkId: string, request: ClientRequestName, payload: unknown, state: HallState): boolean {
  const scope = CLERK_SCOPE[request];
  if (scope === undefined) return false;
  if (scope === 'anywhere' || scope === 'any-counter') return true;

  const own = counterOfClerk(state, clerkId);
  if (own === null) return false;
  if (scope === 'own-counter') return field(payload, 'counter') === own;

  const ticketId = field(payload, 'ticketId');
  const ticket = typeof ticketId === 'string' ? state.tickets.get(ticketId) : undefined;
  if (!ticket) return false;
  return ticket.status === 'waiting' || (ticket.status !== 'ended' && ticket.counter === own);
}

function field(payload: unknown, name: string): unknown {
  return typeof payload === 'object' && payload !== null
    ? (payload as Record<string, unknown>)[name]
    : undefined;
}
