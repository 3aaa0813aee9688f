// Browser tests run against the release build in dist/, served as deployed: Debian's nginx with
// deploy/nginx.conf (run in the foreground by deploy/nginx.mjs). Debian's Chromium is used;
// Playwright never downloads a browser here.
import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './chromium.js';

const PORT = 8090;
// The strict policy the release dist/ must work under (no 'unsafe-inline', no 'unsafe-eval').
// scripts/csp-postbuild.mjs moves Trunk's inline loader into a file; it is idempotent and runs
// again here, so a dist/ from a bare `trunk build` is made CSP-safe before it is served.
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; frame-ancestors *";
// Embedding tests: host pages on another origin, and the app under a sub-path on a third.
const HOST_PORT = 8092;
const SUBPATH_PORT = 8093;
const SUBPATH = '/police-inspections/';
// The dist served (relative to end2end/): the release build, or the sabotage run's copy with a
// corrupted wasm (scripts/sabotage.mjs), where every untagged test must fail fast.
const DIST = process.env.IV_DIST || '../dist';
const SABOTAGE = process.env.IV_SABOTAGE === '1';
const FRAME_ANCESTORS = CSP.match(/frame-ancestors ([^;]+)$/)[1];

export default defineConfig({
  testDir: './tests',
  timeout: SABOTAGE ? 10_000 : 30_000,
  expect: { timeout: SABOTAGE ? 2_500 : 10_000 },
  fullyParallel: true,
  // Without the app the tests mostly wait for timeouts, not the CPU.
  workers: SABOTAGE ? 4 : 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    launchOptions: CHROMIUM,
    // Without the app every wait ends in a failure: let it come quickly.
    ...(SABOTAGE ? { actionTimeout: 2_500, navigationTimeout: 5_000 } : {}),
  },
  // nginx serves DIST at the root (PORT) and under SUBPATH (SUBPATH_PORT) with CSP's
  // frame-ancestors, the one CSP setting of deploy/nginx.conf, so it sends exactly CSP
  // (tests/headers.spec.js checks). The host pages on the other origin stay on the Node server.
  webServer: [
    {
      command: `node ../scripts/csp-postbuild.mjs ${DIST} && node ../deploy/nginx.mjs --dist ${DIST} --listen 127.0.0.1:${PORT} --base / --frame-ancestors "${FRAME_ANCESTORS}"`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      command: `node serve.mjs --root ./hosts --port ${HOST_PORT}`,
      url: `http://127.0.0.1:${HOST_PORT}/host.html`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `node ../deploy/nginx.mjs --dist ${DIST} --listen 127.0.0.1:${SUBPATH_PORT} --base ${SUBPATH} --frame-ancestors "${FRAME_ANCESTORS}"`,
      url: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}`,
      reuseExistingServer: false,
      stdout: 'ignore',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
