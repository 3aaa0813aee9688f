// A/B comparison of filter latency between builds: node bench/ab.mjs DIR_A DIR_B [...]
// Each DIR is a release dist with the SYNTHETIC 10k data in data/ (as target/bench-dist-10k).
// Sessions of keystrokes alternate between the builds (ROUNDS=4 rounds by default), so both
// see the same machine load. Same method as bench.mjs, section 3 (bench/common.mjs): the
// keystrokes that change the count (from each build's data) are timed; prints per build the
// median/p95 of keydown -> after the next paint and of keydown -> count shown, and how many
// keystrokes did not show the data's count. For comparing changes, not for the budgets.
import { join } from 'node:path';
import {
  chromium,
  LAUNCH,
  median,
  quantile,
  startServer,
  openImprovements,
  filterKeystrokes,
  expectedCounts,
} from './common.mjs';

const dirs = process.argv.slice(2);
const rounds = Number(process.env.ROUNDS ?? 4);
const PORT = Number(process.env.BENCH_PORT_BASE || 8720);
const servers = [];
for (const [i, dir] of dirs.entries()) servers.push(await startServer(dir, PORT + i));
const browser = await chromium.launch(LAUNCH);
const WORDS = ['vetting', 'bail', 'digital', 'mental', 'fraud', 'repeat', 'hate', 'missing', 'domestic'];
const expected = dirs.map((dir) => expectedCounts(join(dir, 'data'), WORDS));
const results = dirs.map(() => ({ total: [], js: [], missed: 0 }));
for (let round = 0; round < rounds; round++) {
  for (const i of dirs.keys()) {
    const { context, page } = await openImprovements(browser, `http://127.0.0.1:${PORT + i}/`);
    const { keystrokes } = await filterKeystrokes(page, expected[i], WORDS, round * 3, 14);
    results[i].total.push(...keystrokes.total);
    results[i].js.push(...keystrokes.js);
    results[i].missed += keystrokes.missed.length + keystrokes.wrong.length;
    await context.close();
  }
}
const ms = (x) => x.toFixed(1);
for (const [i, dir] of dirs.entries()) {
  const { total, js, missed } = results[i];
  console.log(
    `${dir.padEnd(28)} n=${total.length} total median ${ms(median(total))} p95 ${ms(quantile(total, 0.95))} | ` +
      `script median ${ms(median(js))} p95 ${ms(quantile(js, 0.95))} | ${missed} keystroke(s) without the data's count`,
  );
}
await browser.close();
for (const s of servers) s.kill();
