// Measures the release build in headless Chromium and prints each figure against its budget.
// Run through bench/run.sh, which builds target/bench-dist and the synthetic copies first.
// Usage: node bench/bench.mjs [--runs 7] [--keys 28] [--only transfer,first-card,filter,memory]
// BENCH_DIR=DIR measures DIR/bench-dist, DIR/bench-dist-1k and DIR/bench-dist-10k instead of
// those in target/ (e.g. copies with the wasm broken, to see which budgets notice).
import { execFileSync } from 'node:child_process';
import { writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import {
  ROOT,
  chromium,
  LAUNCH,
  VIEWPORT,
  INIT_SCRIPT,
  median,
  quantile,
  startServer,
  openImprovements,
  expectedCounts,
  filterKeystrokes,
  wholePageKeystrokes,
} from './common.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const RUNS = Math.max(7, opt('runs', 7));
// --only: measure just these sections (a faster loop while working on one budget).
const SECTIONS = ['transfer', 'first-card', 'filter', 'memory'];
const onlyAt = argv.indexOf('--only');
const ONLY = onlyAt >= 0 ? String(argv[onlyAt + 1] ?? '').split(',') : SECTIONS;
for (const s of ONLY) {
  if (!SECTIONS.includes(s)) {
    console.error(`bench: unknown section ${JSON.stringify(s)} for --only (one of ${SECTIONS.join(', ')})`);
    process.exit(2);
  }
}
// The static floor page of section 2 is written by section 1.
const want = (section) => ONLY.includes(section) || (section === 'transfer' && ONLY.includes('first-card'));
const KEYS = Math.max(20, opt('keys', 28));
// Keystrokes are spread over this many fresh page loads per data set.
const FILTER_LOADS = 2;

// BENCH_PORT_BASE lets two checkouts on one machine benchmark without clashing.
const PORT = Number(process.env.BENCH_PORT_BASE || 8791);
const DIR = process.env.BENCH_DIR ? resolve(process.env.BENCH_DIR) : join(ROOT, 'target');
const SETS = {
  bundled: { dir: join(DIR, 'bench-dist'), port: PORT },
  '1k': { dir: join(DIR, 'bench-dist-1k'), port: PORT + 1 },
  '10k': { dir: join(DIR, 'bench-dist-10k'), port: PORT + 2 },
};
const FLOOR = 'bench-floor.html';

const BUDGET = {
  transferBytes: 150 * 1024,
  firstCardRatio: 1.5,
  firstUseRatio: 1.5,
  filterMedianMs: 16,
  filterP95Ms: 33,
};
// A first interaction not drawn by then fails its budget as not drawn (the app did not start).
const FIRST_USE_TIMEOUT_MS = 10_000;
// A keystroke whose count is not on the page by then counts as a failure of the filter budgets.
const KEY_TIMEOUT_MS = 2000;
const WORDS = ['vetting', 'bail', 'digital', 'mental', 'repeat', 'fraud', 'hate', 'missing', 'domestic'];

// ---------- helpers ----------
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
const mb = (x) => `${(x / 1048576).toFixed(2)} MB`;
const results = [];
function verdict(name, ok, detail) {
  results.push({ name, ok });
  console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
}

const brotliCache = new Map();
function brotliSize(file) {
  if (!brotliCache.has(file)) {
    const out = execFileSync('brotli', ['-q', '11', '-c', file], { maxBuffer: 1 << 28 });
    brotliCache.set(file, out.length);
  }
  return brotliCache.get(file);
}

// One cold load in a fresh context: time to first painted card, and every response.
async function loadFirstView(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  const responses = [];
  page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.firstCard !== null, null, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const t = await page.evaluate(() => window.__bench);
  return { context, page, firstCard: t.firstCard, responses };
}

async function heap(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return page.evaluate(() => ({
    js: performance.memory.usedJSHeapSize,
    wasm: window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : 0,
  }));
}

function transferOf(set, responses) {
  const base = `http://127.0.0.1:${set.port}/`;
  const files = [];
  for (const { url, status } of responses) {
    if (!url.startsWith(base) || status !== 200) continue;
    let rel = decodeURIComponent(new URL(url).pathname.slice(1));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    files.push({ rel, bytes: brotliSize(join(set.dir, rel)) });
  }
  return files;
}

function printFiles(files) {
  for (const f of files) console.log(`    ${f.rel.padEnd(52)} ${String(f.bytes).padStart(8)} B`);
  const total = files.reduce((a, f) => a + f.bytes, 0);
  console.log(`    ${'TOTAL'.padEnd(52)} ${String(total).padStart(8)} B (${kb(total)})`);
}

function addKeystrokes(stats, k) {
  stats.total.push(...k.total);
  stats.js.push(...k.js);
  stats.unchanged += k.unchanged;
  stats.missed.push(...k.missed);
  stats.wrong.push(...k.wrong);
}

const keyList = (ks) => ks.slice(0, 3).map((k) => `"${k.q}": "${k.shown}", not "${k.want}"`).join('; ');

function printKeystrokes(name, stats, expected, seen) {
  const { total, js } = stats;
  console.log(`  ${name}: first result row at y=${seen?.top} px in a ${VIEWPORT.width}x${VIEWPORT.height} viewport with the search box focused`);
  console.log(
    `  ${name} (${expected.text.get('')}): ${total.length} keystrokes timed, median ${ms(median(total))}, p95 ${ms(quantile(total, 0.95))}, ` +
      `max ${ms(Math.max(...total))}; script part (keydown -> count shown) median ${ms(median(js))}, p95 ${ms(quantile(js, 0.95))}`,
  );
  console.log(
    `  ${name}: ${stats.missed.length} keystroke(s) that change the count did not show it within ${KEY_TIMEOUT_MS / 1000} s` +
      (stats.missed.length ? ` (${keyList(stats.missed)})` : '') +
      `; ${stats.unchanged} keystroke(s) leave the count unchanged by the data (not timed), ${stats.wrong.length} of them showed another count` +
      (stats.wrong.length ? ` (${keyList(stats.wrong)})` : ''),
  );
}

/** The filter verdicts of one data set: every keystroke showed the data's count, and at 10k
 * the results are on screen and the latency budgets hold, a missed keystroke failing both. */
function filterVerdicts(name, stats, seen) {
  const { total, missed, wrong, error } = stats;
  const bad = error ?? (missed.length ? `${missed.length} keystroke(s) did not show the data's count within ${KEY_TIMEOUT_MS / 1000} s` : null);
  verdict(
    `every keystroke showed the count the data gives for its search (${name})`,
    !error && !missed.length && !wrong.length && total.length > 0,
    error ?? `${total.length} timed, ${missed.length} missed; ${stats.unchanged} not changing the count, ${wrong.length} wrong`,
  );
  if (name !== '10k') return;
  const med = median(total);
  const p95 = quantile(total, 0.95);
  verdict('results on screen while filtering (10k)', Boolean(seen?.visible), error ?? `first row at y=${seen?.top} px`);
  const figure = (x) => (total.length ? ms(x) : 'no keystroke timed');
  verdict('filter median < 16 ms at 10,000 AFIs', !bad && med < BUDGET.filterMedianMs, bad ? `${figure(med)}; ${bad}` : figure(med));
  verdict('filter p95 < 33 ms at 10,000 AFIs', !bad && p95 < BUDGET.filterP95Ms, bad ? `${figure(p95)}; ${bad}` : figure(p95));
}

/** In a first view just loaded, changes the pillar filter (the app loads on demand) and times
 * the `change` event -> the app's one filtered card painted, in place of the pre-rendered view.
 * Null if that has not happened within FIRST_USE_TIMEOUT_MS. */
async function firstInteraction(page) {
  await page.evaluate((timeout) => {
    window.__firstUse = new Promise((resolve) => {
      let t0 = null;
      document.addEventListener('change', () => (t0 = performance.now()), { capture: true, once: true });
      const mo = new MutationObserver(() => {
        if (t0 === null || document.getElementById('static-view')) return;
        if (document.querySelectorAll('.grade-card').length !== 1) return;
        if (document.getElementById('filter-pillar')?.value !== 'preventing-crime') return;
        mo.disconnect();
        clearTimeout(timer);
        window.__afterNextPaint((t1) => resolve(t1 - t0));
      });
      mo.observe(document.body, { childList: true, subtree: true });
      const timer = setTimeout(() => (mo.disconnect(), resolve(null)), timeout);
    });
  }, FIRST_USE_TIMEOUT_MS);
  await page.selectOption('#filter-pillar', 'preventing-crime');
  return page.evaluate(() => window.__firstUse);
}

/** Waits until `responses` has not grown for `quietMs` (at most 15 s). */
async function networkQuiet(responses, quietMs = 500) {
  const until = Date.now() + 15_000;
  for (let n = -1; n !== responses.length && Date.now() < until; ) {
    n = responses.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

const firstUseFailed = `the app's filtered card was not drawn within ${FIRST_USE_TIMEOUT_MS / 1000} s of the filter change (the app did not start)`;

// ---------- main ----------
for (const [name, set] of Object.entries(SETS)) {
  if (!existsSync(join(set.dir, 'index.html'))) {
    console.error(`bench: ${set.dir} is missing (${name}); run bench/run.sh`);
    process.exit(2);
  }
}
const servers = [];
for (const set of Object.values(SETS)) servers.push(await startServer(set.dir, set.port));
const browser = await chromium.launch(LAUNCH);
const started = Date.now();

try {
  console.log(`bench: Chromium ${browser.version()}, ${RUNS} runs per figure, medians unless noted\n`);

  // 1. First-view transfer and lazy loading; what the app costs on a first interaction.
  if (want('transfer')) {
    console.log('1. Pre-rendered first-view transfer (brotli -q 11 of every file the first view requested)');
    for (const name of ['bundled', '10k']) {
      const set = SETS[name];
      const fv = await loadFirstView(browser, `http://127.0.0.1:${set.port}/`);
      const files = transferOf(set, fv.responses);
      const total = files.reduce((a, f) => a + f.bytes, 0);
      const data = files.filter((f) => f.rel.startsWith('data/'));
      const wasm = files.filter((f) => f.rel.endsWith('.wasm'));
      console.log(`  ${name} data set:`);
      printFiles(files);
      const dupes = fv.responses.length - new Set(fv.responses.map((r) => r.url)).size;
      verdict(
        `first view fetches only the manifest and the shown inspection (${name})`,
        data.length === 2 && data.some((f) => f.rel === 'data/index.json') && dupes === 0,
        `${data.length} data file(s): ${data.map((f) => f.rel).join(', ')}; ${dupes} repeated request(s)`,
      );
      if (name === 'bundled') {
        verdict(
          'pre-rendered first view (no wasm) transfer <= 150 KB brotli',
          total <= BUDGET.transferBytes && wasm.length === 0,
          `${kb(total)} (${total} B); ${wasm.length ? `the first view fetched the wasm: ${wasm.map((f) => f.rel).join(', ')}` : 'no wasm fetched'}`,
        );
        // The static floor: the app's own first-view DOM, scripts removed, same CSS file.
        const html = await fv.page.evaluate(() => {
          const doc = document.documentElement.cloneNode(true);
          doc.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"]').forEach((e) => e.remove());
          return '<!DOCTYPE html>\n' + doc.outerHTML;
        });
        writeFileSync(join(set.dir, FLOOR), html);
        const cards = (html.match(/class="grade-card"/g) || []).length;
        console.log(`  static floor page: ${FLOOR}, ${cards} grade cards, ${html.length} B, no JS`);
        // The app's own bytes: what the first interaction fetches on top of the first view.
        const before = fv.responses.length;
        const used = await firstInteraction(fv.page);
        await networkQuiet(fv.responses);
        const fetched = transferOf(set, fv.responses.slice(before));
        const app = fetched.filter((f) => /\.(wasm|js)$/.test(f.rel));
        const appBytes = app.reduce((a, f) => a + f.bytes, 0);
        console.log(`  a first interaction (pillar filter changed) then fetches:`);
        printFiles(fetched);
        console.log(
          `  info: the app's own bytes (wasm + JS, brotli) a first interaction costs: ${kb(appBytes)} (${appBytes} B); ` +
            `first view + app ${kb(total + fetched.reduce((a, f) => a + f.bytes, 0))}` +
            (used === null ? `; ${firstUseFailed}` : ''),
        );
      } else {
        console.log(`  info: at 344 inspections the first view is ${kb(total)}; only the manifest and the inspection list in the HTML grow`);
      }
      await fv.context.close();
    }
  }

  // 2. First card painted, pre-rendered vs static floor (interleaved); the first interaction.
  if (want('first-card')) {
    console.log('\n2. Navigation start -> first .grade-card painted (bundled data, cold context each run)');
    const pre = [];
    const floor = [];
    // The first view needs no wasm; the app loads when the visitor first interacts. What that
    // costs: a filter changed in the pre-rendered view -> the app's filtered card painted,
    // timed in each pre-rendered run after its first card.
    const first = [];
    let notDrawn = 0;
    for (let i = 0; i < RUNS; i++) {
      for (const [list, path] of [[pre, ''], [floor, FLOOR]]) {
        const fv = await loadFirstView(browser, `http://127.0.0.1:${SETS.bundled.port}/${path}`);
        list.push(fv.firstCard);
        // One time-out is enough to fail: the rest are not waited for.
        if (path === '' && notDrawn === 0) {
          const t = await firstInteraction(fv.page);
          if (t === null) notDrawn++;
          else first.push(t);
        }
        await fv.context.close();
      }
    }
    const runs = (xs) => xs.map((x) => x.toFixed(1)).join(', ');
    const ratio = median(pre) / median(floor);
    console.log(`  pre-rendered: median ${ms(median(pre))}  (runs: ${runs(pre)})`);
    console.log(`  static floor: median ${ms(median(floor))}  (runs: ${runs(floor)})`);
    verdict('pre-rendered first card (no wasm) <= 1.5x the static floor', ratio <= BUDGET.firstCardRatio, `ratio ${ratio.toFixed(2)}x`);
    console.log(
      '  first interaction (pillar filter changed in the pre-rendered view -> the app loaded on demand, its filtered card painted):',
    );
    if (notDrawn) {
      verdict('first interaction <= 1.5x the static first card', false, `run ${first.length + 1} of ${RUNS}: ${firstUseFailed}`);
    } else {
      const useRatio = median(first) / median(floor);
      console.log(`    median ${ms(median(first))}  (runs: ${runs(first)})`);
      verdict(
        'first interaction <= 1.5x the static first card',
        useRatio <= BUDGET.firstUseRatio,
        `${ms(median(first))} / ${ms(median(floor))} = ${useRatio.toFixed(2)}x`,
      );
    }
    const pre10k = [];
    for (let i = 0; i < RUNS; i++) {
      const fv = await loadFirstView(browser, `http://127.0.0.1:${SETS['10k'].port}/`);
      pre10k.push(fv.firstCard);
      await fv.context.close();
    }
    console.log(`  info: pre-rendered first card at 344 inspections (10k AFIs): median ${ms(median(pre10k))}`);
  }

  // 3. Filter latency.
  if (want('filter')) {
    console.log(
      '\n3. Filter latency on ?view=improvements: keydown in #filter-q -> .result-count shows the count the data gives for the search -> next paint',
    );
    console.log(
      `  (timed: every keystroke that changes the count, from the data (inspection-tools filter_counts); ` +
        `one not shown within ${KEY_TIMEOUT_MS / 1000} s fails the budget)`,
    );
    const onScreen = [];
    for (const name of ['1k', '10k']) {
      const set = SETS[name];
      const stats = { total: [], js: [], unchanged: 0, missed: [], wrong: [] };
      try {
        const expected = expectedCounts(join(set.dir, 'data'), WORDS);
        for (let run = 0; run < FILTER_LOADS; run++) {
          const { context, page } = await openImprovements(browser, `http://127.0.0.1:${set.port}/`);
          try {
            const { firstRow, keystrokes } = await filterKeystrokes(page, expected, WORDS, run, Math.ceil(KEYS / FILTER_LOADS), KEY_TIMEOUT_MS);
            if (run === 0) onScreen.push({ name, ...firstRow });
            addKeystrokes(stats, keystrokes);
          } finally {
            await context.close();
          }
        }
        printKeystrokes(name, stats, expected, onScreen.find((o) => o.name === name));
        if (name === '10k') {
          // The rows on screen come first, the rest of the page when the browser is idle: that
          // second step must happen too, and its time is printed (not a budget).
          const { context, page } = await openImprovements(browser, `http://127.0.0.1:${set.port}/`);
          const whole = await wholePageKeystrokes(page, expected, WORDS, 16).finally(() => context.close());
          console.log(
            `  ${name}: keydown -> the whole page of rows drawn (off-screen rows included) -> next paint: ${whole.total.length} keystrokes, ` +
              `median ${ms(median(whole.total))}, p95 ${ms(quantile(whole.total, 0.95))}`,
          );
          const short = whole.missed.length + whole.wrong.length;
          verdict('whole page of rows drawn after each keystroke (10k)', short === 0 && whole.total.length > 0, `${short} incomplete after 5 s`);
        }
      } catch (e) {
        stats.error = e.message.split('\n')[0];
        console.log(`  ${name}: not measured: ${stats.error}`);
      }
      filterVerdicts(name, stats, onScreen.find((o) => o.name === name));
    }
  }

  // 4. Heap after load.
  if (want('memory')) {
    console.log('\n4. Memory after load (after a forced GC): JS heap (performance.memory.usedJSHeapSize) and wasm linear memory');
    for (const name of ['bundled', '1k', '10k']) {
      const set = SETS[name];
      for (const view of ['grades', 'improvements']) {
        const jsHeap = [];
        const wasm = [];
        const sel = view === 'grades' ? '.grade-card' : 'ol.improvements';
        let notDrawn = null;
        for (let i = 0; i < RUNS && !notDrawn; i++) {
          const context = await browser.newContext();
          try {
            const page = await context.newPage();
            await page.addInitScript(INIT_SCRIPT);
            const q = view === 'grades' ? '' : '?view=improvements';
            await page.goto(`http://127.0.0.1:${set.port}/${q}`);
            await page.waitForSelector(sel, { timeout: 60_000 });
            await page.waitForLoadState('networkidle');
            const h = await heap(page);
            jsHeap.push(h.js);
            wasm.push(h.wasm);
          } catch (e) {
            notDrawn = `no ${sel} within 60 s (${e.message.split('\n')[0]})`;
          } finally {
            await context.close();
          }
        }
        if (notDrawn) {
          console.log(`  ${name.padEnd(8)} ${view.padEnd(13)} not measured: ${notDrawn}`);
          continue;
        }
        const wasmNote = median(wasm) > 0 ? `wasm memory ${mb(median(wasm))}` : 'no wasm loaded (pre-rendered first view)';
        console.log(`  ${name.padEnd(8)} ${view.padEnd(13)} JS heap ${mb(median(jsHeap))}, ${wasmNote}`);
      }
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}

const failed = results.filter((r) => !r.ok);
console.log(`\nbench: ${results.length - failed.length}/${results.length} PASS in ${Math.round((Date.now() - started) / 1000)} s`);
if (failed.length) {
  console.log(`bench: FAIL: ${failed.map((f) => f.name).join('; ')}`);
  process.exit(1);
}
