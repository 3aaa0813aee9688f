// Lighthouse (from npm, Debian's Chromium) must score accessibility 100 in both languages.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test, expect } from '@playwright/test';

const run = promisify(execFile);

for (const [name, query] of [
  ['grades (en)', '?inspection=gwent-peel-2018-19'],
  ['improvements (cy)', '?view=improvements&lang=cy'],
]) {
  test(`Lighthouse accessibility 100: ${name}`, async ({ baseURL }) => {
    test.setTimeout(120_000);
    const dir = mkdtempSync(join(tmpdir(), 'lh-'));
    const out = join(dir, 'report.json');
    try {
      await run(
        'node_modules/.bin/lighthouse',
        [
          `${baseURL}${query}`,
          '--only-categories=accessibility',
          '--output=json',
          `--output-path=${out}`,
          '--quiet',
          `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=${join(dir, 'profile')}`,
        ],
        { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 110_000 },
      );
      const report = JSON.parse(readFileSync(out, 'utf8'));
      const failing = Object.values(report.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id);
      expect(failing).toEqual([]);
      expect(report.categories.accessibility.score).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
