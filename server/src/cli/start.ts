import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hallConfigSummary } from '../config/config-summary';
import { loadHallConfigFile } from '../config/load-hall-config-file';

/**
 * `npm start`. For now: load and validate the hall configuration and print
 * its summary (serving the hall comes with the hall server).
 * Flags: --config <file> (or YIZHAN_CONFIG).
 */
const { values } = parseArgs({
  options: { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  allowPositionals: false,
});

if (values.help) {
  console.log('Usage: npm start -- [--config <hall.yaml>]\n  YIZHAN_CONFIG=<file> works too.');
  process.exit(0);
}

// npm runs this script from server/; a relative path means relative to where the user typed it.
const explicit = values.config ?? process.env['YIZHAN_CONFIG'];
const loaded = loadHallConfigFile(explicit && resolve(process.env['INIT_CWD'] ?? process.cwd(), explicit));
if (!loaded.ok) {
  console.error(`配置文件有误 The hall configuration is not valid: ${loaded.path}\n${loaded.message}`);
  process.exit(1);
}
console.log(`配置已加载 Configuration loaded from ${loaded.path}\n`);
console.log(hallConfigSummary(loaded.config, Date.now()));
