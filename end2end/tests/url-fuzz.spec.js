// URL fuzzing: 1,000 seeded random query strings (reproducible: the seed is in the test title)
// mixing the known parameters with valid, invalid, garbage, percent-encoded, very long, unicode
// and duplicate values and unknown keys. Each must load with no panic, no console error and no
// blank page, and the app must show what the URL contract says the query means (view, language,
// embed mode, accent, filter controls, the inspection shown), read by an independent parser
// below. 900 are applied client-side (history.pushState + popstate, as Back/Forward do) in a
// few long-lived pages started on a URL the app itself draws; 100 are real page loads.
import { readFileSync } from 'node:fs';
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

// ---- What the query means, by the README's URL contract (independent of the app's code) ----
const VIEW_SLUGS = ['grades', 'improvements', 'history', 'figures', 'accessibility'];
const GRADES = ['outstanding', 'good', 'adequate', 'requires-improvement', 'inadequate', 'ungraded'];
const STATUSES = ['open', 'met', 'in-progress', 'not-met'];
const MANIFEST = JSON.parse(readFileSync(new URL('../../public/data/index.json', import.meta.url), 'utf8'));
const TITLES = Object.fromEntries(MANIFEST.inspections.map((i) => [i.id, i.title]));
// The newest by the year its period starts (the bundled manifest gives periods, not all dates).
const NEWEST = [...MANIFEST.inspections].sort((a, b) => parseInt(b.period, 10) - parseInt(a.period, 10))[0];
const isSlug = (s) => /^[a-z0-9-]{1,80}$/.test(s) && !/^-|-$|--/.test(s);

/** The query's parameters as the router hands them over (URLSearchParams, then one more
 * decodeURIComponent of each value, kept as is when that fails). */
function pairs(search) {
  return [...new URLSearchParams(search)].map(([k, v]) => {
    try {
      return [k, decodeURIComponent(v)];
    } catch {
      return [k, v];
    }
  });
}

/** The state a query string describes: later duplicates win, lists accumulate. */
function expectedState(search) {
  const s = { view: 'grades', inspection: null, pillar: null, grades: new Set(), statuses: new Set(), q: '', embed: false, accent: null, lang: 'en' };
  for (const [key, value] of pairs(search)) {
    if (key === 'view' && VIEW_SLUGS.includes(value)) s.view = value;
    else if (key === 'inspection' && isSlug(value)) s.inspection = value;
    else if (key === 'pillar' && isSlug(value)) s.pillar = value;
    else if (key === 'grade') value.split(',').map((x) => x.trim()).filter((x) => GRADES.includes(x)).forEach((x) => s.grades.add(x));
    else if (key === 'status') value.split(',').map((x) => x.trim()).filter((x) => STATUSES.includes(x)).forEach((x) => s.statuses.add(x));
    else if (key === 'q') s.q = [...value].slice(0, 200).join('');
    else if (key === 'embed') s.embed = value === '1';
    else if (key === 'accent' && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) s.accent = value.toLowerCase();
    else if (key === 'lang' && (value === 'en' || value === 'cy')) s.lang = value;
  }
  return s;
}

/** What the page shows of the URL state (the app's DOM, or nothing if the app is not there). */
const SHOWN = () => {
  const value = (sel) => document.querySelector(sel)?.value ?? null;
  const checked = (prefix) => [...document.querySelectorAll(`input[type=checkbox][id^="${prefix}"]`)].filter((c) => c.checked).map((c) => c.value).sort();
  const tab = document.querySelector('.view-tabs__link[aria-current="page"]');
  return {
    app: !document.getElementById('static-view') && !!document.querySelector('main h1'),
    lang: document.documentElement.lang,
    embed: document.documentElement.classList.contains('embedded'),
    accent: document.documentElement.style.getPropertyValue('--accent') || null,
    tab: tab ? new URL(tab.href).searchParams.get('view') ?? 'grades' : null,
    tabs: document.querySelectorAll('.view-tabs__link').length,
    inspection: value('#filter-inspection'),
    inspectionOptions: [...document.querySelectorAll('#filter-inspection option')].map((o) => o.value),
    pillar: value('#filter-pillar'),
    pillarOptions: [...document.querySelectorAll('#filter-pillar option')].map((o) => o.value),
    q: value('#filter-q'),
    grades: document.querySelector('#filter-grade-good') ? checked('filter-grade-') : null,
    statuses: document.querySelector('#filter-status-open') ? checked('filter-status-') : null,
    title: document.querySelector('#inspection-title')?.textContent.trim() ?? null,
    cards: document.querySelectorAll('main .grade-card').length,
    findings: document.querySelectorAll('main .findings__list').length,
    rows: document.querySelectorAll('main .improvement').length,
    empty: !!document.querySelector('main .empty-state'),
    history: !!document.querySelector('main .history-table, main .history__title'),
    figures: !!document.querySelector('main .figures__title'),
    statement: !!document.querySelector('main .statement'),
  };
};

/** The shown view matches what the query means. */
function expectMatches(shown, query, where) {
  // The query string the browser keeps: a raw '#' starts the fragment.
  const want = expectedState(new URL(query, 'http://127.0.0.1/').search);
  const sorted = (set) => [...set].sort();
  expect(shown.app, `the app draws the page after ${where}`).toBe(true);
  expect(shown.lang, `<html lang> after ${where}`).toBe(want.lang);
  expect(shown.embed, `embed mode after ${where}`).toBe(want.embed);
  expect(shown.accent, `accent after ${where}`).toBe(want.accent);
  if (want.view === 'accessibility') {
    expect(shown.statement, `accessibility statement after ${where}`).toBe(true);
    expect(shown.tab, `no tab marked current after ${where}`).toBeNull();
    return;
  }
  expect(shown.tabs, `four view tabs after ${where}`).toBe(4);
  expect(shown.tab, `tab marked current after ${where}`).toBe(want.view);
  expect(shown.q?.replace(/[\r\n]/g, ''), `search box after ${where}`).toBe(want.q.replace(/[\r\n]/g, ''));
  expect(shown.grades, `grade boxes after ${where}`).toEqual(sorted(want.grades));
  expect(shown.statuses, `status boxes after ${where}`).toEqual(want.view === 'improvements' ? sorted(want.statuses) : null);
  const known = want.inspection !== null && Object.hasOwn(TITLES, want.inspection);
  expect(shown.inspectionOptions.length, `inspection options after ${where}`).toBe(MANIFEST.inspections.length + 1);
  expect(shown.inspection, `inspection chosen after ${where}`).toBe(known ? want.inspection : '');
  const pillarKnown = want.pillar !== null && shown.pillarOptions.includes(want.pillar);
  expect(shown.pillar, `pillar chosen after ${where}`).toBe(pillarKnown ? want.pillar : '');
  const others = { cards: shown.cards, rows: shown.rows, history: shown.history, figures: shown.figures };
  if (want.view === 'grades') {
    expect(shown.title, `inspection shown after ${where}`).toBe(known ? TITLES[want.inspection] : NEWEST.title);
    expect(shown.cards + shown.findings > 0 || shown.empty, `cards, findings or the empty state after ${where}`).toBe(true);
    expect({ ...others, cards: 0 }, `only the grades view after ${where}`).toEqual({ cards: 0, rows: 0, history: false, figures: false });
  } else if (want.view === 'improvements') {
    expect(shown.rows > 0 || shown.empty, `rows or the empty state after ${where}`).toBe(true);
    expect({ ...others, rows: 0 }, `only the improvements view after ${where}`).toEqual({ cards: 0, rows: 0, history: false, figures: false });
  } else if (want.view === 'history') {
    expect(shown.history, `the history table after ${where}`).toBe(true);
    expect({ ...others, history: false }, `only the history view after ${where}`).toEqual({ cards: 0, rows: 0, history: false, figures: false });
  } else {
    expect(shown.figures, `the figures view after ${where}`).toBe(true);
    expect({ ...others, figures: false }, `only the figures view after ${where}`).toEqual({ cards: 0, rows: 0, history: false, figures: false });
  }
}

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
        const app = !document.getElementById('static-view');
        return { h1, content, loading, app };
      };
      await frame();
      let s = state();
      while ((s.loading || !s.h1 || !s.content || !s.app) && performance.now() - started < timeout) {
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
  ).then(async (result) => ({ ...result, shown: await page.evaluate(SHOWN) }));
}

/** A page load of an address without a query shows the pre-rendered view; a pointer over a
 * control makes the app take over, which is what these tests are about. */
async function takeOver(page) {
  const control = page.locator('#static-view select').first();
  if (await control.count()) await control.hover();
}

function expectRendered(result, query) {
  const where = `query #${QUERIES.indexOf(query)} (seed ${SEED}): ${JSON.stringify(query.slice(0, 300))}`;
  expect(result.errors, `console errors after ${where}`).toEqual([]);
  expect(result.panicked, `"panicked" shown after ${where}`).toBe(false);
  expect(result.xss, `script ran after ${where}`).toBeUndefined();
  expect(result.h1, `no heading after ${where}`).not.toBe('');
  expect(result.content, `blank view after ${where}`).toBe(true);
  expect(result.loading, `still loading after ${where}`).toBe(false);
  expectMatches(result.shown, query, where);
}

const CLIENT_SIDE = QUERIES.slice(PAGE_LOADS);
const PER_BATCH = Math.ceil(CLIENT_SIDE.length / BATCHES);

test.describe(`URL fuzzing, seed ${SEED}`, () => {
  test.describe.configure({ mode: 'parallel' });

  for (let b = 0; b < BATCHES; b++) {
    const batch = CLIENT_SIDE.slice(b * PER_BATCH, (b + 1) * PER_BATCH);
    test(`client-side navigation ${b + 1}/${BATCHES}: ${batch.length} random query strings (pushState + popstate)`, async ({ page, consoleErrors }) => {
      // The app draws every one of them (about 0.4 s each on a loaded 2-core machine).
      test.setTimeout(300_000);
      await page.addInitScript(ERROR_HOOK);
      // An address with a query: the app draws it (the bare address is the pre-rendered view).
      await page.goto('./?view=grades');
      expectRendered(await settle(page), '?view=grades');
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
    // The query strings are reproducible and varied, and the contract's reading of them is
    // the README's (later duplicates win, lists accumulate, malformed values are ignored).
    const again = mulberry32(SEED);
    expect(Array.from({ length: TOTAL }, () => randomQuery(again))).toEqual(QUERIES);
    expect(new Set(QUERIES).size).toBeGreaterThan(TOTAL * 0.8);
    for (const key of KEYS) expect(QUERIES.some((q) => q.includes(`${key}=`))).toBe(true);
    expect(QUERIES.some((q) => q.length > 5000)).toBe(true);
    const read = expectedState('view=improvements&view=nope&grade=good,GOOD&grade=inadequate&accent=%23ABC&lang=fr&inspection=Bad');
    expect({ ...read, grades: [...read.grades] }).toMatchObject({ view: 'improvements', grades: ['good', 'inadequate'], accent: '#abc', lang: 'en', inspection: null });
    console.log(`url-fuzz: seed ${SEED}, ${TOTAL} query strings (${PAGE_LOADS} page loads, ${CLIENT_SIDE.length} client-side)`);
    await page.addInitScript(ERROR_HOOK);
    for (const query of QUERIES.slice(0, PAGE_LOADS)) {
      await page.goto('./' + query);
      await takeOver(page);
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
        await takeOver(page);
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

});
