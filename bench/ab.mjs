// A/B comparison of filter latency between builds: node bench/ab.mjs DIR_A DIR_B [...]
// Each DIR is a release dist with the SYNTHETIC 10k data in data/ (as target/bench-dist-10k).
// Sessions of keystrokes alternate between the builds (ROUNDS=4 rounds by default), so both
// see the same machine load; prints per build the median/p95 of keydown -> after the next
// paint, and of keydown -> result count changed (the script part). Same method as bench.mjs,
// section 3; for comparing changes, not for the budgets.
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
const require = createRequire(new URL('../end2end/package.json', import.meta.url));
const { chromium } = require('@playwright/test');
const dirs = process.argv.slice(2);
const rounds = Number(process.env.ROUNDS ?? 4);
const srvs = dirs.map((d, i) => spawn('node', [new URL('../end2end/serve.mjs', import.meta.url).pathname, '--root', d, '--port', String(8720 + i)], { stdio: 'ignore' }));
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const res = dirs.map(() => ({ total: [], dom: [] }));
const WORDS = ['vetting', 'bail', 'digital', 'mental', 'fraud', 'repeat', 'hate', 'missing', 'domestic'];
for (let round = 0; round < rounds; round++) for (let i = 0; i < dirs.length; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${8720 + i}/?view=improvements`);
  await page.waitForFunction(() => /Showing \S+ of/.test(document.querySelector('.result-count')?.textContent ?? ''), null, { timeout: 60000 });
  await page.focus('#filter-q');
  await page.evaluate(() => {
    window.__rec = () => new Promise((resolve) => {
      const before = document.querySelector('.result-count').textContent;
      let t0 = null;
      document.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
      const mo = new MutationObserver(() => {
        const now = document.querySelector('.result-count')?.textContent;
        if (t0 === null || now === before) return;
        const tDom = performance.now(); mo.disconnect();
        requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => resolve({ dom: tDom - t0, total: performance.now() - t0 }); ch.port2.postMessage(0); });
      });
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
      setTimeout(() => { mo.disconnect(); resolve(null); }, 1500);
    });
  });
  for (let w = 0; w < 3; w++) {
    const word = WORDS[(w + round * 3) % WORDS.length];
    for (const k of [...word, ...Array(word.length).fill('Backspace')]) {
      const p = page.evaluate(() => window.__rec());
      await page.keyboard.press(k);
      const r = await p; if (r) { res[i].total.push(r.total); res[i].dom.push(r.dom); }
    }
  }
  await context.close();
}
const q = (a, f) => { const s = a.slice().sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(s.length * f))]; };
dirs.forEach((d, i) => console.log(`${d.padEnd(28)} n=${res[i].total.length} total median ${q(res[i].total, 0.5).toFixed(1)} p95 ${q(res[i].total, 0.95).toFixed(1)} | script median ${q(res[i].dom, 0.5).toFixed(1)} p95 ${q(res[i].dom, 0.95).toFixed(1)}`));
await browser.close(); srvs.forEach((s) => s.kill());
