import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Statement } from 'better-sqlite3';
import {
  formatConfigProblems,
  parseHallConfigYaml,
  type ConfigProblem,
  type HallConfig,
  type LocalizedText,
} from '@yizhan/shared';
import type { Logger } from 'pino';
import { parseDocument } from 'yaml';
import type { Db } from '../db/open-db';
import type { Clock } from '../hall/clock';
import type { Hall } from '../hall/hall-runtime';

export interface ConfigStoreDeps {
  db: Db;
  hall: Hall;
  logger: Logger;
  clock: Clock;
  /** The configuration file's text as loaded at start. */
  yaml: string;
  /** The hall's own file (e.g. config/hall.yaml), rewritten on every replace. */
  writePath: string;
}

export interface CurrentConfig {
  version: number;
  yaml: string;
  config: HallConfig;
}

export type ReplaceConfigResult = { ok: true; version: number } | { ok: false; problems: ConfigProblem[] };

export type ConfigChangeListener = (version: number) => void;

/**
 * The hall configuration's versions. Every text the hall has run with is kept
 * in `config_versions` with who put it there, so a supervisor can see what the
 * rules were on the day of a complaint. The file on disk stays the hall's
 * source of truth: an admin's edit through the API is written back to it, and
 * a hand edit of the file becomes a new version at the next start.
 */
export class ConfigStore {
  private readonly selectLatest: Statement<[], { version: number; yaml: string }>;
  private readonly insertVersion: Statement<[number, number, string, string]>;
  private readonly listeners = new Set<ConfigChangeListener>();
  private latest: CurrentConfig;

  constructor(private readonly deps: ConfigStoreDeps) {
    this.selectLatest = deps.db.prepare(
      'SELECT version, yaml FROM config_versions ORDER BY version DESC LIMIT 1',
    );
    this.insertVersion = deps.db.prepare(
      'INSERT INTO config_versions (version, at, actor, yaml) VALUES (?, ?, ?, ?)',
    );

    const parsed = parseHallConfigYaml(deps.yaml);
    // The caller validated the file before building the hall; a bad text here is a bug.
    if (!parsed.ok)
      throw new Error(`ConfigStore: the loaded file is invalid:\n${formatConfigProblems(parsed.problems)}`);

    const stored = this.selectLatest.get();
    let version = stored?.version ?? 0;
    if (stored?.yaml !== deps.yaml) {
      version = deps.db.transaction(() => this.insertNext('system:file', deps.yaml)).immediate();
      deps.logger.info({ version }, 'hall configuration file recorded as a new version');
    }
    this.latest = { version, yaml: deps.yaml, config: parsed.config };
  }

  current(): CurrentConfig {
    return this.latest;
  }

  /**
   * Validates and applies a new configuration text: the file is rewritten,
   * the version recorded and the hall switched over, without a restart. An
   * invalid text changes nothing. Throws only if the file or the database
   * cannot be written (and then nothing is changed either).
   */
  replace(yaml: string, actor: string): ReplaceConfigResult {
    const parsed = parseHallConfigYaml(yaml);
    if (!parsed.ok) return { ok: false, problems: parsed.problems };

    // The file is written inside the transaction, so a failed write rolls the
    // version row back; a failed commit after the rename leaves a file that the
    // next start records as a new version, which loses nothing.
    const version = this.deps.db
      .transaction(() => {
        const next = this.insertNext(actor, yaml);
        writeFileAtomically(this.deps.writePath, yaml);
        return next;
      })
      .immediate();

    this.latest = { version, yaml, config: parsed.config };
    this.deps.hall.useConfig(parsed.config);
    this.deps.logger.info({ version, actor }, 'hall configuration replaced');
    for (const listener of this.listeners) {
      try {
        listener(version);
      } catch (error) {
        this.deps.logger.error({ err: error }, 'configuration listener failed');
      }
    }
    return { ok: true, version };
  }

  /**
   * The scrolling notices, as a supervisor sets them during the day: only
   * `hall.notices` changes; the rest of the file, comments included, stays
   * as the hall wrote it. Saved and versioned like any replacement.
   */
  replaceNotices(notices: readonly LocalizedText[], actor: string): ReplaceConfigResult {
    const document = parseDocument(this.latest.yaml);
    document.setIn(['hall', 'notices'], document.createNode(notices.map((n) => ({ zh: n.zh, en: n.en }))));
    return this.replace(document.toString(), actor);
  }

  onChange(listener: ConfigChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call inside an immediate transaction so two writers cannot pick the same number. */
  private insertNext(actor: string, yaml: string): number {
    const next = (this.selectLatest.get()?.version ?? 0) + 1;
    const info = this.insertVersion.run(next, this.deps.clock.now(), actor, yaml);
    if (info.changes !== 1) throw new Error(`configuration version ${next} was not written`);
    return next;
  }
}

/**
 * Temp file beside the target, fsync, rename: a reader (or a power cut) sees
 * the old file or the new one, never half of each. Readable by the service's
 * group, not by everyone: the file names the hall's internal departments.
 */
function writeFileAtomically(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o640);
  try {
    try {
      fchmodSync(fd, 0o640); // the umask may have taken bits away from openSync's mode
      const bytes = Buffer.from(text, 'utf8');
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dirname(path));
}

/** Makes the rename itself durable. Some filesystems refuse to fsync a directory; the rename still happened. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
