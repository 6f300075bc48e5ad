import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open-db';
import type { Clock } from '../hall/clock';

export const DEVICE_KINDS = ['kiosk', 'display'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export interface Device {
  id: string;
  kind: DeviceKind;
  name: string;
}

/** Recognisable in logs and config files, and lets `authenticate` refuse other strings cheaply. */
const KEY_PREFIX = 'yzk_';
/** `yzk_` + 43 base64url characters; anything much longer is not a key we issued. */
const KEY_MAX_LENGTH = 100;

interface DeviceRow {
  id: string;
  kind: DeviceKind;
  name: string;
  revoked: number;
}

/**
 * Kiosks and wall displays run unattended, so they hold a provisioned key
 * instead of a login. The key is shown once when provisioned; the table keeps
 * only its SHA-256 (the key is 32 random bytes, so a fast hash is enough).
 */
export class Devices {
  private readonly statements: {
    insert: Statement<[string, DeviceKind, string, string, number]>;
    revoke: Statement<[string]>;
    byKeyHash: Statement<[string], DeviceRow>;
    all: Statement<[], DeviceRow>;
  };

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.statements = {
      insert: db.prepare('INSERT INTO devices (id, kind, name, key_hash, created_at) VALUES (?, ?, ?, ?, ?)'),
      revoke: db.prepare('UPDATE devices SET revoked = 1 WHERE id = ?'),
      byKeyHash: db.prepare('SELECT id, kind, name, revoked FROM devices WHERE key_hash = ?'),
      all: db.prepare('SELECT id, kind, name, revoked FROM devices ORDER BY kind, created_at, id'),
    };
  }

  provision(input: { kind: DeviceKind; name: string }): { device: Device; key: string } {
    const device: Device = { id: randomUUID(), kind: input.kind, name: input.name.trim() };
    const key = KEY_PREFIX + randomBytes(32).toString('base64url');
    this.statements.insert.run(device.id, device.kind, device.name, keyHash(key), this.clock.now());
    return { device, key };
  }

  /** True when the id names a device (revoked now, or already). */
  revoke(id: string): boolean {
    return this.statements.revoke.run(id).changes === 1;
  }

  authenticate(key: string): Device | null {
    if (typeof key !== 'string' || !key.startsWith(KEY_PREFIX) || key.length > KEY_MAX_LENGTH) return null;
    const row = this.statements.byKeyHash.get(keyHash(key));
    if (!row || row.revoked !== 0) return null;
    return { id: row.id, kind: row.kind, name: row.name };
  }

  list(): (Device & { revoked: boolean })[] {
    return this.statements.all
      .all()
      .map((row) => ({ id: row.id, kind: row.kind, name: row.name, revoked: row.revoked !== 0 }));
  }
}

function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
