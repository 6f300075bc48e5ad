import {
  estimateTicketWait,
  formatServiceNumber,
  localDateOf,
  localMinuteOfDay,
  formatClockTime,
  type HallState,
  type CompiledHallConfig,
} from '@yizhan/shared';
import type { TicketReceipt } from './ticket-layout';

/** The public page a ticket's QR code opens (the wall display app serves it). */
export function trackUrl(origin: string, ticketId: string, serviceNumber: string, code: string): string {
  const query = new URLSearchParams({ t: ticketId, sn: serviceNumber, c: code });
  return `${origin.replace(/\/+$/, '')}/display/ticket?${query.toString()}`;
}

/** What goes on paper for one ticket, in Chinese (the hall's language), or null if there is no such ticket. */
export function ticketReceipt(
  state: HallState,
  hall: CompiledHallConfig,
  ticketId: string,
  origin: string,
): TicketReceipt | null {
  const ticket = state.tickets.get(ticketId);
  const kase = ticket ? state.cases.get(ticket.serviceNumber) : undefined;
  const service = ticket ? hall.services.get(ticket.serviceCode) : undefined;
  if (!ticket || !kase || !service) return null;
  const { config } = hall;
  const tz = config.hall.timezone;
  const wait = estimateTicketWait(state, hall, ticket);
  const green = config.priority.greenChannelReasons.find((r) => r.code === ticket.greenReason);
  return {
    hallName: config.hall.name.zh,
    callNumber: ticket.callNumber,
    serviceName: service.name.zh,
    issuedAt: `${localDateOf(ticket.issuedAt, tz)} ${formatClockTime(localMinuteOfDay(ticket.issuedAt, tz))}`,
    peopleAhead: wait.peopleAhead,
    serviceNumber: formatServiceNumber(ticket.serviceNumber),
    verificationCode: kase.verificationCode,
    promisedWorkingDays: service.promisedWorkingDays,
    priorityLabel:
      ticket.priority === 'green'
        ? `绿色通道${green ? ` · ${green.name.zh}` : ''}`
        : ticket.priority === 'appointment'
          ? '预约'
          : null,
    trackUrl: trackUrl(origin, ticket.id, ticket.serviceNumber, kase.verificationCode),
    materials: service.materials.map((m) => m.zh),
  };
}
