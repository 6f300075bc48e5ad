import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { makeServiceNumber, type CaseTracking, type HallCommand } from '@yizhan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigStore } from '../src/app/config-store';
import { HallMetrics } from '../src/app/metrics';
import type { ServerContext } from '../src/app/server-context';
import { Devices } from '../src/auth/devices';
import { StaffAccounts } from '../src/auth/staff-accounts';
import { createHttpApp } from '../src/http/http-app';
import { RateLimiter } from '../src/ops/rate-limiter';
import { DEFAULT_CONFIG_PATH, openTestHall, silentLogger, tempDir } from './support/test-hall-server';

const defaultYaml = readFileSync(DEFAULT_CONFIG_PATH, 'utf8');
const PASSWORD = 'correct horse battery';
const VERIFICATION_CODE = '246810';

/** A real context on a real SQLite file, served by a real HTTP server on a free port. */
async function startHttpHall() {
  const dir = tempDir();
  const { hall, db, clock } = openTestHall(join(dir, 'hall.db'));
  const logger = silentLogger();
  const writePath = join(dir, 'hall.yaml');
  writeFileSync(writePath, defaultYaml);
  const accounts = new StaffAccounts(db, clock);
  const ctx: ServerContext = {
    hall,
    accounts,
    devices: new Devices(db, clock),
    configStore: new ConfigStore({ db, hall, logger, clock, yaml: defaultYaml, writePath }),
    metrics: new HallMetrics(hall),
    logger,
    clock,
    trackingLimiter: new RateLimiter({ perMinute: 10, burst: 5, now: () => clock.now() }),
  };
  // One app built, the other two not: both kinds of answer are served.
  const appsDir = join(dir, 'apps');
  mkdirSync(join(appsDir, 'display', 'dist', 'assets'), { recursive: true });
  writeFileSync(join(appsDir, 'display', 'dist', 'index.html'), '<!doctype html><title>display</title>');
  writeFileSync(join(appsDir, 'display', 'dist', 'assets', 'main-abc123.js'), 'console.log(1)');

  const server: Server = createServer(createHttpApp(ctx, { appsDir }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [username, role, department] of [
    ['admin', 'admin', null],
    ['clerk1', 'clerk', null],
  ] as const) {
    const added = await accounts.add({ username, name: username, role, department, password: PASSWORD });
    if (!added.ok) throw new Error(added.error);
  }
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    db.close();
  };
  return { ctx, hall, db, clock, url, writePath, close };
}

type HttpHall = Awaited<ReturnType<typeof startHttpHall>>;

function must(h: HttpHall, command: HallCommand) {
  const result = h.hall.submit(command, 'system:test');
  if (!result.ok) throw new Error(`${command.type}: ${result.error}`);
  return result.events;
}

/** Issues a ticket at the kiosk, serves it at counter 1 and forwards it to a department. */
function forwardedCase(h: HttpHall): string {
  must(h, { type: 'day:open' });
  must(h, { type: 'clerk:login', counter: 1, clerk: { id: 'clerk-1', name: '王芳' } });
  must(h, { type: 'counter:open', counter: 1 });
  const issued = must(h, {
    type: 'ticket:issue',
    serviceCode: 'civil-service-registration',
    priority: 'normal',
    greenReason: null,
    channel: 'kiosk',
    idempotencyKey: 'kiosk-tap-0001',
    verificationCode: VERIFICATION_CODE,
  })[0]?.event;
  if (issued?.type !== 'ticket-issued') throw new Error('no ticket issued');
  must(h, { type: 'ticket:call-next', counter: 1 });
  must(h, { type: 'ticket:start-serving', counter: 1 });
  must(h, { type: 'case:forward', counter: 1, department: 'civil-service-admin', note: null });
  return issued.serviceNumber;
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const bearer = (token: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
});

async function login(h: HttpHall, username: string): Promise<string> {
  const res = await fetch(`${h.url}/api/session`, json({ username, password: PASSWORD }));
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

describe('the HTTP app', () => {
  let h: HttpHall;
  let serviceNumber: string;
  beforeAll(async () => {
    h = await startHttpHall();
    serviceNumber = forwardedCase(h);
  });
  afterAll(() => h.close());
  /** Tracking tests share one address; a minute later its bucket is full again. */
  const refillTracking = () => h.clock.shift(60_000);

  it('tracks a forwarded case by number and code, by POST and by GET', async () => {
    refillTracking();
    const res = await fetch(
      `${h.url}/api/track`,
      json({ serviceNumber, verificationCode: VERIFICATION_CODE }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const tracking = (await res.json()) as CaseTracking;
    expect(tracking.serviceNumber).toBe(serviceNumber);
    expect(tracking.stage).toBe('forwarded');
    expect(tracking.where).toMatchObject({ department: 'civil-service-admin' });
    expect(tracking.dueAt).toBeGreaterThan(h.clock.now());

    const viaGet = await fetch(`${h.url}/api/track?serviceNumber=${serviceNumber}&code=${VERIFICATION_CODE}`);
    expect(viaGet.status).toBe(200);
    expect(((await viaGet.json()) as CaseTracking).stage).toBe('forwarded');
  });

  it('gives byte-identical answers for a wrong code and an unknown number, and names a typo', async () => {
    refillTracking();
    const wrongCode = await fetch(`${h.url}/api/track`, json({ serviceNumber, verificationCode: '000000' }));
    const unknown = await fetch(
      `${h.url}/api/track`,
      json({
        serviceNumber: makeServiceNumber('370000', '2026-11-27', 999),
        verificationCode: VERIFICATION_CODE,
      }),
    );
    expect(wrongCode.status).toBe(404);
    expect(unknown.status).toBe(404);
    const [a, b] = [await wrongCode.text(), await unknown.text()];
    expect(a).toBe('{"error":"not-found"}');
    expect(b).toBe(a);

    const digit = Number(serviceNumber[10]);
    const typo = `${serviceNumber.slice(0, 10)}${(digit + 1) % 10}${serviceNumber.slice(11)}`;
    const typoRes = await fetch(
      `${h.url}/api/track`,
      json({ serviceNumber: typo, verificationCode: VERIFICATION_CODE }),
    );
    expect(typoRes.status).toBe(400);
    expect(await typoRes.json()).toEqual({ error: 'service-number-check-digit' });

    const missing = await fetch(`${h.url}/api/track?serviceNumber=${serviceNumber}`);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'invalid-payload' });
  });

  it('rate-limits tracking per address before looking anything up', async () => {
    refillTracking();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await fetch(`${h.url}/api/track`, json({ serviceNumber, verificationCode: VERIFICATION_CODE }));
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await last?.json()) as { error: string; retryAfterMs: number };
    expect(body.error).toBe('rate-limited');
    expect(body.retryAfterMs).toBeGreaterThan(0);
  });

  it('serves the public board', async () => {
    const res = await fetch(`${h.url}/api/board`);
    expect(res.status).toBe(200);
    const board = (await res.json()) as {
      kind: string;
      seq: number;
      board: { dayOpen: boolean; counters: unknown[] };
    };
    expect(board).toMatchObject({ kind: 'public', seq: h.hall.seq(), board: { dayOpen: true } });
    expect(board.board.counters).toHaveLength(22);
  });

  it('serves the public catalog without internal or secret fields', async () => {
    const res = await fetch(`${h.url}/api/catalog`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const catalog = JSON.parse(text) as {
      version: number;
      hall: { code: string };
      counters: { number: number; name: unknown }[];
      services: { code: string; route: object[] }[];
      departments: unknown[];
    };
    expect(catalog.version).toBe(h.ctx.configStore.current().version);
    expect(catalog.hall.code).toBe('370000');
    expect(catalog.counters).toHaveLength(22);
    expect(Object.keys(catalog.counters[0] ?? {}).sort()).toEqual(['name', 'number']);
    expect(catalog.services.length).toBeGreaterThan(30);
    expect(Object.keys(catalog.services[0]?.route[0] ?? {}).sort()).toEqual([
      'name',
      'serviceMinutes',
      'targetWaitMinutes',
    ]);
    expect(catalog.departments.length).toBeGreaterThan(0);
    const keys = new Set<string>();
    JSON.parse(text, (key: string, value: unknown) => (keys.add(key), value));
    for (const key of keys) expect(key).not.toMatch(/password|verification|skill|routing|limits/i);
  });

  it('answers health with the seq and the day', async () => {
    const res = await fetch(`${h.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, seq: h.hall.seq(), day: { date: '2026-11-27' } });
  });

  it('sets security headers, without upgrading the LAN to https', async () => {
    const res = await fetch(`${h.url}/api/board`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain('img-src');
    expect(csp).toMatch(/connect-src 'self' ws: wss:/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('logs staff in and out', async () => {
    const res = await fetch(`${h.url}/api/session`, json({ username: 'clerk1', password: PASSWORD }));
    expect(res.status).toBe(200);
    const session = (await res.json()) as { token: string; expiresAt: number; user: Record<string, unknown> };
    expect(session.expiresAt).toBeGreaterThan(h.clock.now());
    expect(session.user).toEqual({
      id: expect.any(String),
      username: 'clerk1',
      name: 'clerk1',
      role: 'clerk',
      department: null,
    });
    expect((await fetch(`${h.url}/api/config`, bearer(session.token))).status).toBe(200);

    const out = await fetch(`${h.url}/api/session`, bearer(session.token, { method: 'DELETE' }));
    expect(out.status).toBe(204);
    const after = await fetch(`${h.url}/api/config`, bearer(session.token));
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ error: 'unauthenticated' });

    const wrong = await fetch(
      `${h.url}/api/session`,
      json({ username: 'clerk1', password: 'not the password' }),
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'invalid-credentials' });
  });

  it('lets any staff read the configuration and only an admin replace it', async () => {
    const clerk = await login(h, 'clerk1');
    const admin = await login(h, 'admin');

    expect((await fetch(`${h.url}/api/config`)).status).toBe(401);
    const read = await fetch(`${h.url}/api/config`, bearer(clerk));
    expect(read.status).toBe(200);
    const before = (await read.json()) as { version: number; yaml: string };
    expect(before.yaml).toBe(defaultYaml);

    const renamed = defaultYaml.replace('zh: 省人事厅公共服务大厅', 'zh: 省人社厅政务服务大厅');
    const put = (token: string | null, body: string, type = 'text/yaml') =>
      fetch(`${h.url}/api/config`, {
        method: 'PUT',
        headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      });

    expect((await put(null, renamed)).status).toBe(401);
    const asClerk = await put(clerk, renamed);
    expect(asClerk.status).toBe(403);
    expect(await asClerk.json()).toEqual({ error: 'forbidden' });

    const invalid = await put(
      admin,
      defaultYaml.replace(/^(\s+- skill: )civil-service$/m, '$1no-such-skill'),
    );
    expect(invalid.status).toBe(422);
    const problems = (await invalid.json()) as {
      error: string;
      problems: { path: string; message: string }[];
    };
    expect(problems.error).toBe('invalid-config');
    expect(problems.problems[0]?.path).toBe('services[0].route[0].skill');

    const ok = await put(admin, renamed);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ version: before.version + 1 });
    expect(h.hall.config.config.hall.name.zh).toBe('省人社厅政务服务大厅');
    expect(readFileSync(h.writePath, 'utf8')).toBe(renamed);

    const asJson = await put(admin, JSON.stringify({ yaml: defaultYaml }), 'application/json');
    expect(await asJson.json()).toEqual({ version: before.version + 2 });
    const catalog = (await (await fetch(`${h.url}/api/catalog`)).json()) as { version: number };
    expect(catalog.version).toBe(before.version + 2);
  });

  it('refuses an expired session as expired', async () => {
    const token = await login(h, 'clerk1');
    h.clock.shift(13 * 3_600_000);
    const res = await fetch(`${h.url}/api/config`, bearer(token));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'session-expired' });
  });

  it('serves Prometheus metrics', async () => {
    h.ctx.metrics.ticketIssued('civil-service-registration');
    const res = await fetch(`${h.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('yizhan_tickets_issued_total{service="civil-service-registration"} 1');
    expect(text).toContain('yizhan_waiting_tickets{service="civil-service-registration"} 0');
  });

  it('serves a built app with a fallback for its routes, and a 503 page for one not built', async () => {
    const page = await fetch(`${h.url}/display/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>display</title>');
    const route = await fetch(`${h.url}/display/counter/3`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>display</title>');
    const asset = await fetch(`${h.url}/display/assets/main-abc123.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${h.url}/display/assets/missing.js`)).status).toBe(404);

    const unbuilt = await fetch(`${h.url}/kiosk/`);
    expect(unbuilt.status).toBe(503);
    expect(unbuilt.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await unbuilt.text();
    expect(html).toContain('此应用尚未构建');
    expect(html).toContain('This app has not been built yet');

    const index = await fetch(`${h.url}/`);
    expect(index.status).toBe(200);
    const links = await index.text();
    for (const href of ['/kiosk/', '/counter/', '/display/', '/api/board'])
      expect(links).toContain(`href="${href}"`);
  });

  it('answers malformed JSON and unknown API routes with error codes, never stack traces', async () => {
    const malformed = await fetch(`${h.url}/api/track`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"serviceNumber": ',
    });
    expect(malformed.status).toBe(400);
    const body = (await malformed.json()) as { error: string };
    expect(body.error).toBe('invalid-payload');
    expect(JSON.stringify(body)).not.toMatch(/at |node_modules/);

    const unknown = await fetch(`${h.url}/api/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'not-found' });
  });
});

describe('the HTTP app under stress', () => {
  it('rate-limits login attempts per address', async () => {
    const h = await startHttpHall();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await fetch(
          `${h.url}/api/session`,
          json({ username: 'admin', password: 'wrong password' }),
        );
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses[10]).toBe(429);
    } finally {
      await h.close();
    }
  });

  it('answers health with 503 when the database cannot be read', async () => {
    const h = await startHttpHall();
    try {
      h.db.close();
      const res = await fetch(`${h.url}/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ok: false });
    } finally {
      await h.close().catch(() => {});
    }
  });
});
