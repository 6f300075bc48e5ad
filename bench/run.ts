import { benchCycles, benchSelectNext, type BenchFigure } from './engine.bench';

/**
 * `npm run bench`: prints every figure the issues ask for, with its target.
 * Machine noise is real (2 shared cores): figures are medians or percentiles
 * over many samples, and the exit code says whether every target was met.
 */
const figures: BenchFigure[] = [];
console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`);
figures.push(...benchSelectNext());
console.log();
figures.push(...benchCycles());

console.log('\nSummary');
for (const f of figures) {
  const value = f.unit === 'ms' ? f.value.toFixed(4) : Math.round(f.value).toLocaleString('en');
  console.log(`  ${f.met ? 'MET ' : 'MISS'}  ${f.name}: ${value} ${f.unit} (target ${f.target})`);
}
process.exitCode = figures.every((f) => f.met) ? 0 : 1;
