// Printing: page.pdf() (headless Chromium, print media, A4) read back with pdftotext from
// Debian's poppler-utils. The paper copy keeps grades, sources, dates and the view's address,
// and drops every control.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures.js';

/** Prints the page to an A4 PDF and returns its text. */
async function printedText(page) {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-print-')), 'view.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/** Text with all whitespace removed, so line breaks inside long strings (URLs) do not matter. */
const squash = (s) => s.replace(/\s+/g, '');

/** Every button and summary label on the page, as the visitor sees them on screen. */
async function controlLabels(page) {
  const labels = await page.locator('button, summary, [role="button"]').allInnerTexts();
  return [...new Set(labels.map((l) => l.trim()).filter(Boolean))];
}

test.describe('print', () => {
  test('a grades view prints its grades, sources, dates and address, and no button labels', async ({ page }) => {
    await page.goto('./?inspection=gwent-peel-2018-19&pillar=legitimacy');
    await expect(page.locator('.grade-card')).toHaveCount(1);
    const labels = await controlLabels(page);
    expect(labels).toEqual(expect.arrayContaining(['Download CSV', 'Download JSON', 'Print this view']));
    const text = await printedText(page);
    expect(text).toContain('Legitimacy');
    expect(text).toContain('Requires improvement');
    expect(text).toContain('Fair treatment of the public');
    expect(text).toContain('Fair treatment of the workforce');
    expect(text).toContain('Good');
    // Source and date of the grades, on the page.
    expect(squash(text)).toContain(squash('PEEL: Police effectiveness, efficiency and legitimacy 2018/19'));
    expect(text).toContain('February 2020');
    expect(text).toContain('002_24091e2645e2466f.txt');
    // The address of the view, so the paper copy can be traced back.
    expect(text).toContain('Printed from:');
    expect(squash(text)).toContain(squash(page.url()));
    for (const label of [...labels, 'Clear filters', 'Filter', 'Selected filters', 'Embed this view']) {
      expect(text, `"${label}" should not be printed`).not.toContain(label);
    }
  });

  test('the history view prints its grades and the framework change in words', async ({ page }) => {
    await page.goto('./?view=history');
    await expect(page.locator('.history-table')).toBeVisible();
    const labels = await controlLabels(page);
    const text = await printedText(page);
    expect(text).toContain('Investigating crime');
    expect(text).toContain('Requires improvement');
    expect(text).toContain('not directly comparable');
    expect(text).toContain('Printed from:');
    for (const label of labels) expect(text).not.toContain(label);
  });

  test('the figures view prints values with period and source', async ({ page }) => {
    await page.goto('./?view=figures&q=999');
    await expect(page.locator('.figure')).toHaveCount(1);
    const labels = await controlLabels(page);
    const text = await printedText(page);
    expect(text).toContain('999 calls per 1,000 population');
    expect(text).toContain('139 per 1,000');
    expect(text).toContain('175 per 1,000');
    expect(text).toContain('12 months ending 31 March 2019');
    expect(text).toContain('February 2020');
    for (const label of labels) expect(text).not.toContain(label);
  });
});
