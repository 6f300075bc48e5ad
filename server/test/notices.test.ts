import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  login,
  provisionCast,
  startTestServer,
  type HallCast,
  type TestServer,
} from './support/hall-clients';

describe('PUT /api/notices', () => {
  let hall: TestServer;
  let cast: HallCast;
  beforeAll(async () => {
    hall = await startTestServer();
    cast = await provisionCast(hall.server.context.accounts, hall.server.context.devices, { clerks: 1 });
  });
  afterAll(() => hall.server.close());

  const put = (token: string | null, body: unknown) =>
    fetch(`${hall.url}/api/notices`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const notices = [
    { zh: '今日下午 3 点系统维护，请提前办理。', en: 'System maintenance at 3 pm today; please come early.' },
  ];

  it('lets a supervisor change the notices at once, keeping the rest of the file as written', async () => {
    const before = (await (await fetch(`${hall.url}/api/catalog`)).json()) as { version: number };
    const token = await login(hall.url, cast.supervisor);
    const response = await put(token, { notices });
    expect(response.status).toBe(200);
    const { version } = (await response.json()) as { version: number };
    expect(version).toBe(before.version + 1);
    expect(hall.server.context.hall.config.config.hall.notices).toEqual(notices);
    const board = (await (await fetch(`${hall.url}/api/board`)).json()) as { board: { notices: unknown } };
    expect(board.board.notices).toEqual(notices);
    // Saved to the hall's file, comments and all.
    const saved = readFileSync(join(hall.dir, 'hall.yaml'), 'utf8');
    expect(saved).toContain('今日下午 3 点系统维护');
    expect(saved).toContain('# 大厅基本信息 Hall');
  });

  it('refuses clerks and the public, and bad bodies, changing nothing', async () => {
    const version = hall.server.context.configStore.current().version;
    expect((await put(null, { notices })).status).toBe(401);
    expect((await put(await login(hall.url, cast.clerks[0]!), { notices })).status).toBe(403);
    const bad = await put(await login(hall.url, cast.supervisor), { notices: [{ zh: '' }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('invalid-payload');
    expect(hall.server.context.configStore.current().version).toBe(version);
  });
});
