import { clientPayloadSchemas, type ClientRequestName } from '@yizhan/shared';
import { Agent, request as httpRequest } from 'node:http';
import { HALL_ERROR_CODES, PROTOCOL_ERROR_CODES, snapshotOf } from '@yizhan/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HTTP_ROUTES } from '../../src/docs/protocol-doc';
import { RateLimiter } from '../../src/ops/rate-limiter';
import {
  login,
  must,
  provisionCast,
  singleStepServices,
  SocketPool,
  startTestServer,
  tapKey,
  type TestServer,
} from './hall-clients';

/**
 * A seeded generator of malformed payloads for the security fuzz tests:
 * wrong types, missing and extra fields, huge strings, deep nesting, arrays
 * for objects, null, NaN/Infinity/negative/float numbers, prototype-pollution
 * keys, unicode junk, numbers as strings. Seeded, so a failure replays.
 */

export type Rng = () => number;

/** mulberry32: small, fast, good enough to pick junk. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

const UNICODE_JUNK = [
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u202d',
  '\ufeff',
  '😀👨‍👩‍👧‍👦',
  'Ｃ０１',
  '１２',
  '\u0301\u0301\u0301',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '${jndi:ldap://x}',
  '\r\n\r\n',
  '　',
];

/** Keys that poison a naive merge: own properties after JSON.parse. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** A nested value `depth` levels deep, arrays or objects. */
export function deepNest(depth: number, asArray: boolean): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** An object with a prototype-pollution key as an own property (as JSON.parse makes it). */
export function polluted(rng: Rng, base: Record<string, unknown> = {}): Record<string, unknown> {
  const key = pick(rng, POLLUTION_KEYS);
  const inner = JSON.stringify({ polluted: true, isAdmin: true, role: 'admin' });
  const extra = JSON.parse(`{${JSON.stringify(key)}:${inner}}`) as Record<string, unknown>;
  return Object.assign(JSON.parse(JSON.stringify(base)) as Record<string, unknown>, extra);
}

/** One junk value of a random kind; `big` allows strings up to ~60 KB. */
export function junkValue(rng: Rng, big = true): unknown {
  const r = rng();
  const kinds: (() => unknown)[] = [
    () => null,
    () => undefined,
    () => true,
    () => false,
    () => 0,
    () => -1,
    () => -Math.floor(rng() * 1e9),
    () => rng() * 100, // a float
    () => Number.NaN,
    () => Number.POSITIVE_INFINITY,
    () => Number.NEGATIVE_INFINITY,
    () => 2 ** 53 + 2,
    () => Number.MAX_VALUE,
    () => -0,
    () => '',
    () => ' ',
    () => String(Math.floor(rng() * 100)), // a number as a string
    () => '1e3',
    () => '0x1F',
    () => pick(rng, UNICODE_JUNK),
    () => pick(rng, UNICODE_JUNK).repeat(1 + Math.floor(rng() * 50)),
    () => [],
    () => [1, 'two', null],
    () => ({}),
    () => ({ nested: { deeper: [null] } }),
    () => deepNest(20 + Math.floor(rng() * 200), rng() < 0.5),
    () => polluted(rng),
    () => 'y'.repeat(101 + Math.floor(rng() * 2000)),
  ];
  if (big && r < 0.01) return 'z'.repeat(10_000 + Math.floor(rng() * 50_000));
  return pick(rng, kinds)();
}

/** What the server receives: socket.io sends JSON; an absent payload is read as `{}`. */
export function asReceived(payload: unknown): unknown {
  const sent = JSON.parse(JSON.stringify([payload])) as unknown[];
  return sent[0] ?? {};
}

export function isValidPayload(name: ClientRequestName, payload: unknown): boolean {
  return clientPayloadSchemas[name].safeParse(asReceived(payload)).success;
}

/**
 * A payload for `name` that the schema refuses, derived from a valid `base`
 * by breaking at least one thing. Retries until invalid (as the server will
 * see it), so a fuzz batch can never change the hall.
 */
export function invalidPayload(rng: Rng, name: ClientRequestName, base: Record<string, unknown>): unknown {
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = mutate(rng, base);
    if (!isValidPayload(name, candidate)) return candidate;
  }
  // Always invalid: every schema is a strict object.
  return { ...base, [`extra${Math.floor(rng() * 1e6)}`]: 1 };
}

function mutate(rng: Rng, base: Record<string, unknown>): unknown {
  const keys = Object.keys(base);
  const copy = (): Record<string, unknown> => ({ ...base });
  const strategy = Math.floor(rng() * 12);
  switch (strategy) {
    case 0: // not an object at all
      return junkValue(rng);
    case 1: // an array for the object
      return rng() < 0.5 ? [base] : Object.values(base);
    case 2: // a missing field
    case 3: {
      const out = copy();
      if (keys.length > 0) delete out[pick(rng, keys)];
      else out['unexpected'] = junkValue(rng, false);
      return out;
    }
    case 4: // an extra field
      return {
        ...copy(),
        [pick(rng, ['extra', 'role', 'clerk', 'department', 'admin', 'verificationCode'])]: junkValue(
          rng,
          false,
        ),
      };
    case 5: // prototype pollution
      return polluted(rng, base);
    case 6: // a long idempotency key / long strings everywhere
      return Object.fromEntries(
        [...keys, 'idempotencyKey'].map((k) => [k, 'k'.repeat(101 + Math.floor(rng() * 5000))]),
      );
    case 7: // numbers as strings
      return Object.fromEntries(
        keys.map((k) => [k, typeof base[k] === 'number' ? String(base[k]) : base[k]]),
      );
    case 8: {
      // every field wrongly typed
      return Object.fromEntries(keys.map((k) => [k, junkValue(rng, false)]));
    }
    default: {
      // one field wrongly typed (the most common, closest to valid)
      const out = copy();
      const key = keys.length > 0 ? pick(rng, keys) : 'unexpected';
      out[key] = junkValue(rng);
      return out;
    }
  }
}

/** A huge payload: over the 64 KiB socket message limit when `bytes` is. */
export function oversized(base: Record<string, unknown>, bytes: number): Record<string, unknown> {
  return { ...base, padding: 'p'.repeat(bytes) };
}

/** Any junk value as text (String() throws on an object whose `toString` was replaced). */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? 'undefined';
}

/** Junk text made safe for encodeURIComponent (lone surrogates become '?'). */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?');
}

// ---------------------------------------------------------------------------
// HTTP: a fuzz suite over documented routes (split across test files so they run in parallel)
// ---------------------------------------------------------------------------

interface Spec {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
  /** Over a body limit: the server may cut the connection instead of answering. */
  huge?: boolean;
}
interface Answer {
  status: number;
  type: string;
  body: Buffer;
}

export type HttpRoute = (typeof HTTP_ROUTES)[number];

/**
 * Every given HTTP route fed 10,000 malformed bodies, queries and headers
 * (bad JSON, wrong content types, bodies over the limits, wrong types, bad
 * tokens, path traversal): no 5xx but the documented 503, every JSON error a
 * known code, the server healthy and the hall unchanged. Registers the
 * suite's hooks and tests in the calling file.
 */
export function httpFuzzSuite(routes: readonly HttpRoute[]): void {
  const PER_ROUTE = 10_000;
  const CONCURRENCY = 16;
  const KNOWN_CODES = new Set<string>([...HALL_ERROR_CODES, ...PROTOCOL_ERROR_CODES]);

  let test: TestServer;
  const pool = new SocketPool();
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let tokens: { admin: string; supervisor: string; clerk: string };
  let kioskKey: string;
  let ticket: { ticketId: string; serviceNumber: string };

  beforeAll(async () => {
    test = await startTestServer();
    const { context, url } = test.server;
    // The tracking limit (burst 5) would turn every lookup into a 429 before it is parsed.
    context.trackingLimiter = new RateLimiter({ perMinute: 1e9, burst: 1e9, now: () => Date.now() });
    const cast = await provisionCast(context.accounts, context.devices, { clerks: 1 });
    const [admin, supervisor, clerk] = await Promise.all([
      login(url, cast.admin),
      login(url, cast.supervisor),
      login(url, cast.clerks[0]!),
    ]);
    tokens = { admin, supervisor, clerk };
    kioskKey = cast.kioskKeys[0]!;
    const supervisorSocket = await pool.connect(url, { token: supervisor });
    await must(supervisorSocket, 'day:open', {});
    const counter = test.config.config.counters[0]!.number;
    const issued = await must(supervisorSocket, 'ticket:issue', {
      serviceCode: singleStepServices(test.config, counter, 'on-site')[0]!,
      priority: 'normal',
      channel: 'kiosk',
      idempotencyKey: tapKey('http-fuzz'),
    });
    ticket = { ticketId: issued.ticketId, serviceNumber: issued.serviceNumber };
  }, 30_000);

  afterAll(async () => {
    pool.closeAll();
    agent.destroy();
    await test?.server.close();
  });

  function send(spec: Spec, retry = true): Promise<Answer | { error: string }> {
    return new Promise((resolve) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: test.server.port,
          method: spec.method,
          path: spec.path,
          headers: spec.headers,
          agent: retry ? agent : false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', (error) => resolve({ error: error.message }));
        },
      );
      req.on('error', (error) => {
        // A keep-alive socket the server closed just as it was reused: the request never
        // arrived; it goes again once, on a fresh connection.
        if (req.reusedSocket && retry) resolve(send(spec, false));
        else resolve({ error: error.message });
      });
      req.end(spec.body);
    });
  }

  // ---------------------------------------------------------------------------
  // The generators
  // ---------------------------------------------------------------------------

  const CONTENT_TYPES = [
    'application/json',
    'application/json; charset=utf-16',
    'application/json; charset=klingon',
    'text/plain',
    'text/yaml',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/octet-stream',
    'application/xml',
    '',
    'application/json, text/plain',
  ];
  const BAD_JSON = [
    '{',
    '{"a":',
    '[',
    'nul',
    '{"a":1,}',
    "{'a':1}",
    '\u0000',
    '{"a":"\\ud800"}',
    '1e999999',
    '"'.repeat(3),
  ];

  function junkJson(rng: Rng): string {
    const r = rng();
    if (r < 0.3) return pick(rng, BAD_JSON);
    if (r < 0.4) return JSON.stringify(polluted(rng, { serviceNumber: 'x', verificationCode: '1' }));
    const value =
      r < 0.7
        ? { [pick(rng, ['serviceNumber', 'username', 'yaml', 'notices', 'x'])]: junkValue(rng) }
        : junkValue(rng);
    return JSON.stringify(value) ?? 'undefined';
  }

  function junkToken(rng: Rng): string {
    return pick(rng, [
      '',
      'Bearer',
      'Bearer ',
      'Bearer null',
      `Bearer ${'a'.repeat(4000)}`,
      'Basic YWRtaW46YWRtaW4=',
      `Bearer ${tokens.admin.slice(0, -1)}x`,
      `bearer ${'0'.repeat(64)}`,
      'Bearer ../../etc/passwd',
      `Bearer ${asText(junkValue(rng, false)).slice(0, 200)}`,
    ]).replace(/[^\t\x20-\x7e]/g, '?');
  }

  function junkQuery(rng: Rng): string {
    const parts = [
      'serviceNumber=',
      'serviceNumber[]=1',
      'serviceNumber[a]=1',
      'serviceNumber=1&serviceNumber=2',
      'code=' + encodeURIComponent('1'.repeat(5000)),
      '__proto__[isAdmin]=1',
      'constructor[prototype][x]=1',
      'paper=59',
      'paper[]=80',
      '%E0%A4%A',
      '&&&==',
      'a=' + encodeURIComponent(wellFormed(asText(junkValue(rng, false)).slice(0, 500))),
      `serviceNumber=${encodeURIComponent(ticket.serviceNumber)}&code=000000`,
    ];
    return Array.from({ length: 1 + Math.floor(rng() * 3) }, () => pick(rng, parts)).join('&');
  }

  /** A malformed body with a content type to go with it (sometimes over a limit). */
  function junkBody(rng: Rng, limit: number): Pick<Spec, 'headers' | 'body' | 'huge'> {
    const type = pick(rng, CONTENT_TYPES);
    const headers: Record<string, string> = type ? { 'content-type': type } : {};
    if (rng() < 0.01) return { headers, body: '{"a":"' + 'h'.repeat(limit + 1024) + '"}', huge: true };
    const body = rng() < 0.8 ? junkJson(rng) : asText(junkValue(rng)).replace(/\ud800|\udfff/g, '?');
    return { headers, body };
  }

  const TRAVERSALS = [
    '/../../etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%252e%252e/%252e%252e/etc/passwd',
    '/....//....//etc/passwd',
    '/..\\..\\package.json',
    '/..%5c..%5cpackage.json',
    '/../../../package.json',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
    '/assets/../../../../etc/passwd',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
    '//etc/passwd',
    '/.env',
    '/./././../vite.config.ts',
  ];

  function specFor(route: { method: string; path: string }, rng: Rng): Spec {
    const auth = (): Record<string, string> =>
      rng() < 0.5
        ? { authorization: junkToken(rng) }
        : { authorization: `Bearer ${pick(rng, Object.values(tokens))}` };
    switch (`${route.method} ${route.path}`) {
      case 'POST /api/track':
        return { method: 'POST', path: `/api/track?${junkQuery(rng)}`, ...junkBody(rng, 256 * 1024) };
      case 'POST /api/session':
        return { method: 'POST', path: '/api/session', ...junkBody(rng, 256 * 1024) };
      case 'PUT /api/config': {
        const body = junkBody(rng, 512 * 1024);
        return { method: 'PUT', path: '/api/config', ...body, headers: { ...body.headers, ...auth() } };
      }
      case 'PUT /api/notices': {
        const body = junkBody(rng, 256 * 1024);
        return { method: 'PUT', path: '/api/notices', ...body, headers: { ...body.headers, ...auth() } };
      }
      case 'DELETE /api/session':
        return { method: 'DELETE', path: '/api/session', headers: { authorization: junkToken(rng) } };
      case 'GET /api/config':
      case 'GET /api/printers':
        return {
          method: 'GET',
          path: `${route.path}?${junkQuery(rng)}`,
          headers: { authorization: junkToken(rng) },
        };
      case 'GET /api/tickets/:ticketId/receipt': {
        const id = pick(rng, [
          ticket.ticketId,
          encodeURIComponent(wellFormed(asText(junkValue(rng, false)).slice(0, 300))),
          '..%2F..%2Fetc%2Fpasswd',
          '%00',
          'x'.repeat(2000),
        ]);
        const headers = rng() < 0.5 ? { 'x-device-key': rng() < 0.3 ? kioskKey : junkToken(rng) } : auth();
        return { method: 'GET', path: `/api/tickets/${id}/receipt?${junkQuery(rng)}`, headers };
      }
      case 'GET /kiosk':
      case 'GET /counter':
      case 'GET /display':
        return { method: 'GET', path: `${route.path}${pick(rng, TRAVERSALS)}`, headers: {} };
      default:
        // GET reads: junk queries, junk headers, even a malformed body.
        return {
          method: route.method,
          path: `${route.path}?${junkQuery(rng)}`,
          ...(rng() < 0.3 ? junkBody(rng, 256 * 1024) : { headers: { authorization: junkToken(rng) } }),
        };
    }
  }

  /** Routes where the docs promise a 503 (the database unreadable, an app not built, storage down). */
  const MAY_503 = new Set([
    'GET /health',
    'GET /kiosk',
    'GET /counter',
    'GET /display',
    'PUT /api/config',
    'PUT /api/notices',
  ]);

  async function run(specs: Spec[], check: (spec: Spec, answer: Answer | { error: string }) => void) {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < specs.length) {
          const spec = specs[next++]!;
          check(spec, await send(spec));
        }
      }),
    );
  }

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: 10,000 malformed requests, no crash, known errors, the hall unchanged',
    async (label, route) => {
      const { hall, configStore } = test.server.context;
      const seq = hall.seq();
      const version = configStore.current().version;
      const before = snapshotOf(hall.state);
      const rng = seededRng(
        0xf022 ^ HTTP_ROUTES.findIndex((r) => r.method === route.method && r.path === route.path),
      );
      const specs = Array.from({ length: PER_ROUTE }, () => specFor(route, rng));
      const statuses = new Map<number | string, number>();
      const problems: string[] = [];
      await run(specs, (spec, answer) => {
        if ('error' in answer) {
          // A body over the limit may be cut off mid-upload; nothing else may fail to answer.
          if (!spec.huge) problems.push(`${spec.method} ${spec.path.slice(0, 80)}: ${answer.error}`);
          statuses.set('cut', (statuses.get('cut') ?? 0) + 1);
          return;
        }
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500 && !(answer.status === 503 && MAY_503.has(label)))
          problems.push(
            `${spec.method} ${spec.path.slice(0, 80)}: HTTP ${answer.status} ${answer.body.toString().slice(0, 200)}`,
          );
        if (answer.status >= 400 && answer.type.startsWith('application/json')) {
          const body = JSON.parse(answer.body.toString()) as { error?: unknown };
          if (typeof body.error !== 'string' || !KNOWN_CODES.has(body.error))
            problems.push(
              `${spec.method} ${spec.path.slice(0, 80)}: unknown error ${answer.body.toString().slice(0, 200)}`,
            );
        }
        const text = answer.body.toString('latin1');
        if (/root:.*:0:0:|"workspaces"|defineConfig/.test(text))
          problems.push(`${spec.method} ${spec.path}: leaked a file outside the app`);
      });
      expect(problems.slice(0, 10)).toEqual([]);
      expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(PER_ROUTE);
      const health = await fetch(`${test.url}/health`);
      expect(health.status).toBe(200);
      expect(hall.seq()).toBe(seq);
      expect(configStore.current().version).toBe(version);
      expect(snapshotOf(hall.state)).toEqual(before);
    },
  );
}

export type HttpFuzzPart = 'api' | 'reads' | 'static';

/** Which test file fuzzes a route; `null` for one nobody fuzzes yet (a test fails on it). */
export function httpFuzzPartOf(route: HttpRoute): HttpFuzzPart | null {
  if (/^\/api\/(track|session|config|notices)$/.test(route.path)) return 'api';
  if (
    ['/health', '/api/board', '/api/catalog', '/api/printers', '/api/tickets/:ticketId/receipt'].includes(
      route.path,
    )
  )
    return 'reads';
  if (route.path === '/metrics' || /^\/(kiosk|counter|display)$/.test(route.path)) return 'static';
  return null;
}

export const httpFuzzRoutes = (part: HttpFuzzPart): HttpRoute[] =>
  HTTP_ROUTES.filter((route) => httpFuzzPartOf(route) === part);
