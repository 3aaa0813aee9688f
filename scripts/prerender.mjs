#!/usr/bin/env node
// Post-build step for a release dist/, after csp-postbuild.mjs: writes the app's default view
// (the grade cards of the newest inspection) into index.html as plain HTML, so the first view
// needs no wasm. The HTML is the app's own DOM: this script serves dist/, loads it in headless
// Chromium (Debian's /usr/bin/chromium through Playwright from end2end/node_modules), waits for
// the grade cards and copies the page. scripts/static-view.js (copied here as start-<hash>.js)
// shows it only while the data files are byte-identical to the ones it was made from, and loads
// the app when the visitor first interacts; see that file.
//
// Idempotent: a dist/ pre-rendered before (e.g. a copy given other data) is restored first and
// pre-rendered again from its own data. If the app shows no grade cards (broken data), index.html
// is left as the plain app and the script says so.
//
// Usage: node scripts/prerender.mjs [dist]
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? 'dist');
const indexPath = join(dist, 'index.html');
const say = (m) => console.log(`prerender: ${m}`);
function fail(message) {
  console.error(`prerender: ERROR: ${message}`);
  process.exit(1);
}
if (!existsSync(indexPath)) fail(`${indexPath} not found — run trunk build and csp-postbuild.mjs first`);

const HEAD_START = '<!--static-view:head-->';
const HEAD_END = '<!--/static-view:head-->';
const BODY_START = '<!--static-view:body-->';
const BODY_END = '<!--/static-view:body-->';
const BOOT_TAG = /<script type="module" src="\.\/(boot-[0-9a-f]{16}\.js)" integrity="[^"]*"><\/script>/;
const between = (s, a, b) => {
  const i = s.indexOf(a);
  const j = s.indexOf(b, i);
  return i < 0 || j < 0 ? null : [i, j + b.length];
};
const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const unescapeAttr = (s) => s.replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** index.html as csp-postbuild.mjs left it: without a pre-render from an earlier run. */
function plain(html) {
  const head = between(html, HEAD_START, HEAD_END);
  if (head) {
    const region = html.slice(head[0], head[1]);
    const links = region.match(/<template id="static-view-boot-links">([\s\S]*?)<\/template>/)[1];
    const boot = unescapeAttr(region.match(/ data-boot-tag="([^"]*)"/)[1]);
    html = (html.slice(0, head[0]) + boot + html.slice(head[1])).replace('</head>', `${links}</head>`);
  }
  const body = between(html, BODY_START, BODY_END);
  if (body) html = html.slice(0, body[0]) + html.slice(body[1]);
  return html;
}

const html = plain(readFileSync(indexPath, 'utf8'));
const bootTag = html.match(BOOT_TAG);
if (!bootTag) fail(`${indexPath} has no <script src="./boot-….js"> — run scripts/csp-postbuild.mjs first`);
writeFileSync(indexPath, html);

// ---- load the plain app and copy its first view ----
// Served by the project's plain static server (end2end/serve.mjs), on a free port.
const port = await new Promise((resolvePort) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolvePort(port));
  });
});
const origin = `http://127.0.0.1:${port}`;
const server = spawn('node', [join(ROOT, 'end2end/serve.mjs'), '--root', dist, '--port', String(port)], { stdio: 'ignore' });
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${origin}/`)).ok) break;
  } catch {}
  if (i === 100) {
    server.kill();
    fail(`end2end/serve.mjs did not start on port ${port}`);
  }
  await new Promise((r) => setTimeout(r, 100));
}

const require = createRequire(join(ROOT, 'end2end/package.json'));
const { chromium } = require('@playwright/test');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
let capture;
try {
  const page = await browser.newPage();
  const data = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === origin && url.pathname.startsWith('/data/')) data.push(url.pathname.slice(1));
  });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${origin}/`);
  await page.waitForSelector('.grade-card, .error-panel, .empty-state', { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const cards = await page.locator('.grade-card').count();
  if (cards === 0 || errors.length) {
    say(`skipped: the app's first view shows ${cards} grade cards${errors.length ? ` and console errors: ${errors.join(' | ')}` : ''}; index.html stays the plain app`);
    process.exitCode = 0;
  } else {
    capture = {
      cards,
      data: [...new Set(data)],
      title: await page.title(),
      body: await page.evaluate(() => {
        const body = document.body.cloneNode(true);
        body.querySelectorAll('script').forEach((e) => e.remove());
        return body.innerHTML;
      }),
    };
  }
} finally {
  await browser.close();
  server.kill();
}
if (!capture) process.exit(0);

// ---- make the copy independent of where and when it was taken ----
let body = capture.body
  .replace(/<!--[\s\S]*?-->/g, '') // Leptos' position markers: meaningless without the app
  // The app's links are absolute paths of the page it runs at; the HTML may be served under any
  // sub-path, so they become relative to the page.
  .replace(/\shref="\/([?#"])/g, ' href="./$1')
  // Filled in by static-view.js with the visitor's address and date.
  .replace(/(<span class="print-meta__url">)[^<]*(<\/span>)/g, '$1$2')
  .replace(/(<span class="print-meta__date">)[^<]*(<\/span>)/g, '$1$2')
  .trim();
for (const leak of [origin, `127.0.0.1:${new URL(origin).port}`]) {
  if (body.includes(leak)) fail(`the first view contains the build-time address ${leak}; it cannot be pre-rendered as is`);
}
if (capture.title !== (html.match(/<title>([^<]*)<\/title>/) || [])[1]) {
  fail(`the app sets the title "${capture.title}", which index.html does not have`);
}
if (capture.data.length < 1 || capture.data[0] !== 'data/index.json') {
  fail(`expected the first view to fetch data/index.json first, got: ${capture.data.join(', ') || 'nothing'}`);
}
const files = capture.data.map((url) => {
  const bytes = readFileSync(join(dist, url));
  return { url, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
});

// ---- write start-<hash>.js and index.html ----
const code = readFileSync(join(ROOT, 'scripts/static-view.js'), 'utf8');
const name = `start-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
const integrity = 'sha384-' + createHash('sha384').update(code).digest('base64');
for (const f of readdirSync(dist)) {
  if (/^start-[0-9a-f]{16}\.js$/.test(f) && f !== name) unlinkSync(join(dist, f));
}
writeFileSync(join(dist, name), code);

// Trunk's preloads of the JS and wasm would fetch the app with the first view; they wait in a
// <template> until static-view.js starts the app.
const PRELOADS = /<link rel="(?:modulepreload|preload)" href="\.\/[^"]+\.(?:js|wasm)"[^>]*>/g;
const preloads = html.match(PRELOADS) ?? [];
// In place of Trunk's loader, and before the stylesheets: the async script starts the data check
// while the page is still arriving. The <template> comes first so the script finds it.
const start =
  `<script src="./${name}" integrity="${integrity}" async data-boot="./${bootTag[1]}" ` +
  `data-files="${escapeAttr(JSON.stringify(files))}" data-boot-tag="${escapeAttr(bootTag[0])}"></script>`;
let out = html.replace(PRELOADS, '');
out = out.replace(
  bootTag[0],
  `${HEAD_START}<template id="static-view-boot-links">${preloads.join('')}</template>${start}${HEAD_END}`,
);
out = out.replace(/<body>[\s\S]*<\/body>/, `<body>${BODY_START}<div id="static-view" hidden>${body}</div>${BODY_END}</body>`);
writeFileSync(indexPath, out);
say(
  `${indexPath}: first view with ${capture.cards} grade cards (${body.length} B of HTML) from ${files.map((f) => f.url).join(', ')}; app loader ${name}`,
);
