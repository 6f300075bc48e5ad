import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigStore } from '../src/app/config-store';
import { openDb } from '../src/db/open-db';
import { AdjustableClock } from '../src/hall/clock';
import { Hall } from '../src/hall/hall-runtime';
import {
  DEFAULT_CONFIG_PATH,
  defaultHallConfig,
  FRIDAY_NINE,
  silentLogger,
  tempDir,
} from './support/test-hall-server';

const defaultYaml = readFileSync(DEFAULT_CONFIG_PATH, 'utf8');
const renamedYaml = defaultYaml.replace('zh: 省人事厅公共服务大厅', 'zh: 省人社厅政务服务大厅');
/** The first service's first step names a skill no counter serves. */
const brokenYaml = defaultYaml.replace(/^(\s+- skill: )civil-service$/m, '$1no-such-skill');

/** A hall whose own file is `hall.yaml` in a fresh temp dir, as an installed hall would have it. */
function setUp(fileText = defaultYaml, dir = tempDir()) {
  const writePath = join(dir, 'hall.yaml');
  writeFileSync(writePath, fileText);
  const db = openDb(join(dir, 'hall.db'));
  const clock = new AdjustableClock(FRIDAY_NINE);
  const logger = silentLogger();
  const hall = new Hall({ db, clock, config: defaultHallConfig(), logger });
  const open = (yaml = readFileSync(writePath, 'utf8')) =>
    new ConfigStore({ db, hall, logger, clock, yaml, writePath });
  const versions = () =>
    db.prepare('SELECT version, actor FROM config_versions ORDER BY version').all() as {
      version: number;
      actor: string;
    }[];
  return { dir, writePath, db, hall, store: open(fileText), open, versions };
}

describe('ConfigStore', () => {
  it('records the loaded file as version 1 on a fresh database', () => {
    const { store, versions } = setUp();
    expect(store.current().version).toBe(1);
    expect(store.current().yaml).toBe(defaultYaml);
    expect(store.current().config.counters).toHaveLength(22);
    expect(versions()).toEqual([{ version: 1, actor: 'system:file' }]);
  });

  it('applies a valid replacement without a restart: new version, file rewritten, hall switched, listeners told', () => {
    const { store, hall, writePath, dir, versions } = setUp();
    const heard: number[] = [];
    store.onChange((version) => heard.push(version));

    const result = store.replace(renamedYaml, 'staff:admin-1');

    expect(result).toEqual({ ok: true, version: 2 });
    expect(store.current()).toMatchObject({ version: 2, yaml: renamedYaml });
    expect(readFileSync(writePath, 'utf8')).toBe(renamedYaml);
    expect(statSync(writePath).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(hall.config.config.hall.name.zh).toBe('省人社厅政务服务大厅');
    expect(heard).toEqual([2]);
    expect(versions()).toEqual([
      { version: 1, actor: 'system:file' },
      { version: 2, actor: 'staff:admin-1' },
    ]);
  });

  it('stops calling a listener once it unsubscribes', () => {
    const { store } = setUp();
    const heard: number[] = [];
    const stop = store.onChange((version) => heard.push(version));
    stop();
    expect(store.replace(renamedYaml, 'staff:admin-1').ok).toBe(true);
    expect(heard).toEqual([]);
  });

  it('refuses an invalid configuration with the place of each problem, and changes nothing', () => {
    const { store, hall, writePath, versions } = setUp();
    const heard: number[] = [];
    store.onChange((version) => heard.push(version));
    const before = hall.config;

    const result = store.replace(brokenYaml, 'staff:admin-1');

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({
      path: 'services[0].route[0].skill',
      message: expect.stringContaining('no-such-skill'),
    });
    expect(store.current().version).toBe(1);
    expect(readFileSync(writePath, 'utf8')).toBe(defaultYaml);
    expect(hall.config).toBe(before);
    expect(heard).toEqual([]);
    expect(versions()).toHaveLength(1);
  });

  it('reports a YAML syntax error by line and column', () => {
    const { store } = setUp();
    const result = store.replace('version: 1\nhall: [unclosed\n', 'staff:admin-1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.path).toMatch(/^line \d+:\d+$/);
  });

  it('adds no version when restarted with the same file, and one when the file was edited by hand', () => {
    const { store, open, writePath, versions } = setUp();
    expect(store.replace(renamedYaml, 'staff:admin-1').ok).toBe(true);

    const restarted = open();
    expect(restarted.current().version).toBe(2);
    expect(restarted.current().config.hall.name.zh).toBe('省人社厅政务服务大厅');
    expect(versions()).toHaveLength(2);

    writeFileSync(writePath, defaultYaml);
    const edited = open();
    expect(edited.current().version).toBe(3);
    expect(versions().at(-1)).toEqual({ version: 3, actor: 'system:file' });
  });

  it('changes nothing when the file cannot be written', () => {
    const { dir, db, hall, versions } = setUp();
    const logger = silentLogger();
    const clock = new AdjustableClock(FRIDAY_NINE);
    const store = new ConfigStore({
      db,
      hall,
      logger,
      clock,
      yaml: defaultYaml,
      writePath: join(dir, 'no-such-dir', 'hall.yaml'),
    });
    const before = hall.config;

    expect(() => store.replace(renamedYaml, 'staff:admin-1')).toThrow();
    expect(store.current().version).toBe(1);
    expect(hall.config).toBe(before);
    expect(versions()).toHaveLength(1);
  });
});
