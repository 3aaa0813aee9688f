// Grade history (view=history) and force-in-context figures (view=figures): the SVG the app
// draws, the table beside it, and that the two say the same.
import { test, expect, axeViolations } from './fixtures.js';

const tableRow = (page, lineage) => page.locator(`.history-table tbody tr[data-lineage="${lineage}"]`);
const chartRow = (page, lineage) => page.locator(`svg.history-chart__svg g.history-chart__row[data-lineage="${lineage}"]`);

/** Text of an element without its visually hidden parts, whitespace collapsed. */
function visibleText(el) {
  const copy = el.cloneNode(true);
  copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
  return copy.textContent.replace(/\s+/g, ' ').trim();
}

test.describe('grade history', () => {
  test('Investigating crime: Good in 2018/19, Requires improvement in 2021/22, marked not directly comparable', async ({ page, consoleErrors }) => {
    await page.goto('./?view=history');
    const row = tableRow(page, 'gwent-investigating-crime');
    await expect(row.locator('th')).toHaveText('Investigating crime');
    const before = row.locator('td[data-inspection="gwent-peel-2018-19"]');
    const after = row.locator('td[data-inspection="gwent-peel-2021-22"]');
    await expect(before).toHaveAttribute('data-grade', 'good');
    await expect(before).toContainText('Good');
    await expect(before).not.toContainText('not directly comparable');
    await expect(after).toHaveAttribute('data-grade', 'requires-improvement');
    await expect(after).toContainText('Requires improvement');
    await expect(after).toContainText('Framework changed: not directly comparable with the previous grade');
    // Not assessed in 2016: said in words, not left blank.
    await expect(row.locator('td').first()).toContainText('Not in this inspection');

    // The chart draws the same move, with a visible text marker (not colour) at the change.
    const svg = page.locator('svg.history-chart__svg');
    await expect(svg).toHaveAttribute('role', 'img');
    await expect(page.getByRole('img', { name: 'Chart of grades by area and inspection' })).toBeVisible();
    const chart = chartRow(page, 'gwent-investigating-crime');
    await expect(chart.locator('g[data-inspection="gwent-peel-2018-19"]')).toHaveAttribute('data-grade', 'good');
    await expect(chart.locator('g[data-inspection="gwent-peel-2018-19"]')).toHaveText(/● Good/);
    await expect(chart.locator('g[data-inspection="gwent-peel-2021-22"]')).toHaveAttribute('data-grade', 'requires-improvement');
    await expect(chart.locator('g[data-inspection="gwent-peel-2021-22"]')).toHaveText(/▲ Requires improvement/);
    await expect(chart.locator('.history-chart__neq[data-inspection="gwent-peel-2021-22"]')).toHaveText('≠');
    const marker = svg.locator('.history-chart__break[data-inspection="gwent-peel-2021-22"]');
    await expect(marker).toBeVisible();
    await expect(marker).toContainText('Framework changed');
    await expect(marker).toContainText('not directly comparable');
    // Only one framework change in the bundled data.
    await expect(svg.locator('.history-chart__break')).toHaveCount(1);
    expect(consoleErrors).toEqual([]);
  });

  test('the table and the SVG agree cell by cell', async ({ page }) => {
    await page.goto('./?view=history');
    await expect(page.locator('.history-table tbody tr')).toHaveCount(7);
    const fromTable = await page.locator('.history-table tbody tr').evaluateAll((rows, fn) => {
      const visible = new Function(`return ${fn}`)();
      return rows.map((r) => ({
        lineage: r.dataset.lineage,
        cells: [...r.querySelectorAll('td[data-inspection]')].map((td) => ({
          inspection: td.dataset.inspection,
          grade: td.dataset.grade ?? null,
          label: visible(td.querySelector('a')),
          comparable: !td.querySelector('.history-table__break'),
        })),
      }));
    }, visibleText.toString());
    const fromChart = await page.locator('svg.history-chart__svg g.history-chart__row').evaluateAll((rows) =>
      rows.map((r) => ({
        lineage: r.dataset.lineage,
        cells: [...r.querySelectorAll('g.history-chart__cell')].map((g) => ({
          inspection: g.dataset.inspection,
          grade: g.dataset.grade ?? null,
          label: g.querySelector('.history-chart__grade').textContent.replace(/\s+/g, ' ').trim(),
          comparable: !r.querySelector(`.history-chart__neq[data-inspection="${g.dataset.inspection}"]`),
        })),
      })),
    );
    // Where the source states no grade, the chart's narrow box says so more briefly.
    const normalise = (rows) => rows.map((r) => ({
      ...r,
      cells: r.cells.map((c) => ({ ...c, label: c.grade || !/not stated/i.test(c.label) ? c.label : 'not stated' })),
    }));
    expect(normalise(fromChart)).toEqual(normalise(fromTable));
    expect(fromTable.flatMap((r) => r.cells).filter((c) => c.grade === null)).toHaveLength(3);
    // The names agree too, and the column headings are the same periods.
    const tableNames = await page.locator('.history-table tbody th').allTextContents();
    const chartNames = await page.locator('.history-chart__name').evaluateAll((ts) => ts.map((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ')));
    expect(chartNames).toEqual(tableNames);
    const tablePeriods = await page.locator('.history-table thead th[data-inspection]').allTextContents();
    const chartPeriods = await page.locator('.history-chart__period').allTextContents();
    expect(chartPeriods).toEqual(tablePeriods);
    expect(tablePeriods).toEqual(['2016', '2018/19', '2021/22']);
  });

  test('clicking a chart cell opens that inspection\'s card; the table cells are keyboard links', async ({ page }) => {
    await page.goto('./?view=history');
    await chartRow(page, 'gwent-investigating-crime').locator('g[data-inspection="gwent-peel-2018-19"]').click();
    await expect(page).toHaveURL(/\?inspection=gwent-peel-2018-19&pillar=investigating-crime$/);
    const card = page.locator('.grade-card[data-judgment="effectiveness"]');
    await expect(card.locator('.question-row')).toHaveCount(1);
    await expect(card.locator('.question-row')).toContainText('Investigating crime');
    await page.goBack();
    const link = tableRow(page, 'gwent-investigating-crime').locator('td[data-inspection="gwent-peel-2021-22"] a');
    await link.focus();
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\?inspection=gwent-peel-2021-22&pillar=investigating-crime$/);
    await expect(page.locator('.grade-card')).toHaveCount(1);
    await expect(page.locator('.grade-card .grade-tag')).toHaveText(/Requires improvement/);
  });

  test('filters narrow both the chart and the table; carried-over grades say so', async ({ page }) => {
    await page.goto('./?view=history&q=preventing');
    await expect(page.locator('.history-table tbody tr')).toHaveCount(1);
    await expect(page.locator('g.history-chart__row')).toHaveCount(1);
    await expect(page.locator('.result-count')).toHaveText('Showing 1 of 7 areas');
    const cell = tableRow(page, 'gwent-preventing-crime').locator('td[data-inspection="gwent-peel-2018-19"]');
    await expect(cell).toContainText('carried over from 2016');
    await expect(chartRow(page, 'gwent-preventing-crime')).toContainText('carried over from 2016');
    await page.goto('./?view=history&pillar=legitimacy');
    await expect(page.locator('.history-table tbody tr')).toHaveCount(4);
  });

  test('Welsh interface labels the history in Welsh', async ({ page }) => {
    await page.goto('./?view=history&lang=cy');
    await expect(page.getByRole('heading', { name: 'Graddau ar draws arolygiadau' })).toBeVisible();
    await expect(tableRow(page, 'gwent-investigating-crime').locator('td[data-inspection="gwent-peel-2021-22"]')).toContainText('Angen gwella');
    await expect(page.locator('.history-chart__break')).toContainText('Newidiodd y fframwaith');
  });
});

test.describe('force in context figures', () => {
  test('999 calls per 1,000 population: Gwent 139 against England and Wales 175, with period and source', async ({ page, consoleErrors }) => {
    await page.goto('./?view=figures');
    await expect(page.locator('#inspection-title')).toContainText('2018/19');
    // The Inspection filter says what is shown: the newest inspection that has figures.
    await expect(page.locator('#filter-inspection option:checked')).toHaveText('Newest inspection with figures');
    const figure = page.locator('.figure[data-figure="calls-999-per-1000"]');
    await expect(figure.locator('.figure__name')).toHaveText('999 calls per 1,000 population');
    const chart = figure.getByRole('img', { name: /999 calls per 1,000 population: Gwent rate 139 per 1,000; England and Wales rate 175 per 1,000/ });
    await expect(chart).toBeVisible();
    const bars = figure.locator('.figure-bars__item');
    await expect(bars).toHaveCount(2);
    await expect(bars.nth(0)).toHaveAttribute('data-force', 'true');
    await expect(bars.nth(0)).toContainText('Gwent rate');
    await expect(bars.nth(0).locator('.figure-bars__value')).toHaveText('139 per 1,000');
    await expect(bars.nth(1)).toContainText('England and Wales rate');
    await expect(bars.nth(1).locator('.figure-bars__value')).toHaveText('175 per 1,000');
    // Bar lengths follow the values: 139/175 of the longer bar.
    const widths = await bars.locator('rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
    expect(widths[0] / widths[1]).toBeCloseTo(139 / 175, 3);
    await expect(figure.locator('.figure__period')).toHaveText('12 months ending 31 March 2019');
    const row = page.locator('.figures-table tr[data-figure="calls-999-per-1000"]');
    await expect(row).toContainText('Gwent rate: 139 per 1,000');
    await expect(row).toContainText('England and Wales rate: 175 per 1,000');
    await expect(row).toContainText('12 months ending 31 March 2019');
    const group = page.locator('.figure-group').filter({ has: figure });
    await expect(group.locator('.source-line')).toContainText('February 2020');
    await expect(group.locator('.source-line')).toContainText('PEEL: Police effectiveness, efficiency and legitimacy 2018/19');
    expect(consoleErrors).toEqual([]);
  });

  test('search narrows the figures; an inspection without figures says so', async ({ page }) => {
    await page.goto('./?view=figures&q=999');
    await expect(page.locator('.figure')).toHaveCount(1);
    await expect(page.locator('.result-count')).toHaveText('Showing 1 of 29 figures');
    await page.goto('./?view=figures&inspection=gwent-peel-2021-22');
    await expect(page.locator('.figures__none')).toHaveText("This inspection has no ‘Force in context’ figures in the data.");
  });
});

test.describe('accessibility of the new views', () => {
  for (const url of ['./?view=history', './?view=figures', './?view=history&lang=cy', './?view=figures&q=spend']) {
    test(`axe-core: no violations on ${url}`, async ({ page }) => {
      await page.goto(url);
      await expect(page.locator('.result-count')).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
