import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dammCheckDigit } from '@yizhan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp, type RunningServer } from '../src/app/create-server-app';
import { HTTP_ROUTES, renderProtocolDoc } from '../src/docs/protocol-doc';
import { AdjustableClock } from '../src/hall/clock';
import {
  DEFAULT_CONFIG_PATH,
  FRIDAY_NINE,
  REPO_ROOT,
  silentLogger,
  tempDir,
} from './support/test-hall-server';

describe('docs/protocol.md', () => {
  it('is what the schemas generate (run `npm run docs:protocol` after changing the protocol)', () => {
    expect(readFileSync(join(REPO_ROOT, 'docs/protocol.md'), 'utf8')).toBe(renderProtocolDoc());
  });
});

describe('every documented HTTP route', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const dir = tempDir();
    server = await createServerApp({
      dbPath: join(dir, 'hall.db'),
      configPath: DEFAULT_CONFIG_PATH,
      configWritePath: join(dir, 'hall.yaml'),
      port: 0,
      host: '127.0.0.1',
      clock: new AdjustableClock(FRIDAY_NINE),
      logger: silentLogger(),
      autoDay: false,
    });
  });
  afterAll(() => server.close());

  // A service number whose check digit is wrong: the tracking routes answer 400, not "no such route".
  const body = '37000026112700001';
  const typo = `${body}${(dammCheckDigit(body) + 1) % 10}`;
  const probes: Record<string, { init?: RequestInit; query?: string; expect: number[] }> = {
    'GET /health': { expect: [200] },
    'GET /api/board': { expect: [200] },
    'GET /api/catalog': { expect: [200] },
    'POST /api/track': { init: json({ serviceNumber: typo, verificationCode: '123456' }), expect: [400] },
    'GET /api/track': { query: `?serviceNumber=${typo}&code=123456`, expect: [400] },
    'POST /api/session': { init: json({ username: 'nobody', password: 'wrong-password' }), expect: [401] },
    'DELETE /api/session': { expect: [401] },
    'GET /api/config': { expect: [401] },
    'PUT /api/config': {
      init: { headers: { 'content-type': 'text/yaml' }, body: 'version: 1' },
      expect: [401],
    },
    'GET /api/printers': { expect: [401] },
    'GET /api/tickets/:ticketId/receipt': { expect: [401] },
    'PUT /api/notices': { init: json({ notices: [] }), expect: [401] },
    'GET /metrics': { expect: [200] },
    'GET /kiosk': { expect: [200, 503] },
    'GET /counter': { expect: [200, 503] },
    'GET /display': { expect: [200, 503] },
  };

  it('has a probe here', () => {
    expect(HTTP_ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(Object.keys(probes).sort());
  });

  for (const route of HTTP_ROUTES) {
    const key = `${route.method} ${route.path}`;
    it(`${key} is served`, async () => {
      const probe = probes[key]!;
      const response = await fetch(`${server.url}${route.path}${probe.query ?? ''}`, {
        method: route.method,
        ...probe.init,
      });
      expect(probe.expect).toContain(response.status);
    });
  }
});

function json(value: unknown): RequestInit {
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}
