/**
 * Numbered schema migrations, applied in order on `PRAGMA user_version`. One
 * entry per version; never edit a shipped one, add the next. Every table is
 * STRICT. Bodies are JSON of the shared domain types; the columns beside them
 * are what queries filter on.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'event log, projections, staff, devices, configuration',
    sql: `
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        type TEXT NOT NULL,
        actor TEXT NOT NULL,
        body TEXT NOT NULL
      ) STRICT;

      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        date TEXT NOT NULL,
        status TEXT NOT NULL,
        service_number TEXT NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tickets_by_date ON tickets (date);

      CREATE TABLE cases (
        service_number TEXT PRIMARY KEY,
        date TEXT NOT NULL,
        state TEXT NOT NULL,
        department TEXT,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cases_open ON cases (state) WHERE state NOT IN ('completed', 'ended');
      CREATE INDEX cases_by_department ON cases (department, state);

      CREATE TABLE counters (
        number INTEGER PRIMARY KEY,
        body TEXT NOT NULL
      ) STRICT;

      -- Small singletons of the live state: day, sequences, recent calls, service times.
      CREATE TABLE hall_meta (
        key TEXT PRIMARY KEY,
        body TEXT NOT NULL
      ) STRICT;

      CREATE TABLE idempotency (
        key TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL,
        date TEXT NOT NULL
      ) STRICT;
      CREATE INDEX idempotency_by_date ON idempotency (date);

      CREATE TABLE config_versions (
        version INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        yaml TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('clerk', 'officer', 'supervisor', 'admin')),
        department TEXT,
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sessions_by_staff ON sessions (staff_id);

      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display')),
        name TEXT NOT NULL,
        key_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        revoked INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
