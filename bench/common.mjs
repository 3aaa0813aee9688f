// What bench.mjs and ab.mjs share: Chromium and its flags, the page instrumentation, the
// static server, statistics, and the filter-latency method (section 3 of bench.mjs).
import { createRequire } from 'node:module';
import { execFileSync, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'end2end/package.json'));
export const { chromium } = require('@playwright/test');
import { CHROMIUM } from '../end2end/chromium.js';

// Playwright's default window, stated so the filter figures say what was on screen.
export const VIEWPORT = { width: 1280, height: 720 };

export const median = (xs) => quantile(xs, 0.5);
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export async function startServer(dir, port) {
  const child = spawn('node', [join(ROOT, 'end2end/serve.mjs'), '--root', dir, '--port', String(port)], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/`);
      if (r.ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`server for ${dir} did not start on port ${port}`);
}

// Injected before any page script. "Painted" = the first rendering opportunity after the
// element is in the DOM has run: a rAF callback (start of that frame's rendering) followed by
// a message posted from it, which runs once style, layout and paint of the frame are done.
// performance.now() counts from navigation start.
export const INIT_SCRIPT = () => {
  window.__bench = { firstCard: null, cardInDom: null };
  const afterNextPaint = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(0);
    });
  window.__afterNextPaint = afterNextPaint;
  const seen = () => {
    if (window.__bench.cardInDom !== null) return true;
    // Visible, not just in the DOM: the pre-rendered first view is in index.html but hidden
    // until static-view.js has checked its data.
    const card = document.querySelector('.grade-card');
    if (!card || !card.isConnected || !card.checkVisibility()) return false;
    window.__bench.cardInDom = performance.now();
    afterNextPaint((t) => (window.__bench.firstCard = t));
    return true;
  };
  if (!location.search.includes('view=improvements')) {
    const mo = new MutationObserver(() => {
      if (seen()) mo.disconnect();
    });
    mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  }
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__wasmMemory = e.detail && e.detail.wasm && e.detail.wasm.memory;
  });
};

export const LAUNCH = {
  ...CHROMIUM,
  args: [
    ...CHROMIUM.args,
    '--enable-precise-memory-info',
    // Headless Chromium 156 otherwise starts a "WebUI Top Renderer" (omnibox popup, ~270
    // chrome:// modules) with each new context, which competed with the page under test for
    // the 2 CPUs in every first-card run. No visitor's browser does that while loading a page.
    '--disable-features=PreloadTopChromeWebUI',
  ],
};

/** Opens the improvements view of the build served at `base` in a fresh context, once its
 * count is drawn. */
export async function openImprovements(browser, base) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  await page.goto(`${base}?view=improvements`);
  const counted = () => /Showing \S+ of/.test(document.querySelector('.result-count')?.textContent ?? '');
  try {
    await page.waitForFunction(counted, null, { timeout: 60_000 });
  } catch (e) {
    await context.close();
    throw new Error(`${base}?view=improvements showed no "Showing N of M" count within 60 s (the app did not start)`, { cause: e });
  }
  return { context, page };
}

/** The count line the improvements view must show for the empty search and for every prefix
 * of `words`, worked out from the data in `dataDir` by inspection-core's own rows, filter and
 * count sentence (`filter_counts`): `text.get(q)`, and `total` rows. */
export function expectedCounts(dataDir, words) {
  const queries = new Set(['']);
  for (const w of words) for (let i = 1; i <= w.length; i++) queries.add(w.slice(0, i));
  const args = ['run', '-q', '-p', 'inspection-tools', '--bin', 'filter_counts', '--', dataDir, ...queries];
  let out;
  try {
    out = execFileSync('cargo', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  } catch (e) {
    throw new Error(`cargo ${args.slice(0, 6).join(' ')} ${dataDir} failed (${e.message.split('\n')[0]}); is cargo on PATH (source scripts/env.sh)?`);
  }
  const { total, counts } = JSON.parse(out);
  return { total, text: new Map(counts.map((c) => [c.q, c.text])) };
}

/** Installs the per-keystroke measures in the page (once per page). */
async function installKeyMeasures(page) {
  await page.evaluate(() => {
    const shown = () => document.querySelector('.result-count')?.textContent.trim();
    const num = (s) => Number(s.replace(/[^\d]/g, ''));
    // The whole page of rows is in the list: the count less the rows behind "Show more".
    const wholePage = () => {
      const n = shown()?.match(/Showing ([\d,]+)/);
      if (!n) return false;
      const hidden = document.querySelector('.show-more')?.textContent.match(/\(([\d,]+)/);
      const expected = num(n[1]) - (hidden ? num(hidden[1]) : 0);
      return document.querySelectorAll('ol.improvements > .improvement').length === expected;
    };
    // keydown -> the page shows `want` (and, if `whole`, the whole page of rows) -> next paint,
    // as { total, js }; { timedOut, shown } if that has not happened within `ms`.
    window.__measureKey = (want, whole, ms) =>
      new Promise((resolve) => {
        let t0 = null;
        document.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
        const check = () => {
          if (t0 === null || shown() !== want || (whole && !wholePage())) return;
          const tDom = performance.now();
          mo.disconnect();
          clearTimeout(timer);
          window.__afterNextPaint((t1) => resolve({ total: t1 - t0, js: tDom - t0 }));
        };
        const mo = new MutationObserver(check);
        mo.observe(document.body, { childList: true, subtree: true, characterData: true });
        const timer = setTimeout(() => (mo.disconnect(), resolve({ timedOut: true, shown: shown() })), ms);
      });
    // For a keystroke that must leave the count as it is: the count three frames after its
    // input event (the app updates in that event's task, so a change would be drawn by then).
    window.__settleKey = () =>
      new Promise((resolve) => {
        const paints = (n, cb) => (n === 0 ? cb() : window.__afterNextPaint(() => paints(n - 1, cb)));
        document.addEventListener('input', () => paints(3, () => resolve(shown())), { capture: true, once: true });
        setTimeout(() => resolve(shown()), 5000);
      });
  });
}

/** Types `words` (from the `offset`-th, each typed then erased with Backspace) into the
 * focused search box until `want` keystrokes were timed. A keystroke after which the data
 * says the count changes (`expected`, from `expectedCounts`) is timed until the page shows
 * exactly that count (and, with `whole`, the whole page of rows), then the next paint; one
 * that gets there not within `timeoutMs` is `missed`. A keystroke the data says leaves the
 * count unchanged is not timed (`unchanged`); if the count it leaves is not the expected
 * one, it is `wrong`. */
async function typeAndMeasure(page, expected, { words, offset = 0, want, whole = false, timeoutMs }) {
  await page.focus('#filter-q');
  await installKeyMeasures(page);
  const atStart = await page.evaluate(() => document.querySelector('.result-count')?.textContent.trim());
  if (atStart !== expected.text.get('')) {
    throw new Error(`with no search the page shows "${atStart}", the data "${expected.text.get('')}"`);
  }
  const total = [];
  const js = [];
  const missed = [];
  const wrong = [];
  let unchanged = 0;
  let q = '';
  for (let w = 0; total.length + missed.length < want && w < 3 * words.length; w++) {
    const word = words[(w + offset) % words.length];
    for (const key of [...word, ...Array(word.length).fill('Backspace')]) {
      const next = key === 'Backspace' ? q.slice(0, -1) : q + key;
      const line = expected.text.get(next);
      if (line === undefined) throw new Error(`no expected count for the search "${next}"`);
      if (line === expected.text.get(q)) {
        unchanged++;
        await page.evaluate(() => void (window.__settled = window.__settleKey()));
        await page.keyboard.press(key);
        const now = await page.evaluate(() => window.__settled);
        if (now !== line) wrong.push({ q: next, want: line, shown: now });
      } else {
        const args = [line, whole, timeoutMs];
        await page.evaluate(([line, whole, ms]) => void (window.__measured = window.__measureKey(line, whole, ms)), args);
        await page.keyboard.press(key);
        const r = await page.evaluate(() => window.__measured);
        if (r.timedOut) missed.push({ q: next, want: line, shown: r.shown });
        else {
          total.push(r.total);
          js.push(r.js);
        }
      }
      q = next;
    }
  }
  return { total, js, unchanged, missed, wrong };
}

/** Per keystroke that must change the count (from the data): keydown -> the page shows the
 * data's count -> the next paint (`total`), and keydown -> count shown (`js`). Also where the
 * first result row is. See `typeAndMeasure` for what is counted how. */
export async function filterKeystrokes(page, expected, words, offset, want, timeoutMs = 2000) {
  // The figure is only meaningful while the results are on screen: if anything pushed
  // them below the fold, a keystroke would repaint nothing the visitor sees.
  await page.focus('#filter-q');
  const firstRow = await page.evaluate(() => {
    const r = document.querySelector('.improvement')?.getBoundingClientRect();
    return r ? { top: Math.round(r.top), visible: r.bottom > 0 && r.top < innerHeight } : null;
  });
  const keystrokes = await typeAndMeasure(page, expected, { words, offset, want, timeoutMs });
  return { firstRow, keystrokes };
}

/** Per keystroke that must change the count (from the data): keydown -> the data's count and
 * the whole page of rows in the list (the count less those behind "Show more") -> the next
 * paint. The list draws the rows on screen first and the rest when the browser is idle; this
 * is the second step. `missed` are keystrokes whose page was not complete after 5 s. */
export async function wholePageKeystrokes(page, expected, words, want) {
  return typeAndMeasure(page, expected, { words, want, whole: true, timeoutMs: 5000 });
}
