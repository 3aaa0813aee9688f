// The server as deployed: deploy/nginx.conf run by deploy/nginx.mjs, as playwright.config.js
// starts it at the root and under /police-inspections/. Per class of file: the headers, the
// encoding a brotli, a gzip-only and a plain client each get, the cache policy, and the bytes
// sent. Raw HTTP (node:http), so nothing decodes or caches behind the test's back.
// Tests tagged @static test the server and the file names of the build, not the app, so they
// must pass against scripts/sabotage.mjs's broken dist too.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { CSP } from '../playwright.config.js';

const END2END = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The dist the servers serve (playwright.config.js: IV_DIST, relative to end2end/).
const DIST = resolve(END2END, process.env.IV_DIST || '../dist');
// The ports of playwright.config.js; EMBED_*_PORT override them, as in embed.spec.js.
const port = (name, fallback) => Number(process.env[`EMBED_${name}_PORT`] ?? fallback);
const SERVERS = {
  root: `http://127.0.0.1:${port('APP', 8090)}/`,
  'sub-path': `http://127.0.0.1:${port('SUB', 8093)}/police-inspections/`,
};
// deploy/nginx.conf's content-hashed location and scripts/build.sh's precompression pattern.
const HASHED = /^[^/]+-[0-9a-f]{8,16}(_bg)?\.(wasm|js|css)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const CHROMIUM_AE = 'gzip, deflate, br, zstd';
const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/** GET with exactly the given Accept-Encoding (none if undefined): status, headers, raw body. */
function get(url, acceptEncoding, extra = {}) {
  const headers = { ...extra };
  if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding;
  return new Promise((done, fail) => {
    const req = request(url, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** The one top-level file of the dist whose name matches. */
function distFile(pattern) {
  const names = readdirSync(DIST).filter((n) => pattern.test(n));
  expect(names, `exactly one file in ${DIST} matching ${pattern}`).toHaveLength(1);
  return names[0];
}

/** The first inspection file the manifest names. */
function inspectionFile() {
  const manifest = JSON.parse(readFileSync(join(DIST, 'data/index.json'), 'utf8'));
  const file = manifest.inspections?.[0]?.file;
  expect(file, 'data/index.json names an inspection file').toBeTruthy();
  return `data/${file}`;
}

// Each class of file: its path (relative to the base), the file it serves, its type, its cache
// policy, and whether its compressed bodies are the build's .br/.gz or made as served.
const CLASSES = [
  { name: 'index.html (the base address)', path: () => '', file: () => 'index.html', type: HTML, cache: 'no-cache' },
  { name: 'hashed wasm', path: () => distFile(/_bg\.wasm$/), type: 'application/wasm', cache: IMMUTABLE, pre: true },
  { name: 'hashed JS (wasm-bindgen glue)', path: () => distFile(/^inspection-viewer-[0-9a-f]+\.js$/), type: JS, cache: IMMUTABLE, pre: true },
  { name: 'hashed JS (boot loader)', path: () => distFile(/^boot-[0-9a-f]{16}\.js$/), type: JS, cache: IMMUTABLE, pre: true },
  { name: 'hashed CSS', path: () => distFile(/^main-[0-9a-f]+\.css$/), type: 'text/css; charset=utf-8', cache: IMMUTABLE, pre: true },
  { name: 'embed.js', path: () => 'embed.js', type: JS, cache: 'no-cache' },
  { name: 'data/index.json', path: () => 'data/index.json', type: JSON_TYPE, cache: 'no-cache' },
  { name: 'a data inspection file', path: inspectionFile, type: JSON_TYPE, cache: 'no-cache' },
  { name: 'a missing file (404)', path: () => 'data/no-such-inspection.json', type: HTML, cache: 'no-cache', status: 404 },
];

const CLIENTS = [
  { name: 'brotli-accepting (Chromium)', ae: CHROMIUM_AE, encoding: 'br', ext: '.br', decode: brotliDecompressSync },
  { name: 'gzip-only', ae: 'gzip', encoding: 'gzip', ext: '.gz', decode: gunzipSync },
  { name: 'without Accept-Encoding', ae: undefined, encoding: undefined, ext: '', decode: (b) => b },
];

/** The headers every response of the site carries. */
function expectSiteHeaders(headers, label) {
  expect(headers['content-security-policy'], `${label}: CSP`).toBe(CSP);
  expect(CSP).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  expect(headers['x-content-type-options'], `${label}: nosniff`).toBe('nosniff');
  expect(headers['referrer-policy'], `${label}: Referrer-Policy`).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy'], `${label}: Permissions-Policy`).toBe('camera=(), microphone=(), geolocation=()');
  expect(headers['x-frame-options'], `${label}: no X-Frame-Options (it would block embedding)`).toBeUndefined();
  expect(headers.vary, `${label}: Vary`).toBe('Accept-Encoding');
  expect(headers.server ?? '', `${label}: no server version`).not.toMatch(/\d/);
}

for (const [server, base] of Object.entries(SERVERS)) {
  for (const cls of CLASSES) {
    test(`@static ${server}: ${cls.name}: type, CSP and security headers, Vary, cache policy, each client's encoding and bytes`, async () => {
      const path = cls.path();
      const onDisk = cls.status ? null : join(DIST, cls.file ? cls.file() : path);
      for (const client of CLIENTS) {
        const label = `${base}${path} for a ${client.name} client`;
        const res = await get(base + path, client.ae);
        expect(res.status, label).toBe(cls.status ?? 200);
        expect(res.headers['content-type'], `${label}: type`).toBe(cls.type);
        expectSiteHeaders(res.headers, label);
        expect(res.headers['cache-control'], `${label}: Cache-Control`).toBe(cls.cache);
        expect(res.headers['content-encoding'], `${label}: Content-Encoding`).toBe(client.encoding);
        if (!onDisk) {
          const page = client.decode(res.body).toString('utf8');
          expect(page, `${label}: the plain 404 page`).toContain('Not found');
          expect(page, `${label}: the plain 404 page in Welsh`).toContain('Heb ddod o hyd i’r dudalen');
        } else if (cls.pre) {
          // brotli_static/gzip_static: the build's own file, byte for byte.
          expect(res.body.equals(readFileSync(onDisk + client.ext)), `${label}: the body is ${relative(DIST, onDisk)}${client.ext}`).toBe(true);
        } else {
          // Compressed as served, from the file's current bytes.
          expect(res.headers['content-length'], `${label}: compressed as served, not from a file`).toBe(client.encoding ? undefined : String(statSync(onDisk).size));
          expect(client.decode(res.body).equals(readFileSync(onDisk)), `${label}: the body decodes to ${relative(DIST, onDisk)}`).toBe(true);
        }
      }
    });
  }
}

test('@static a long address (a 20,000-character query) reaches the app at the root and under the sub-path', async () => {
  // The URL contract ignores what the app does not know, so the server must not refuse it.
  for (const base of Object.values(SERVERS)) {
    const res = await get(`${base}?q=${'x'.repeat(20_000)}&view=grades`, CHROMIUM_AE);
    expect(res.status, `${base}?q=x…: status`).toBe(200);
    expect(res.headers['content-type']).toBe(HTML);
    expectSiteHeaders(res.headers, `${base}?q=x…`);
    expect(brotliDecompressSync(res.body).equals(readFileSync(join(DIST, 'index.html'))), 'the body is index.html').toBe(true);
  }
});

/** Every file under dir, relative to it. */
function walk(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    const rel = prefix + name;
    return statSync(join(dir, name)).isDirectory() ? walk(join(dir, name), `${rel}/`) : [rel];
  });
}

test('@static the build writes .br and .gz beside every content-hashed wasm, JS and CSS file, and beside nothing else', () => {
  const files = walk(DIST);
  const hashed = files.filter((f) => HASHED.test(f));
  expect(hashed.filter((f) => f.endsWith('.wasm')), 'a content-hashed wasm').toHaveLength(1);
  expect(hashed.filter((f) => f.endsWith('.js')).length, 'content-hashed JS files').toBeGreaterThanOrEqual(2);
  expect(hashed.filter((f) => f.endsWith('.css')).length, 'content-hashed CSS files').toBeGreaterThanOrEqual(1);
  for (const f of hashed) {
    expect(files, `${f}.br`).toContain(`${f}.br`);
    expect(files, `${f}.gz`).toContain(`${f}.gz`);
  }
  const compressed = files.filter((f) => /\.(br|gz)$/.test(f));
  expect(compressed.map((f) => f.replace(/\.(br|gz)$/, '')).filter((f) => !hashed.includes(f)), 'compressed copies of anything not content-hashed (index.html, embed.js, data/)').toEqual([]);
  expect(compressed).toHaveLength(2 * hashed.length);
});

// Not @static: without a working build (the sabotage run overwrites every encoding of the wasm)
// this must fail, so a precompressed copy can never serve a different app from the plain file.
test('every precompressed copy holds exactly the bytes of its content-hashed file', () => {
  const hashed = walk(DIST).filter((f) => HASHED.test(f));
  expect(hashed.length).toBeGreaterThanOrEqual(4);
  for (const f of hashed) {
    const plain = readFileSync(join(DIST, f));
    const decode = (ext, fn) => {
      try {
        return fn(readFileSync(join(DIST, f + ext)));
      } catch (e) {
        throw new Error(`${f}${ext} does not decode: ${e.message}`);
      }
    };
    expect(decode('.br', brotliDecompressSync).equals(plain), `${f}.br decodes to ${f}`).toBe(true);
    expect(decode('.gz', gunzipSync).equals(plain), `${f}.gz decodes to ${f}`).toBe(true);
  }
});

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

test('@static a data file replaced in the served dist comes back with its new bytes (brotli and gzip), never a stale compressed copy', async () => {
  // A copy of the dist on its own nginx, so the suite's dist is never changed.
  const copy = mkdtempSync(join(tmpdir(), 'iv-headers-dist-'));
  cpSync(DIST, copy, { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/`;
  const server = spawn('node', [join(END2END, '../deploy/nginx.mjs'), '--dist', copy, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((done) => server.on('exit', done));
  try {
    for (let i = 0; ; i++) {
      const up = await get(base, undefined).then((r) => r.status === 200, () => false);
      if (up) break;
      expect(server.exitCode, `deploy/nginx.mjs exited: ${stderr}`).toBeNull();
      expect(i, `nginx on ${base} did not answer within 10 s: ${stderr}`).toBeLessThan(100);
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = `${base}data/index.json`;
    const file = join(copy, 'data/index.json');
    const old = readFileSync(file);
    const before = await get(url, CHROMIUM_AE);
    expect(before.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(before.body).equals(old), 'served before the update').toBe(true);

    // The update: new bytes of another length, with compressed copies of the OLD bytes left
    // beside it (as a host's tool might leave them), which must not be served.
    const updated = Buffer.from(`${JSON.stringify(JSON.parse(old.toString('utf8')), null, 1)}\n`);
    expect(updated.equals(old)).toBe(false);
    writeFileSync(`${file}.br`, brotliCompressSync(old));
    writeFileSync(`${file}.gz`, gzipSync(old));
    writeFileSync(file, updated);

    const br = await get(url, CHROMIUM_AE);
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(br.body).toString('utf8'), 'brotli: the new bytes').toBe(updated.toString('utf8'));
    const gz = await get(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8'), 'gzip: the new bytes').toBe(updated.toString('utf8'));
    // A browser revalidating its copy (no-cache) with the old validator gets the new file.
    const revalidated = await get(url, CHROMIUM_AE, { 'if-none-match': before.headers.etag });
    expect(revalidated.status, 'revalidation with the old ETag').toBe(200);
    expect(brotliDecompressSync(revalidated.body).equals(updated)).toBe(true);
  } finally {
    server.kill('SIGTERM');
    await exited;
    rmSync(copy, { recursive: true, force: true });
  }
  expect(existsSync(copy)).toBe(false);
});
