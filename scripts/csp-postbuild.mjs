#!/usr/bin/env node
// Post-build step for the release dist/: makes index.html work under a strict Content Security
// Policy with no 'unsafe-inline':
//
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
//   img-src 'self' data:; connect-src 'self'; frame-ancestors *
//
// Trunk writes the wasm loader as an inline <script type="module">. This moves it into a
// content-hashed file beside index.html, dist/boot-<hash>.js, referenced with a relative URL
// (the app is also served under sub-paths) and an integrity hash like Trunk's own links. Then
// it fails loudly if index.html still holds any inline script, inline style, style="" attribute,
// inline event handler or javascript: URL. Idempotent: on an already processed dist/ it only
// checks. No dependencies.
//
// Usage: node scripts/csp-postbuild.mjs [dist]   (run right after `trunk build --release`)
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
const indexPath = join(dist, 'index.html');

function fail(message) {
  console.error(`csp-postbuild: ERROR: ${message}`);
  process.exit(1);
}

if (!existsSync(indexPath)) fail(`${indexPath} not found — run trunk build first`);
let html = readFileSync(indexPath, 'utf8');

// Every <script …>…</script>, with its attributes and body.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const inline = [...html.matchAll(SCRIPT)].filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs));

let moved = null;
if (inline.length > 0) {
  // Only Trunk's one module loader is expected; anything else is a surprise worth stopping for.
  const loaders = inline.filter(([, attrs, body]) => /\btype\s*=\s*["']?module\b/i.test(attrs) && /\binit\s*\(/.test(body));
  if (inline.length !== 1 || loaders.length !== 1) {
    fail(
      `expected exactly one inline <script type="module"> (Trunk's wasm loader) in ${indexPath}, ` +
        `found ${inline.length} inline script(s):\n` +
        inline.map(([tag]) => '  ' + tag.slice(0, 200).replace(/\s+/g, ' ')).join('\n'),
    );
  }
  const [tag, , body] = loaders[0];
  // The loader imports './<name>.js' and fetches './<name>_bg.wasm': relative to the page and
  // to the module alike, since both live in dist/ itself.
  const code = body.replace(/^\s*\n/, '').replace(/\s+$/, '') + '\n';
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const integrity = 'sha384-' + createHash('sha384').update(code).digest('base64');
  const name = `boot-${hash}.js`;
  // Remove boot files from earlier runs on this dist/ that this index.html no longer uses.
  for (const f of readdirSync(dist)) {
    if (/^boot-[0-9a-f]{16}\.js$/.test(f) && f !== name) unlinkSync(join(dist, f));
  }
  writeFileSync(join(dist, name), code);
  html = html.replace(tag, `<script type="module" src="./${name}" integrity="${integrity}"></script>`);
  writeFileSync(indexPath, html);
  moved = name;
}

// What must never remain in index.html under the policy.
const problems = [];
for (const [tag, attrs] of html.matchAll(SCRIPT)) {
  if (!/\bsrc\s*=/i.test(attrs)) problems.push(`inline script: ${tag.slice(0, 120)}`);
  else if (/\bsrc\s*=\s*["']?\s*(?:https?:)?\/\//i.test(attrs)) problems.push(`script from another origin: ${tag.slice(0, 120)}`);
}
for (const [tag] of html.matchAll(/<style\b[^>]*>/gi)) problems.push(`inline <style> element: ${tag}`);
for (const [attr] of html.matchAll(/<[a-z][^>]*?\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
  problems.push(`style="" attribute: ${attr.slice(0, 120)}`);
}
for (const [attr] of html.matchAll(/<[a-z][^>]*?\son[a-z]+\s*=/gi)) problems.push(`inline event handler: ${attr.slice(0, 120)}`);
for (const [url] of html.matchAll(/\b(?:href|src|action)\s*=\s*["']?\s*javascript:/gi)) problems.push(`javascript: URL: ${url}`);
// Every referenced script file must exist (a stale index.html would otherwise load nothing).
for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']\.?\/?([^"']+)["']/gi)) {
  if (!existsSync(join(dist, src))) problems.push(`script file missing: ${src}`);
}
if (problems.length) {
  fail(`${indexPath} is not CSP-safe (no 'unsafe-inline' allowed):\n  ${problems.join('\n  ')}`);
}

console.log(
  moved
    ? `csp-postbuild: moved Trunk's inline loader to ${moved}; ${indexPath} has no inline script or style`
    : `csp-postbuild: ${indexPath} already CSP-safe (no inline script or style)`,
);
