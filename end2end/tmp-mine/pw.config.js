import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: '.', timeout: 60000, workers: 1, reporter: [['list']],
  use: { baseURL: 'http://127.0.0.1:8097/', browserName: 'chromium', launchOptions: { executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] } },
  webServer: [{ command: 'node ../serve.mjs --root /tmp/dist-debug --port 8097', url: 'http://127.0.0.1:8097/', reuseExistingServer: false, stdout: 'ignore' }],
});
