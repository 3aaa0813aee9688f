// Downloads of the current filtered view: CSV read back with a real CSV parser (csv-parse), and
// JSON in the published schema run through the `check` command in a directory of its own.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { test, expect } from './fixtures.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Clicks a download button and returns the file's name and bytes. */
async function download(page, name) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

/** RFC 4180 records as objects keyed by the header row; strict about quoting and widths. */
function readCsv(bytes) {
  return parse(bytes, { bom: true, columns: true, relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n' });
}

function countJudgments(js) {
  return js.reduce((n, j) => n + 1 + countJudgments(j.children ?? []), 0);
}

/** Runs `check` on a fresh directory holding the export and a manifest listing only it. */
function check(exported, fileName, forces) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-export-'));
  fs.writeFileSync(path.join(dir, fileName), exported);
  const ins = JSON.parse(exported);
  const manifest = {
    schema_version: 1,
    forces: forces.filter((f) => f.id === ins.force),
    inspections: [{
      id: ins.id,
      force: ins.force,
      title: ins.title,
      programme: ins.programme,
      period: ins.period,
      ...(ins.published ? { date: ins.published.date } : {}),
      file: fileName,
      scale: ins.scale,
      counts: {
        judgments: countJudgments(ins.judgments ?? []),
        areas_for_improvement: (ins.areas_for_improvement ?? []).length,
        causes_of_concern: (ins.causes_of_concern ?? []).length,
      },
    }],
    lineages: [],
  };
  fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify(manifest, null, 2));
  try {
    // Throws (failing the test, with check's stderr) on a non-zero exit.
    return execFileSync('cargo', ['run', '-q', '-p', 'inspection-tools', '--bin', 'check', '--', dir], {
      cwd: REPO,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test.describe('CSV export', () => {
  test('a filtered improvements view parses back to exactly the rows shown', async ({ page }) => {
    await page.goto('./?view=improvements&inspection=gwent-peel-2018-19&pillar=legitimacy&status=open');
    await expect(page.locator('.result-count')).toHaveText(/^Showing \d+ of/);
    const shown = await page.locator('.improvement').evaluateAll((items) => items.map((li) => ({
      key: li.dataset.key,
      text: li.querySelector('.improvement__text').textContent,
      parts: [...li.querySelectorAll('.improvement__parts > li')].map((p) => p.textContent),
      status: li.querySelector('.status-tag').textContent,
    })));
    expect(shown.length).toBeGreaterThan(3);

    const { name, bytes } = await download(page, 'Download CSV');
    expect(name).toBe('gwent-improvements-2018-19.csv');
    // UTF-8 with a byte-order mark (for Excel), CRLF record ends (RFC 4180).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')[0]).toBe(
      '\ufeffinspection,item,inspection_title,period,kind,pillar,area,area_grade,status,text,details,origin,source,source_file,date',
    );
    const records = readCsv(bytes);
    expect(records.map((r) => `${r.inspection}/${r.item}`)).toEqual(shown.map((s) => s.key));
    expect(records.map((r) => r.text)).toEqual(shown.map((s) => s.text));
    expect(records.map((r) => (r.details ? r.details.split('\n') : []))).toEqual(shown.map((s) => s.parts));
    for (const [r, s] of records.map((r, i) => [r, shown[i]])) {
      expect(s.status).toContain(r.status);
      expect([r.pillar, r.area]).toContain('Legitimacy');
      expect(r.period).toBe('2018/19');
      expect(r.source).toBe('PEEL: Police effectiveness, efficiency and legitimacy 2018/19 — An inspection of Gwent Police');
      expect(r.source_file).toBe('002_24091e2645e2466f.txt');
      expect(r.date).toBe('2020-02');
    }
    // The data has commas and quotes, so quoting was exercised.
    expect(records.some((r) => r.text.includes(','))).toBe(true);
  });

  test('a filtered grades view parses back to the cards and question rows shown', async ({ page }) => {
    await page.goto('./?inspection=gwent-peel-2018-19&grade=requires-improvement');
    await expect(page.locator('.result-count')).toHaveText('Showing 1 of 3 pillars');
    const shown = await page.locator('.grade-card').evaluateAll((cards) => cards.flatMap((c) => [
      c.querySelector('.grade-card__title').textContent,
      ...[...c.querySelectorAll('.question-row__name')].map((q) => q.textContent),
    ]));
    const { name, bytes } = await download(page, 'Download CSV');
    expect(name).toBe('gwent-grades-2018-19.csv');
    const records = readCsv(bytes);
    expect(records.map((r) => r.area)).toEqual(shown);
    expect(records.map((r) => r.grade)).toEqual(['Requires improvement', 'Requires improvement', 'Requires improvement']);
    expect(records.map((r) => r.level)).toEqual(['pillar', 'question', 'question']);
    expect(records.every((r) => r.source_file === '002_24091e2645e2466f.txt' && r.date === '2020-02')).toBe(true);
  });
});

test.describe('JSON export', () => {
  test.setTimeout(240_000);

  test('a filtered grades view downloads as an inspection file that passes check', async ({ page, request }) => {
    const { forces } = await (await request.get('data/index.json')).json();
    await page.goto('./?inspection=gwent-peel-2018-19&grade=requires-improvement');
    await expect(page.locator('.result-count')).toHaveText('Showing 1 of 3 pillars');
    const { name, bytes } = await download(page, 'Download JSON');
    expect(name).toBe('gwent-grades-2018-19.json');
    const ins = JSON.parse(bytes.toString('utf8'));
    expect(ins.id).toBe('gwent-peel-2018-19');
    expect(ins.judgments.map((j) => j.id)).toEqual(['legitimacy']);
    expect(ins.judgments[0].children.map((j) => j.grade)).toEqual(['requires-improvement', 'requires-improvement']);
    expect(check(bytes.toString('utf8'), name, forces)).toMatch(/OK/);
  });

  test('a filtered improvements view downloads as an inspection file that passes check', async ({ page, request }) => {
    const { forces } = await (await request.get('data/index.json')).json();
    await page.goto('./?view=improvements&inspection=gwent-peel-2018-19&status=open');
    await expect(page.locator('.result-count')).toHaveText(/^Showing \d+ of/);
    const keys = await page.locator('.improvement').evaluateAll((items) => items.map((li) => li.dataset.key));
    const { name, bytes } = await download(page, 'Download JSON');
    expect(name).toBe('gwent-improvements-2018-19.json');
    const ins = JSON.parse(bytes.toString('utf8'));
    const exported = [...ins.areas_for_improvement, ...(ins.causes_of_concern ?? []), ...(ins.follow_ups ?? [])]
      .map((item) => `${ins.id}/${item.id}`);
    expect(exported.sort()).toEqual([...keys].sort());
    expect(check(bytes.toString('utf8'), name, forces)).toMatch(/OK/);
  });

  test('the JSON buttons follow a search as it is typed', async ({ page }) => {
    await page.goto('./?view=improvements');
    const json = page.getByRole('button', { name: /^Download JSON/ });
    await expect(json.first()).toBeVisible();
    const all = await json.count();
    expect(all).toBeGreaterThan(1);
    await page.getByLabel('Search').focus();
    await page.keyboard.type('zzzz');
    await expect(page.locator('.result-count')).toHaveText(/^Showing 0 of/);
    await expect(json).toHaveCount(0);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await expect(page.locator('.result-count')).toHaveText(/^Showing (\d+) of \1 /);
    await expect(json).toHaveCount(all);
  });

  test('across all inspections there is one JSON file per inspection shown', async ({ page }) => {
    await page.goto('./?view=improvements&q=vetting');
    await expect(page.locator('.improvement').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Download JSON (2018/19)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Download JSON (2016)' })).toBeVisible();
    // Exactly those two: no button for an inspection without a match, none twice.
    const labels = await page.getByRole('button', { name: /^Download JSON/ }).allTextContents();
    expect(labels.map((l) => l.trim()).sort()).toEqual(['Download JSON (2016)', 'Download JSON (2018/19)']);
    const { name } = await download(page, 'Download CSV');
    expect(name).toBe('gwent-improvements-all.csv');
  });
});
