import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  login,
  must,
  provisionCast,
  rawRequest,
  SocketPool,
  startTestServer,
  tapKey,
  type HallCast,
  type HallSocket,
  type TestServer,
} from './support/hall-clients';

/**
 * Ending a session must end what it allows. `StaffAccounts.setDisabled` and
 * `resetPassword` say they end the user's sessions "so a lost or shared
 * password stops working at once", and `DELETE /api/session` logs out; a
 * revoked kiosk key must stop issuing tickets. A connection opened before
 * must not keep acting for the rest of the session (up to 12 hours) or, for a
 * device, for as long as the socket stays up.
 */

const REVOKED = ['unauthenticated', 'session-expired'];

let test: TestServer;
let cast: HallCast;
const pool = new SocketPool();

beforeEach(async () => {
  test = await startTestServer();
  cast = await provisionCast(test.server.context.accounts, test.server.context.devices, { clerks: 3 });
  const supervisor = await pool.connect(test.url, { token: await login(test.url, cast.supervisor) });
  await must(supervisor, 'day:open', {});
});

afterEach(async () => {
  pool.closeAll();
  await test.server.close();
});

/** A clerk logged in over HTTP, connected, at an open counter. */
async function clerkAt(index: number, counter: number): Promise<{ socket: HallSocket; token: string }> {
  const token = await login(test.url, cast.clerks[index]!);
  const socket = await pool.connect(test.url, { token });
  await must(socket, 'clerk:login', { counter });
  await must(socket, 'counter:open', { counter });
  return { socket, token };
}

async function expectRefused(socket: HallSocket, name: string, payload: unknown) {
  const seq = test.server.context.hall.seq();
  const ack = await rawRequest(socket, name, payload);
  expect(ack.ok, `${name} after the session ended`).toBe(false);
  if (!ack.ok) expect(REVOKED).toContain(ack.error);
  expect(test.server.context.hall.seq()).toBe(seq);
}

describe('an ended session or revoked key stops working on open connections', () => {
  it('a disabled clerk can no longer act over the socket opened before', async () => {
    const { socket, token } = await clerkAt(0, 1);
    expect(test.server.context.accounts.setDisabled(cast.clerks[0]!.username, true)).toEqual({ ok: true });
    await expect(login(test.url, cast.clerks[0]!)).rejects.toThrow('HTTP 401');
    await expect(pool.connect(test.url, { token })).rejects.toThrow('unauthenticated');
    await expectRefused(socket, 'counter:pause', { counter: 1, reason: 'break' });
  });

  it('a clerk whose password was reset can no longer act over the socket opened before', async () => {
    const { socket, token } = await clerkAt(1, 2);
    const reset = await test.server.context.accounts.resetPassword(
      cast.clerks[1]!.username,
      'a-brand-new-password',
    );
    expect(reset).toEqual({ ok: true });
    await expect(pool.connect(test.url, { token })).rejects.toThrow('unauthenticated');
    await expectRefused(socket, 'counter:pause', { counter: 2, reason: 'break' });
  });

  it('a clerk who logged out over HTTP can no longer act over the socket opened before', async () => {
    const { socket, token } = await clerkAt(2, 3);
    const logout = await fetch(`${test.url}/api/session`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(logout.status).toBe(204);
    await expect(pool.connect(test.url, { token })).rejects.toThrow('unauthenticated');
    await expectRefused(socket, 'counter:pause', { counter: 3, reason: 'break' });
  });

  it('a revoked kiosk can no longer issue tickets over the socket opened before', async () => {
    const { device, key } = test.server.context.devices.provision({ kind: 'kiosk', name: '被盗取号机' });
    const kiosk = await pool.connect(test.url, { deviceKey: key });
    const serviceCode = test.config.config.services[0]!.code;
    const issue = { serviceCode, priority: 'normal', channel: 'kiosk' };
    await must(kiosk, 'ticket:issue', {
      serviceCode,
      priority: 'normal',
      channel: 'kiosk',
      idempotencyKey: tapKey(),
    });
    expect(test.server.context.devices.revoke(device.id)).toBe(true);
    await expect(pool.connect(test.url, { deviceKey: key })).rejects.toThrow('unauthenticated');
    await expectRefused(kiosk, 'ticket:issue', { ...issue, idempotencyKey: tapKey() });
  });
});
