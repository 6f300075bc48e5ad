// `npm start` serves the built apps; build them on a fresh clone, and again
// only when an app's sources are newer than its build (a few seconds saved on
// every later start).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const apps = ['kiosk', 'counter', 'display'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

for (const app of apps) {
  const dir = join(root, 'apps', app);
  const built = join(dir, 'dist', 'index.html');
  const sources = Math.max(
    newest(join(dir, 'src')),
    newest(join(dir, 'index.html')),
    newest(join(root, 'shared', 'src')),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) continue;
  console.log(`构建 Building the ${app} app…`);
  execSync(`npm run build --workspace @yizhan/${app}`, { cwd: root, stdio: 'inherit' });
}
