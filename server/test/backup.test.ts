import { statSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotOf } from '@yizhan/shared';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../src/cli/admin';
import { openDb } from '../src/db/open-db';
import { Hall } from '../src/hall/hall-runtime';
import { backupDatabase } from '../src/ops/backup';
import { defaultHallConfig, openTestHall, silentLogger, tempDir } from './support/test-hall-server';

function issueMany(hall: Hall, from: number, count: number) {
  const code = hall.config.config.services[0]!.code;
  for (let i = from; i < from + count; i++) {
    const result = hall.submit(
      {
        type: 'ticket:issue',
        serviceCode: code,
        priority: 'normal',
        greenReason: null,
        channel: 'kiosk',
        idempotencyKey: `backup-key-${i}`,
        verificationCode: '123456',
      },
      'device:kiosk-1',
    );
    if (!result.ok) throw new Error(result.error);
  }
}

describe('online backup', () => {
  it('copies a consistent hall while it keeps writing, and the copy starts the same hall', async () => {
    const { hall, db } = openTestHall();
    hall.submit({ type: 'day:open' }, 'system:test');
    issueMany(hall, 0, 40);
    const target = join(tempDir(), 'backups', 'copy.db');
    const backup = backupDatabase(db, target);
    issueMany(hall, 40, 20); // the hall goes on while the copy is taken
    const result = await backup;
    expect(result.events).toBeGreaterThanOrEqual(41);
    expect(statSync(target).mode & 0o077).toBe(0);

    const copyDb = openDb(target);
    const restored = new Hall({
      db: copyDb,
      clock: { now: () => hall.now() },
      config: defaultHallConfig(),
      logger: silentLogger(),
    });
    const seqs = (copyDb.prepare('SELECT seq FROM events ORDER BY seq').all() as { seq: number }[]).map(
      (r) => r.seq,
    );
    expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // gap-free, a prefix of the live log
    expect(restored.state.tickets.size).toBe(result.events - 1);
    if (result.events === hall.seq()) expect(snapshotOf(restored.state).tickets.length).toBe(60);
    copyDb.close();
  });

  it('runs from the admin command and refuses to overwrite a file', async () => {
    const { hall, db, dbPath } = openTestHall();
    hall.submit({ type: 'day:open' }, 'system:test');
    issueMany(hall, 0, 5);
    const target = join(tempDir(), 'hall-backup.db');
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(`ERR ${s}`) };
    expect(await runAdmin(['backup', '--db', dbPath, '--to', target], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Backed up 6 events/);
    expect(await runAdmin(['backup', '--db', dbPath, '--to', target], io)).toBe(1);
    expect(out.join('\n')).toMatch(/already exists/);
    db.close();
  });
});
