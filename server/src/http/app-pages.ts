import { existsSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import type { LocalizedText } from '@yizhan/shared';
import express from 'express';

export const APP_NAMES = ['kiosk', 'counter', 'display'] as const;

/** `apps/<name>/dist` at `/<name>`, with index.html for client-side routes; a plain 503 page until built. */
export function serveApp(app: express.Express, name: string, dist: string): void {
  const index = join(dist, 'index.html');
  const assets = `${sep}assets${sep}`;
  app.use(
    `/${name}`,
    (_req, res, next) => {
      // Checked per request, so building the app while the server runs is enough.
      if (existsSync(index)) return next();
      res.status(503).set('Cache-Control', 'no-store').type('html').send(notBuiltPage(name));
    },
    express.static(dist, {
      index: 'index.html',
      // Bundled assets have content hashes in their names; index.html must always be fresh.
      setHeaders: (res, path) =>
        res.setHeader(
          'Cache-Control',
          path.includes(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    }),
    (req, res, next) => {
      // A missing asset is a 404, not the app's page.
      if ((req.method !== 'GET' && req.method !== 'HEAD') || extname(req.path) !== '') return next();
      res.set('Cache-Control', 'no-cache').sendFile(index);
    },
  );
}

const PAGE_STYLE =
  'body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#1f2933}' +
  'a{color:#0b5cad}li{margin:.4rem 0}code{background:#eef2f5;padding:.1rem .3rem;border-radius:3px}';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>${PAGE_STYLE}</style></head><body>${body}</body></html>`;
}

function notBuiltPage(name: string): string {
  return page(
    '此应用尚未构建 / This app has not been built yet',
    `<h1>此应用尚未构建<br>This app has not been built yet</h1><p><code>${name}</code></p>` +
      '<p>请先运行 <code>npm run build</code>。<br>Run <code>npm run build</code> first.</p>',
  );
}

export function indexPage(name: LocalizedText): string {
  const links: [string, string, string][] = [
    ['/kiosk/', '取号机', 'Kiosk'],
    ['/counter/', '窗口终端', 'Counter terminal'],
    ['/display/', '综合屏', 'Wall display'],
    ['/api/board', '叫号数据（JSON）', 'Board data (JSON)'],
  ];
  const items = links.map(([href, zh, en]) => `<li><a href="${href}">${zh} / ${en}</a></li>`).join('');
  return page(
    `一站 Yizhan — ${escapeHtml(name.zh)}`,
    `<h1>一站 Yizhan</h1><p>${escapeHtml(name.zh)}<br>${escapeHtml(name.en)}</p><ul>${items}</ul>`,
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
