import { localDateOf } from '../time/zoned-time';
import { ticketingWindow } from './calendar';
import type { HallCommandOf } from './commands';
import { accept, refuse, type DecideContext, type Decision } from './decision';
import { isVerificationCode, makeServiceNumber } from './service-number';
import type { Lane } from './types';

const MAX_CALL_SEQUENCE = 9999;
const MAX_CASE_SEQUENCE = 99999;

/**
 * A visitor takes a ticket (at the kiosk, or by appointment). Checks the
 * hall's hours and cut-off, the service's daily cap and the priority class,
 * then numbers the ticket (prefix + 3 digits, per day) and opens its case
 * with a service number. A retry with the same idempotency key is answered
 * with no new events: the caller finds the ticket by that key.
 */
export function issueTicket(ctx: DecideContext, command: HallCommandOf<'ticket:issue'>): Decision {
  const { state, hall, now } = ctx;
  const existing = state.idempotency.get(command.idempotencyKey);
  if (existing !== undefined) {
    return state.tickets.get(existing)?.serviceCode === command.serviceCode
      ? accept()
      : refuse('idempotency-key-reused');
  }
  const service = hall.services.get(command.serviceCode);
  if (!service) return refuse('unknown-service');

  // Outside the hall's hours the visitor hears "closed" (with the hours), even
  // on a weekend when no day was ever opened.
  const window = ticketingWindow(hall.config, now);
  if (window.state === 'closed') return refuse('hall-closed');
  if (window.state === 'past-cutoff') return refuse('past-cutoff');

  const day = state.day;
  if (day?.status !== 'open') return refuse('day-not-open');
  // Yesterday left open: today's numbers and dates wait for today's day to open.
  if (localDateOf(now, hall.config.hall.timezone) !== day.date) return refuse('day-not-open');

  if (command.channel === 'appointment' && !service.appointments) return refuse('appointments-not-offered');
  if (command.priority === 'appointment' && command.channel !== 'appointment') {
    return refuse('appointment-channel-required');
  }
  if (command.priority === 'green') {
    if (command.greenReason === null) return refuse('green-reason-required');
    if (!hall.greenReasons.has(command.greenReason)) return refuse('unknown-green-reason');
  }
  if ((state.issuedByService.get(service.code) ?? 0) >= service.dailyCap) return refuse('daily-cap-reached');
  if (!isVerificationCode(command.verificationCode)) return refuse('invalid-verification-code');

  const callSequence = (state.lastCallNumber.get(service.prefix) ?? 0) + 1;
  if (callSequence > MAX_CALL_SEQUENCE) return refuse('call-numbers-exhausted');
  const caseSequence = state.lastCaseSequence + 1;
  if (caseSequence > MAX_CASE_SEQUENCE) return refuse('service-numbers-exhausted');

  // An appointment booked as normal is still an appointment; green stays green.
  const priority =
    command.channel === 'appointment' && command.priority === 'normal' ? 'appointment' : command.priority;
  const lane: Lane = priority === 'normal' ? 'normal' : 'priority';
  const callNumber = service.prefix + String(callSequence).padStart(3, '0');
  const firstStep = service.route[0];
  if (!firstStep) throw new Error(`service ${service.code} has no route`); // the config schema forbids this

  return accept({
    type: 'ticket-issued',
    at: now,
    ticketId: `${day.date}/${callNumber}`,
    date: day.date,
    callNumber,
    callSequence,
    serviceCode: service.code,
    serviceNumber: makeServiceNumber(hall.config.hall.code, day.date, caseSequence),
    caseSequence,
    verificationCode: command.verificationCode,
    priority,
    greenReason: priority === 'green' ? command.greenReason : null,
    channel: command.channel,
    idempotencyKey: command.idempotencyKey,
    skill: firstStep.skill,
    lane,
    queueSeq: state.nextQueueSeq,
  });
}
