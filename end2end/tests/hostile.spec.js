// Hostile text: the bundled data with XSS payloads in every text field of the model, served to
// the release build under the strict CSP. No payload may run, inject an element or attribute,
// or become a link; every payload must show as literal text. Also: the strict CSP itself (zero
// violation reports across views), and source URLs with unsafe schemes (a validation error,
// never a link).
import { readFileSync, readdirSync } from 'node:fs';
import { test, expect, openApp } from './fixtures.js';
import { CSP } from '../playwright.config.js';

const DATA = new URL('../../public/data/', import.meta.url);
const readJson = (name) => JSON.parse(readFileSync(new URL(name, DATA), 'utf8'));

// --- Payloads ---------------------------------------------------------------------------------
// Every payload that executes sets window.__xss to its own number, so a failure names it.
const TEMPLATES = [
  // Script elements and break-outs.
  '<script>window.__xss=N</script>',
  '<SCRIPT SRC=data:text/javascript,window.__xss=N></SCRIPT>',
  '<script src="javascript:window.__xss=N"></script>',
  '"><script>window.__xss=N</script>',
  "'><script>window.__xss=N</script>",
  '</textarea><script>window.__xss=N</script>',
  '</title><script>window.__xss=N</script>',
  '--><script>window.__xss=N</script>',
  ']]><script>window.__xss=N</script>',
  '</script><script>window.__xss=N</script>',
  '<scr<script>ipt>window.__xss=N</scr</script>ipt>',
  '<<script>script>window.__xss=N<</script>/script>',
  '<![CDATA[<script>window.__xss=N</script>]]>',
  '<?xml version="1.0"?><script>window.__xss=N</script>',
  // Event-handler attributes.
  '<img src=x onerror="window.__xss=N">',
  '<img src=x onerror=window.__xss=N>',
  '<IMG SRC=x OnErRoR=window.__xss=N>',
  '<img/src/onerror=window.__xss=N>',
  '<image src=x onerror=window.__xss=N>',
  '<img src="javascript:window.__xss=N">',
  '<details open ontoggle="window.__xss=N">',
  '<body onload="window.__xss=N">',
  '<input autofocus onfocus="window.__xss=N">',
  '<select autofocus onfocus=window.__xss=N>',
  '<textarea autofocus onfocus=window.__xss=N>',
  '<video><source onerror="window.__xss=N">',
  '<audio src=x onerror=window.__xss=N>',
  '<marquee onstart=window.__xss=N>',
  '<xss id=x tabindex=1 onfocusin=window.__xss=N></xss>',
  '<x onclick=window.__xss=N>click</x>',
  '<b data-xss="N" onclick=window.__xss=N>bold</b>',
  '<div onmouseover="window.__xss=N" style="position:fixed;inset:0">hover</div>',
  '<frameset onload=window.__xss=N>',
  '<keygen autofocus onfocus=window.__xss=N>',
  '<!--<img src="--><img src=x onerror=window.__xss=N//">',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=N>">',
  '<template><img src=x onerror=window.__xss=N></template>',
  '\\"><img src=x onerror=window.__xss=N>',
  // SVG and MathML tricks.
  '<svg onload="window.__xss=N">',
  '<svg/onload=window.__xss=N>',
  '<svg><script>window.__xss=N</script></svg>',
  '<svg><animate onbegin=window.__xss=N attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:window.__xss=N"><text x=20 y=20>XSS</text></a></svg>',
  "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='window.__xss=N'/></svg>#x\"/></svg>",
  '<svg><foreignObject><img src=x onerror=window.__xss=N></foreignObject></svg>',
  "<svg><style>{font-family:'<img src=x onerror=window.__xss=N>'}</style></svg>",
  '<svg><set attributeName=onmouseover to=window.__xss=N>',
  '<svg><animate attributeName=href values=javascript:window.__xss=N />',
  '<svg><discard onbegin=window.__xss=N>',
  '<math><maction actiontype="statusline" xlink:href="javascript:window.__xss=N">click</maction></math>',
  '<math href="javascript:window.__xss=N">CLICK</math>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=N>',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img src=x onerror=window.__xss=N>">',
  // Frames, objects, links, forms.
  '<iframe srcdoc="<script>parent.__xss=N</script>"></iframe>',
  '<iframe src="javascript:parent.__xss=N"></iframe>',
  '<iframe src="data:text/html,<script>parent.__xss=N</script>"></iframe>',
  '<object data="javascript:window.__xss=N"></object>',
  '<embed src="javascript:window.__xss=N">',
  '<portal src=javascript:window.__xss=N>',
  '<a href="javascript:window.__xss=N">click me</a>',
  '<a href="JaVaScRiPt:window.__xss=N">x</a>',
  '<a href="&#106;avascript:window.__xss=N">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9TjwvU2NyaXB0Pg==">x</a>',
  '<button formaction="javascript:window.__xss=N">x</button>',
  '<isindex action=javascript:window.__xss=N type=image>',
  '<base href="javascript:window.__xss=N//">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=N">',
  '<link rel=stylesheet href="data:text/css,*{}" onload=window.__xss=N>',
  // javascript: and data: strings on their own (a link must never be made of them).
  'javascript:window.__xss=N',
  'JAVASCRIPT:window.__xss=N',
  ' javascript:window.__xss=N',
  'java\tscript:window.__xss=N',
  'java&#x09;script:window.__xss=N',
  'data:text/html,<script>window.__xss=N</script>',
  'data:image/svg+xml,<svg onload="window.__xss=N"/>',
  'vbscript:window.__xss=N',
  // CSS.
  "<style>@import 'javascript:window.__xss=N';</style>",
  '<style>body{background:url(javascript:window.__xss=N)}</style>',
  '<div style="background:url(javascript:window.__xss=N)">styled</div>',
  // Template-looking strings (Angular, Vue, Handlebars, ERB, JS template literals).
  "{{constructor.constructor('window.__xss=N')()}}",
  "{{$on.constructor('window.__xss=N')()}}",
  '${window.__xss=N}',
  '`${window.__xss=N}`',
  '#{window.__xss=N}',
  '<%= window.__xss=N %>',
  '{% raw %}{{window.__xss=N}}{% endraw %}',
  '[[window.__xss=N]]',
  "'-window.__xss=N-'",
  '";window.__xss=N;//',
  "');window.__xss=N;//",
  // Encodings that must stay literal.
  '&lt;script&gt;window.__xss=N&lt;/script&gt;',
  '%3Cscript%3Ewindow.__xss=N%3C/script%3E',
  '\\u003cscript\\u003ewindow.__xss=N\\u003c/script\\u003e',
  // Unicode tricks.
  '\u202Eevil RTL override <img src=x onerror=window.__xss=N>\u202C',
  '\u202Dforced LTR\u202C <svg onload=window.__xss=N>',
  '\u2067isolate \u05E9\u05DC\u05D5\u05DD\u2069 <script>window.__xss=N</script>',
  '\u0645\u0631\u062D\u0628\u0627 <script>window.__xss=N</script>',
  '\u200B<\u200Bscript>window.__xss=N</script>',
  '\uFF1Cscript\uFF1Ewindow.__xss=N\uFF1C/script\uFF1E',
  '<\u017Fcript>window.__xss=N</\u017Fcript>',
  'e\u0301\u0301\u0301\u0301 Z\u0351\u0352\u0353 <img src=x onerror=window.__xss=N>',
  '\u{1F693}\u{1F6A8} \u{1F46E}\u200D\u2640\uFE0F <svg onload=window.__xss=N>',
  'NUL \u0000 here <script>window.__xss=N</script>',
  'BOM \uFEFF inside <img src=x onerror=window.__xss=N>',
  'tab\tand\nnewline <img src=x onerror=window.__xss=N>',
  // Very long.
  'A'.repeat(5000) + ' <img src=x onerror=window.__xss=N>',
  'word '.repeat(800) + '<script>window.__xss=N</script>',
];
// Break out of whatever element the app puts text in.
const BREAKOUTS = ['</p>', '</li>', '</code>', '</mark>', '</span>', '</a>', '</option>', '</select>', '</h3>', '</summary>', '</details>', '</cite>', '</h1>', '</main>'];

export const PAYLOADS = [
  ...TEMPLATES,
  ...BREAKOUTS.map((tag) => `${tag}<img src=x onerror=window.__xss=N>`),
].map((t, i) => t.replaceAll('N', String(i + 1)));

// --- The hostile data set ---------------------------------------------------------------------
// Free-text fields of the model (rendered or not). Ids, enums, dates, the manifest's file paths
// and URLs stay valid, so the data still passes validation.
const TEXT_KEYS = new Set([
  'name', 'title', 'question', 'summary', 'text', 'origin', 'status_text', 'who', 'role', 'group',
  'value_label', 'period', 'label', 'publisher', 'basis', 'from', 'statement', 'author', 'note',
  'last_inspected', 'year',
]);
const TEXT_LISTS = new Set(['parts', 'recommendations', 'paragraphs', 'most_similar_forces']);
// Keys that come first in the text (sorting and choosing by them must keep working).
const KEEP_PREFIX = new Set(['period', 'title', 'year', 'last_inspected']);

/** Replaces every text field in `value` with hostile text; returns how many it changed. */
function poison(value, next, parentKey = '') {
  let n = 0;
  const hostile = (key, original) => {
    const p = next();
    return KEEP_PREFIX.has(key) || n % 2 ? `${original} ${p}` : `${p} ${original}`;
  };
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item === 'string' && TEXT_LISTS.has(parentKey)) {
        value[i] = hostile(parentKey, item);
        n++;
      } else if (item && typeof item === 'object') n += poison(item, next, parentKey);
    });
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && TEXT_KEYS.has(key)) {
        value[key] = hostile(key, item);
        n++;
      } else if (typeof item === 'string' && key === 'file' && parentKey === 'sources') {
        // A source's text file name is shown as text; the manifest's `file` is a path.
        value[key] = `${item} ${next()}`;
        n++;
      } else if (item && typeof item === 'object') n += poison(item, next, key);
    }
  }
  return n;
}

/** Hostile http(s) source URLs: valid by the rules (no whitespace), nasty as attribute values. */
const HOSTILE_URLS = [
  'https://example.org/report?a="><img/src=x/onerror=window.__xss=901>',
  "https://example.org/r?x='onmouseover='window.__xss=902'",
  'HTTPS://EXAMPLE.ORG/UPPER#"><script>window.__xss=903</script>',
  'http://example.org/javascript:window.__xss=904',
];

/** The bundled data with payloads in every text field: { files: {name: json}, placed }. */
function hostileData() {
  const manifest = readJson('index.json');
  let i = 0;
  const next = () => PAYLOADS[i++ % PAYLOADS.length];
  const files = {};
  let placed = 0;
  for (const [k, entry] of manifest.inspections.entries()) {
    const ins = readJson(entry.file);
    placed += poison(ins, next);
    ins.sources.forEach((s, j) => {
      s.url = HOSTILE_URLS[(k + j) % HOSTILE_URLS.length];
    });
    // The manifest mirrors the file's head.
    entry.title = ins.title;
    entry.period = ins.period;
    files[entry.file] = ins;
  }
  for (const force of manifest.forces) {
    force.name = `${force.name} ${next()}`;
    placed++;
  }
  placed += poison(manifest.lineages, next, 'lineages');
  files['index.json'] = manifest;
  return { files, placed, used: Math.min(i, PAYLOADS.length) };
}

const HOSTILE = hostileData();
const INSPECTIONS = HOSTILE.files['index.json'].inspections;

/** Serves `files` (name -> JSON value or raw string) for every data/ request. */
async function serveData(page, files) {
  await page.route('**/data/**', async (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/data/').pop());
    if (!(name in files)) return route.fulfill({ status: 404, body: 'not found' });
    const body = typeof files[name] === 'string' ? files[name] : JSON.stringify(files[name]);
    return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body });
  });
}

// Records, from the first moment of every document, any element or attribute that only an
// injection could have produced (even if removed again), so a transient injection is caught.
const INJECTION_RECORDER = `(() => {
  window.__injected = [];
  // Elements the app never renders (its own inputs, textarea and charts' svg are allowed;
  // injected ones carry an on* attribute, which is caught below).
  const FORBIDDEN = /^(script|iframe|frame|frameset|object|embed|math|maction|style|base|meta|link|template|portal|marquee|keygen|isindex|xss|x|image|noscript|foreignobject|animate|set|discard|video|audio|source|img)$/i;
  const look = (el) => {
    if (!(el instanceof Element) || !document.body || !document.body.contains(el)) return;
    const tag = el.tagName.toLowerCase();
    if (FORBIDDEN.test(tag)) window.__injected.push('<' + tag + '> ' + el.outerHTML.slice(0, 160));
    for (const a of el.attributes) {
      const n = a.name.toLowerCase();
      if (n.startsWith('on') || n === 'srcdoc' || n === 'formaction' || n.startsWith('data-xss') || n.startsWith('xlink')) {
        window.__injected.push('[' + n + '] ' + el.outerHTML.slice(0, 160));
      }
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') look(r.target);
      for (const node of r.addedNodes) {
        if (node instanceof Element) { look(node); node.querySelectorAll('*').forEach(look); }
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/** Opens every card and thread: the first by a click, the rest (hundreds) at once. */
async function openDetails(page) {
  await expect(page.locator('.loading')).toHaveCount(0);
  const first = page.locator('main details:not([open]) > summary').first();
  if (await first.count()) await first.click();
  await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => (d.open = true)));
}

/** Everything a payload could have done, checked on the page as it is now. */
async function inspect(page) {
  return page.evaluate(() => {
    const bad = [];
    const root = document.querySelector('main') ?? document.body;
    for (const el of document.body.querySelectorAll('*')) {
      for (const a of el.attributes) {
        const n = a.name.toLowerCase();
        if (n.startsWith('on') || n === 'srcdoc' || n === 'formaction' || n.startsWith('data-xss') || n.startsWith('xlink')) {
          bad.push(`attribute ${n} on <${el.tagName.toLowerCase()}>`);
        }
        if (['href', 'src', 'action', 'data', 'poster', 'background'].includes(n) && /^\s*(javascript|data|vbscript):/i.test(a.value)) {
          bad.push(`${n}=${a.value.slice(0, 80)} on <${el.tagName.toLowerCase()}>`);
        }
      }
    }
    const NEVER = 'script,iframe,frame,frameset,object,embed,math,style,base,meta,link,template,portal,marquee,keygen,isindex,xss,x,image,noscript,img,video,audio,source,foreignObject,animate,set,discard';
    for (const el of root.querySelectorAll(NEVER)) bad.push(`element <${el.tagName.toLowerCase()}> in main`);
    const links = [...document.querySelectorAll('a[href]')].map((a) => ({ raw: a.getAttribute('href'), protocol: a.protocol, origin: a.origin }));
    for (const l of links) {
      const ok = l.protocol === 'http:' || l.protocol === 'https:';
      if (!ok) bad.push(`link with ${l.protocol} href: ${l.raw.slice(0, 80)}`);
    }
    return {
      xss: window.__xss,
      injected: window.__injected ?? [],
      bad,
      links,
      text: document.body.textContent,
      heading: document.querySelector('h1')?.textContent ?? '',
    };
  });
}

/** Serves the page documents without their CSP header: the app's own escaping alone. */
async function withoutCsp(page) {
  await page.route('**/*', async (route) => {
    if (!route.request().isNavigationRequest()) return route.fallback();
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    return route.fulfill({ response, headers });
  });
}

for (const csp of [true, false]) {
  test.describe(`hostile text in every field (${csp ? 'strict CSP' : 'no CSP: escaping alone'})`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript(INJECTION_RECORDER);
      if (!csp) await withoutCsp(page);
      await serveData(page, HOSTILE.files);
    });

    test(`${PAYLOADS.length} payloads in ${HOSTILE.placed} text fields: nothing runs, nothing is injected, all shows as text`, async ({
      page,
      consoleErrors,
    }) => {
      if (!csp) {
        const response = await page.goto('./');
        expect(response.headers()['content-security-policy']).toBeUndefined();
      }
      test.setTimeout(120_000);
      expect(PAYLOADS.length).toBeGreaterThanOrEqual(100);
      expect(new Set(PAYLOADS).size).toBe(PAYLOADS.length);
      expect(HOSTILE.used).toBe(PAYLOADS.length);
      const seen = new Set();
      const check = async (label) => {
        const r = await inspect(page);
        expect(r.xss, `${label}: payload ${r.xss} ran: ${PAYLOADS[r.xss - 1]}`).toBeUndefined();
        expect(r.injected, `${label}: injected`).toEqual([]);
        expect(r.bad, `${label}: unsafe DOM`).toEqual([]);
        expect(r.text, `${label}: a panic`).not.toContain('panicked');
        PAYLOADS.forEach((p, i) => r.text.includes(p) && seen.add(i));
        return r;
      };
      const openAll = () => openDetails(page);

      // Grades view of every inspection, every card opened.
      for (const entry of INSPECTIONS) {
        await page.goto(`./?inspection=${entry.id}`);
        await expect(page.locator('.grade-card, .findings__list').first()).toBeVisible();
        await expect(page.getByRole('alert')).toHaveCount(0);
        await openAll();
        const r = await check(`grades ${entry.id}`);
        // The inspection's own (hostile) title is shown as text.
        expect(r.text).toContain(entry.title);
      }
      // The force's hostile name is in the page heading, as text.
      const { heading } = await inspect(page);
      expect(heading).toContain(HOSTILE.files['index.json'].forces[0].name);

      // Improvements: every row drawn (Show more until none left), every thread open.
      await page.goto('./?view=improvements');
      await expect(page.locator('.improvement').first()).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
      while (await page.locator('.show-more').count()) await page.locator('.show-more').click();
      await openAll();
      await check('improvements');

      // Other views, languages and modes (a view the app does not know falls back to grades).
      for (const query of ['?view=history', '?view=figures', '?view=accessibility', '?lang=cy', '?view=improvements&lang=cy&embed=1']) {
        await page.goto('./' + query);
        await expect(page.locator('main h2, main .result-count').first()).toBeVisible();
        await openAll();
        await check(query);
      }

      // Searches whose matches are highlighted inside payloads.
      for (const [query, word] of [
        ['?view=improvements&q=onerror', /onerror/i],
        ['?view=improvements&q=script', /script/i],
        ['?view=improvements&q=javascript', /javascript/i],
        ['?view=improvements&q=constructor', /constructor/i],
        ['?view=improvements&q=img%20src', /img|src/i],
        ['?inspection=gwent-peel-2018-19&q=window', /window/i],
        ['?inspection=gwent-peel-2021-22&q=xss', /xss/i],
      ]) {
        await page.goto('./' + query);
        await expect(page.locator('.result-count')).toBeVisible();
        await openAll();
        const marks = page.locator('main mark');
        await expect(marks.first()).toBeVisible();
        await expect(marks.first()).toHaveText(word);
        await check(query);
        // The highlighted text around a mark is still the literal payload.
        const around = await marks.first().evaluate((m) => m.parentElement.textContent);
        expect(PAYLOADS.some((p) => around.includes(p)), `${query}: literal payload around the highlight`).toBe(true);
      }

      // Typing a payload into the search box is just text too.
      await page.goto('./?view=improvements');
      await page.getByLabel('Search').fill('<img src=x onerror=window.__xss=999>');
      await expect(page).toHaveURL(/q=%3Cimg/);
      await check('typed search');

      console.log(`hostile: ${PAYLOADS.length} payloads in ${HOSTILE.placed} text fields; ${seen.size} seen verbatim as text`);
      expect(seen.size, 'distinct payloads shown verbatim as text').toBeGreaterThanOrEqual(100);
      expect(consoleErrors).toEqual([]);
    });

    test('source links: only the http(s) addresses, kept verbatim as href, never javascript: or data:', async ({ page }) => {
      await page.goto('./?view=improvements');
      await expect(page.locator('.improvement').first()).toBeVisible();
      const r = await inspect(page);
      const sourceLinks = r.links.filter((l) => HOSTILE_URLS.includes(l.raw));
      expect(sourceLinks.length).toBeGreaterThan(0);
      for (const l of r.links) expect(['http:', 'https:']).toContain(l.protocol);
      // Hostile-looking characters stay inside the attribute value.
      expect(r.bad).toEqual([]);
      expect(r.injected).toEqual([]);
      expect(r.xss).toBeUndefined();
    });

    test('control: the checks do catch an injected payload', async ({ page, cspViolations }) => {
      await page.goto('./?view=improvements');
      await expect(page.locator('.improvement').first()).toBeVisible();
      // What an app that wrote data as HTML would do.
      await page.evaluate((html) => document.querySelector('main').insertAdjacentHTML('beforeend', html), PAYLOADS[15]);
      const r = await inspect(page);
      expect(r.bad.join()).toContain('onerror');
      expect(r.injected.join()).toContain('<img>');
      if (csp) {
        // The strict policy blocks the handler, and says so.
        await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
        expect(r.xss).toBeUndefined();
        cspViolations.length = 0; // provoked on purpose
      } else {
        await expect.poll(() => page.evaluate(() => window.__xss)).toBe(16);
      }
    });
  });
}

// --- Unsafe source URLs -----------------------------------------------------------------------
// The schemes and shapes validation must refuse; the file then shows a validation error naming
// the JSON path, never a link, while the other inspections keep working.
const UNSAFE_URLS = [
  ['javascript:window.__xss=1', 'it uses the javascript: scheme'],
  ['JavaScript:window.__xss=2', 'it uses the javascript: scheme'],
  ['data:text/html,<script>window.__xss=3</script>', 'it uses the data: scheme'],
  ['vbscript:msgbox(4)', 'it uses the vbscript: scheme'],
  ['//evil.example/x', "it is protocol-relative (starts with '//')"],
  ['java\tscript:window.__xss=6', 'it contains the control character U+0009'],
  [' https://example.org/', 'it contains whitespace'],
  ['https://', 'it names no host'],
];

test.describe('unsafe source URLs are rejected, never linked', () => {
  for (const [url, why] of UNSAFE_URLS) {
    test(`${JSON.stringify(url)}: validation error, other inspections unaffected`, async ({ page }) => {
      const manifest = readJson('index.json');
      const files = { 'index.json': manifest };
      for (const e of manifest.inspections) files[e.file] = readJson(e.file);
      const bad = manifest.inspections.find((e) => e.id === 'gwent-peel-2018-19');
      files[bad.file].sources[0].url = url;
      await serveData(page, files);

      await page.goto(`./?inspection=${bad.id}`);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('This data is not valid');
      await expect(alert).toContainText(`data/${bad.file}: sources[0].url: unsafe or malformed web address`);
      await expect(alert).toContainText(why);
      await expect(alert).toContainText('expected an http:// or https:// URL');
      await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
      await expect(page.locator('main a[href]').filter({ hasText: files[bad.file].sources[0].title })).toHaveCount(0);

      // The improvements view shows that file's alert above the other files' rows.
      await page.goto('./?view=improvements');
      await expect(page.getByRole('alert')).toHaveCount(1);
      await expect(page.getByRole('alert')).toContainText(bad.title);
      await expect(page.locator('.improvement').first()).toBeVisible();
      const r = await inspect(page);
      expect(r.bad).toEqual([]);
      expect(r.links.every((l) => !/^\s*(javascript|data|vbscript):/i.test(l.raw))).toBe(true);
      expect(r.xss).toBeUndefined();
    });
  }
});

// --- Strict CSP -------------------------------------------------------------------------------
test.describe('strict Content Security Policy', () => {
  test('the app is served with the strict policy and has no inline script or style', async ({ page }) => {
    const response = await page.goto('./');
    expect(response.headers()['content-security-policy']).toBe(CSP);
    expect(CSP).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    // The app's own DOM, once it has taken over from the pre-rendered HTML.
    await openApp(page, './');
    await expect(page.locator('.grade-card').first()).toBeVisible();
    const inline = await page.evaluate(() => ({
      scripts: [...document.scripts].filter((s) => !s.src).length,
      styles: document.querySelectorAll('style').length,
      styleAttrs: [...document.querySelectorAll('[style]')].map((e) => e.outerHTML.slice(0, 100)),
    }));
    expect(inline).toEqual({ scripts: 0, styles: 0, styleAttrs: [] });
  });

  test('zero violation reports across every view, language, mode and state', async ({ page, cspViolations, consoleErrors }) => {
    test.setTimeout(60_000);
    const views = [
      ['./', '.grade-card'],
      ['./?inspection=gwent-peel-2018-19', '.grade-card'],
      ['./?inspection=gwent-2012-police-relationships', '.findings__list'],
      ['./?view=improvements', '.improvement'],
      ['./?view=improvements&grade=requires-improvement&q=force', '.improvement mark'],
      ['./?view=improvements&q=zzzz-no-such-text', '.empty-state'],
      ['./?view=history', 'main h2'],
      ['./?view=figures', 'main h2'],
      ['./?view=accessibility', 'main h2'],
      ['./?lang=cy', '.grade-card'],
      ['./?embed=1&accent=%23aa0000', '.grade-card'],
      ['./?view=improvements&embed=1&lang=cy', '.improvement'],
    ];
    for (const [url, ready] of views) {
      await page.goto(url);
      await expect(page.locator(ready).first()).toBeVisible();
      await openDetails(page);
      // Client-side navigation and a filter change, too.
      const tab = page.getByRole('link', { name: /Improvements|Gwella/ }).first();
      if (await tab.count()) await tab.click();
      await expect(page.locator('.result-count, main h2').first()).toBeVisible();
      expect(cspViolations, url).toEqual([]);
    }
    // The error state (a 500 from the manifest), with its Retry.
    await page.route('**/data/index.json', (route) => route.fulfill({ status: 500, body: 'boom' }));
    await page.goto('./');
    await expect(page.getByRole('alert')).toBeVisible();
    await page.unroute('**/data/index.json');
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page.locator('.grade-card').first()).toBeVisible();
    expect(cspViolations).toEqual([]);
    // Errors logged on purpose by the 500 are the only console errors.
    expect(consoleErrors.filter((e) => !e.includes('500'))).toEqual([]);
  });

  test('the policy is enforced in the running app and the recorder sees violations (control)', async ({ page, cspViolations }) => {
    await openApp(page, './');
    await expect(page.locator('.grade-card').first()).toBeVisible();
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = 1';
      document.body.append(s);
      const d = document.createElement('div');
      d.setAttribute('onclick', 'window.__inlineRan = 2');
      document.body.append(d);
      d.click();
    });
    expect(await page.evaluate(() => window.__inlineRan)).toBeUndefined();
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
    expect(JSON.stringify(cspViolations)).toMatch(/script-src/);
    cspViolations.length = 0; // provoked on purpose
  });
});

// Every file in public/data is covered by the hostile set (a new file gets payloads too):
// checked as the tests are collected (not a test of the app), so a file left out stops the run.
{
  const bundled = readdirSync(DATA).filter((f) => f.endsWith('.json')).sort();
  const covered = Object.keys(HOSTILE.files).sort();
  if (JSON.stringify(covered) !== JSON.stringify(bundled)) {
    throw new Error(`hostile.spec.js: the hostile set covers ${covered.join(', ')}; public/data has ${bundled.join(', ')}`);
  }
}
