// The viewer as a visitor uses it: grade cards, improvements, filters, URL state, keyboard.
import { test, expect, axeViolations, showAll, tabTo, openApp } from './fixtures.js';

const card = (page, name) => page.locator('.grade-card').filter({ has: page.getByRole('heading', { name, exact: true }) });
const items = (page) => page.locator('.improvement');
const count = (page) => page.locator('.result-count');

/** Waits until the app has applied the URL and rendered results. */
async function ready(page) {
  await expect(count(page)).toBeVisible();
}

test.describe('grades view', () => {
  test('newest inspection first, marked current, with its area cards', async ({ page, consoleErrors }) => {
    await openApp(page, './');
    await ready(page);
    await expect(page.locator('#inspection-title')).toContainText('PEEL 2021/22');
    await expect(page.locator('.notice--current')).toContainText('Current');
    await expect(page.locator('.notice--superseded')).toHaveCount(0);
    await expect(count(page)).toHaveText('Showing 8 of 8 areas');
    await expect(card(page, 'Responding to the public').locator('.grade-card__header .grade-tag')).toHaveText(/Inadequate/);
    await expect(card(page, 'Preventing crime').locator('.grade-card__header .grade-tag')).toHaveText(/Good/);
    await expect(card(page, 'Treatment of the public').locator('.grade-card__header .grade-tag')).toHaveText(/Adequate/);
    // Every card names its source document and date.
    for (const source of await page.locator('.grade-card .source-line').all()) {
      await expect(source).toContainText('003_bfd4fe0b560dfffc.txt');
      await expect(source).toContainText('13 April 2023');
    }
    expect(consoleErrors).toEqual([]);
  });

  test('2018/19: Legitimacy reads Requires improvement with its three questions; superseded notice', async ({ page }) => {
    await page.goto('./?inspection=gwent-peel-2018-19');
    await ready(page);
    await expect(page.locator('.notice--superseded')).toContainText('Superseded by PEEL 2021/22');
    const legit = card(page, 'Legitimacy');
    await expect(legit.locator('.grade-card__header .grade-tag')).toHaveText(/Requires improvement/);
    const rows = legit.locator('.question-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('Fair treatment of the public');
    await expect(rows.nth(0).locator('.grade-tag')).toHaveText(/Requires improvement/);
    await expect(rows.nth(2)).toContainText('Fair treatment of the workforce');
    await expect(rows.nth(2)).toContainText('Carried over from the 2017 legitimacy inspection');
    await expect(rows.nth(2)).toContainText('Last inspected: 2017');
    await expect(legit.locator('.grade-card__afi-count')).toHaveText('7 areas for improvement');
    const armed = card(page, 'Effectiveness').locator('.question-row').filter({ hasText: 'Armed response capability' });
    await expect(armed.locator('.grade-tag')).toHaveText(/Ungraded/);
    await expect(page.locator('.grade-card .source-line').first()).toContainText('February 2020');
  });

  test('opening a card shows its areas for improvement', async ({ page }) => {
    await page.goto('./?inspection=gwent-peel-2018-19&pillar=legitimacy');
    await ready(page);
    const legit = card(page, 'Legitimacy');
    const afi = legit.getByText('ensure that appropriate members of its workforce receive training in, and understand, unconscious bias');
    await expect(afi).toBeHidden();
    await legit.locator('summary').click();
    await expect(afi).toBeVisible();
    await expect(legit.locator('.afi')).toHaveCount(7);
    await legit.locator('summary').click();
    await expect(afi).toBeHidden();
  });

  test('ungraded 2012 inspection shows findings instead of grades', async ({ page }) => {
    await page.goto('./?inspection=gwent-2012-police-relationships');
    await expect(page.locator('.findings__list li').first()).toBeVisible();
    await expect(page.locator('.grade-card')).toHaveCount(0);
    await expect(page.getByText('This inspection gave no grades')).toBeVisible();
    await expect(page.locator('.notice--superseded')).toBeVisible();
  });

  test('grade filter narrows the cards and the count matches', async ({ page }) => {
    await page.goto('./');
    await ready(page);
    await page.getByLabel('Adequate', { exact: true }).check();
    await expect(count(page)).toHaveText('Showing 3 of 8 areas');
    await expect(page.locator('.grade-card')).toHaveCount(3);
    await expect(page).toHaveURL(/grade=adequate/);
    await page.getByLabel('Inadequate').check();
    await expect(count(page)).toHaveText('Showing 4 of 8 areas');
    await expect(page).toHaveURL(/grade=adequate,inadequate/);
  });

  test('pillar filter shows one pillar', async ({ page }) => {
    await page.goto('./?inspection=gwent-peel-2018-19');
    await ready(page);
    await page.getByLabel('Pillar or area').selectOption('efficiency');
    await expect(count(page)).toHaveText('Showing 1 of 3 pillars');
    await expect(page.locator('.grade-card h3')).toHaveText(['Efficiency']);
    await expect(page).toHaveURL(/pillar=efficiency/);
  });

  test('switching inspection keeps the view and shows the superseded notice', async ({ page }) => {
    await page.goto('./');
    await ready(page);
    await page.getByLabel('Inspection').selectOption('gwent-peel-2016-legitimacy');
    await expect(page.locator('#inspection-title')).toContainText('Gwent PEEL 2016');
    await expect(page.locator('.notice--superseded')).toBeVisible();
    await expect(page).toHaveURL(/inspection=gwent-peel-2016-legitimacy/);
    await page.goBack();
    await expect(page.locator('#inspection-title')).toContainText('PEEL 2021/22');
  });
});

test.describe('improvements view', () => {
  test('lists every area for improvement with status, area, inspection and source', async ({ page }) => {
    await page.goto('./?view=improvements');
    await ready(page);
    await showAll(page);
    const total = await items(page).count();
    await expect(count(page)).toHaveText(`Showing ${total} of ${total} areas for improvement and recommendations`);
    const afis = page.locator('.improvement--afi');
    await expect(afis).toHaveCount(13);
    for (const item of await items(page).all()) {
      await expect(item.locator('.improvement__head .status-tag')).toHaveCount(1);
      await expect(item.locator('.source-line')).toContainText('.txt');
    }
  });

  test('status filter narrows the list and the count matches', async ({ page }) => {
    await page.goto('./?view=improvements');
    await ready(page);
    await page.getByLabel('Not met').check();
    const n = await items(page).count();
    expect(n).toBeGreaterThan(0);
    await expect(count(page)).toHaveText(new RegExp(`^Showing ${n} of \\d+ `));
    for (const tag of await items(page).locator('.improvement__head .status-tag').all()) {
      await expect(tag).toHaveText(/Not met/);
    }
    await expect(page).toHaveURL(/status=not-met/);
  });

  test('inspection, pillar and grade filters combine', async ({ page }) => {
    await page.goto('./?view=improvements&inspection=gwent-peel-2018-19&status=open');
    await ready(page);
    await expect(count(page)).toHaveText(/^Showing 11 of \d+ /);
    await page.getByLabel('Pillar or area').selectOption('legitimacy');
    await expect(count(page)).toHaveText(/^Showing 7 of \d+ /);
    await page.getByLabel('Requires improvement').check();
    await expect(count(page)).toHaveText(/^Showing 7 of \d+ /);
    await page.getByLabel('Pillar or area').selectOption('fair-treatment-of-the-public');
    await expect(count(page)).toHaveText(/^Showing 3 of \d+ /);
    await expect(items(page)).toHaveCount(3);
  });

  test('text search is case- and accent-insensitive and highlights matches', async ({ page }) => {
    await page.goto('./?view=improvements');
    await ready(page);
    await page.getByLabel('Search').fill('VÉTTING');
    await expect(page).toHaveURL(/q=V%C3%89TTING/);
    const n = await items(page).count();
    expect(n).toBeGreaterThan(0);
    await expect(count(page)).toHaveText(new RegExp(`^Showing ${n} of `));
    const marks = items(page).first().locator('mark');
    await expect(marks.first()).toHaveText(/vetting/i);
    for (const item of await items(page).all()) {
      await expect(item).toContainText(/vetting/i);
    }
  });

  test('vetting thread: 2016 area -> 2018/19 not met -> new 2018/19 area', async ({ page }) => {
    await page.goto('./?view=improvements&inspection=gwent-peel-2016-legitimacy');
    await ready(page);
    const old = items(page).filter({ hasText: 'complies with all aspects of the current national guidelines for vetting' });
    await expect(old.locator('.improvement__head .status-tag')).toHaveText(/Not met/);
    const thread = old.locator('.thread');
    await expect(thread).toContainText('Followed up in PEEL: Police effectiveness, efficiency and legitimacy 2018/19');
    await expect(thread.getByRole('link')).toContainText('lowest level of vetting clearance');
  });

  test('Enter in the search box keeps the page and its search', async ({ page }) => {
    await page.goto('./?view=improvements');
    await ready(page);
    await page.evaluate(() => (window.__samePage = true));
    await page.getByLabel('Search').fill('vetting');
    await page.getByLabel('Search').press('Enter');
    await expect(page).toHaveURL(/[?&]q=vetting/);
    await expect(count(page)).toHaveText(/^Showing [1-9]\d* of /);
    expect(await page.evaluate(() => window.__samePage)).toBe(true);
    await expect(page.getByLabel('Search')).toHaveValue('vetting');
  });

  // Each keystroke draws the rows that fill the window at once and the rest of the page when
  // the browser is idle: that must come without waiting for typing to pause (when the search
  // is written to the URL), also where requestIdleCallback is missing (Safari).
  for (const idle of ['with', 'without']) {
    test(`in a short window a typed search lists the whole page of matches, ${idle} requestIdleCallback`, async ({ page }) => {
      if (idle === 'without') await page.addInitScript(() => delete Window.prototype.requestIdleCallback);
      await page.setViewportSize({ width: 1280, height: 400 });
      await page.goto('./?view=improvements');
      await ready(page);
      await page.getByLabel('Search').focus();
      await page.evaluate(() => {
        // The page: the count less any rows behind "Show more".
        window.__page = () => {
          const n = Number(document.querySelector('.result-count')?.textContent.match(/Showing (\d+)/)?.[1]);
          const hidden = Number(document.querySelector('.show-more')?.textContent.match(/\((\d+)/)?.[1] ?? 0);
          return n - hidden;
        };
        window.__whole = new Promise((resolve) => {
          // For the whole search typed, and more rows than fill the window. Checked in a
          // task of its own, once the count and the rows are both drawn.
          const check = () => {
            const rows = document.querySelectorAll('.improvement').length;
            if (location.search.includes('q=')) resolve(false);
            else if (document.getElementById('filter-q').value === 'the' && window.__page() >= 6 && rows === window.__page()) resolve(true);
          };
          new MutationObserver(() => setTimeout(check)).observe(document.body, { childList: true, subtree: true, characterData: true });
        });
      });
      await page.keyboard.type('the');
      expect(await page.evaluate(() => window.__whole), 'the whole page drawn before the search was written to the URL').toBe(true);
      const n = await page.evaluate(() => window.__page());
      await expect(items(page)).toHaveCount(n);
      await expect(items(page).last()).toContainText(/the/i);
      await expect(page).toHaveURL(/[?&]q=the/);
      await expect(items(page)).toHaveCount(n);
    });
  }

  test('empty state offers a way out', async ({ page }) => {
    await page.goto('./?view=improvements&q=zzzz-no-such-text');
    await expect(page.getByRole('heading', { name: 'No areas for improvement match these filters' })).toBeVisible();
    await expect(count(page)).toHaveText(/^Showing 0 of /);
    await page.locator('.empty-state').getByRole('link', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\?view=improvements$/);
    await expect(items(page).first()).toBeVisible();
  });
});

test.describe('URL contract', () => {
  test('a URL with every parameter restores the view exactly', async ({ page }) => {
    await page.goto('./?view=improvements&inspection=gwent-peel-2018-19&pillar=legitimacy&grade=requires-improvement&status=open&q=vetting');
    await ready(page);
    await expect(page.getByRole('link', { name: 'Improvements' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByLabel('Inspection')).toHaveValue('gwent-peel-2018-19');
    await expect(page.getByLabel('Pillar or area')).toHaveValue('legitimacy');
    await expect(page.getByLabel('Requires improvement')).toBeChecked();
    await expect(page.getByLabel('Good', { exact: true })).not.toBeChecked();
    await expect(page.getByLabel('Open')).toBeChecked();
    await expect(page.getByLabel('Search')).toHaveValue('vetting');
    await expect(count(page)).toHaveText(/^Showing 2 of /);
    const tags = page.locator('.filter-tag');
    await expect(tags).toHaveCount(4);
  });

  test('changing filters updates the URL, and Back restores each step', async ({ page }) => {
    await page.goto('./?view=improvements');
    await ready(page);
    const total = await items(page).count();
    await page.getByLabel('Met', { exact: true }).check();
    await expect(page).toHaveURL(/\?view=improvements&status=met$/);
    const met = await items(page).count();
    await page.getByLabel('In progress').check();
    await expect(page).toHaveURL(/status=met,in-progress$/);
    await page.goBack();
    await expect(page).toHaveURL(/status=met$/);
    await expect(page.getByLabel('In progress')).not.toBeChecked();
    await expect(items(page)).toHaveCount(met);
    await page.goBack();
    await expect(page.getByLabel('Met', { exact: true })).not.toBeChecked();
    await expect(items(page)).toHaveCount(total);
    await page.goForward();
    await expect(page.getByLabel('Met', { exact: true })).toBeChecked();
  });

  test('view tabs keep the filters', async ({ page }) => {
    await page.goto('./?grade=good');
    await ready(page);
    await page.getByRole('link', { name: 'Improvements' }).click();
    await expect(page).toHaveURL(/\?view=improvements&grade=good$/);
    await expect(page.getByLabel('Good', { exact: true })).toBeChecked();
  });

  // Each garbage query, and what the URL contract says the page then shows: malformed values
  // are ignored, the rest applies.
  const newest = async (page) => {
    await expect(page.locator('#inspection-title')).toContainText('PEEL 2021/22');
    await expect(page.locator('.notice--current')).toBeVisible();
  };
  const currentTab = (page) => page.locator('.view-tabs__link[aria-current="page"]');
  for (const [query, shows] of [
    ['?view=<script>alert(1)</script>&grade=great,,GOOD&status=closed', async (page) => {
      await expect(currentTab(page)).toHaveText('Grades');
      await newest(page);
      await expect(page.locator('#filter-grade-good')).not.toBeChecked();
      await expect(count(page)).toHaveText('Showing 8 of 8 areas');
    }],
    ['?inspection=../../etc/passwd&pillar=%00%ff', async (page) => {
      await newest(page);
      await expect(page.getByLabel('Inspection')).toHaveValue('');
      await expect(page.getByLabel('Pillar or area')).toHaveValue('');
      await expect(count(page)).toHaveText('Showing 8 of 8 areas');
    }],
    ['?q=%E0%A4%A&view=improvements&view=', async (page) => {
      await expect(currentTab(page)).toHaveText('Improvements');
      await expect(page.getByLabel('Search')).toHaveValue('\uFFFD%A');
      await expect(count(page)).toHaveText(/^Showing 0 of \d+ areas for improvement/);
    }],
    ['?grade=' + 'good,'.repeat(500), async (page) => {
      await expect(page.locator('#filter-grade-good')).toBeChecked();
      await expect(page.locator('.filters input[type=checkbox]:checked')).toHaveCount(1);
      const n = await page.locator('.grade-card').count();
      await expect(count(page)).toHaveText(`Showing ${n} of 8 areas`);
      for (const tag of await page.locator('.grade-card__header .grade-tag').all()) await expect(tag).toHaveText(/Good/);
    }],
    ['?inspection=no-such-inspection', newest],
    ['?pillar=no-such-pillar&view=grades', async (page) => {
      await newest(page);
      await expect(page.getByRole('heading', { name: 'No grades match these filters' })).toBeVisible();
    }],
  ]) {
    test(`garbage parameters are ignored: ${query.slice(0, 40)}`, async ({ page, consoleErrors }) => {
      await page.goto('./' + query);
      await ready(page);
      await expect(page.locator('h1')).toBeVisible();
      await shows(page);
      expect(await page.evaluate(() => window.__xss)).toBeUndefined();
      expect(consoleErrors).toEqual([]);
    });
  }

  test('unknown pillar shows the empty state, unknown inspection falls back to the newest', async ({ page }) => {
    await page.goto('./?inspection=no-such-inspection');
    await expect(page.locator('.notice--current')).toBeVisible();
    await page.goto('./?pillar=no-such-pillar');
    await expect(page.getByRole('heading', { name: 'No grades match these filters' })).toBeVisible();
  });
});

test.describe('selected filters', () => {
  test('tags remove one filter each; Clear filters removes all', async ({ page }) => {
    await page.goto('./?view=improvements&grade=good&status=met&q=force');
    await ready(page);
    await expect(page.locator('.filter-tag')).toHaveCount(3);
    await page.getByRole('link', { name: 'Remove filter: Met' }).click();
    await expect(page).toHaveURL(/\?view=improvements&grade=good&q=force$/);
    await expect(page.locator('.filter-tag')).toHaveCount(2);
    await page.locator('.selected-filters').getByRole('link', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\?view=improvements$/);
    await expect(page.locator('.filter-tag')).toHaveCount(0);
  });
});

test.describe('keyboard only', () => {
  test('every control works from the keyboard', async ({ page }) => {
    await page.goto('./?inspection=gwent-peel-2018-19');
    await ready(page);
    // Skip link first.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    // Tabs to the Improvements view.
    await tabTo(page, page.getByRole('link', { name: 'Improvements' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/view=improvements/);
    await expect(count(page)).toHaveText(/^Showing \d+ of \d+ areas for improvement/);
    // Inspection select: keyboard selection.
    await tabTo(page, page.getByLabel('Inspection'));
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/inspection=/);
    // Grade checkbox with Space.
    await tabTo(page, page.getByLabel('Requires improvement'));
    await page.keyboard.press('Space');
    await expect(page.getByLabel('Requires improvement')).toBeChecked();
    await expect(page).toHaveURL(/grade=requires-improvement/);
    // Status checkbox with Space.
    await tabTo(page, page.getByLabel('Open'));
    await page.keyboard.press('Space');
    await expect(page.getByLabel('Open')).toBeChecked();
    await expect(page).toHaveURL(/status=open/);
    // Search by typing.
    await tabTo(page, page.getByLabel('Search'));
    await page.keyboard.type('vet');
    await expect(page).toHaveURL(/q=vet/);
    // Remove a tag with Enter.
    await tabTo(page, page.getByRole('link', { name: 'Remove filter: Open' }));
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(/status=/);
    await expect(page.getByLabel('Open')).not.toBeChecked();
    // Clear filters with Enter.
    await tabTo(page, page.locator('.selected-filters').getByRole('link', { name: 'Clear filters' }));
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(/grade=|q=/);
    await expect(page.getByLabel('Requires improvement')).not.toBeChecked();
    await expect(page.getByLabel('Search')).toHaveValue('');
  });

  test('a card opens and closes from the keyboard', async ({ page }) => {
    await page.goto('./?inspection=gwent-peel-2018-19&pillar=efficiency');
    await ready(page);
    const summary = card(page, 'Efficiency').locator('summary');
    await tabTo(page, summary);
    await page.keyboard.press('Enter');
    await expect(card(page, 'Efficiency').locator('details')).toHaveAttribute('open', '');
    await expect(card(page, 'Efficiency').getByText('public expectations form part of future planning')).toBeVisible();
    await page.keyboard.press('Space');
    await expect(card(page, 'Efficiency').locator('details')).not.toHaveAttribute('open', '');
  });
});

test.describe('axe-core', () => {
  for (const [name, url, wait] of [
    ['grades view', './', '.grade-card'],
    ['grades view, older inspection with card open', './?inspection=gwent-peel-2018-19', '.grade-card'],
    ['ungraded inspection', './?inspection=gwent-2012-police-relationships', '.findings__list'],
    ['improvements view', './?view=improvements', '.improvement'],
    ['improvements with filters and highlights', './?view=improvements&grade=requires-improvement&q=force', '.improvement mark'],
    ['empty state', './?view=improvements&q=zzzz-no-such-text', '.empty-state'],
  ]) {
    test(`0 violations: ${name}`, async ({ page }) => {
      await openApp(page, url);
      await expect(page.locator(wait).first()).toBeVisible();
      for (const summary of await page.locator('.grade-card summary').all()) await summary.click();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
