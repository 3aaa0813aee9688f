// What bench.mjs and ab.mjs share: Chromium and its flags, the page instrumentation, the
// static server, statistics, and the filter-latency method (section 3 of bench.mjs).
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
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
  await page.waitForFunction(() => /Showing \S+ of/.test(document.querySelector('.result-count')?.textContent ?? ''), null, {
    timeout: 60_000,
  });
  return { context, page };
}

/** Types `words` (from the `offset`-th, each then erased) into the focused search box until
 * `want` keystrokes changed the count: per keystroke, keydown -> after the next paint (`total`)
 * and keydown -> count changed (`js`). Also where the first result row is. */
export async function filterKeystrokes(page, words, offset, want) {
  await page.focus('#filter-q');
  // The figure is only meaningful while the results are on screen: if anything pushed
  // them below the fold, a keystroke would repaint nothing the visitor sees.
  const firstRow = await page.evaluate(() => {
    const r = document.querySelector('.improvement')?.getBoundingClientRect();
    return r ? { top: Math.round(r.top), visible: r.bottom > 0 && r.top < innerHeight } : null;
  });
  await page.evaluate(() => {
    window.__startMeasure = () => {
      const before = document.querySelector('.result-count').textContent;
      let t0 = null;
      window.__measured = new Promise((resolve) => {
        document.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
        const done = (v) => {
          mo.disconnect();
          clearTimeout(timer);
          resolve(v);
        };
        const mo = new MutationObserver(() => {
          const now = document.querySelector('.result-count')?.textContent;
          if (t0 === null || now === undefined || now === before) return;
          const tDom = performance.now();
          mo.disconnect();
          window.__afterNextPaint((t1) => done({ total: t1 - t0, js: tDom - t0 }));
        });
        mo.observe(document.body, { childList: true, subtree: true, characterData: true });
        // The app updates in the input event's task and its microtasks, so a count still
        // unchanged three frames after the input event means this keystroke changed nothing.
        const paints = (n, cb) => (n === 0 ? cb() : window.__afterNextPaint(() => paints(n - 1, cb)));
        document.addEventListener('input', () => paints(3, () => done(null)), { capture: true, once: true });
        const timer = setTimeout(() => done(null), 10000);
      });
    };
  });
  const total = [];
  const js = [];
  let skipped = 0;
  let measured = 0;
  let attempts = 0;
  outer: for (let w = 0; measured < want; w++) {
    const word = words[(w + offset) % words.length];
    const keys = [...word, ...Array(word.length).fill('Backspace')];
    for (const key of keys) {
      await page.evaluate(() => window.__startMeasure());
      await page.keyboard.press(key);
      const r = await page.evaluate(() => window.__measured);
      if (r === null) skipped++;
      else {
        total.push(r.total);
        js.push(r.js);
        measured++;
      }
      if (++attempts > 3 * want) break outer;
    }
  }
  return { firstRow, keystrokes: { total, js, skipped } };
}

/** Types `keys` keystrokes of `words` into the focused search box and, per keystroke that
 * changed the count, times keydown -> the whole page of rows in the list (as many as the
 * count less those behind "Show more") -> the next paint. The list draws the rows on screen
 * first and the rest when the browser is idle; this is the second step. `incomplete` counts
 * keystrokes whose page was still short after 5 s. */
export async function wholePageKeystrokes(page, words, keys) {
  await page.focus('#filter-q');
  await page.evaluate(() => {
    const num = (s) => Number(s.replace(/[^\d]/g, ''));
    const complete = () => {
      const shown = document.querySelector('.result-count')?.textContent.match(/Showing ([\d,]+)/);
      if (!shown) return false;
      const hidden = document.querySelector('.show-more')?.textContent.match(/\(([\d,]+)/);
      const expected = num(shown[1]) - (hidden ? num(hidden[1]) : 0);
      return document.querySelectorAll('ol.improvements > .improvement').length === expected;
    };
    window.__startWhole = () => {
      const before = document.querySelector('.result-count').textContent;
      let t0 = null;
      window.__whole = new Promise((resolve) => {
        document.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
        const check = () => {
          const now = document.querySelector('.result-count')?.textContent;
          if (t0 === null || now === undefined || now === before || !complete()) return;
          mo.disconnect();
          clearTimeout(timer);
          window.__afterNextPaint((t1) => resolve({ total: t1 - t0 }));
        };
        const mo = new MutationObserver(check);
        mo.observe(document.body, { childList: true, subtree: true, characterData: true });
        const paints = (n, cb) => (n === 0 ? cb() : window.__afterNextPaint(() => paints(n - 1, cb)));
        document.addEventListener(
          'input',
          () => paints(3, () => document.querySelector('.result-count')?.textContent === before && (mo.disconnect(), clearTimeout(timer), resolve(null))),
          { capture: true, once: true },
        );
        const timer = setTimeout(() => (mo.disconnect(), resolve({ incomplete: true })), 5000);
      });
    };
  });
  const total = [];
  let incomplete = 0;
  let pressed = 0;
  outer: for (const word of words) {
    for (const key of [...word, ...Array(word.length).fill('Backspace')]) {
      await page.evaluate(() => window.__startWhole());
      await page.keyboard.press(key);
      const r = await page.evaluate(() => window.__whole);
      if (r?.incomplete) incomplete++;
      else if (r) total.push(r.total);
      if (++pressed >= keys) break outer;
    }
  }
  return { total, incomplete };
}
