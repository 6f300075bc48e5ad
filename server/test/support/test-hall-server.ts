import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { loadHallConfigFile } from '../../src/config/load-hall-config-file';
import { openDb, type Db } from '../../src/db/open-db';
import { AdjustableClock } from '../../src/hall/clock';
import { Hall } from '../../src/hall/hall-runtime';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_CONFIG_PATH = join(REPO_ROOT, 'config/hall.default.yaml');
/** Friday 2026-11-27, 09:00 in Shanghai: the default hall is open. */
export const FRIDAY_NINE = Date.UTC(2026, 10, 27, 1, 0, 0);

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'yizhan-test-'));
}

export function defaultHallConfig() {
  const loaded = loadHallConfigFile(DEFAULT_CONFIG_PATH);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.config;
}

export const silentLogger = () => pino({ level: 'silent' });

/** A Hall on a real SQLite file in a fresh temp dir, its clock at Friday 09:00. */
export function openTestHall(dbPath = join(tempDir(), 'hall.db')): {
  hall: Hall;
  db: Db;
  clock: AdjustableClock;
  dbPath: string;
} {
  const db = openDb(dbPath);
  const clock = new AdjustableClock(FRIDAY_NINE);
  const hall = new Hall({ db, clock, config: defaultHallConfig(), logger: silentLogger() });
  return { hall, db, clock, dbPath };
}
