import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open-db';
import type { Clock } from '../hall/clock';
import {
  hashPassword,
  PASSWORD_MAX_LENGTH,
  passwordProblem,
  UNMATCHABLE_HASH,
  verifyPassword,
} from './passwords';

export const STAFF_ROLES = ['clerk', 'officer', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffAccount {
  id: string;
  username: string;
  name: string;
  role: StaffRole;
  department: string | null;
}

export interface NewStaffAccount {
  username: string;
  name: string;
  role: StaffRole;
  /** Required for officers: the department whose forwarded cases they work. */
  department?: string | null;
  password: string;
}

export type AddAccountError =
  'username-taken' | 'invalid-username' | 'invalid-name' | 'invalid-password' | 'department-required';

export type LoginResult =
  | { ok: true; token: string; account: StaffAccount; expiresAt: number }
  | { ok: false; error: 'invalid-credentials' };

export type AuthenticateResult =
  | { ok: true; account: StaffAccount; expiresAt: number }
  | { ok: false; error: 'unauthenticated' | 'session-expired' };

export const USERNAME_PATTERN = /^[a-z0-9._-]{2,32}$/;
export const NAME_MAX_LENGTH = 40;

/** Longer than any token we issue; anything beyond is refused before hashing. */
const TOKEN_MAX_LENGTH = 100;

interface StaffRow {
  id: string;
  username: string;
  name: string;
  role: StaffRole;
  department: string | null;
  password_hash: string;
  disabled: number;
}

interface SessionRow extends StaffRow {
  expires_at: number;
}

/**
 * Staff accounts and their sessions. A session token is shown to the client
 * once; the table keeps only its SHA-256, so a copy of the database file does
 * not let anyone act as a clerk. Sessions last a fixed working day
 * (`sessionHours`, default 12) and are deleted when found expired.
 */
export class StaffAccounts {
  private readonly sessionMs: number;
  private readonly statements: {
    insert: Statement<[string, string, string, StaffRole, string | null, string, number]>;
    byUsername: Statement<[string], StaffRow>;
    all: Statement<[], StaffRow>;
    count: Statement<[], { n: number }>;
    setPassword: Statement<[string, string]>;
    setDisabled: Statement<[number, string]>;
    insertSession: Statement<[string, string, number, number]>;
    session: Statement<[string], SessionRow>;
    deleteSession: Statement<[string]>;
    deleteSessionsOf: Statement<[string]>;
    deleteExpired: Statement<[number]>;
  };

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    options: { sessionHours?: number } = {},
  ) {
    this.sessionMs = (options.sessionHours ?? 12) * 3_600_000;
    const columns = 'id, username, name, role, department, password_hash, disabled';
    this.statements = {
      insert: db.prepare(
        'INSERT INTO staff (id, username, name, role, department, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      byUsername: db.prepare(`SELECT ${columns} FROM staff WHERE username = ?`),
      all: db.prepare(`SELECT ${columns} FROM staff ORDER BY role, username`),
      count: db.prepare('SELECT count(*) AS n FROM staff'),
      setPassword: db.prepare('UPDATE staff SET password_hash = ? WHERE id = ?'),
      setDisabled: db.prepare('UPDATE staff SET disabled = ? WHERE id = ?'),
      insertSession: db.prepare(
        'INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      ),
      session: db.prepare(
        `SELECT staff.id, staff.username, staff.name, staff.role, staff.department, staff.password_hash,
                staff.disabled, sessions.expires_at
         FROM sessions JOIN staff ON staff.id = sessions.staff_id WHERE sessions.token_hash = ?`,
      ),
      deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
      deleteSessionsOf: db.prepare('DELETE FROM sessions WHERE staff_id = ?'),
      deleteExpired: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    };
  }

  async add(
    input: NewStaffAccount,
  ): Promise<{ ok: true; account: StaffAccount } | { ok: false; error: AddAccountError }> {
    const name = input.name.trim();
    const department = input.department?.trim() || null;
    if (!USERNAME_PATTERN.test(input.username)) return { ok: false, error: 'invalid-username' };
    if (name.length === 0 || name.length > NAME_MAX_LENGTH) return { ok: false, error: 'invalid-name' };
    if (passwordProblem(input.password)) return { ok: false, error: 'invalid-password' };
    if (input.role === 'officer' && department === null) return { ok: false, error: 'department-required' };
    // Checked before hashing to spare the work; the UNIQUE constraint decides a race.
    if (this.statements.byUsername.get(input.username)) return { ok: false, error: 'username-taken' };

    const passwordHash = await hashPassword(input.password);
    const account: StaffAccount = {
      id: randomUUID(),
      username: input.username,
      name,
      role: input.role,
      department,
    };
    try {
      this.statements.insert.run(
        account.id,
        account.username,
        account.name,
        account.role,
        account.department,
        passwordHash,
        this.clock.now(),
      );
    } catch (error) {
      if (isUniqueViolation(error)) return { ok: false, error: 'username-taken' };
      throw error;
    }
    return { ok: true, account };
  }

  /** Sets a new password and ends the user's sessions, so a lost or shared password stops working at once. */
  async resetPassword(
    username: string,
    password: string,
  ): Promise<{ ok: true } | { ok: false; error: 'unknown-user' | 'invalid-password' }> {
    if (passwordProblem(password)) return { ok: false, error: 'invalid-password' };
    if (!this.statements.byUsername.get(username)) return { ok: false, error: 'unknown-user' };
    const passwordHash = await hashPassword(password);
    // Looked up again after the await: the account may have changed meanwhile.
    return this.db
      .transaction((): { ok: true } | { ok: false; error: 'unknown-user' } => {
        const row = this.statements.byUsername.get(username);
        if (!row) return { ok: false, error: 'unknown-user' };
        this.statements.setPassword.run(passwordHash, row.id);
        this.statements.deleteSessionsOf.run(row.id);
        return { ok: true };
      })
      .immediate();
  }

  /** Disabling also ends the user's sessions; enabling lets them log in again. */
  setDisabled(username: string, disabled: boolean): { ok: true } | { ok: false; error: 'unknown-user' } {
    return this.db
      .transaction((): { ok: true } | { ok: false; error: 'unknown-user' } => {
        const row = this.statements.byUsername.get(username);
        if (!row) return { ok: false, error: 'unknown-user' };
        this.statements.setDisabled.run(disabled ? 1 : 0, row.id);
        if (disabled) this.statements.deleteSessionsOf.run(row.id);
        return { ok: true };
      })
      .immediate();
  }

  list(): (StaffAccount & { disabled: boolean })[] {
    return this.statements.all.all().map((row) => ({ ...toAccount(row), disabled: row.disabled !== 0 }));
  }

  count(): number {
    return this.statements.count.get()?.n ?? 0;
  }

  /**
   * One answer for an unknown user, a disabled one and a wrong password, and
   * the same scrypt work for each, so neither the reply nor its timing tells
   * which usernames exist.
   */
  async login(username: string, password: string): Promise<LoginResult> {
    const row = this.statements.byUsername.get(username.trim().toLowerCase());
    // No stored password is longer than the limit, so a longer one is wrong; it is not worth hashing.
    const tooLong = password.length > PASSWORD_MAX_LENGTH;
    const matches = await verifyPassword(
      tooLong ? '' : password,
      row && !tooLong ? row.password_hash : UNMATCHABLE_HASH,
    );
    if (!row || !matches || row.disabled !== 0 || tooLong) return { ok: false, error: 'invalid-credentials' };

    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = now + this.sessionMs;
    this.db
      .transaction(() => {
        // Expired sessions go whenever someone logs in; the table stays small without a sweeper.
        this.statements.deleteExpired.run(now);
        this.statements.insertSession.run(tokenHash(token), row.id, now, expiresAt);
      })
      .immediate();
    return { ok: true, token, account: toAccount(row), expiresAt };
  }

  authenticate(token: string): AuthenticateResult {
    if (typeof token !== 'string' || token.length === 0 || token.length > TOKEN_MAX_LENGTH) {
      return { ok: false, error: 'unauthenticated' };
    }
    const hash = tokenHash(token);
    const row = this.statements.session.get(hash);
    if (!row || row.disabled !== 0) return { ok: false, error: 'unauthenticated' };
    if (row.expires_at <= this.clock.now()) {
      this.statements.deleteSession.run(hash);
      return { ok: false, error: 'session-expired' };
    }
    return { ok: true, account: toAccount(row), expiresAt: row.expires_at };
  }

  /** True when the token named a session (now ended). */
  logout(token: string): boolean {
    if (typeof token !== 'string' || token.length === 0 || token.length > TOKEN_MAX_LENGTH) return false;
    return this.statements.deleteSession.run(tokenHash(token)).changes === 1;
  }
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toAccount(row: StaffRow): StaffAccount {
  return { id: row.id, username: row.username, name: row.name, role: row.role, department: row.department };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}
