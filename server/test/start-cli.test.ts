import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const defaultYaml = readFileSync(join(root, 'config/hall.default.yaml'), 'utf8');

/** Runs the real start command in a child process, as `npm start` does. */
async function start(env: Record<string, string>, args: string[] = []) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/start.ts', '--check', ...args],
      {
        cwd: root,
        env: { ...process.env, ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm start -- --check', () => {
  it('loads the shipped default configuration and prints its summary', async () => {
    const result = await start({ YIZHAN_CONFIG: join(root, 'config/hall.default.yaml') });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('省人事厅公共服务大厅');
    expect(result.stdout).toContain('窗口 counters: 22');
    expect(result.stdout).toMatch(
      /事项 services: \d{2} \(联办 joint-handling: \d+, 转办 always forwarded: \d+\)/,
    );
  });

  it('refuses a configuration with a broken reference, naming the path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yizhan-config-'));
    const file = join(dir, 'hall.yaml');
    writeFileSync(file, defaultYaml.replace(/^(\s+forwardTo: )[a-z-]+/m, '$1no-such-office'));
    const result = await start({}, ['--config', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(/services\[\d+\]\.forwardTo: unknown department "no-such-office"/);
  });

  it('says so when the file does not exist', async () => {
    const result = await start({ YIZHAN_CONFIG: '/nonexistent/hall.yaml' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('configuration file not found');
  });
});
