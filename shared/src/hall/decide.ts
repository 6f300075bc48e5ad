import { callNext } from './call-next';
import { callTicket } from './call-ticket';
import { cancelTicket } from './cancel-ticket';
import { loginClerk, logoutClerk } from './clerk-session';
import type { HallCommand } from './commands';
import { completeStep } from './complete-step';
import { closeCounter, openCounter, pauseCounter, resumeCounter } from './counter-status';
import type { DecideContext, Decision } from './decision';
import { acceptCase, completeCase, noteProgress } from './department-desk';
import { assertNever } from './errors';
import { forwardCase } from './forward-case';
import { issueTicket } from './issue-ticket';
import { markNoShow } from './no-show';
import { closeDay, openDay } from './open-close-day';
import { rateStep } from './rate-step';
import { recallTicket } from './recall-ticket';
import { startServing } from './start-serving';
import { transferTicket } from './transfer-ticket';

/** `(state, command, now) -> events | error`. Reads the state, never writes it. */
export function decide(ctx: DecideContext, command: HallCommand): Decision {
  switch (command.type) {
    case 'day:open':
      return openDay(ctx, command);
    case 'day:close':
      return closeDay(ctx, command);
    case 'clerk:login':
      return loginClerk(ctx, command);
    case 'clerk:logout':
      return logoutClerk(ctx, command);
    case 'counter:open':
      return openCounter(ctx, command);
    case 'counter:pause':
      return pauseCounter(ctx, command);
    case 'counter:resume':
      return resumeCounter(ctx, command);
    case 'counter:close':
      return closeCounter(ctx, command);
    case 'ticket:issue':
      return issueTicket(ctx, command);
    case 'ticket:call-next':
      return callNext(ctx, command);
    case 'ticket:call':
      return callTicket(ctx, command);
    case 'ticket:recall':
      return recallTicket(ctx, command);
    case 'ticket:start-serving':
      return startServing(ctx, command);
    case 'ticket:no-show':
      return markNoShow(ctx, command);
    case 'ticket:cancel':
      return cancelTicket(ctx, command);
    case 'step:complete':
      return completeStep(ctx, command);
    case 'ticket:transfer':
      return transferTicket(ctx, command);
    case 'case:forward':
      return forwardCase(ctx, command);
    case 'case:accept':
      return acceptCase(ctx, command);
    case 'case:note-progress':
      return noteProgress(ctx, command);
    case 'case:complete':
      return completeCase(ctx, command);
    case 'case:rate':
      return rateStep(ctx, command);
    default:
      return assertNever(command);
  }
}
