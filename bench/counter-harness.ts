import type { Page } from 'playwright-core';
import type { TestHall } from '../e2e/support/start-hall';

/** Helpers shared by the counter's browser tests and its benchmark. */

let keys = 0;

/** A ticket as the kiosk would issue it, straight into the real hall (broadcast like any command). */
export function issueTicket(hall: TestHall, serviceCode: string): { ticketId: string; callNumber: string } {
  const runtime = hall.server.context.hall;
  const idempotencyKey = `counter-e2e-${++keys}-${serviceCode}`;
  const result = runtime.submit(
    {
      type: 'ticket:issue',
      serviceCode,
      priority: 'normal',
      greenReason: null,
      channel: 'kiosk',
      idempotencyKey,
      verificationCode: String(100000 + keys),
    },
    'system:test',
  );
  if (!result.ok) throw new Error(`ticket:issue ${serviceCode}: ${result.error}`);
  const ticketId = runtime.state.idempotency.get(idempotencyKey) ?? '';
  const ticket = runtime.state.tickets.get(ticketId);
  if (!ticket) throw new Error('issued ticket not found');
  return { ticketId, callNumber: ticket.callNumber };
}

/** Signs in through the login screen; for a clerk with `counter`, the terminal's ?counter=N. */
export async function signIn(hall: TestHall, page: Page, username: string, counter?: number): Promise<void> {
  const query = counter === undefined ? '' : `?counter=${counter}`;
  await page.goto(`${hall.url}/counter/${query}`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', hall.passwords.get(username) ?? '');
  await page.click('button[type=submit]');
}

/** A clerk signed in at a counter that is open. */
export async function openCounter(
  hall: TestHall,
  page: Page,
  username: string,
  counter: number,
): Promise<void> {
  await signIn(hall, page, username, counter);
  await page.getByTestId('counter-open').click();
  await page
    .getByTestId('counter-status')
    .filter({ hasText: /办理中|Open/ })
    .waitFor();
}
