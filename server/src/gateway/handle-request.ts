import { randomInt, timingSafeEqual } from 'node:crypto';
import {
  ackError,
  ackOk,
  caseTracking,
  clientPayloadSchemas,
  estimateTicketWait,
  formatPath,
  parseServiceNumber,
  type Ack,
  type CaseTracking,
  type ClientPayload,
  type ClientRequestName,
  type CommandReceipt,
  type HallCommand,
  type IssuedTicket,
  type ReprintReceipt,
  type RequestResponse,
  type SyncResult,
} from '@yizhan/shared';
import { actorOf, type Principal } from '../auth/principal';
import { authorize } from '../auth/permissions';
import type { ServerContext } from '../app/server-context';
import { eventsFor, snapshotFor, viewOf } from './role-views';

/** A client further behind than this gets a snapshot instead of the events. */
export const MAX_CATCH_UP_EVENTS = 1000;

/**
 * One request from any client, whatever the transport: validate the payload
 * with its schema, check the session and the role, turn it into an engine
 * command (adding what the client may not choose), submit, and answer.
 */
export function handleRequest<N extends ClientRequestName>(
  ctx: ServerContext,
  principal: Principal,
  name: N,
  rawPayload: unknown,
): Ack<RequestResponse<N>> {
  const schema = clientPayloadSchemas[name];
  const parsed = schema.safeParse(rawPayload ?? {});
  if (!parsed.success) {
    return ackError('invalid-payload', {
      issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: formatPath(i.path), message: i.message })),
    });
  }
  if (principal.kind === 'staff' && principal.expiresAt <= ctx.clock.now())
    return ackError('session-expired');
  const allowed = authorize(principal, name, parsed.data, ctx.hall.state);
  if (!allowed.ok) return ackError(allowed.error);

  const payload = parsed.data as ClientPayload<N>;
  type R = Ack<RequestResponse<N>>;
  if (name === 'hall:sync') return sync(ctx, principal, payload as ClientPayload<'hall:sync'>) as R;
  if (name === 'case:lookup') return lookupCase(ctx, payload as ClientPayload<'case:lookup'>) as R;
  if (name === 'ticket:reprint')
    return reprint(ctx, principal, payload as ClientPayload<'ticket:reprint'>) as R;

  const command = commandFor(ctx, principal, name, payload);
  if (!command) return ackError('forbidden');
  const result = ctx.hall.submit(command, actorOf(principal) as Parameters<typeof ctx.hall.submit>[1]);
  if (!result.ok) return ackError(result.error);

  if (command.type === 'ticket:issue')
    return issuedTicket(ctx, principal, command, result.events.length === 0) as R;
  const receipt: CommandReceipt = {
    seq: result.events.at(-1)?.seq ?? ctx.hall.seq(),
    events: eventsFor(viewOf(principal), result.events),
  };
  return ackOk(receipt) as R;
}

function commandFor(
  ctx: ServerContext,
  principal: Principal,
  name: Exclude<ClientRequestName, 'hall:sync' | 'case:lookup' | 'ticket:reprint'>,
  payload: unknown,
): HallCommand | null {
  const account = principal.kind === 'staff' ? principal.account : null;
  switch (name) {
    case 'clerk:login':
      if (!account) return null;
      return {
        type: name,
        counter: (payload as { counter: number }).counter,
        clerk: { id: account.id, name: account.name },
      };
    case 'ticket:issue':
      return {
        type: name,
        ...(payload as ClientPayload<'ticket:issue'>),
        verificationCode: newVerificationCode(),
      };
    case 'case:accept':
    case 'case:note-progress':
    case 'case:complete':
      if (!account?.department) return null;
      return {
        type: name,
        ...(payload as object),
        department: account.department,
        officer: account.id,
      } as HallCommand;
    default:
      return { type: name, ...(payload as object) } as HallCommand;
  }
}

/** Six digits from the OS's secure random source; the engine itself has none. */
function newVerificationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

function issuedTicket(
  ctx: ServerContext,
  principal: Principal,
  command: Extract<HallCommand, { type: 'ticket:issue' }>,
  replay: boolean,
): Ack<IssuedTicket> {
  const { state, config } = ctx.hall;
  const ticketId = state.idempotency.get(command.idempotencyKey);
  const ticket = ticketId ? state.tickets.get(ticketId) : undefined;
  const kase = ticket ? state.cases.get(ticket.serviceNumber) : undefined;
  if (!ticket || !kase) return ackError('internal-error', { message: 'issued ticket not found' });
  if (!replay) ctx.metrics.ticketIssued(ticket.serviceCode);
  const wait = estimateTicketWait(state, config, ticket);
  // Printed once: a retried tap gets its ticket back on screen, not a second slip.
  const print =
    replay || principal.kind !== 'device'
      ? 'not-printed'
      : (ctx.printing?.printForKiosk(ticket.id, principal.device.name) ?? 'not-configured');
  return ackOk({
    seq: ctx.hall.seq(),
    ticketId: ticket.id,
    callNumber: ticket.callNumber,
    serviceCode: ticket.serviceCode,
    serviceNumber: ticket.serviceNumber,
    verificationCode: kase.verificationCode,
    priority: ticket.priority,
    issuedAt: ticket.issuedAt,
    peopleAhead: wait.peopleAhead,
    estimatedWaitMs: wait.estimatedMs,
    replay,
    print,
  });
}

/** Print a ticket again; the job's outcome follows as a `printer:job` event. */
function reprint(
  ctx: ServerContext,
  principal: Principal,
  payload: ClientPayload<'ticket:reprint'>,
): Ack<ReprintReceipt> {
  if (!ctx.hall.state.tickets.has(payload.ticketId)) return ackError('unknown-ticket');
  if (!ctx.printing) return ackOk({ ticketId: payload.ticketId, print: 'not-configured' });
  const print = ctx.printing.reprint(payload.ticketId, {
    ...(payload.printer ? { printer: payload.printer } : {}),
    ...(principal.kind === 'device' ? { kiosk: principal.device.name } : {}),
  });
  if (print === 'unknown-printer') return ackError('not-found', { message: 'no such printer' });
  return ackOk({ ticketId: payload.ticketId, print });
}

function sync(
  ctx: ServerContext,
  principal: Principal,
  payload: ClientPayload<'hall:sync'>,
): Ack<SyncResult> {
  const view = viewOf(principal);
  const current = ctx.hall.seq();
  const last = payload.lastSeq;
  if (last === null || last > current || current - last > MAX_CATCH_UP_EVENTS) {
    return ackOk({ kind: 'snapshot', snapshot: snapshotFor(view, ctx.hall) });
  }
  return ackOk({
    kind: 'events',
    events: eventsFor(view, ctx.hall.store.eventsAfter(last, MAX_CATCH_UP_EVENTS)),
  });
}

/**
 * Public case tracking. An unknown number and a wrong code get the same
 * answer, so the lookup tells nothing to someone guessing numbers; a typo the
 * check digit catches is said to be one. Rate limiting is the caller's.
 */
export function lookupCase(ctx: ServerContext, payload: ClientPayload<'case:lookup'>): Ack<CaseTracking> {
  const parsed = parseServiceNumber(payload.serviceNumber);
  if (!parsed.ok) {
    return ackError(
      parsed.error === 'service-number-check-digit' ? 'service-number-check-digit' : 'not-found',
    );
  }
  const { hall } = ctx;
  const kase = hall.state.cases.get(parsed.serviceNumber) ?? hall.store.findCase(parsed.serviceNumber);
  const expected = Buffer.from(kase?.verificationCode ?? '------');
  const given = Buffer.from(
    payload.verificationCode.trim().padEnd(expected.length, ' ').slice(0, expected.length),
  );
  const codeMatches =
    timingSafeEqual(expected, given) && payload.verificationCode.trim().length === expected.length;
  if (!kase || !codeMatches) return ackError('not-found');
  return ackOk(caseTracking(hall.state, hall.config, kase, hall.now()));
}
