import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Devices } from '../src/auth/devices';
import { StaffAccounts } from '../src/auth/staff-accounts';
import { runAdmin } from '../src/cli/admin';
import { openDb } from '../src/db/open-db';
import { systemClock } from '../src/hall/clock';

let dbPath: string;

beforeEach(() => {
  dbPath = join(mkdtempSync(join(tmpdir(), 'yizhan-')), 'hall.db');
});

/** Runs one admin command in-process against the test's database. */
async function admin(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin([...args, '--db', dbPath], {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Opens the same file as the CLI did, for checking what it wrote. */
async function withDb<T>(use: (accounts: StaffAccounts, devices: Devices) => T | Promise<T>): Promise<T> {
  const db = openDb(dbPath);
  try {
    return await use(new StaffAccounts(db, systemClock), new Devices(db, systemClock));
  } finally {
    db.close();
  }
}

describe('npm run admin', () => {
  it('adds a user with a generated password that then logs in', async () => {
    const result = await admin('user', 'add', '--username', 'clerk7', '--name', '张敏', '--role', 'clerk');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('clerk7');
    const password = /Password: (\S+)/.exec(result.out)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
    const login = await withDb((accounts) => accounts.login('clerk7', password ?? ''));
    expect(login.ok && login.account).toMatchObject({ username: 'clerk7', name: '张敏', role: 'clerk' });
  });

  it('does not echo a password given on the command line', async () => {
    const result = await admin(
      'user',
      'add',
      '--username',
      'sup',
      '--name',
      '值班长',
      '--role',
      'supervisor',
      '--password',
      'given password',
    );
    expect(result.code).toBe(0);
    expect(result.out).not.toContain('given password');
    expect((await withDb((accounts) => accounts.login('sup', 'given password'))).ok).toBe(true);
  });

  it('refuses a duplicate username, an officer without department and bad input with exit code 1', async () => {
    await admin('user', 'add', '--username', 'clerk7', '--name', '张敏', '--role', 'clerk');
    const duplicate = await admin(
      'user',
      'add',
      '--username',
      'clerk7',
      '--name',
      '另一个',
      '--role',
      'clerk',
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toContain('already taken');

    const officer = await admin('user', 'add', '--username', 'off1', '--name', '李强', '--role', 'officer');
    expect(officer).toMatchObject({ code: 1 });
    expect(officer.err).toContain('--department');

    expect((await admin('user', 'add', '--username', 'x1', '--name', 'n', '--role', 'boss')).err).toContain(
      '--role must be one of',
    );
    expect((await admin('user', 'add', '--name', 'n', '--role', 'clerk')).err).toContain(
      '--username is required',
    );
    expect((await admin('user', 'frobnicate')).code).toBe(1);
    expect((await admin('user', 'list', '--colour')).code).toBe(1);
    expect((await admin('user', 'disable', '--username', 'nobody')).err).toContain('no user named "nobody"');
  });

  it('resets passwords and disables and enables users', async () => {
    await admin(
      'user',
      'add',
      '--username',
      'clerk7',
      '--name',
      '张敏',
      '--role',
      'clerk',
      '--password',
      'first password',
    );
    const reset = await admin('user', 'reset-password', '--username', 'clerk7');
    expect(reset.code).toBe(0);
    const password = /Password: (\S+)/.exec(reset.out)?.[1] ?? '';
    expect((await withDb((accounts) => accounts.login('clerk7', 'first password'))).ok).toBe(false);
    expect((await withDb((accounts) => accounts.login('clerk7', password))).ok).toBe(true);

    expect((await admin('user', 'disable', '--username', 'clerk7')).code).toBe(0);
    expect((await withDb((accounts) => accounts.login('clerk7', password))).ok).toBe(false);
    expect((await admin('user', 'list')).out).toMatch(/clerk7\s+clerk\s+-\s+disabled\s+张敏/);
    expect((await admin('user', 'enable', '--username', 'clerk7')).code).toBe(0);
    expect((await withDb((accounts) => accounts.login('clerk7', password))).ok).toBe(true);
  });

  it('adds a device whose printed key authenticates, and revokes it', async () => {
    const added = await admin('device', 'add', '--kind', 'kiosk', '--name', '大厅取号机 2');
    expect(added.code).toBe(0);
    const key = /Key: (yzk_\S+)/.exec(added.out)?.[1] ?? '';
    const device = await withDb((_, devices) => devices.authenticate(key));
    expect(device).toMatchObject({ kind: 'kiosk', name: '大厅取号机 2' });

    expect((await admin('device', 'add', '--kind', 'printer', '--name', 'x')).code).toBe(1);
    expect((await admin('device', 'revoke', '--id', 'nope')).code).toBe(1);
    expect((await admin('device', 'revoke', '--id', device?.id ?? '')).code).toBe(0);
    expect(await withDb((_, devices) => devices.authenticate(key))).toBeNull();
    expect((await admin('device', 'list')).out).toMatch(/kiosk\s+revoked\s+大厅取号机 2/);
  });

  it('lists users and devices without hashes or keys', async () => {
    await admin(
      'user',
      'add',
      '--username',
      'adm',
      '--name',
      '管理员',
      '--role',
      'admin',
      '--password',
      'secret pass',
    );
    await admin(
      'user',
      'add',
      '--username',
      'off1',
      '--name',
      '李强',
      '--role',
      'officer',
      '--department',
      'exam-center',
    );
    const { out: keyOut } = await admin('device', 'add', '--kind', 'display', '--name', 'wall');
    const key = /Key: (yzk_\S+)/.exec(keyOut)?.[1] ?? 'missing';

    const users = await admin('user', 'list');
    expect(users.code).toBe(0);
    expect(users.out).toContain('adm');
    expect(users.out).toMatch(/off1\s+officer\s+exam-center\s+active\s+李强/);
    expect(users.out).not.toMatch(/scrypt|secret pass/);
    const devices = await admin('device', 'list');
    expect(devices.out).toMatch(/display\s+active\s+wall/);
    expect(devices.out).not.toContain(key);
    expect(devices.out).not.toContain(key.slice(4));
  });

  it('prints usage for --help and refuses a missing command', async () => {
    const help = await admin('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('user add');
    expect((await admin()).code).toBe(1);
  });
});
