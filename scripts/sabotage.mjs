// The sabotage run: the browser suite against a copy of the release dist whose app can never
// start (every encoding of its wasm overwritten with random bytes). Every test must then fail,
// except those tagged @static in their title: tests of the pre-rendered page as such, which
// must pass. A test that passes without the app proves nothing about the app.
// Usage: node scripts/sabotage.mjs [dist] [-- playwright args]   (run by scripts/test.sh)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const own = sep >= 0 ? argv.slice(0, sep) : argv;
const extra = sep >= 0 ? argv.slice(sep + 1) : [];
const dist = resolve(ROOT, own[0] ?? 'dist');
const broken = join(ROOT, 'target/sabotage-dist');
const report = join(ROOT, 'target/sabotage-report.json');
const log = join(ROOT, 'target/sabotage.log');

const fail = (msg) => {
  console.error(`sabotage: ${msg}`);
  process.exit(1);
};
if (!existsSync(join(dist, 'index.html'))) fail(`${dist}/index.html is missing: build the release first`);

rmSync(broken, { recursive: true, force: true });
cpSync(dist, broken, { recursive: true });
const wasm = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.wasm(\.br|\.gz)?$/.test(name)) wasm.push(path);
  }
};
walk(broken);
if (!wasm.some((f) => f.endsWith('.wasm'))) fail(`no .wasm file in ${dist}`);
for (const file of wasm) writeFileSync(file, randomBytes(statSync(file).size));
console.log(`sabotage: ${relative(ROOT, broken)}: ${wasm.map((f) => relative(broken, f)).join(', ')} overwritten with random bytes`);

const started = Date.now();
// Every failure is expected here, so Playwright's own report goes to a file, not the screen.
console.log(`sabotage: running the browser suite without the app (Playwright's output: ${relative(ROOT, log)})`);
const out = openSync(log, 'w');
const run = spawnSync('npx', ['playwright', 'test', '--reporter=json', ...extra], {
  cwd: join(ROOT, 'end2end'),
  stdio: ['ignore', out, out],
  env: { ...process.env, IV_DIST: broken, IV_SABOTAGE: '1', PLAYWRIGHT_JSON_OUTPUT_NAME: report },
});
if (run.error) fail(`could not run Playwright: ${run.error.message}`);
if (!existsSync(report)) fail(`Playwright wrote no report (${report}); exit status ${run.status}`);

/** Every test of the JSON report with its full title and final status. */
function tests(suite, path = []) {
  const here = suite.title ? [...path, suite.title] : path;
  return [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.map((t) => ({
        title: [...here, spec.title].join(' › '),
        status: t.results.at(-1)?.status ?? 'skipped',
      })),
    ),
    ...(suite.suites ?? []).flatMap((s) => tests(s, here)),
  ];
}
const all = JSON.parse(readFileSync(report, 'utf8')).suites.flatMap((s) => tests(s));
const isStatic = (t) => t.title.includes('@static');
const passed = (t) => t.status === 'passed';
const hollow = all.filter((t) => !isStatic(t) && passed(t));
const staticBroken = all.filter((t) => isStatic(t) && !passed(t));
const failedAsMust = all.filter((t) => !isStatic(t) && !passed(t));
const seconds = Math.round((Date.now() - started) / 1000);

console.log(
  `\nsabotage: ${all.length} tests without the app in ${seconds} s: ${failedAsMust.length} untagged failed (as they must), ` +
    `${hollow.length} untagged passed, ${all.filter(isStatic).length - staticBroken.length} of ${all.filter(isStatic).length} @static passed`,
);
for (const t of hollow) console.log(`  PASSED WITHOUT THE APP: ${t.title}`);
for (const t of staticBroken) console.log(`  @static test did not pass (${t.status}): ${t.title}`);
if (all.length === 0) fail('no test ran');
if (hollow.length || staticBroken.length) fail(`${hollow.length + staticBroken.length} test(s) above prove nothing about the app or broke`);
console.log('sabotage: every untagged test failed without the app; every @static test passed');
