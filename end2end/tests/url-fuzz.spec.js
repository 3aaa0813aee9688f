// URL fuzzing: 1,000 seeded random query strings (reproducible: the seed is in the test title)
// mixing the known parameters with valid, invalid, garbage, percent-encoded, very long, unicode
// and duplicate values and unknown keys. Each must load with no panic, no console error and no
// blank page. 900 are applied client-side (history.pushState + popstate, as Back/Forward do)
// in a few long-lived pages; 100 are real page loads.
import { test, expect } from './fixtures.js';

const SEED = 0x5eed2026;
const TOTAL = 1000;
const PAGE_LOADS = 100;
const BATCHES = 3; // client-side navigations run in this many pages (one worker each)

/** mulberry32: a tiny seeded PRNG, so a failing case can be replayed from the seed. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['view', 'inspection', 'pillar', 'grade', 'status', 'q', 'lang', 'embed', 'accent'];
const VALID = {
  view: ['grades', 'improvements', 'history', 'figures', 'accessibility'],
  inspection: ['gwent-peel-2021-22', 'gwent-peel-2018-19', 'gwent-peel-2016-legitimacy', 'gwent-2012-police-relationships'],
  pillar: ['legitimacy', 'effectiveness', 'efficiency', 'investigating-crime', 'fair-treatment-of-the-public', 'responding-to-the-public'],
  grade: ['outstanding', 'good', 'adequate', 'requires-improvement', 'inadequate', 'ungraded', 'good,adequate', 'inadequate,requires-improvement,good'],
  status: ['open', 'met', 'in-progress', 'not-met', 'met,not-met', 'open,in-progress'],
  q: ['vetting', 'force', 'VÉTTING', 'crime victims', 'zzzz-no-such-text', 'a', ''],
  lang: ['en', 'cy'],
  embed: ['1', '0'],
  accent: ['#a00', '#1d70b8', '%23ABCDEF', '#fff'],
};
const GARBAGE = [
  '', '=', '==', '&', '?', '#', '%', '%%', '%2', '%zz', '%00', '%ff', '%E0%A4%A', '%C3%28', '%ED%A0%80', '%EF%BF%BF',
  '+', '++', ' ', '%20', '\t', 'null', 'undefined', 'NaN', '-1', '0', '1e308', '9'.repeat(40), 'true', '[]', '{}',
  '__proto__', 'constructor', 'toString', '../../etc/passwd', '..%2F..%2F', 'C:\\Windows', 'file:///etc/passwd',
  'javascript:alert(1)', 'data:text/html,x', '<script>window.__xss=1</script>', '"><img src=x onerror=window.__xss=2>',
  "'", '"', '`', '\\', '${window.__xss=3}', '{{7*7}}', 'GOOD', 'Good', 'good,,', ',good', 'good,great', 'grades ',
  ' improvements', 'IMPROVEMENTS', 'gwent-peel-2018-19 ', 'gwent--peel', '-legitimacy', 'legitimacy-', 'a'.repeat(81),
  '#zzz', '#12', '#1234567', 'red', 'rgb(0,0,0)', 'url(javascript:alert(1))', '#fff;background:red', 'en-GB', 'CY', 'fr',
  '\u202Eevil', '\u0000', '\uFEFF', 'é', 'e\u0301', 'ǅ', 'ß', 'İ', '\u{1F693}', '\u{1F46E}\u200D\u2640\uFE0F', '日本語',
  'مرحبا', 'שלום', 'x'.repeat(5000), 'word '.repeat(300),
];
const UNKNOWN_KEYS = ['utm_source', 'fbclid', 'page', 'sort', 'Q', 'VIEW', 'view[]', 'grade[0]', '__proto__', 'constructor', '', ' ', 'q ', '%71', 'v%69ew'];

/** Percent-encodes some of the time, raw otherwise (the browser then encodes what it must). */
function encodeSome(rand, s) {
  const r = rand();
  if (r < 0.5) return encodeURIComponent(s);
  if (r < 0.6) return encodeURIComponent(encodeURIComponent(s)); // double-encoded
  if (r < 0.7) return s.replace(/ /g, '+');
  // Raw, except what would end the value or the query early.
  return s.replace(/[&#%]/g, (c) => encodeURIComponent(c));
}

/** One random query string (starting with '?', or empty). */
function randomQuery(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const n = Math.floor(rand() * 7);
  const parts = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.08) {
      // Unknown key, or a bare key, or a bare '&'.
      parts.push(pick([`${encodeSome(rand, pick(UNKNOWN_KEYS))}=${encodeSome(rand, pick(GARBAGE))}`, pick(KEYS), '', '=']));
      continue;
    }
    const key = pick(KEYS);
    const v = rand();
    let value;
    if (v < 0.55) value = pick(VALID[key]);
    else if (v < 0.9) value = pick(GARBAGE);
    else value = `${pick(VALID[key])}${pick(['', ',', ' '])}${pick(GARBAGE)}`;
    // Duplicate keys happen naturally; sometimes force one.
    parts.push(`${key}=${encodeSome(rand, value)}`);
    if (rand() < 0.1) parts.push(`${key}=${encodeSome(rand, pick([...VALID[key], ...GARBAGE]))}`);
  }
  if (rand() < 0.05) parts.push(`q=${encodeURIComponent('x'.repeat(10_000))}`);
  const query = parts.join('&');
  return query ? `?${query}` : pick(['', '?', '?&', '?=', '??view=improvements']);
}

const rand = mulberry32(SEED);
const QUERIES = Array.from({ length: TOTAL }, () => randomQuery(rand));

// Captures errors inside the page too, so each one is tied to the URL that caused it.
const ERROR_HOOK = `(() => {
  window.__errors = [];
  const error = console.error.bind(console);
  console.error = (...args) => { window.__errors.push(args.map(String).join(' ')); error(...args); };
  addEventListener('error', (e) => window.__errors.push('error: ' + e.message));
  addEventListener('unhandledrejection', (e) => window.__errors.push('rejection: ' + e.reason));
})();`;

// What a rendered (not blank) view has: a heading and one of these in main.
const CONTENT = [
  '.result-count', '[role=alert]', '.findings__list', '.statement', '.empty-state', '.history-table',
  '.history__title', '.figures__title', '.figures__none', '.figure-group',
].join(',');

/** Waits in the page until the view has settled, then reports what it shows. */
async function settle(page, timeout = 8000) {
  return page.evaluate(
    async ({ CONTENT, timeout }) => {
      const started = performance.now();
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const state = () => {
        const main = document.querySelector('main');
        const h1 = main?.querySelector('h1')?.textContent.trim() ?? '';
        const content = !!main?.querySelector(CONTENT);
        const loading = !!document.querySelector('.loading');
        return { h1, content, loading };
      };
      await frame();
      let s = state();
      while ((s.loading || !s.h1 || !s.content) && performance.now() - started < timeout) {
        if (window.__errors.length) break;
        await frame();
        s = state();
      }
      return {
        ...s,
        errors: window.__errors.splice(0),
        panicked: document.body.innerText.includes('panicked'),
        xss: window.__xss,
      };
    },
    { CONTENT, timeout },
  );
}

function expectRendered(result, query) {
  const where = `query #${QUERIES.indexOf(query)} (seed ${SEED}): ${JSON.stringify(query.slice(0, 300))}`;
  expect(result.errors, `console errors after ${where}`).toEqual([]);
  expect(result.panicked, `"panicked" shown after ${where}`).toBe(false);
  expect(result.xss, `script ran after ${where}`).toBeUndefined();
  expect(result.h1, `no heading after ${where}`).not.toBe('');
  expect(result.content, `blank view after ${where}`).toBe(true);
  expect(result.loading, `still loading after ${where}`).toBe(false);
}

const CLIENT_SIDE = QUERIES.slice(PAGE_LOADS);
const PER_BATCH = Math.ceil(CLIENT_SIDE.length / BATCHES);

test.describe(`URL fuzzing, seed ${SEED}`, () => {
  test.describe.configure({ mode: 'parallel' });

  for (let b = 0; b < BATCHES; b++) {
    const batch = CLIENT_SIDE.slice(b * PER_BATCH, (b + 1) * PER_BATCH);
    test(`client-side navigation ${b + 1}/${BATCHES}: ${batch.length} random query strings (pushState + popstate)`, async ({ page, consoleErrors }) => {
      test.setTimeout(120_000);
      await page.addInitScript(ERROR_HOOK);
      await page.goto('./');
      await expect(page.locator('.result-count')).toBeVisible();
      for (const query of batch) {
        await page.evaluate((q) => {
          history.pushState(null, '', location.pathname + q);
          dispatchEvent(new PopStateEvent('popstate', { state: null }));
        }, query);
        expectRendered(await settle(page), query);
      }
      // And Back through the last few, as a visitor would.
      for (let i = 0; i < 5; i++) {
        await page.goBack();
        expectRendered(await settle(page), batch[batch.length - 2 - i]);
      }
      expect(consoleErrors).toEqual([]);
    });
  }

  test(`${PAGE_LOADS} random query strings as real page loads`, async ({ page, consoleErrors }) => {
    test.setTimeout(120_000);
    await page.addInitScript(ERROR_HOOK);
    for (const query of QUERIES.slice(0, PAGE_LOADS)) {
      await page.goto('./' + query);
      expectRendered(await settle(page), query);
    }
    expect(consoleErrors).toEqual([]);
  });

  // Every client-side move between views, as the tabs and Back/Forward make them (the
  // fuzzing above finds these by chance; this names them).
  const VIEWS = ['', '?view=improvements', '?view=history', '?view=figures', '?view=accessibility', '?inspection=gwent-2012-police-relationships'];
  test(`every move between views, client-side (${VIEWS.length * (VIEWS.length - 1)} moves)`, async ({ page, consoleErrors }) => {
    test.setTimeout(60_000);
    await page.addInitScript(ERROR_HOOK);
    for (const from of VIEWS) {
      for (const to of VIEWS.filter((v) => v !== from)) {
        await page.goto('./' + from);
        expectRendered(await settle(page), from);
        await page.evaluate((q) => {
          history.pushState(null, '', location.pathname + (q || '?'));
          dispatchEvent(new PopStateEvent('popstate', { state: null }));
        }, to);
        const result = await settle(page);
        expect(result.errors, `console errors moving ${from || '(grades)'} -> ${to || '(grades)'}`).toEqual([]);
        expectRendered(result, to);
      }
    }
    expect(consoleErrors).toEqual([]);
  });

  test('the query strings are reproducible and varied', () => {
    const again = mulberry32(SEED);
    expect(Array.from({ length: TOTAL }, () => randomQuery(again))).toEqual(QUERIES);
    expect(QUERIES).toHaveLength(TOTAL);
    expect(new Set(QUERIES).size).toBeGreaterThan(TOTAL * 0.8);
    for (const key of KEYS) expect(QUERIES.some((q) => q.includes(`${key}=`))).toBe(true);
    expect(QUERIES.some((q) => q.length > 5000)).toBe(true);
    console.log(`url-fuzz: seed ${SEED}, ${TOTAL} query strings (${PAGE_LOADS} page loads, ${CLIENT_SIDE.length} client-side)`);
  });
});
