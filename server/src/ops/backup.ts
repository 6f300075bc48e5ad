import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/open-db';

export interface BackupResult {
  path: string;
  bytes: number;
  events: number;
}

/**
 * An online backup with SQLite's backup API: consistent even while the hall
 * is open and writing (WAL lets this connection read a stable snapshot). The
 * copy is checked (integrity_check) before it is reported good, and it is
 * readable by its owner only, like the original.
 */
export async function backupDatabase(db: Db, destination: string): Promise<BackupResult> {
  if (existsSync(destination)) throw new Error(`${destination} already exists; choose a new file name`);
  mkdirSync(dirname(destination), { recursive: true });
  await db.backup(destination);
  chmodSync(destination, 0o600);
  const copy = new Database(destination, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the backup failed its integrity check: ${String(check)}`);
    const { n } = copy.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
    return { path: destination, bytes: statSync(destination).size, events: n };
  } finally {
    copy.close();
  }
}

/** `data/backups/yizhan-2026-11-27T0930.db` style names, in local time. */
export function defaultBackupName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `yizhan-${stamp}.db`;
}
