import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../app/paths';
import { renderProtocolDoc } from '../docs/protocol-doc';

/** `npm run docs:protocol`: rewrites docs/protocol.md from the schemas. */
const path = resolve(REPO_ROOT, 'docs/protocol.md');
writeFileSync(path, renderProtocolDoc());
console.log(`wrote ${path}`);
