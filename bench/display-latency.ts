/**
 * `npm run bench:display`: how fast a call reaches the wall board, and whether
 * the board keeps up with 200 calls a minute.
 *
 * The real server runs in this process (startTestHall), the BUILT display app
 * runs in headless Chromium (build it first: npm run build -w @yizhan/display).
 * Calls are made through Hall.submit at 200 a minute (BENCH_CALLS, default 200,
 * so a full minute). For each call: accepted = when submit returned (the event
 * is committed and already broadcast); painted = the first animation frame
 * after the wall's newest-call element shows that call (a MutationObserver
 * schedules a requestAnimationFrame). Both clocks are wall time
 * (performance.timeOrigin + performance.now()); their offset is measured.
 * Then every call must have been painted and queued for announcement, in order.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser } from '../e2e/support/browser';
import { REPO_ROOT, startTestHall } from '../e2e/support/start-hall';
import { hallDriver } from '../e2e/display-support';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 200);
const PER_MINUTE = 200;
const TARGET_P95_MS = 50;

// Page scripts as strings: this file is typechecked without the DOM library.
/** Records, for each new call on the wall, the first animation frame after its number appeared. */
const WATCH_PAINTS = `(() => {
  const paints = (window.__paints = []);
  let last = '';
  new MutationObserver(() => {
    const seq = document.querySelector('[data-testid=newest-call]')?.getAttribute('data-seq') ?? '';
    if (seq === '' || seq === last) return;
    last = seq;
    const mutation = performance.timeOrigin + performance.now();
    requestAnimationFrame(() => paints.push({ seq: Number(seq), mutation, frame: performance.timeOrigin + performance.now() }));
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

const COLLECT = `({
  paints: window.__paints,
  queued: window.__yizhanQueued ?? [],
  started: (window.__yizhanAnnouncements ?? []).filter((e) => e.state === 'started' && e.round === 1).map((e) => e.seq),
})`;

const wallNow = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  if (!existsSync(join(REPO_ROOT, 'apps/display/dist/index.html'))) {
    throw new Error('build the display first: npm run build -w @yizhan/display');
  }
  const hall = await startTestHall();
  const driver = hallDriver(hall);
  const counters = 22;
  for (let c = 1; c <= counters; c++) driver.openCounter(c);
  for (let round = 0; round < Math.ceil((CALLS + 50) / driver.services().length); round++) {
    for (const service of driver.services()) {
      try {
        driver.issue(service);
      } catch {
        // a service's daily cap: the others have room
      }
    }
  }
  const browser = await openBrowser({ width: 1920, height: 1080 });
  const { page } = browser;
  try {
    await page.goto(`${hall.url}/display/wall?key=${hall.addDevice('display')}`);
    await page.getByTestId('counters').waitFor();
    await page.waitForFunction('Array.isArray(window.__yizhanQueued)');
    await page.evaluate(WATCH_PAINTS);

    // The page's clock against ours: half the round trip either side.
    const offsets: number[] = [];
    for (let i = 0; i < 20; i++) {
      const before = wallNow();
      const pageTime = (await page.evaluate('performance.timeOrigin + performance.now()')) as number;
      const after = wallNow();
      offsets.push(pageTime - (before + after) / 2);
    }
    offsets.sort((a, b) => a - b);
    const offset = offsets[Math.floor(offsets.length / 2)] ?? 0;

    const accepted = new Map<number, number>();
    const order: number[] = [];
    const gap = 60_000 / PER_MINUTE;
    const started = wallNow();
    let counter = 0;
    for (let i = 0; i < CALLS; i++) {
      const due = started + i * gap;
      while (wallNow() < due)
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(20, due - wallNow()))));
      let call = null;
      for (let tries = 0; tries < counters && call === null; tries++) {
        counter = (counter % counters) + 1;
        hall.server.context.hall.submit({ type: 'ticket:no-show', counter }, 'system:bench');
        call = driver.callNext(counter);
        if (call) {
          accepted.set(call.seq, wallNow());
          order.push(call.seq);
        }
      }
      if (call === null) throw new Error(`no ticket left to call after ${i} calls`);
    }
    const elapsed = (wallNow() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const result = (await page.evaluate(COLLECT)) as {
      paints: { seq: number; mutation: number; frame: number }[];
      queued: number[];
      started: number[];
    };
    const latencies = result.paints
      .filter((p) => accepted.has(p.seq))
      .map((p) => p.frame - offset - (accepted.get(p.seq) ?? 0))
      .sort((a, b) => a - b);
    const pct = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
    const paintedSeqs = result.paints.map((p) => p.seq);
    const allPainted = order.every((seq) => paintedSeqs.includes(seq));
    const paintedInOrder = paintedSeqs
      .filter((s) => accepted.has(s))
      .every((s, i, a) => i === 0 || s > (a[i - 1] ?? 0));
    const queuedInOrder = JSON.stringify(result.queued) === JSON.stringify(order);
    const announcedPrefix = result.started.every((seq, i) => seq === order[i]);

    console.log(
      `Display latency (${CALLS} calls at ${PER_MINUTE}/min over ${elapsed.toFixed(1)} s; clock offset ${offset.toFixed(2)} ms)`,
    );
    console.log(
      `  call accepted → painted on the wall: p50 ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, max ${pct(1).toFixed(1)} ms (${latencies.length} samples)`,
    );
    console.log(
      `  painted: ${paintedSeqs.filter((s) => accepted.has(s)).length}/${CALLS}, in order: ${paintedInOrder}`,
    );
    console.log(
      `  queued for announcement: ${result.queued.length}/${CALLS}, in call order: ${queuedInOrder}`,
    );
    console.log(`  announced so far: ${result.started.length} (each in call order: ${announcedPrefix})`);
    const latencyMet = pct(0.95) < TARGET_P95_MS;
    const keptUp = allPainted && paintedInOrder && queuedInOrder && announcedPrefix;
    console.log('\nSummary');
    console.log(
      `  ${latencyMet ? 'MET ' : 'MISS'}  accepted → painted p95: ${pct(0.95).toFixed(1)} ms (target < ${TARGET_P95_MS} ms)`,
    );
    console.log(
      `  ${keptUp ? 'MET ' : 'MISS'}  ${PER_MINUTE} calls/min: every call painted and queued in order (${CALLS} calls)`,
    );
    process.exitCode = latencyMet && keptUp ? 0 : 1;
  } finally {
    await browser.close();
    await hall.close();
  }
}

await main();
