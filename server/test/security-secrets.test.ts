import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServerApp, type RunningServer } from '../src/app/create-server-app';
import { HTTP_ROUTES } from '../src/docs/protocol-doc';
import { AdjustableClock } from '../src/hall/clock';
import { createLogger } from '../src/ops/logger';
import { login, must, provisionCast, request, SocketPool, tapKey, track } from './support/hall-clients';
import { startHallProcess, stopHallProcess } from './support/hall-process';
import { DEFAULT_CONFIG_PATH, FRIDAY_NINE, tempDir } from './support/test-hall-server';

/**
 * Secrets stay secret: passwords, session tokens, device keys and
 * verification codes never reach the log, even at debug level; every HTTP
 * answer carries the security headers; the database files are the server
 * user's alone.
 */

async function withServer<T>(run: (server: RunningServer, lines: string[]) => Promise<T>): Promise<T> {
  const dir = tempDir();
  const lines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void lines.push(line) },
  });
  const server = await createServerApp({
    dbPath: join(dir, 'hall.db'),
    configPath: DEFAULT_CONFIG_PATH,
    configWritePath: join(dir, 'hall.yaml'),
    port: 0,
    host: '127.0.0.1',
    clock: new AdjustableClock(FRIDAY_NINE),
    logger,
    autoDay: false,
    demo: false,
    trackingPerMinute: 60_000,
  });
  try {
    return await run(server, lines);
  } finally {
    await server.close();
  }
}

const json = { 'content-type': 'application/json' };

describe('secrets never in logs', () => {
  it('a whole small flow at debug level logs no password, token, device key or verification code', async () => {
    const pool = new SocketPool();
    const { secrets, codes, text } = await withServer(async (server, lines) => {
      const { url, context } = server;
      const cast = await provisionCast(context.accounts, context.devices, { clerks: 1 });
      const wrongPassword = 'Wrong-Password-Zebra-42';
      const secrets: string[] = [
        ...[cast.admin, cast.supervisor, ...cast.clerks].map((who) => who.password),
        wrongPassword,
        cast.displayKey,
        ...cast.kioskKeys,
      ];
      const [adminToken, supervisorToken, clerkToken] = await Promise.all([
        login(url, cast.admin),
        login(url, cast.supervisor),
        login(url, cast.clerks[0]!),
      ]);
      secrets.push(adminToken, supervisorToken, clerkToken);
      // A failed login, and one for nobody.
      for (const username of ['admin', 'nobody']) {
        const failed = await fetch(`${url}/api/session`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ username, password: wrongPassword }),
        });
        expect(failed.status).toBe(401);
      }
      // A malformed login body that carries a password: a parser error must not log the body.
      const malformed = await fetch(`${url}/api/session`, {
        method: 'POST',
        headers: json,
        body: `{"username":"admin","password":"${wrongPassword}",}`,
      });
      expect(malformed.status).toBe(400);

      const supervisor = await pool.connect(url, { token: supervisorToken });
      const clerk = await pool.connect(url, { token: clerkToken });
      const kiosk = await pool.connect(url, { deviceKey: cast.kioskKeys[0]! });
      await must(supervisor, 'day:open', {});
      const counter = context.hall.config.config.counters[0]!.number;
      await must(clerk, 'clerk:login', { counter });
      const codes: string[] = [];
      for (const service of context.hall.config.config.services.slice(0, 3)) {
        const ticket = await must(kiosk, 'ticket:issue', {
          serviceCode: service.code,
          priority: 'normal',
          channel: 'kiosk',
          idempotencyKey: tapKey('secret'),
        });
        codes.push(ticket.verificationCode);
        // Tracking with the code over POST, GET and the socket; and with wrong codes.
        expect((await track(url, ticket.serviceNumber, ticket.verificationCode)).status).toBe(200);
        const viaGet = await fetch(
          `${url}/api/track?serviceNumber=${ticket.serviceNumber}&code=${ticket.verificationCode}`,
        );
        expect(viaGet.status).toBe(200);
        expect(
          await request(kiosk, 'case:lookup', {
            serviceNumber: ticket.serviceNumber,
            verificationCode: ticket.verificationCode,
          }),
        ).toMatchObject({ ok: true });
        await fetch(
          `${url}/api/track?serviceNumber=${ticket.serviceNumber}&code=${ticket.verificationCode}x`,
        );
      }
      // The admin replaces the configuration (same text: a new version).
      const config = (await (
        await fetch(`${url}/api/config`, { headers: { authorization: `Bearer ${adminToken}` } })
      ).json()) as { yaml: string };
      const replaced = await fetch(`${url}/api/config`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'text/yaml' },
        body: config.yaml,
      });
      expect(replaced.status).toBe(200);
      // A handshake with a wrong token, a request after logout, a logout.
      await expect(pool.connect(url, { token: `${clerkToken}x` })).rejects.toThrow('unauthenticated');
      const out = await fetch(`${url}/api/session`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${clerkToken}` },
      });
      expect(out.status).toBe(204);
      expect(await request(clerk, 'ticket:call-next', { counter })).toMatchObject({ ok: false });
      pool.closeAll();
      return { secrets, codes, text: () => lines.join('') };
    });
    const log = text(); // after the server closed: every line flushed
    // The capture works: the flow's requests are in it.
    expect(log).toContain('"path":"/api/track"');
    expect(log).toContain('"path":"/api/session"');
    for (const secret of secrets)
      expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
    // A six-digit code as a number of its own (not inside a timestamp).
    for (const code of codes)
      expect({ code, found: new RegExp(`(?<![0-9])${code}(?![0-9])`).test(log) }).toEqual({
        code,
        found: false,
      });
  });
});

describe('security headers', () => {
  it('every documented route answers with CSP, nosniff, frame protection, no x-powered-by; tracking and sessions are not cached', async () => {
    await withServer(async ({ url }) => {
      const paths = HTTP_ROUTES.map((r) => ({
        method: r.method,
        path: r.path.replace(':ticketId', 'no-such-ticket'),
      }));
      const problems: string[] = [];
      for (const { method, path } of [...paths, { method: 'GET', path: '/no-such-route' }]) {
        const response = await fetch(`${url}${path}`, {
          method,
          headers: json,
          ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }),
        });
        const h = response.headers;
        const csp = h.get('content-security-policy') ?? '';
        const where = `${method} ${path} (${response.status})`;
        if (!csp.includes("default-src 'self'")) problems.push(`${where}: no CSP`);
        if (!csp.includes("frame-ancestors 'self'") && h.get('x-frame-options') !== 'SAMEORIGIN')
          problems.push(`${where}: no frame protection`);
        if (h.get('x-content-type-options') !== 'nosniff') problems.push(`${where}: no nosniff`);
        if (h.has('x-powered-by')) problems.push(`${where}: x-powered-by`);
        // DELETE answers are never cached; the GET and POST ones carry codes, tokens and cases.
        if (
          /^\/api\/(track|session)$/.test(path) &&
          method !== 'DELETE' &&
          h.get('cache-control') !== 'no-store'
        )
          problems.push(`${where}: cache-control ${h.get('cache-control')}`);
        await response.arrayBuffer();
      }
      expect(problems).toEqual([]);
    });
  });
});

describe('the database file', () => {
  it('is readable by the server user only, with its -wal and -shm files, when started as `npm start` does', async () => {
    const dbPath = join(tempDir(), 'hall.db');
    const hall = await startHallProcess(dbPath);
    try {
      const files = [dbPath, `${dbPath}-wal`, `${dbPath}-shm`];
      expect(files.slice(0, 2).every((f) => existsSync(f))).toBe(true);
      const modes = files
        .filter((f) => existsSync(f))
        .map((f) => ({ file: f.slice(dbPath.length) || 'db', others: statSync(f).mode & 0o077 }));
      expect(modes).toEqual(modes.map((m) => ({ ...m, others: 0 })));
      expect(modes.length).toBeGreaterThanOrEqual(2);
    } finally {
      await stopHallProcess(hall);
    }
  });
});
