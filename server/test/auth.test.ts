import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provisionDemo } from '../src/auth/demo-accounts';
import { Devices } from '../src/auth/devices';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from '../src/auth/passwords';
import { actorOf, roleOf } from '../src/auth/principal';
import { StaffAccounts } from '../src/auth/staff-accounts';
import { openDb, type Db } from '../src/db/open-db';

const HOUR = 3_600_000;

/** Every byte SQLite has written for this database: the main file and its WAL. */
function fileBytes(dir: string): string {
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name)).toString('latin1'))
    .join('');
}

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsf', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('answers false, not an exception, for a malformed hash', async () => {
    const good = await hashPassword('whatever1');
    for (const bad of [
      '',
      'plain text',
      'bcrypt$16384$8$1$AAAA$AAAA',
      good.replace('$16384$', '$1000$'), // not a power of two
      good.replace('$16384$', '$1073741824$'), // absurd memory
      good.split('$').slice(0, 5).join('$'),
      `${good}$extra`,
      good.replace(/\$[^$]+$/, '$not base64!'),
    ]) {
      expect(await verifyPassword('whatever1', bad)).toBe(false);
    }
  });

  it('explains passwords that are too short or too long', () => {
    expect(passwordProblem('1234567')).toMatch(/at least 8/);
    expect(passwordProblem('12345678')).toBeNull();
    expect(passwordProblem('x'.repeat(128))).toBeNull();
    expect(passwordProblem('x'.repeat(129))).toMatch(/at most 128/);
  });

  it('generates readable random passwords', () => {
    const passwords = Array.from({ length: 50 }, () => generatePassword());
    for (const p of passwords) expect(p).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
    expect(new Set(passwords).size).toBe(50);
  });
});

describe('staff accounts and sessions', () => {
  let dir: string;
  let db: Db;
  let t: number;
  const clock = { now: () => t };
  let accounts: StaffAccounts;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'yizhan-'));
    db = openDb(join(dir, 'hall.db'));
    t = Date.UTC(2026, 10, 27, 1, 0);
    accounts = new StaffAccounts(db, clock, { sessionHours: 12 });
  });
  afterEach(() => db.close());

  const clerk = { username: 'clerk1', name: '王芳', role: 'clerk', password: 'open sesame' } as const;

  it('adds accounts and lists them without secrets', async () => {
    const added = await accounts.add(clerk);
    expect(added).toEqual({
      ok: true,
      account: { id: expect.any(String), username: 'clerk1', name: '王芳', role: 'clerk', department: null },
    });
    const officer = await accounts.add({
      username: 'officer-exam',
      name: '李强',
      role: 'officer',
      department: 'exam-center',
      password: 'another one',
    });
    expect(officer.ok && officer.account.department).toBe('exam-center');
    expect(accounts.count()).toBe(2);
    const listed = accounts.list();
    expect(listed.map((a) => a.username).sort()).toEqual(['clerk1', 'officer-exam']);
    expect(JSON.stringify(listed)).not.toMatch(/scrypt|password/);
  });

  it('refuses a taken username, a bad username, a bad password and an officer without department', async () => {
    await accounts.add(clerk);
    expect(await accounts.add({ ...clerk, name: '另一个' })).toEqual({ ok: false, error: 'username-taken' });
    for (const username of ['A', 'Clerk2', 'has space', 'x'.repeat(33), '王芳']) {
      expect(await accounts.add({ ...clerk, username })).toEqual({ ok: false, error: 'invalid-username' });
    }
    expect(await accounts.add({ ...clerk, username: 'clerk2', password: 'short' })).toEqual({
      ok: false,
      error: 'invalid-password',
    });
    expect(await accounts.add({ ...clerk, username: 'clerk2', name: '  ' })).toEqual({
      ok: false,
      error: 'invalid-name',
    });
    expect(await accounts.add({ ...clerk, username: 'officer1', role: 'officer' })).toEqual({
      ok: false,
      error: 'department-required',
    });
    expect(await accounts.add({ ...clerk, username: 'officer1', role: 'officer', department: ' ' })).toEqual({
      ok: false,
      error: 'department-required',
    });
    expect(accounts.count()).toBe(1);
  });

  it('logs in with the right password only, and says the same for an unknown user', async () => {
    await accounts.add(clerk);
    const wrong = await accounts.login('clerk1', 'open sesamE');
    const unknown = await accounts.login('nobody', 'open sesame');
    expect(wrong).toEqual({ ok: false, error: 'invalid-credentials' });
    expect(unknown).toEqual(wrong);
    expect(await accounts.login('clerk1', 'x'.repeat(10_000))).toEqual(wrong);

    const login = await accounts.login('clerk1', 'open sesame');
    if (!login.ok) throw new Error('login failed');
    expect(login.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(login.expiresAt).toBe(t + 12 * HOUR);
    expect(accounts.authenticate(login.token)).toEqual({
      ok: true,
      account: login.account,
      expiresAt: login.expiresAt,
    });
    expect(accounts.authenticate('not a token')).toEqual({ ok: false, error: 'unauthenticated' });
    expect(accounts.authenticate('')).toEqual({ ok: false, error: 'unauthenticated' });
  });

  it('stores only the hash of a session token', async () => {
    await accounts.add(clerk);
    const login = await accounts.login('clerk1', 'open sesame');
    if (!login.ok) throw new Error('login failed');
    const rows = db.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(login.token);
    expect(fileBytes(dir)).not.toContain(login.token);
    expect(fileBytes(dir)).not.toContain('open sesame');
  });

  it('expires sessions after the configured hours and deletes them', async () => {
    await accounts.add(clerk);
    const login = await accounts.login('clerk1', 'open sesame');
    if (!login.ok) throw new Error('login failed');
    t += 12 * HOUR - 1;
    expect(accounts.authenticate(login.token).ok).toBe(true);
    t += 1;
    expect(accounts.authenticate(login.token)).toEqual({ ok: false, error: 'session-expired' });
    // Deleted when found expired: asked again, the token is simply unknown.
    expect(accounts.authenticate(login.token)).toEqual({ ok: false, error: 'unauthenticated' });
    expect(db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
  });

  it('ends sessions on logout', async () => {
    await accounts.add(clerk);
    const login = await accounts.login('clerk1', 'open sesame');
    if (!login.ok) throw new Error('login failed');
    expect(accounts.logout(login.token)).toBe(true);
    expect(accounts.logout(login.token)).toBe(false);
    expect(accounts.authenticate(login.token)).toEqual({ ok: false, error: 'unauthenticated' });
  });

  it('ends every session of a user whose password is reset', async () => {
    await accounts.add(clerk);
    const first = await accounts.login('clerk1', 'open sesame');
    const second = await accounts.login('clerk1', 'open sesame');
    if (!first.ok || !second.ok) throw new Error('login failed');
    expect(await accounts.resetPassword('clerk1', 'brand new pw')).toEqual({ ok: true });
    expect(accounts.authenticate(first.token).ok).toBe(false);
    expect(accounts.authenticate(second.token).ok).toBe(false);
    expect((await accounts.login('clerk1', 'open sesame')).ok).toBe(false);
    expect((await accounts.login('clerk1', 'brand new pw')).ok).toBe(true);
    expect(await accounts.resetPassword('nobody', 'brand new pw')).toEqual({
      ok: false,
      error: 'unknown-user',
    });
    expect(await accounts.resetPassword('clerk1', 'short')).toEqual({ ok: false, error: 'invalid-password' });
  });

  it('keeps a disabled user out, sessions included, until enabled again', async () => {
    await accounts.add(clerk);
    const login = await accounts.login('clerk1', 'open sesame');
    if (!login.ok) throw new Error('login failed');
    expect(accounts.setDisabled('clerk1', true)).toEqual({ ok: true });
    expect(accounts.authenticate(login.token).ok).toBe(false);
    expect(await accounts.login('clerk1', 'open sesame')).toEqual({
      ok: false,
      error: 'invalid-credentials',
    });
    expect(accounts.list()[0]?.disabled).toBe(true);
    expect(accounts.setDisabled('clerk1', false)).toEqual({ ok: true });
    expect((await accounts.login('clerk1', 'open sesame')).ok).toBe(true);
    expect(accounts.setDisabled('nobody', true)).toEqual({ ok: false, error: 'unknown-user' });
  });
});

describe('devices', () => {
  let dir: string;
  let db: Db;
  let devices: Devices;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'yizhan-'));
    db = openDb(join(dir, 'hall.db'));
    devices = new Devices(db, { now: () => Date.UTC(2026, 10, 27) });
  });
  afterEach(() => db.close());

  it('provisions a device whose key authenticates it, storing only a hash', () => {
    const { device, key } = devices.provision({ kind: 'kiosk', name: '大厅取号机 1' });
    expect(key).toMatch(/^yzk_[A-Za-z0-9_-]{43}$/);
    expect(devices.authenticate(key)).toEqual(device);
    expect(devices.authenticate(`${key}x`)).toBeNull();
    expect(devices.authenticate('yzk_')).toBeNull();
    expect(devices.authenticate(key.slice(4))).toBeNull();
    expect(fileBytes(dir)).not.toContain(key);
    expect(fileBytes(dir)).not.toContain(key.slice(4));
  });

  it('refuses a revoked key and lists devices with their state', () => {
    const kiosk = devices.provision({ kind: 'kiosk', name: 'kiosk' });
    const display = devices.provision({ kind: 'display', name: 'wall' });
    expect(devices.revoke(kiosk.device.id)).toBe(true);
    expect(devices.revoke('no-such-device')).toBe(false);
    expect(devices.authenticate(kiosk.key)).toBeNull();
    expect(devices.authenticate(display.key)).toEqual(display.device);
    // Listed by kind, then in order of provisioning.
    expect(devices.list()).toEqual([
      { ...display.device, revoked: false },
      { ...kiosk.device, revoked: true },
    ]);
  });
});

describe('principals', () => {
  it('map to connection roles and audit actors', () => {
    const device = { id: 'd1', kind: 'display', name: 'wall' } as const;
    const account = {
      id: 's1',
      username: 'sup',
      name: '值班长',
      role: 'supervisor',
      department: null,
    } as const;
    expect(roleOf({ kind: 'public' })).toBe('public');
    expect(roleOf({ kind: 'device', device })).toBe('display');
    expect(roleOf({ kind: 'staff', account, expiresAt: 0 })).toBe('supervisor');
    expect(actorOf({ kind: 'public' })).toBe('system:public');
    expect(actorOf({ kind: 'device', device })).toBe('device:d1');
    expect(actorOf({ kind: 'staff', account, expiresAt: 0 })).toBe('staff:s1');
  });
});

describe('demo accounts', () => {
  it('are created once, on an empty database, and every credential works', async () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'yizhan-')), 'hall.db'));
    const clock = { now: () => Date.UTC(2026, 10, 27) };
    const accounts = new StaffAccounts(db, clock);
    const devices = new Devices(db, clock);
    const opts = { counters: [1, 2, 3, 4, 5, 6, 7, 8], departments: ['exam-center', 'archive-center'] };

    const demo = await provisionDemo(accounts, devices, opts);
    if (!demo) throw new Error('no demo accounts');
    expect(demo.staff.map((s) => s.username)).toEqual([
      'admin',
      'supervisor',
      'clerk1',
      'clerk2',
      'clerk3',
      'clerk4',
      'clerk5',
      'clerk6',
      'officer-exam-center',
      'officer-archive-center',
    ]);
    expect(demo.staff.find((s) => s.username === 'officer-exam-center')?.department).toBe('exam-center');
    for (const s of demo.staff) {
      expect(s.password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
      expect((await accounts.login(s.username, s.password)).ok).toBe(true);
    }
    expect(demo.devices.map((d) => d.kind)).toEqual(['kiosk', 'display']);
    for (const d of demo.devices) expect(devices.authenticate(d.key)?.id).toBe(d.id);

    expect(await provisionDemo(accounts, devices, opts)).toBeNull();
    expect(accounts.count()).toBe(10);
    db.close();
  });
});
