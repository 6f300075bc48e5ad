import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServerApp, REPO_ROOT } from '../app/create-server-app';
import { hallConfigSummary } from '../config/config-summary';
import { loadHallConfigFile } from '../config/load-hall-config-file';
import { NewerDatabaseError } from '../db/open-db';
import { AdjustableClock, systemClock } from '../hall/clock';
import { createLogger } from '../ops/logger';
import { VirtualPrinter } from '../printing/virtual-printer';

/** Where config/hall.default.yaml's example printer points. */
const VIRTUAL_PRINTER_PORT = 9100;

/**
 * `npm start`: the hall server. Creates the database on first start, loads the
 * hall configuration, provisions demo accounts on a fresh database (printed
 * once), serves the apps and the realtime gateway, and stops cleanly on
 * SIGTERM / SIGINT.
 *
 * Flags (and env): --port (YIZHAN_PORT, 8080), --host (YIZHAN_HOST, 0.0.0.0),
 * --db (YIZHAN_DB, data/yizhan.db), --config (YIZHAN_CONFIG), --no-demo,
 * --no-auto-day, --clock-start <ISO instant> (tests and demos outside hours),
 * --check (validate the configuration, print its summary, and exit).
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    config: { type: 'string' },
    'no-demo': { type: 'boolean' },
    'no-auto-day': { type: 'boolean' },
    'clock-start': { type: 'string' },
    check: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  allowPositionals: false,
});

if (values.help) {
  console.log(
    'Usage: npm start -- [--port 8080] [--host 0.0.0.0] [--db data/yizhan.db] [--config hall.yaml]\n' +
      '                    [--no-demo] [--no-auto-day] [--clock-start 2026-11-27T09:00:00+08:00] [--check]',
  );
  process.exit(0);
}

// Files this process creates (the database's WAL and journal too) are its owner's alone.
process.umask(0o077);

const cwd = process.env['INIT_CWD'] ?? process.cwd();
const explicitConfig = values.config ?? process.env['YIZHAN_CONFIG'];
const loaded = loadHallConfigFile(explicitConfig && resolve(cwd, explicitConfig));
if (!loaded.ok) {
  console.error(`配置文件有误 The hall configuration is not valid: ${loaded.path}\n${loaded.message}`);
  process.exit(1);
}

let clock = systemClock;
if (values['clock-start']) {
  const start = Date.parse(values['clock-start']);
  if (Number.isNaN(start)) {
    console.error(`--clock-start: not an instant: ${values['clock-start']}`);
    process.exit(1);
  }
  clock = new AdjustableClock(start);
}

console.log(`配置已加载 Configuration loaded from ${loaded.path}\n`);
console.log(hallConfigSummary(loaded.config, clock.now()));
if (values.check) process.exit(0);

const port = Number(values.port ?? process.env['YIZHAN_PORT'] ?? 8080);
const host = values.host ?? process.env['YIZHAN_HOST'] ?? '0.0.0.0';
const dbPath = resolve(cwd, values.db ?? process.env['YIZHAN_DB'] ?? resolve(REPO_ROOT, 'data/yizhan.db'));
// Admin changes go to the hall's own file; the shipped default is never overwritten.
const configWritePath = loaded.path.endsWith('hall.default.yaml')
  ? resolve(REPO_ROOT, 'config/hall.yaml')
  : loaded.path;
const logger = createLogger();
const isNewDatabase = !existsSync(dbPath);

// Demo mode prints on a pretend printer, so a new user sees what a ticket looks like.
let virtualPrinter: VirtualPrinter | null = null;
const receiptsDir = resolve(REPO_ROOT, 'data/receipts');
if (!values['no-demo']) {
  virtualPrinter = new VirtualPrinter({ dir: receiptsDir });
  try {
    await virtualPrinter.listen(VIRTUAL_PRINTER_PORT, '127.0.0.1');
  } catch (error) {
    console.warn(`虚拟打印机未启动 The virtual printer did not start: ${(error as Error).message}`);
    virtualPrinter = null;
  }
}

try {
  const server = await createServerApp({
    dbPath,
    configPath: loaded.path,
    configWritePath,
    port,
    host,
    clock,
    logger,
    demo: !values['no-demo'],
    autoDay: !values['no-auto-day'],
    // Staff see a printer out of paper before the next visitor finds out.
    printerPollMs: 30_000,
  });
  console.log(`\n一站 Yizhan 已启动 is running: ${server.url}`);
  // In a plain browser a device proves itself with its key in the address (the Electron shells read it from their config).
  const keyOf = (kind: string) => server.demo?.devices.find((d) => d.kind === kind)?.key;
  const withKey = (path: string, kind: string) =>
    `${server.url}${path}${keyOf(kind) ? `?key=${keyOf(kind)}` : ''}`;
  console.log(`  取号机 Kiosk        ${withKey('/kiosk/', 'kiosk')}`);
  console.log(`  窗口   Counter      ${server.url}/counter/`);
  console.log(`  综合屏 Wall display ${withKey('/display/', 'display')}`);
  console.log(`  手机   Phones       ${server.url}/display/board   ·   ${server.url}/display/track`);
  console.log(`  数据库 Database     ${dbPath}${isNewDatabase ? ' (new)' : ''}`);
  if (virtualPrinter) {
    console.log(
      `  虚拟打印机 Virtual printer 127.0.0.1:${VIRTUAL_PRINTER_PORT} → ${receiptsDir} (.txt .bin .png)`,
    );
  }
  if (server.demo) {
    console.log('\n演示账号（只显示这一次，请妥善保存）Demo accounts — shown this once, keep them:');
    for (const user of server.demo.staff) {
      const where = user.counter !== null ? `${user.counter}号窗口 counter ${user.counter}` : '';
      console.log(
        `  ${user.role.padEnd(10)} ${user.username.padEnd(28)} ${user.password}   ${user.name} ${where}`,
      );
    }
    for (const device of server.demo.devices)
      console.log(`  ${device.kind.padEnd(10)} ${device.name.padEnd(28)} ${device.key}`);
  }
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    void virtualPrinter?.close();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
} catch (error) {
  if (error instanceof NewerDatabaseError) {
    console.error(`数据库版本过新 ${error.message}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
}
