import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseHallConfigYaml, formatConfigProblems } from '@yizhan/shared';
import express from 'express';
import type { Logger } from 'pino';
import { provisionDemo, type DemoCredentials } from '../auth/demo-accounts';
import { Devices } from '../auth/devices';
import { StaffAccounts } from '../auth/staff-accounts';
import { openDb, type Db } from '../db/open-db';
import { createSocketGateway, type HallSocketServer } from '../gateway/socket-gateway';
import { systemClock, type Clock } from '../hall/clock';
import { startDayScheduler } from '../hall/day-scheduler';
import { Hall } from '../hall/hall-runtime';
import { createHttpApp } from '../http/http-app';
import { roomOf } from '../gateway/role-views';
import { PrintingService } from '../printing/printing-service';
import { printingRoutes } from '../printing/printing-routes';
import { createLogger } from '../ops/logger';
import { RateLimiter } from '../ops/rate-limiter';
import { ConfigStore } from './config-store';
import { HallMetrics } from './metrics';
import type { ServerContext } from './server-context';

import { REPO_ROOT } from './paths';

export { REPO_ROOT };

export interface ServerOptions {
  dbPath: string;
  /** The configuration file to load; `configWritePath` is where admin changes are saved. */
  configPath: string;
  configWritePath: string;
  port: number;
  host: string;
  clock?: Clock;
  logger?: Logger;
  appsDir?: string;
  /** Open and close the day by the opening hours (off in tests that drive the day). */
  autoDay?: boolean;
  /** Create demo accounts and device keys on a fresh database. */
  demo?: boolean;
  /** Public tracking lookups per client per minute. */
  trackingPerMinute?: number;
  /** Ask every configured printer for its state this often (0 or absent: only when printing). */
  printerPollMs?: number;
  /** The per-connection socket flood guard (default 1200 requests a minute, burst 200). */
  floodGuard?: { perMinute: number; burst: number };
}

export interface RunningServer {
  url: string;
  port: number;
  context: ServerContext;
  io: HallSocketServer;
  httpServer: HttpServer;
  db: Db;
  demo: DemoCredentials | null;
  close(): Promise<void>;
}

/**
 * The hall server: one process, one database file. Builds the context,
 * serves HTTP and socket.io on one port, and shuts down cleanly.
 */
export async function createServerApp(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger();
  const clock = options.clock ?? systemClock;
  const yaml = readFileSync(options.configPath, 'utf8');
  const parsed = parseHallConfigYaml(yaml);
  if (!parsed.ok)
    throw new Error(
      `invalid hall configuration ${options.configPath}:\n${formatConfigProblems(parsed.problems)}`,
    );

  const db = openDb(options.dbPath);
  const hall = new Hall({ db, clock, config: parsed.config, logger });
  const configStore = new ConfigStore({ db, hall, logger, clock, yaml, writePath: options.configWritePath });
  hall.useConfig(configStore.current().config);
  const accounts = new StaffAccounts(db, clock);
  const devices = new Devices(db, clock);
  const metrics = new HallMetrics(hall);
  const trackingLimiter = new RateLimiter({
    perMinute: options.trackingPerMinute ?? 10,
    burst: Math.min(5, options.trackingPerMinute ?? 10),
    now: () => clock.now(),
  });
  let origin = '';
  const printing = new PrintingService({ hall, logger, clock, origin: () => origin });
  const context: ServerContext = {
    hall,
    accounts,
    devices,
    configStore,
    metrics,
    logger,
    clock,
    trackingLimiter,
    printing,
  };

  const demo = options.demo
    ? await provisionDemo(accounts, devices, {
        counters: hall.config.config.counters.map((c) => c.number),
        departments: hall.config.config.departments.map((d) => d.code),
      })
    : null;

  const app = createHttpApp(context, {
    appsDir: options.appsDir ?? `${REPO_ROOT}apps`,
    routes: printingRoutes(context),
  });
  // Printing's routes are mounted inside the app (behind its security headers, before its 404).
  const root = express();
  root.disable('x-powered-by');
  root.use(app);
  const httpServer = createServer(root);
  const io = createSocketGateway(
    httpServer,
    context,
    options.floodGuard ? { floodGuard: options.floodGuard } : {},
  );
  configStore.onChange((version) => io.emit('hall:config-changed', { version }));
  printing.onJob((result) => io.emit('printer:job', result));
  printing.onStatus((printers) => io.to(roomOf({ kind: 'staff' })).emit('printer:status', printers));
  const pollTimer =
    options.printerPollMs && options.printerPollMs > 0
      ? setInterval(() => void printing.poll(), options.printerPollMs)
      : null;
  pollTimer?.unref();
  const stopScheduler = options.autoDay === false ? () => {} : startDayScheduler(hall, logger);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  origin = `http://${shownHost}:${port}`;
  logger.info({ port, db: options.dbPath, seq: hall.seq() }, 'hall server listening');

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      stopScheduler();
      if (pollTimer) clearInterval(pollTimer);
      // io.close() disconnects every client and closes the HTTP server; idle
      // keep-alive connections would hold it open, so they are cut too.
      const closed = new Promise<void>((resolve) => io.close(() => resolve()));
      httpServer.closeAllConnections();
      await closed;
      await printing.idle();
      db.close();
    })());

  return { url: `http://${shownHost}:${port}`, port, context, io, httpServer, db, demo, close };
}
