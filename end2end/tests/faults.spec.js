// Network faults and bad data files, for the manifest and for inspection files: each shows its
// own message and a Retry button; when the fault goes away, Retry recovers in the same page
// (no reload), and one bad inspection file never hides the others.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, showAll } from './fixtures.js';

const DATA = new URL('../../public/data/', import.meta.url);
const FIXTURES = new URL('../../crates/inspection-tools/tests/fixtures/', import.meta.url);
const real = (name) => readFileSync(new URL(name, DATA), 'utf8');
const MANIFEST = JSON.parse(real('index.json'));
const entry = (id) => MANIFEST.inspections.find((e) => e.id === id);

/** The app's fetch timeout (src/api.rs TIMEOUT_SECONDS). */
const TIMEOUT_SECONDS = 8;

/** Marks the page so a reload (a new document) would be noticed. */
const mark = (page) => page.evaluate(() => (window.__samePage = 'yes'));
const expectSamePage = async (page) => expect(await page.evaluate(() => window.__samePage)).toBe('yes');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Each fault: how the route answers, and what the visitor reads for a file at `url` that the
// page calls `what` ("the list of inspections", "the inspection file"): headline, then detail.
const FAULTS = {
  404: {
    handle: (route) => route.fulfill({ status: 404, body: 'not found' }),
    says: (url, what) => [`Could not load ${what}: the server answered 404.`, `${url} Not Found`],
  },
  500: {
    handle: (route) => route.fulfill({ status: 500, body: 'boom' }),
    says: (url, what) => [`Could not load ${what}: the server answered 500.`, `${url} Internal Server Error`],
  },
  truncated: {
    // The first half of the real file, as a dropped connection or a full disk leaves it.
    handle: (route, body) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: body.slice(0, Math.floor(body.length / 2)) }),
    says: (url, what) => [`This data is not valid: ${what}.`, `${url}: `, 'the file ends in the middle of the JSON', 'was the file truncated?'],
  },
  'connection refused': {
    handle: (route) => route.abort('connectionrefused'),
    says: (url, what) => [`Could not reach the server to load ${what}. Check your connection, then try again.`, url],
  },
  stall: {
    // Answers only after 10 seconds, beyond the app's 8-second limit.
    handle: async (route) => {
      await sleep(10_000);
      await route.continue().catch(() => {});
    },
    says: (url, what) => [`Loading took too long and was stopped: ${what} (${TIMEOUT_SECONDS} s).`, url],
  },
};

/** The alert shows every expected piece and a Retry button. */
async function expectAlert(alert, pieces) {
  await expect(alert).toBeVisible({ timeout: 15_000 });
  for (const piece of pieces) await expect(alert).toContainText(piece);
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
}

test.describe('manifest faults', () => {
  for (const [name, fault] of Object.entries(FAULTS)) {
    test(`manifest ${name}: message and Retry, then Retry recovers without a reload`, async ({ page }) => {
      test.setTimeout(30_000);
      const body = real('index.json');
      await page.route('**/data/index.json', (route) => fault.handle(route, body));
      const started = Date.now();
      await page.goto('./');
      if (name === 'stall') {
        // Progress while waiting, then the timeout message.
        await expect(page.getByRole('status').filter({ hasText: 'Loading inspections' }).first()).toBeVisible();
      }
      const alert = page.getByRole('alert');
      await expectAlert(alert, ['Something went wrong', ...fault.says('data/index.json', 'the list of inspections')]);
      if (name === 'stall') expect(Date.now() - started).toBeGreaterThan((TIMEOUT_SECONDS - 1) * 1000);
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.locator('.grade-card')).toHaveCount(0);

      await mark(page);
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await alert.getByRole('button', { name: 'Retry' }).click();
      await expect(page.locator('.grade-card').first()).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expectSamePage(page);
    });
  }

  test('manifest offline: message and Retry; back online, Retry recovers without a reload', async ({ page, context }) => {
    // The page itself must load first: hold the manifest until the browser is offline.
    let release;
    const held = new Promise((r) => (release = r));
    await page.route('**/data/index.json', async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    await page.goto('./');
    await expect(page.getByRole('status').filter({ hasText: 'Loading inspections' }).first()).toBeVisible();
    await context.setOffline(true);
    release();
    const alert = page.getByRole('alert');
    await expectAlert(alert, ['Could not reach the server to load the list of inspections', 'Check your connection', 'data/index.json']);
    await mark(page);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    // Still offline: Retry fails again, with the same message.
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expectAlert(page.getByRole('alert'), ['Could not reach the server']);
    await context.setOffline(false);
    await page.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
    await expect(page.locator('.grade-card').first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expectSamePage(page);
  });

  test('manifest 404 in Welsh: the message and Retry are in Welsh, the detail as written', async ({ page }) => {
    await page.route('**/data/index.json', FAULTS[404].handle);
    await page.goto('./?lang=cy');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Aeth rhywbeth o’i le');
    await expect(alert).toContainText('Methu llwytho y rhestr o arolygiadau: atebodd y gweinydd 404.');
    await expect(alert).toContainText('data/index.json Not Found');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await alert.getByRole('button', { name: 'Rhoi cynnig arall arni' }).click();
    await expect(page.locator('.grade-card').first()).toBeVisible();
  });
});

test.describe('inspection file faults: grades view', () => {
  const bad = entry('gwent-peel-2018-19');
  const url = `data/${bad.file}`;
  for (const [name, fault] of Object.entries(FAULTS)) {
    test(`${bad.file} ${name}: message and Retry, then Retry recovers without a reload`, async ({ page }) => {
      test.setTimeout(30_000);
      const body = real(bad.file);
      await page.route(`**/${url}`, (route) => fault.handle(route, body));
      const started = Date.now();
      await page.goto(`./?inspection=${bad.id}`);
      if (name === 'stall') {
        await expect(page.getByRole('status').filter({ hasText: 'Loading the inspection' }).first()).toBeVisible();
      }
      const alert = page.getByRole('alert');
      await expectAlert(alert, ['Something went wrong', ...fault.says(url, 'the inspection file')]);
      if (name === 'stall') expect(Date.now() - started).toBeGreaterThan((TIMEOUT_SECONDS - 1) * 1000);
      // The rest of the app is still there: heading, tabs, filters.
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.locator('#filter-inspection')).toHaveValue(bad.id);

      await mark(page);
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await alert.getByRole('button', { name: 'Retry' }).click();
      await expect(page.locator('.grade-card').first()).toBeVisible();
      await expect(page.locator('#inspection-title')).toContainText('2018/19');
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expectSamePage(page);
    });
  }

  test('offline while switching inspection: message and Retry; back online, Retry recovers', async ({ page, context }) => {
    await page.goto('./?inspection=gwent-peel-2021-22');
    await expect(page.locator('.grade-card').first()).toBeVisible();
    await mark(page);
    await context.setOffline(true);
    await page.locator('#filter-inspection').selectOption(bad.id);
    const alert = page.getByRole('alert');
    await expectAlert(alert, ['Could not reach the server to load the inspection file', url]);
    await context.setOffline(false);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.locator('#inspection-title')).toContainText('2018/19');
    await expect(page.locator('.grade-card').first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    // The inspection loaded before going offline is still there.
    await page.locator('#filter-inspection').selectOption('gwent-peel-2021-22');
    await expect(page.locator('#inspection-title')).toContainText('2021/22');
    await expectSamePage(page);
  });
});

test.describe('inspection file faults: improvements view keeps the other files', () => {
  // The 2016 file's two areas fail; the 2018/19 file's eleven stay.
  const bad = entry('gwent-peel-2016-legitimacy');
  const url = `data/${bad.file}`;
  for (const [name, fault] of Object.entries(FAULTS)) {
    test(`${bad.file} ${name}: its alert above the other files' rows; filters work; Retry recovers`, async ({ page }) => {
      test.setTimeout(30_000);
      const body = real(bad.file);
      await page.route(`**/${url}`, (route) => fault.handle(route, body));
      await page.goto('./?view=improvements');
      if (name === 'stall') {
        await expect(page.getByRole('status').filter({ hasText: 'Loading areas for improvement' }).first()).toBeVisible();
      }
      const alert = page.getByRole('alert');
      await expectAlert(alert, [`${bad.title} (${bad.period}) could not be shown`, ...fault.says(url, 'the inspection file')]);
      await expect(alert).toHaveCount(1);
      // The other files' rows are there, and the filters still narrow them.
      const rows = page.locator('.improvement');
      await expect(rows.first()).toBeVisible();
      await showAll(page);
      const before = await rows.count();
      await expect(page.locator('.result-count')).toHaveText(`Showing ${before} of ${before} areas for improvement and recommendations`);
      await page.getByLabel('Not met').check();
      await expect(page).toHaveURL(/status=not-met/);
      await expect(page.locator('.result-count')).toHaveText(new RegExp(`^Showing \\d+ of ${before} `));
      await page.getByLabel('Not met').uncheck();
      await expect(rows).toHaveCount(before);
      await expect(page.getByRole('alert')).toHaveCount(1);

      await mark(page);
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await alert.getByRole('button', { name: 'Retry' }).click();
      await expect(page.getByRole('alert')).toHaveCount(0);
      await showAll(page);
      await expect(page.locator('.improvement--afi')).toHaveCount(13);
      expect(await rows.count()).toBeGreaterThan(before);
      await expectSamePage(page);
    });
  }

  test('offline when opening the view: one alert per unreachable file, the loaded file stays; Retry each', async ({ page, context }) => {
    // Only the 2018/19 file is loaded before the connection drops.
    await page.goto('./?inspection=gwent-peel-2018-19');
    await expect(page.locator('.grade-card').first()).toBeVisible();
    await mark(page);
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Improvements' }).click();
    const alerts = page.getByRole('alert');
    await expect(alerts).toHaveCount(MANIFEST.inspections.length - 1);
    for (const alert of await alerts.all()) await expectAlert(alert, ['Could not reach the server']);
    // With the inspection filter from the grades view, only 2018/19 is asked for; clear it.
    await page.locator('#filter-inspection').selectOption('');
    await expect(page.locator('.improvement').first()).toBeVisible();
    await page.getByLabel('Search').fill('vetting');
    await expect(page.locator('.result-count')).toHaveText(/^Showing [1-9]\d* of /);
    await page.getByLabel('Search').fill('');

    await context.setOffline(false);
    for (let left = MANIFEST.inspections.length - 2; left >= 0; left--) {
      await alerts.first().getByRole('button', { name: 'Retry' }).click();
      await expect(alerts).toHaveCount(left);
    }
    await expect(page.getByRole('alert')).toHaveCount(0);
    await showAll(page);
    await expect(page.locator('.improvement--afi')).toHaveCount(13);
    await expectSamePage(page);
  });
});

// --- Malformed data files: the browser shows what `check` says ----------------------------------
// `check` reads a whole directory and also checks files against each other; the browser checks
// each file as it loads it, and reports the first error. Cases whose one error is about a
// single file must read the same in both (with the file named data/<name>, as the app fetches
// it; the app decodes the bytes itself, so a byte-order mark or invalid UTF-8 reads the same
// too). Cases about how files relate are checked only by `check`; see the end of this file.
const CROSS_FILE = new Set([
  'duplicate-inspection-id', 'lineage-unknown-inspection', 'lineage-unknown-judgment', 'manifest-disagrees',
  'manifest-id-disagrees', 'manifest-scale-disagrees', 'missing-inspection-file', 'note-about-unknown-id',
  'refers-to-missing-inspection', 'refers-to-missing-item', 'continued-by-unknown-afi',
  'welsh-title-disagrees',
]);
/** `check`'s error lines for a fixture directory. */
function checkErrors(dir) {
  const bin = fileURLToPath(new URL('../../target/debug/check', import.meta.url));
  const [cmd, args] = existsSync(bin)
    ? [bin, [dir]]
    : ['cargo', ['run', '-q', '-p', 'inspection-tools', '--bin', 'check', '--', dir]];
  let out;
  try {
    out = execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    out = `${e.stdout}\n${e.stderr}`;
  }
  return out.split('\n').filter((l) => l.startsWith('error: ')).map((l) => l.slice('error: '.length));
}

/** Serves a fixture directory as the app's data/. */
async function serveFixture(page, dir) {
  await page.route('**/data/**', async (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/data/').pop());
    const path = new URL(`${dir}/${name}`, FIXTURES);
    if (!/^[\w.-]+\.json$/.test(name) || !existsSync(path)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(path) });
  });
}

const CASES = readdirSync(FIXTURES, { withFileTypes: true })
  // valid/ and valid-welsh/ are the clean bases the defect cases are copies of.
  .filter((d) => d.isDirectory() && d.name !== 'valid' && d.name !== 'valid-welsh')
  .map((d) => d.name)
  .sort();

test.describe('malformed data files: the same message as `check`', () => {
  const SAME = CASES.filter((c) => !CROSS_FILE.has(c));

  // The fixture set is all there: checked as the tests are collected (not a test of the app),
  // so a missing case stops the run.
  const lost = [...CROSS_FILE].filter((c) => !CASES.includes(c));
  if (SAME.length < 60 || lost.length) {
    throw new Error(`faults.spec.js: ${SAME.length} fixture cases (want >= 60); cross-file cases missing: ${lost.join(', ')}`);
  }

  for (const name of SAME) {
    test(`${name}`, async ({ page, consoleErrors }) => {
      const dir = fileURLToPath(new URL(name, FIXTURES));
      const errors = checkErrors(dir);
      expect(errors, 'check reports exactly one error').toHaveLength(1);
      // "<case>/testshire-2016.json: path: message" -> "data/testshire-2016.json: path: message"
      const expected = errors[0].replace(`${name}/`, 'data/');
      const file = expected.slice('data/'.length, expected.indexOf(': '));
      await serveFixture(page, name);

      if (file === 'index.json') {
        await page.goto('./');
        const alert = page.getByRole('alert');
        await expectAlert(alert, ['This data is not valid: the list of inspections.']);
        await expect(alert.locator('code')).toHaveText(expected);
      } else {
        const manifest = JSON.parse(readFileSync(new URL(`${name}/index.json`, FIXTURES), 'utf8'));
        const bad = manifest.inspections.find((e) => e.file === file);
        // Grades view of the bad inspection: its message, and the app around it.
        await page.goto(`./?inspection=${bad.id}`);
        const alert = page.getByRole('alert');
        await expectAlert(alert, ['This data is not valid: the inspection file.']);
        await expect(alert.locator('code')).toHaveText(expected);
        await expect(page.locator('#filter-inspection')).toBeVisible();
        // The other inspection still shows.
        const other = manifest.inspections.find((e) => e.file !== file);
        await page.locator('#filter-inspection').selectOption(other.id);
        await expect(page.locator('.grade-card').first()).toBeVisible();
        await expect(page.getByRole('alert')).toHaveCount(0);
        // Improvements: the bad file's alert above the other file's rows.
        await page.getByRole('link', { name: 'Improvements' }).click();
        await page.locator('#filter-inspection').selectOption('');
        await expect(page.getByRole('alert')).toHaveCount(1);
        await expect(page.getByRole('alert').locator('code')).toHaveText(expected);
        await expect(page.locator('.improvement').first()).toBeVisible();
      }
      expect((await page.locator('body').textContent()).includes('panicked')).toBe(false);
      // Only the app's own log lines for the bad file (and no panic).
      expect(consoleErrors.filter((e) => !e.startsWith('inspection-viewer: '))).toEqual([]);
    });
  }
});

test.describe('malformed data files only `check` can judge (how files relate)', () => {
  for (const name of [...CROSS_FILE].sort()) {
    test(`${name}: checked across files by \`check\`; the browser shows what it can, no panic`, async ({ page, consoleErrors }) => {
      expect(checkErrors(fileURLToPath(new URL(name, FIXTURES))).length).toBeGreaterThan(0);
      await serveFixture(page, name);
      await page.goto('./?view=improvements');
      // Either the rows, an empty state, or a specific alert with Retry: never a blank page.
      await expect(page.locator('.result-count, [role=alert]').first()).toBeVisible();
      for (const alert of await page.getByRole('alert').all()) {
        await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
        await expect(alert.locator('code')).toContainText(/data\/[\w.-]+\.json/);
      }
      await page.goto('./');
      await expect(page.locator('main h2, .result-count, [role=alert]').first()).toBeVisible();
      expect((await page.locator('body').textContent()).includes('panicked')).toBe(false);
      expect(consoleErrors.filter((e) => !e.startsWith('inspection-viewer: ') && !/Failed to load resource/.test(e))).toEqual([]);
    });
  }
});
