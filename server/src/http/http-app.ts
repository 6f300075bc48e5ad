import { resolve } from 'node:path';
import { clientPayloadSchemas, formatPath, type AckError, type ErrorCode } from '@yizhan/shared';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { z } from 'zod';
import type { ServerContext } from '../app/server-context';
import type { StaffAccount, StaffRole } from '../auth/staff-accounts';
import { lookupCase } from '../gateway/handle-request';
import { RateLimiter } from '../ops/rate-limiter';
import { publicSnapshot } from '../gateway/role-views';
import { APP_NAMES, indexPage, serveApp } from './app-pages';
import { hallCatalog, type HallCatalog } from './hall-catalog';

const sessionSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
});
const noticesBodySchema = z.strictObject({
  notices: z
    .array(z.strictObject({ zh: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }))
    .max(10),
});
const configBodySchema = z.strictObject({ yaml: z.string().min(1) });

/**
 * The hall's HTTP side: health and metrics for operations, the public board,
 * catalog and case tracking, staff sessions, the configuration for admins, and
 * the built browser apps. Answers are JSON with the shared error codes; request
 * bodies are never logged, as they carry passwords and verification codes.
 */
export function createHttpApp(
  ctx: ServerContext,
  opts: { appsDir: string; routes?: express.Router },
): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Hall PCs reach the server directly on the LAN; no proxy headers are trusted.
  app.set('trust proxy', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          // Halls serve plain http inside the LAN; upgrading would break every request.
          'upgrade-insecure-requests': null,
        },
      },
      // Same reason: HSTS would pin the host to https the first time anyone tried it.
      strictTransportSecurity: false,
    }),
  );
  app.use(accessLog(ctx));
  app.use(express.json({ limit: '256kb' }));
  app.use(express.text({ type: ['text/yaml', 'application/yaml', 'text/plain'], limit: '512kb' }));

  const db = ctx.hall.store.db;
  const ping = db.prepare('SELECT 1');
  app.get('/health', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      ping.get();
    } catch (error) {
      ctx.logger.error({ err: error }, 'health check: the database cannot be read');
      res.status(503).json({ ok: false });
      return;
    }
    const { hall } = ctx;
    res.json({ ok: true, seq: hall.seq(), day: hall.state.day, uptimeSeconds: Math.round(process.uptime()) });
  });

  app.get('/api/board', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(publicSnapshot(ctx.hall));
  });

  let catalog: { version: number; body: HallCatalog } | null = null;
  app.get('/api/catalog', (_req, res) => {
    const current = ctx.configStore.current();
    if (catalog?.version !== current.version) {
      catalog = { version: current.version, body: hallCatalog(current.config, current.version) };
    }
    res.set('Cache-Control', 'no-cache').json(catalog.body);
  });

  const track = (req: Request, res: Response, raw: unknown) => {
    res.set('Cache-Control', 'no-store');
    // Before anything is looked up, so numbers cannot be enumerated faster than the limit.
    const limit = ctx.trackingLimiter.take(clientAddress(req));
    if (!limit.ok) return rateLimited(res, limit.retryAfterMs);
    const parsed = clientPayloadSchemas['case:lookup'].safeParse(raw);
    if (!parsed.success) return invalidPayload(res, parsed.error.issues);
    const result = lookupCase(ctx, parsed.data);
    if (!result.ok) return fail(res, result.error);
    res.json(result.data);
  };
  app.post('/api/track', (req, res) => track(req, res, req.body));
  app.get('/api/track', (req, res) =>
    track(req, res, { serviceNumber: req.query['serviceNumber'], verificationCode: req.query['code'] }),
  );

  // Passwords are guessed per address; scrypt already makes each guess slow.
  const loginLimiter = new RateLimiter({ perMinute: 10, burst: 10, now: () => ctx.clock.now() });
  app.post('/api/session', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const limit = loginLimiter.take(clientAddress(req));
    if (!limit.ok) return rateLimited(res, limit.retryAfterMs);
    const parsed = sessionSchema.safeParse(req.body);
    if (!parsed.success) return invalidPayload(res, parsed.error.issues);
    const login = await ctx.accounts.login(parsed.data.username, parsed.data.password);
    if (!login.ok) return fail(res, 'invalid-credentials', {}, 401);
    const { id, username, name, role, department } = login.account;
    res.json({
      token: login.token,
      expiresAt: login.expiresAt,
      user: { id, username, name, role, department },
    });
  });
  app.delete('/api/session', (req, res) => {
    const token = bearerToken(req);
    if (token === null) return fail(res, 'unauthenticated');
    ctx.accounts.logout(token); // an unknown or expired token is as logged out as it gets
    res.status(204).end();
  });

  app.get('/api/config', (req, res) => {
    res.set('Cache-Control', 'no-store');
    if (!staffSession(ctx, req, res)) return;
    const { version, yaml } = ctx.configStore.current();
    res.json({ version, yaml });
  });
  app.put('/api/config', (req, res) => {
    res.set('Cache-Control', 'no-store');
    const account = staffSession(ctx, req, res, ['admin']);
    if (!account) return;
    let yaml: string;
    if (typeof req.body === 'string') yaml = req.body;
    else {
      const parsed = configBodySchema.safeParse(req.body);
      if (!parsed.success) return invalidPayload(res, parsed.error.issues);
      yaml = parsed.data.yaml;
    }
    let result;
    try {
      result = ctx.configStore.replace(yaml, `staff:${account.id}`);
    } catch (error) {
      ctx.logger.error({ err: error }, 'configuration not saved');
      return fail(res, 'storage-unavailable');
    }
    if (!result.ok) return fail(res, 'invalid-config', { problems: result.problems }, 422);
    res.json({ version: result.version });
  });

  // Scrolling notices on the wall: supervisors change them during the day.
  app.put('/api/notices', (req, res) => {
    res.set('Cache-Control', 'no-store');
    const account = staffSession(ctx, req, res, ['supervisor', 'admin']);
    if (!account) return;
    const parsed = noticesBodySchema.safeParse(req.body);
    if (!parsed.success) return invalidPayload(res, parsed.error.issues);
    let result;
    try {
      result = ctx.configStore.replaceNotices(parsed.data.notices, `staff:${account.id}`);
    } catch (error) {
      ctx.logger.error({ err: error }, 'notices not saved');
      return fail(res, 'storage-unavailable');
    }
    if (!result.ok) return fail(res, 'invalid-config', { problems: result.problems }, 422);
    res.json({ version: result.version });
  });

  app.get('/metrics', async (_req, res) => {
    const text = await ctx.metrics.render();
    res.set('Content-Type', ctx.metrics.contentType).send(text);
  });

  // Routes of other modules (printing) get the same security headers and access log.
  if (opts.routes) app.use(opts.routes);
  for (const name of APP_NAMES) serveApp(app, name, resolve(opts.appsDir, name, 'dist'));
  app.get('/', (_req, res) => {
    res.type('html').send(indexPage(ctx.hall.config.config.hall.name));
  });

  app.use((_req, res) => fail(res, 'not-found'));
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const parserError = error as { type?: unknown; status?: unknown };
    if (typeof parserError.type === 'string' && typeof parserError.status === 'number') {
      // body-parser's errors carry the raw body: answered, never logged.
      const status = parserError.status >= 400 && parserError.status < 500 ? parserError.status : 400;
      return fail(res, 'invalid-payload', { message: parserError.type }, status);
    }
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
    ctx.logger.error({ err: { name, message, stack }, method: req.method, path: req.path }, 'request failed');
    fail(res, 'internal-error');
  });
  return app;
}

type FailureCode = ErrorCode | 'invalid-credentials' | 'invalid-config';

const STATUS_OF: Partial<Record<FailureCode, number>> = {
  'invalid-payload': 400,
  'service-number-check-digit': 400,
  unauthenticated: 401,
  'session-expired': 401,
  'invalid-credentials': 401,
  forbidden: 403,
  'not-found': 404,
  'invalid-config': 422,
  'rate-limited': 429,
  'internal-error': 500,
  'storage-unavailable': 503,
};

function fail(
  res: Response,
  error: FailureCode,
  extra: Omit<AckError, 'ok' | 'error'> | { problems: unknown } = {},
  status = STATUS_OF[error] ?? 400,
): void {
  res.status(status).json({ error, ...extra });
}

function rateLimited(res: Response, retryAfterMs: number): void {
  res.set('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
  fail(res, 'rate-limited', { retryAfterMs });
}

function invalidPayload(res: Response, issues: readonly z.core.$ZodIssue[]): void {
  fail(res, 'invalid-payload', {
    issues: issues.slice(0, 20).map((i) => ({ path: formatPath(i.path), message: i.message })),
  });
}

function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

function bearerToken(req: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  return match?.[1] ?? null;
}

/** The session's account if it may go on (any staff, or one of `roles`); otherwise answers 401/403 and gives null. */
function staffSession(
  ctx: ServerContext,
  req: Request,
  res: Response,
  roles?: readonly StaffRole[],
): StaffAccount | null {
  const token = bearerToken(req);
  const session = token === null ? null : ctx.accounts.authenticate(token);
  if (!session?.ok) {
    fail(res, session?.error ?? 'unauthenticated');
    return null;
  }
  if (roles && !roles.includes(session.account.role)) {
    fail(res, 'forbidden');
    return null;
  }
  return session.account;
}

/** Method, path (never the query: it may hold a verification code), status and time; never the body. */
function accessLog(ctx: ServerContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    res.on('finish', () => {
      const entry = {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      };
      if (res.statusCode >= 500) ctx.logger.warn(entry, 'http request');
      else ctx.logger.debug(entry, 'http request');
    });
    next();
  };
}
