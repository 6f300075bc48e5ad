import { compileHallConfig } from '@yizhan/shared';
import { loadDefaultHallConfig } from './bench-hall';
import { printDay, runHallDay } from './hall-day';

/**
 * `npm run bench:hall-day [-- --visitors 3000 --seed 7]`: one simulated hall
 * day under the configured policy and under plain FIFO, same arrivals.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const options = { visitors: option('visitors', 3000), seed: option('seed', 7) };

const started = Date.now();
console.log(
  `Simulated hall day: ${options.visitors} visitors, seed ${options.seed}, 22 counters, default configuration`,
);
const policy = await runHallDay('policy', options);
const fifo = await runHallDay('fifo', options);
printDay(policy, fifo, compileHallConfig(loadDefaultHallConfig()));
console.log(
  `\n(took ${((Date.now() - started) / 1000).toFixed(0)} s of wall-clock time for two simulated days)`,
);
