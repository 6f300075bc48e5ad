import { realpathSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEVICE_KINDS, Devices } from '../auth/devices';
import { generatePassword, passwordProblem } from '../auth/passwords';
import { STAFF_ROLES, StaffAccounts, USERNAME_PATTERN } from '../auth/staff-accounts';
import { REPO_ROOT } from '../app/paths';
import { openDb, type Db } from '../db/open-db';
import { backupDatabase, defaultBackupName } from '../ops/backup';
import { systemClock } from '../hall/clock';

/**
 * `npm run admin -- <command>`: staff accounts and device keys, run on the
 * hall server's machine against its database file. Passwords and keys are
 * printed once and never stored in the clear; hashes are never printed.
 */

export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
}

const DEFAULT_DB = 'data/yizhan.db';

const USAGE = `Usage: npm run admin -- <command> [--db <file>]

  user add --username <u> --name <name> --role clerk|officer|supervisor|admin
           [--department <code>] [--password <p>]     (no --password: one is generated and printed)
  user reset-password --username <u> [--password <p>]
  user disable --username <u>
  user enable --username <u>
  user list
  device add --kind kiosk|display --name <name>      (prints the device key once)
  device revoke --id <id>
  device list
  backup [--to <file>]                                (online backup, safe while the hall is open;
                                                      default data/backups/yizhan-<time>.db)

  --db <file>   the hall database (default ${DEFAULT_DB} in the repository; or YIZHAN_DB)`;

/** Runs one admin command; returns the process exit code (0 done, 1 refused or failed). */
export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        username: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        department: { type: 'string' },
        password: { type: 'string' },
        kind: { type: 'string' },
        id: { type: 'string' },
        to: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`错误 Error: ${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 1;
  }

  let db: Db | undefined;
  try {
    const command = positionals.join(' ');
    const run = COMMANDS.get(command);
    if (!run) throw new Error(`unknown command "${command}"\n\n${USAGE}`);
    db = openDb(databasePath(values.db));
    return await run({ values, db, io });
  } catch (error) {
    io.err(`错误 Error: ${(error as Error).message}`);
    return 1;
  } finally {
    db?.close();
  }
}

interface Values {
  db?: string | undefined;
  username?: string | undefined;
  name?: string | undefined;
  role?: string | undefined;
  department?: string | undefined;
  password?: string | undefined;
  kind?: string | undefined;
  id?: string | undefined;
  to?: string | undefined;
}

type Command = (ctx: { values: Values; db: Db; io: AdminIo }) => Promise<number> | number;

const COMMANDS = new Map<string, Command>([
  [
    'backup',
    async ({ values, db, io }) => {
      const target = values.to
        ? resolve(process.env['INIT_CWD'] ?? process.cwd(), values.to)
        : resolve(REPO_ROOT, 'data/backups', defaultBackupName(new Date()));
      const result = await backupDatabase(db, target);
      io.out(
        `已备份 Backed up ${result.events} events (${Math.round(result.bytes / 1024)} KiB) to ${result.path}`,
      );
      return 0;
    },
  ],
  [
    'user add',
    async ({ values, db, io }) => {
      const username = required(values, 'username');
      const name = required(values, 'name');
      const role = oneOf(required(values, 'role'), STAFF_ROLES, 'role');
      const password = values.password ?? generatePassword();
      const added = await new StaffAccounts(db, systemClock).add({
        username,
        name,
        role,
        department: values.department ?? null,
        password,
      });
      if (!added.ok) {
        const why: Record<typeof added.error, string> = {
          'username-taken': `the username "${username}" is already taken`,
          'invalid-username': `the username must be 2–32 characters of a-z, 0-9, ".", "_" or "-" (${USERNAME_PATTERN})`,
          'invalid-name': 'the name must have 1–40 characters',
          'invalid-password': passwordProblem(password) ?? 'the password cannot be used',
          'department-required':
            'an officer needs --department <code> (the department whose cases they work)',
        };
        throw new Error(why[added.error]);
      }
      const { account } = added;
      io.out(
        `已创建 Created ${account.role} ${account.username} (${account.name})` +
          (account.department ? `, department ${account.department}` : ''),
      );
      if (values.password === undefined)
        io.out(`密码 Password: ${password}   (shown once; hand it over in person)`);
      return 0;
    },
  ],
  [
    'user reset-password',
    async ({ values, db, io }) => {
      const username = required(values, 'username');
      const password = values.password ?? generatePassword();
      const reset = await new StaffAccounts(db, systemClock).resetPassword(username, password);
      if (!reset.ok) {
        throw new Error(
          reset.error === 'unknown-user'
            ? `no user named "${username}"`
            : (passwordProblem(password) ?? 'the password cannot be used'),
        );
      }
      io.out(`已重置 Password reset for ${username}; their sessions have ended.`);
      if (values.password === undefined) io.out(`密码 Password: ${password}   (shown once)`);
      return 0;
    },
  ],
  ['user disable', ({ values, db, io }) => setDisabled(values, db, io, true)],
  ['user enable', ({ values, db, io }) => setDisabled(values, db, io, false)],
  [
    'user list',
    ({ db, io }) => {
      const accounts = new StaffAccounts(db, systemClock).list();
      if (accounts.length === 0) io.out('(no staff accounts)');
      for (const a of accounts) {
        const status = a.disabled ? 'disabled' : 'active';
        io.out(
          [
            a.username.padEnd(32),
            a.role.padEnd(10),
            (a.department ?? '-').padEnd(24),
            status.padEnd(8),
            a.name,
          ].join(' '),
        );
      }
      return 0;
    },
  ],
  [
    'device add',
    ({ values, db, io }) => {
      const kind = oneOf(required(values, 'kind'), DEVICE_KINDS, 'kind');
      const name = required(values, 'name').trim();
      if (name.length === 0 || name.length > 60) throw new Error('the device name must have 1–60 characters');
      const { device, key } = new Devices(db, systemClock).provision({ kind, name });
      io.out(`已添加 Added ${device.kind} "${device.name}", id ${device.id}`);
      io.out(`密钥 Key: ${key}   (shown once; enter it in the device's settings)`);
      return 0;
    },
  ],
  [
    'device revoke',
    ({ values, db, io }) => {
      const id = required(values, 'id');
      if (!new Devices(db, systemClock).revoke(id)) throw new Error(`no device with id "${id}"`);
      io.out(`已吊销 Revoked device ${id}; its key no longer works.`);
      return 0;
    },
  ],
  [
    'device list',
    ({ db, io }) => {
      const devices = new Devices(db, systemClock).list();
      if (devices.length === 0) io.out('(no devices)');
      for (const d of devices) {
        io.out([d.id, d.kind.padEnd(8), (d.revoked ? 'revoked' : 'active').padEnd(8), d.name].join(' '));
      }
      return 0;
    },
  ],
]);

function setDisabled(values: Values, db: Db, io: AdminIo, disabled: boolean): number {
  const username = required(values, 'username');
  const result = new StaffAccounts(db, systemClock).setDisabled(username, disabled);
  if (!result.ok) throw new Error(`no user named "${username}"`);
  io.out(
    disabled ? `已停用 Disabled ${username}; their sessions have ended.` : `已启用 Enabled ${username}.`,
  );
  return 0;
}

/** npm runs scripts from server/; a relative path means relative to where the user typed the command. */
function databasePath(flag: string | undefined): string {
  const given = flag ?? process.env['YIZHAN_DB'];
  if (!given) return resolve(REPO_ROOT, DEFAULT_DB);
  return isAbsolute(given) ? given : resolve(process.env['INIT_CWD'] ?? process.cwd(), given);
}

function required(values: Values, option: keyof Values): string {
  const value = values[option];
  if (value === undefined || value.trim() === '') throw new Error(`--${option} is required`);
  return value;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

function isMain(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  process.exitCode = await runAdmin(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
