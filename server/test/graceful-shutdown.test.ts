import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../src/db/open-db';
import { DEFAULT_CONFIG_PATH, REPO_ROOT, tempDir } from './support/test-hall-server';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, deadline = Date.now() + 30_000): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not come up');
}

describe('the server process', () => {
  it('takes its flags from the environment too, and stops cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const db = join(dir, 'hall.db');
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/start.ts', '--no-demo'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        YIZHAN_PORT: String(port),
        YIZHAN_HOST: '127.0.0.1',
        YIZHAN_DB: db,
        YIZHAN_CONFIG: DEFAULT_CONFIG_PATH,
        YIZHAN_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForHealth(`http://127.0.0.1:${port}`);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('shutting down');
    expect(output).not.toMatch(/"password"|verificationCode":"\d/);

    // The file is whole and closed: it opens, and holds the configuration version it recorded.
    const reopened = openDb(db);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((reopened.prepare('SELECT count(*) AS n FROM config_versions').get() as { n: number }).n).toBe(1);
    reopened.close();
  });
});
