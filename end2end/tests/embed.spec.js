// Embedding in council and PCC sites: embed mode, auto-height with the host script embed.js,
// the embed code generator, accent and colour scheme, sub-path hosting, good guest behaviour.
// Three origins: the app (8090), host pages (8092, end2end/hosts/) and the app again under
// /police-inspections/ (8093); see playwright.config.js.
import { test as base, expect, axeViolations } from './fixtures.js';

// The ports of playwright.config.js; EMBED_*_PORT override them for a run on other ports.
const port = (name, fallback) => Number(process.env[`EMBED_${name}_PORT`] ?? fallback);
const APP = `http://127.0.0.1:${port('APP', 8090)}/`;
const HOST = `http://127.0.0.1:${port('HOST', 8092)}/`;
const SUB = `http://127.0.0.1:${port('SUB', 8093)}/police-inspections/`;
const ORIGINS = { app: new URL(APP).origin, host: new URL(HOST).origin, sub: new URL(SUB).origin };
const APP_ORIGINS = [ORIGINS.app, ORIGINS.sub];
const HEIGHT = 'inspection-viewer:height';

/** Every request's origin and the origin of the frame that made it, if known. */
function describe(request) {
  let frame = null;
  try {
    frame = request.frame().url();
  } catch {
    // Requests without a frame (e.g. workers) keep frame = null.
  }
  return { url: request.url(), frame, navigation: request.isNavigationRequest() };
}

const originOf = (url) => {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
};

// Every test here records every request of its browser context: each must go to one of the
// three test origins, and whatever the viewer itself loads must come from its own origin.
const test = base.extend({
  requests: [
    async ({ context }, use) => {
      const seen = [];
      context.on('request', (r) => seen.push(describe(r)));
      await use(seen);
      for (const r of seen) {
        if (/^(data|blob|about):/.test(r.url)) continue;
        expect(Object.values(ORIGINS), `request to ${r.url}`).toContain(originOf(r.url));
        const frameOrigin = r.frame ? originOf(r.frame) : null;
        if (!r.navigation && APP_ORIGINS.includes(frameOrigin)) {
          expect(originOf(r.url), `viewer at ${r.frame} requested ${r.url}`).toBe(frameOrigin);
        }
      }
    },
    { auto: true },
  ],
});

/** A host page (other origin) embedding the viewer at `app`; `script: false` leaves out embed.js. */
function hostUrl(app, { script = true } = {}) {
  return `${HOST}host.html?app=${encodeURIComponent(app)}${script ? '' : '&script=0'}`;
}

/** The embedded viewer's frame, once it has navigated to `origin`. */
async function viewerFrame(page, origin = APP) {
  const iframe = page.locator('#slot iframe[data-inspection-viewer]');
  await expect(iframe).toHaveCount(1);
  let frame = null;
  await expect
    .poll(async () => {
      frame = await (await iframe.elementHandle()).contentFrame();
      return frame ? frame.url() : '';
    })
    .toContain(origin);
  return frame;
}

/** Inside `frame`: the frame's own height, its content's height, and whether it scrolls. */
function measure(frame) {
  return frame.evaluate(() => {
    const root = document.documentElement;
    return {
      frame: window.innerHeight,
      content: Math.ceil(root.getBoundingClientRect().height),
      scrolls: root.scrollHeight > window.innerHeight,
    };
  });
}

/**
 * Waits until the iframe is exactly as tall as its content (no inner scrollbar) and its
 * height passes `ok`; returns that height.
 */
async function fitted(frame, ok = () => true) {
  let height = 0;
  await expect
    .poll(
      async () => {
        const m = await measure(frame);
        height = m.frame;
        return Math.abs(m.frame - m.content) <= 1 && !m.scrolls && ok(m.frame);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return height;
}

const card = (scope, name) =>
  scope.locator('.grade-card').filter({ has: scope.getByRole('heading', { name, exact: true }) });

test.describe('embed mode', () => {
  test('no page chrome; same filters and views; "Open full viewer" opens the same state in a new tab', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto(`${APP}?grade=good&embed=1`);
    await expect(page.locator('.grade-card').first()).toBeVisible();
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.locator('.skip-link')).toBeHidden();
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.getByLabel('Good', { exact: true })).toBeChecked();
    await expect(page.getByText('Embed this view', { exact: true })).toHaveCount(0);
    // Views and filters keep embed mode.
    await page.getByRole('link', { name: 'Improvements' }).click();
    await expect(page).toHaveURL(/\?view=improvements&grade=good&embed=1$/);
    await page.getByLabel('Met', { exact: true }).check();
    await expect(page).toHaveURL(/\?view=improvements&grade=good&status=met&embed=1$/);
    await expect(page.locator('.improvement').first()).toBeVisible();
    await expect(page.locator('.site-header')).toBeHidden();
    const open = page.getByRole('link', { name: /Open full viewer/ });
    await expect(open).toHaveAttribute('target', '_blank');
    await expect(open).toHaveAttribute('rel', /noopener/);
    await expect(open).toHaveAttribute('href', '/?view=improvements&grade=good&status=met');
    const [full] = await Promise.all([page.context().waitForEvent('page'), open.click()]);
    await expect(full).toHaveURL(`${APP}?view=improvements&grade=good&status=met`);
    await expect(full.locator('.site-header')).toBeVisible();
    await expect(full.getByLabel('Good', { exact: true })).toBeChecked();
    await expect(full.getByLabel('Met', { exact: true })).toBeChecked();
    await expect(full.getByRole('link', { name: /Open full viewer/ })).toHaveCount(0);
    await expect(full.getByText('Embed this view', { exact: true })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('the superseded notice link keeps embed mode and accent', async ({ page }) => {
    await page.goto(`${APP}?inspection=gwent-peel-2018-19&grade=good&embed=1&accent=%23ff0000`);
    await page.locator('.notice--superseded a').click();
    await expect(page).toHaveURL(/\?inspection=[a-z0-9-]+&embed=1&accent=%23ff0000$/);
    await expect(page.locator('.site-header')).toBeHidden();
  });
});

test.describe('auto-height in a host page on another origin', () => {
  test('the iframe grows and shrinks with its content: card open/close and filters', async ({ page }) => {
    await page.goto(hostUrl(`${APP}?embed=1&inspection=gwent-peel-2018-19`));
    const frame = await viewerFrame(page);
    const viewer = page.frameLocator('#slot iframe');
    await expect(viewer.locator('.grade-card').first()).toBeVisible();
    const iframe = page.locator('#slot iframe');
    const base = await fitted(frame);
    await expect(iframe).toHaveAttribute('scrolling', 'no');

    // Opening a card grows the frame; closing it shrinks it back.
    await card(viewer, 'Legitimacy').locator('summary').click();
    await expect(card(viewer, 'Legitimacy').locator('.afi').first()).toBeVisible();
    const opened = await fitted(frame, (h) => h > base + 50);
    await card(viewer, 'Legitimacy').locator('summary').click();
    await fitted(frame, (h) => Math.abs(h - base) <= 1);

    // A filter that hides cards shrinks it; removing the filter grows it again.
    await viewer.getByLabel('Requires improvement').check();
    await expect.poll(() => frame.url()).toMatch(/grade=requires-improvement&embed=1$/);
    const filtered = await fitted(frame, (h) => h < base - 50);
    await viewer.getByLabel('Requires improvement').uncheck();
    await fitted(frame, (h) => Math.abs(h - base) <= 1);

    // A search with no results shrinks it to the empty state.
    await viewer.getByLabel('Search').fill('zzzz-no-such-text');
    await expect(viewer.locator('.empty-state')).toBeVisible();
    await fitted(frame, (h) => h < filtered);

    // The host script reported each size it applied.
    const resizes = await page.evaluate(() => window.__resizes);
    expect(resizes).toContain(base);
    expect(resizes).toContain(opened);
    expect(resizes).toContain(filtered);
    // The host page's own content still follows the frame.
    const after = await page.locator('#after').boundingBox();
    const box = await iframe.boundingBox();
    expect(after.y).toBeGreaterThanOrEqual(box.y + box.height);
  });

  test('without embed.js the frame keeps its fixed height and scrolls inside', async ({ page }) => {
    await page.goto(hostUrl(`${APP}?embed=1&view=improvements`, { script: false }));
    const frame = await viewerFrame(page);
    await expect(page.frameLocator('#slot iframe').locator('.improvement').first()).toBeVisible();
    const iframe = page.locator('#slot iframe');
    await expect(iframe).not.toHaveAttribute('scrolling', /.*/);
    expect(await iframe.evaluate((el) => el.style.height)).toBe('');
    const m = await measure(frame);
    expect(m.frame).toBe(900);
    expect(m.scrolls).toBe(true);
    // And it scrolls.
    await frame.evaluate(() => window.scrollTo(0, 500));
    expect(await frame.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  test('messages from foreign windows or origins, and malformed ones, are ignored', async ({ page }) => {
    await page.goto(hostUrl(`${APP}?embed=1&grade=good`));
    const frame = await viewerFrame(page);
    await expect(page.frameLocator('#slot iframe').locator('.grade-card').first()).toBeVisible();
    const height = await fitted(frame);
    const resizesBefore = await page.evaluate(() => window.__resizes.length);
    const styleHeight = () => page.locator('#slot iframe').evaluate((el) => el.style.height);
    expect(await styleHeight()).toBe(`${height}px`);

    const addFrame = (id, src, marked) =>
      page.evaluate(
        ([id, src, marked]) => {
          const f = document.createElement('iframe');
          f.id = id;
          f.src = src;
          f.title = id;
          f.height = '300';
          if (marked) f.setAttribute('data-inspection-viewer', '');
          document.body.append(f);
        },
        [id, src, marked],
      );
    const frameById = async (id, origin) => {
      let f = null;
      await expect
        .poll(async () => {
          f = await (await page.locator(`#${id}`).elementHandle()).contentFrame();
          return f ? f.url() : '';
        })
        .toContain(origin);
      await f.waitForLoadState();
      return f;
    };

    // 1. The host's own window.
    await page.evaluate((type) => window.postMessage({ type, height: 1111 }, '*'), HEIGHT);
    // 2. A frame from another origin (the host's), not the viewer.
    await addFrame('foreign', `${HOST}foreign.html`, false);
    const foreign = await frameById('foreign', ORIGINS.host);
    await foreign.evaluate((type) => parent.postMessage({ type, height: 2222 }, '*'), HEIGHT);
    // 3. Another window on the viewer's own origin (an unmarked viewer): right origin, wrong
    //    window. It also posts its own heights on its own, which must be ignored too.
    await addFrame('twin', `${APP}?embed=1&view=improvements`, false);
    const twin = await frameById('twin', ORIGINS.app);
    await twin.evaluate((type) => parent.postMessage({ type, height: 3333 }, '*'), HEIGHT);
    // 4. The viewer's own window, with malformed data; nothing may be evaluated.
    await frame.evaluate((type) => {
      for (const m of [
        { type, height: '4444' },
        { type, height: 'window.__pwned = 1' },
        { type, height: 1e9 },
        { type, height: -5 },
        { type, height: NaN },
        { type, height: Infinity },
        { type, height: null },
        JSON.stringify({ type, height: 5555 }),
        `${type}:6666`,
        { type: 'other', height: 7777 },
        { height: 8888 },
        [type, 9999],
        null,
      ]) {
        parent.postMessage(m, '*');
      }
    }, HEIGHT);

    await page.waitForTimeout(750);
    expect(await styleHeight()).toBe(`${height}px`);
    expect(await page.evaluate(() => window.__resizes.length)).toBe(resizesBefore);
    expect((await measure(frame)).frame).toBe(height);
    expect(await page.locator('#foreign').evaluate((el) => el.style.height)).toBe('');
    expect(await page.locator('#twin').evaluate((el) => el.style.height)).toBe('');
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });

  test('a marked frame whose window moved to another origin is not resized', async ({ page }) => {
    await page.goto(hostUrl(`${APP}?embed=1&grade=good`));
    await viewerFrame(page);
    // A second marked frame: accepted while its window is on the origin its src names.
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.id = 'moved';
      f.src = src;
      f.title = 'moved';
      f.height = '300';
      f.setAttribute('data-inspection-viewer', '');
      document.body.append(f);
    }, `${APP}?embed=1&grade=good`);
    const moved = page.locator('#moved');
    // Chromium pauses rendering (and so ResizeObserver) in cross-origin frames out of view.
    await moved.scrollIntoViewIfNeeded();
    await expect.poll(() => moved.evaluate((el) => el.style.height)).not.toBe('');
    const before = await moved.evaluate((el) => el.style.height);
    // Its window goes to the sub-path origin; src still names the app origin. The viewer
    // there posts its (much taller) height, which must be ignored.
    await moved.evaluate((el, url) => {
      el.contentWindow.location.href = url;
    }, `${SUB}?embed=1&view=improvements`);
    const frame = page.frameLocator('#moved');
    await expect(frame.locator('.improvement').first()).toBeVisible();
    const inner = await (await moved.elementHandle()).contentFrame();
    expect(originOf(inner.url())).toBe(ORIGINS.sub);
    await inner.evaluate((type) => parent.postMessage({ type, height: 1234 }, '*'), HEIGHT);
    await page.waitForTimeout(750);
    expect(await moved.evaluate((el) => el.style.height)).toBe(before);
  });
});

test.describe('embed code generator', () => {
  test('the snippet, copied and pasted into a fresh host page, reproduces the filtered view', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGINS.app });
    await page.goto(`${APP}?view=improvements&grade=requires-improvement&q=vetting`);
    await expect(page.locator('.improvement').first()).toBeVisible();
    const countText = await page.locator('.result-count').innerText();

    await page.getByText('Embed this view', { exact: true }).click();
    const code = page.getByLabel('HTML to embed this view');
    await expect(code).toBeVisible();
    await expect(code).toHaveAttribute('readonly', '');
    const snippet = await code.inputValue();
    const src = `${APP}?view=improvements&amp;grade=requires-improvement&amp;q=vetting&amp;embed=1`;
    expect(snippet).toContain(`<iframe src="${src}"`);
    expect(snippet).toMatch(/ title="[^"]*\S[^"]*"/);
    expect(snippet).toContain('loading="lazy"');
    expect(snippet).toContain('data-inspection-viewer');
    expect(snippet).toContain(`<script src="${APP}embed.js" defer></script>`);

    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

    // The snippet changes with the view.
    await page.getByLabel('Open').check();
    await expect(code).toHaveValue(/status=open&amp;q=vetting&amp;embed=1"/);
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(0);

    // Paste it into a fresh page on another origin. (Served by the host server, not
    // route.fulfill: Chromium treats a fulfilled page as public and blocks its loopback
    // requests.) A contextual fragment runs its script, as pasted HTML would.
    const host = page;
    await host.goto(`${HOST}blank.html`);
    await host.evaluate((html) => {
      document.querySelector('main').append(document.createRange().createContextualFragment(html));
    }, snippet);
    const viewer = host.frameLocator('iframe[data-inspection-viewer]');
    await expect(viewer.locator('.improvement').first()).toBeVisible();
    await expect(viewer.locator('.result-count')).toHaveText(countText);
    await expect(viewer.getByLabel('Requires improvement')).toBeChecked();
    await expect(viewer.getByLabel('Search')).toHaveValue('vetting');
    await expect(viewer.getByRole('link', { name: 'Improvements' })).toHaveAttribute('aria-current', 'page');
    await expect(viewer.locator('.site-header')).toBeHidden();
    const title = await host.locator('iframe').getAttribute('title');
    expect(title.trim().length).toBeGreaterThan(10);
    const frame = await (await host.locator('iframe').elementHandle()).contentFrame();
    await fitted(frame);
    await expect(host.locator('iframe')).toHaveAttribute('scrolling', 'no');
    // Its "Open full viewer" link opens the same view, outside embed mode, in a new tab.
    const [full] = await Promise.all([
      context.waitForEvent('page'),
      viewer.getByRole('link', { name: /Open full viewer/ }).click(),
    ]);
    await expect(full).toHaveURL(`${APP}?view=improvements&grade=requires-improvement&q=vetting`);
    await expect(full.locator('.result-count')).toHaveText(countText);
  });

  test('without the Clipboard API, Copy selects the code instead', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    });
    await page.goto(APP);
    await expect(page.locator('.grade-card').first()).toBeVisible();
    await page.getByText('Embed this view', { exact: true }).click();
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Copied|Ctrl\+C/ })).toBeVisible();
    const code = page.getByLabel('HTML to embed this view');
    await expect(code).toHaveValue(/^<iframe src="[^"]+\?embed=1"[^>]*data-inspection-viewer><\/iframe>\n<script src="[^"]+\/embed\.js" defer><\/script>$/);
    const selection = await code.evaluate((el) => [el.selectionStart, el.selectionEnd, el.value.length]);
    expect(selection[2], 'the code is there to select').toBeGreaterThan(100);
    expect(selection, 'all of the code is selected').toEqual([0, selection[2], selection[2]]);
  });
});

test.describe('theming', () => {
  test('a valid accent sets --accent; anything else is ignored', async ({ page }) => {
    const accent = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
    await page.goto(`${APP}?embed=1&accent=%23FF0000`);
    await expect(page.locator('.grade-card').first()).toBeVisible();
    expect(await accent()).toBe('#ff0000');
    const tab = page.locator('.view-tabs__link[aria-current="page"]');
    expect(await tab.evaluate((el) => getComputedStyle(el).boxShadow)).toContain('rgb(255, 0, 0)');
    // It survives filter changes.
    await page.getByLabel('Good', { exact: true }).check();
    await expect(page).toHaveURL(/grade=good&embed=1&accent=%23ff0000$/);
    expect(await accent()).toBe('#ff0000');
    for (const bad of ['red', '%23ff000', '%23fff%3Bbackground%3Aurl(x)', 'ff0000', 'var(--x)']) {
      await page.goto(`${APP}?embed=1&accent=${bad}`);
      await expect(page.locator('.grade-card').first()).toBeVisible();
      expect(await accent(), bad).toBe('#1d70b8');
      expect(await page.evaluate(() => document.documentElement.getAttribute('style') ?? '')).not.toContain('url');
    }
  });

  test('dark colour scheme and reduced motion are respected', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    let release;
    const gate = new Promise((r) => (release = r));
    await page.route('**/data/index.json', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(`${APP}?embed=1`);
    const spinner = page.locator('.spinner').first();
    await expect(spinner).toBeVisible();
    expect(await spinner.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    release();
    await expect(page.locator('.grade-card').first()).toBeVisible();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(11, 12, 12)');
  });
});

test.describe('sub-path hosting', () => {
  test('under /police-inspections/ the app loads its assets and data from there', async ({ page }) => {
    const responses = [];
    page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
    await page.goto(`${SUB}?inspection=gwent-peel-2018-19`);
    await expect(page.locator('.grade-card').first()).toBeVisible();
    await page.getByLabel('Good', { exact: true }).check();
    await expect(page).toHaveURL(`${SUB}?inspection=gwent-peel-2018-19&grade=good`);
    await page.getByRole('link', { name: 'Improvements' }).click();
    await expect(page).toHaveURL(`${SUB}?view=improvements&inspection=gwent-peel-2018-19&grade=good`);
    await expect(page.locator('.improvement').first()).toBeVisible();
    const paths = responses.map((r) => new URL(r.url).pathname);
    for (const r of responses) {
      expect(new URL(r.url).pathname, r.url).toMatch(/^\/police-inspections\//);
      expect(r.status, r.url).toBeLessThan(400);
    }
    expect(paths).toContain('/police-inspections/data/index.json');
    expect(paths.some((p) => /^\/police-inspections\/data\/.+\.json$/.test(p) && !p.endsWith('index.json'))).toBe(true);
    expect(paths.some((p) => p.endsWith('.wasm'))).toBe(true);
    expect(paths.some((p) => p.endsWith('.css'))).toBe(true);
    // The embed code points at the sub-path, and the host script is there.
    await page.getByText('Embed this view', { exact: true }).click();
    const snippet = await page.getByLabel('HTML to embed this view').inputValue();
    expect(snippet).toContain(`src="${SUB}?view=improvements&amp;inspection=gwent-peel-2018-19&amp;grade=good&amp;embed=1"`);
    expect(snippet).toContain(`<script src="${SUB}embed.js"`);
    const script = await page.request.get(`${SUB}embed.js`);
    expect(script.status()).toBe(200);
    expect(script.headers()['content-type']).toContain('javascript');
  });

  test('embedded from the sub-path, the frame is sized too', async ({ page }) => {
    await page.goto(hostUrl(`${SUB}?embed=1&inspection=gwent-peel-2018-19`));
    const frame = await viewerFrame(page, ORIGINS.sub);
    await expect(page.frameLocator('#slot iframe').locator('.grade-card').first()).toBeVisible();
    await fitted(frame);
  });
});

test.describe('good guest', () => {
  test('every request goes to the app\'s own origin; no cookies', async ({ page, context, requests }) => {
    await page.goto(`${APP}?inspection=gwent-peel-2018-19`);
    await expect(page.locator('.grade-card').first()).toBeVisible();
    await card(page, 'Legitimacy').locator('summary').click();
    await page.getByRole('link', { name: 'Improvements' }).click();
    await page.getByLabel('Search').fill('vetting');
    await page.getByLabel('Inspection').selectOption({ index: 1 });
    await expect(page.locator('.result-count')).toBeVisible();
    await page.getByText('Embed this view', { exact: true }).click();
    await page.goto(`${APP}?embed=1&view=improvements`);
    await expect(page.locator('.improvement').first()).toBeVisible();
    expect(requests.length).toBeGreaterThan(3);
    for (const r of requests) expect(originOf(r.url), r.url).toBe(ORIGINS.app);
    // What the page itself saw, too (preloads, fetches, styles).
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    for (const url of resources) expect(originOf(url), url).toBe(ORIGINS.app);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  test('embedded, it sets no cookies and works with storage and cookies blocked', async ({ page, context, consoleErrors }) => {
    await page.addInitScript(() => {
      const blocked = () => {
        throw new DOMException('blocked by the test', 'SecurityError');
      };
      for (const name of ['localStorage', 'sessionStorage', 'indexedDB']) {
        Object.defineProperty(window, name, { get: blocked, configurable: true });
      }
      Object.defineProperty(Document.prototype, 'cookie', { get: blocked, set: blocked, configurable: true });
    });
    await page.goto(hostUrl(`${APP}?embed=1&inspection=gwent-peel-2018-19`));
    const frame = await viewerFrame(page);
    const viewer = page.frameLocator('#slot iframe');
    await expect(viewer.locator('.grade-card').first()).toBeVisible();
    await card(viewer, 'Legitimacy').locator('summary').click();
    await viewer.getByLabel('Good', { exact: true }).check();
    await fitted(frame);
    expect(await context.cookies()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('axe-core in embed mode', () => {
  // axe over a long list takes a while on a busy machine.
  test.slow();
  for (const [name, url, wait, scheme] of [
    ['grades, cards open', `${APP}?embed=1&inspection=gwent-peel-2018-19`, '.grade-card', 'light'],
    ['grades, cards open, dark scheme', `${APP}?embed=1&inspection=gwent-peel-2018-19`, '.grade-card', 'dark'],
    ['improvements with filters and accent', `${APP}?embed=1&view=improvements&grade=requires-improvement&q=force&accent=%23ffdd00`, '.improvement mark', 'light'],
    ['improvements, dark scheme', `${APP}?embed=1&view=improvements`, '.improvement', 'dark'],
    ['empty state', `${APP}?embed=1&q=zzzz-no-such-text`, '.empty-state', 'light'],
  ]) {
    test(`0 violations: ${name}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(url);
      await expect(page.locator(wait).first()).toBeVisible();
      for (const summary of await page.locator('.grade-card summary').all()) await summary.click();
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test('0 violations: full page with the embed code open, dark scheme', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGINS.app });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${APP}?inspection=gwent-peel-2018-19`);
    await expect(page.locator('.grade-card').first()).toBeVisible();
    await page.getByText('Embed this view', { exact: true }).click();
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('0 violations: the viewer embedded in a host page', async ({ page }) => {
    await page.goto(hostUrl(`${APP}?embed=1&view=improvements`));
    const frame = await viewerFrame(page);
    await expect(page.frameLocator('#slot iframe').locator('.improvement').first()).toBeVisible();
    await fitted(frame);
    expect(await axeViolations(page)).toEqual([]);
  });
});
