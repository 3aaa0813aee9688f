// Debian's Chromium and the flags every browser run here uses (the browser tests and the
// benchmark): no sandbox in the container, no GPU, and no background traffic of its own.
// Playwright never downloads a browser here.
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
