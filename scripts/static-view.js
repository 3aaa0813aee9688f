// The pre-rendered first view. scripts/prerender.mjs copies this file into dist/ as
// start-<hash>.js and loads it from <head> as an async classic script, so the data check can
// start before the page is parsed; its settings are data- attributes of that <script>.
//
// index.html carries the default view — the grade cards of the newest inspection — as plain
// HTML, so a visitor sees it without downloading the app. The app (wasm) loads when the visitor
// first reaches for the page (a pointer over a control, a pointer press, a key, focus, touch, a
// changed field), or at once for any other view. It then replaces the HTML with the same DOM,
// carrying over focus, form values, open disclosures and the click that started it.
//
// The HTML is shown only after the data files it was made from are fetched and found identical
// (length and SHA-256): data changed after the build must never leave an out-of-date grade on
// screen. Otherwise, or if that check cannot finish in time, the HTML is dropped and the app runs
// as if there were no pre-render. Files fetched for the check are handed to the app, so each is
// fetched once.
(() => {
  const script = document.currentScript;
  const BOOT = script.dataset.boot;
  const FILES = JSON.parse(script.dataset.files);
  // The pre-rendered HTML; set once the page is parsed.
  let view = null;
  const parsed = new Promise((resolve) => {
    if (document.readyState !== 'loading') resolve();
    else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  }).then(() => (view = document.getElementById('static-view')));
  // How long the check may take before the app is started instead (it then shows its own loading
  // state, and its own error for a stalled file).
  const CHECK_MS = 1500;
  // How long the app may take to draw the first view before it replaces the HTML anyway.
  const READY_MS = 5000;
  const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

  let booting = null;
  /** Loads and starts the app once; `mountInto` is the element it draws into (else <body>). */
  function boot(mountInto) {
    if (!booting) {
      preloadApp();
      if (mountInto) window.__ivMountInto = mountInto;
      booting = import(BOOT);
    }
    return booting;
  }

  let preloaded = false;
  /** Starts fetching the app: Trunk's preloads of its JS and wasm, held back in a <template>. */
  function preloadApp() {
    if (preloaded) return;
    preloaded = true;
    const links = document.getElementById('static-view-boot-links');
    if (links) {
      for (const link of links.content.querySelectorAll('link')) document.head.append(link.cloneNode());
    }
  }

  /** Drops the pre-rendered HTML and runs the app as usual. */
  function runApp() {
    preloadApp();
    parsed.then(() => {
      if (view) view.remove();
      return boot();
    }).catch((e) => console.error('inspection-viewer: the app failed to load', e));
  }

  const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

  /** True when every data file is byte-identical to the one the HTML was made from. */
  async function dataUnchanged() {
    if (!(window.crypto && crypto.subtle)) return false; // not a secure context: no SHA-256
    const fetched = new Map();
    // One after another, the manifest first: if it changed, nothing it may no longer list is
    // fetched.
    for (const { url, bytes, sha256 } of FILES) {
      const response = await fetch(url);
      if (!response.ok) return false;
      const body = await response.arrayBuffer();
      if (body.byteLength !== bytes || hex(await crypto.subtle.digest('SHA-256', body)) !== sha256) return false;
      fetched.set(url, new Uint8Array(body));
    }
    // Read by the app's loader (src/api.rs), which takes each file once.
    window.__ivPrefetched = fetched;
    return true;
  }

  /** The print footer holds this page's address and today's date, as the app writes them. */
  function fillPrintMeta() {
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    for (const el of view.querySelectorAll('.print-meta__url')) el.textContent = location.href;
    for (const el of view.querySelectorAll('.print-meta__date')) el.textContent = today;
  }

  const INTENTS = ['pointerdown', 'keydown', 'focusin', 'touchstart', 'input', 'change'];
  let root = null;
  let pendingClick = null;

  function show() {
    view.hidden = false;
    requestAnimationFrame(() => setTimeout(fillPrintMeta));
    for (const type of INTENTS) addEventListener(type, takeOver, { capture: true, passive: true });
    // A pointer over a control is the earliest sign of a click to come.
    view.addEventListener('pointerover', (e) => e.target.closest(`${FOCUSABLE}, label`) && takeOver(), { passive: true });
    view.addEventListener('click', holdClick, true);
    // Enter in the search box submits its form; the app applies the search as it is typed.
    view.addEventListener('submit', (e) => e.preventDefault());
  }

  /** A click on a button or an in-app link waits for the app, which then gets the same click. */
  function holdClick(event) {
    const target = event.target.closest('a[href], button');
    // A new tab or window, or a download, is the browser's business.
    const modified = event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0;
    if (!target || modified) return;
    if (target.matches('a')) {
      const sameDocument = target.getAttribute('href').startsWith('#');
      const inApp = target.origin === location.origin && target.pathname === location.pathname;
      if (sameDocument || !inApp) return;
    }
    event.preventDefault();
    pendingClick = target;
    document.documentElement.classList.add('static-view--waiting');
    takeOver();
    // If the app cannot load, a link still works as a link.
    booting.catch(() => {
      if (target.matches('a')) location.assign(target.href);
    });
  }

  function takeOver() {
    if (root) return;
    for (const type of INTENTS) removeEventListener(type, takeOver, { capture: true });
    root = document.createElement('div');
    root.className = 'app-root';
    boot(root)
      .then(() => drawn(root))
      .then(swap)
      .catch((e) => {
        document.documentElement.classList.remove('static-view--waiting');
        console.error('inspection-viewer: the app failed to load; the page stays as it is', e);
      });
  }

  /** Resolves once the app has drawn its first view (or its error) into `el`, still detached. */
  function drawn(el) {
    // The same page: as many cards and controls as the HTML has (parts of the view are drawn
    // in later tasks), or an error or empty state if the app sees something else.
    const cards = view.querySelectorAll('.grade-card').length;
    const controls = view.querySelectorAll(FOCUSABLE).length;
    const done = () =>
      el.querySelector('.error-panel, .empty-state') ||
      (el.querySelectorAll('.grade-card').length === cards && el.querySelectorAll(FOCUSABLE).length === controls);
    return new Promise((resolve) => {
      const finish = () => {
        observer.disconnect();
        clearTimeout(timer);
        // Let the render that added the element finish before moving it into the page.
        setTimeout(resolve);
      };
      const observer = new MutationObserver(() => done() && finish());
      const timer = setTimeout(finish, READY_MS);
      observer.observe(el, { childList: true, subtree: true });
      if (done()) finish();
    });
  }

  /** The app's element for one of the HTML's: same place, else a link to the same address or
   * a button with the same text. */
  function counterpart(el, from, to) {
    const i = from.indexOf(el);
    if (i >= 0 && to[i] && to[i].tagName === el.tagName && to[i].isConnected) return to[i];
    const same = (other) =>
      other.tagName === el.tagName && (el.matches('a') ? other.href === el.href : other.textContent === el.textContent);
    return to.find((other) => other.isConnected && same(other));
  }

  /** Puts the app in place of the HTML, with what the visitor did to the HTML meanwhile. */
  function swap() {
    const from = [...view.querySelectorAll(FOCUSABLE)];
    const to = [...root.querySelectorAll(FOCUSABLE)];
    const matched = from.length === to.length && from.every((el, i) => el.tagName === to[i].tagName);
    const focused = matched ? from.indexOf(document.activeElement) : -1;
    const changed = [];
    if (matched) {
      from.forEach((el, i) => {
        if (!el.matches('input, select, textarea')) return;
        const checkable = el.type === 'checkbox' || el.type === 'radio';
        if (checkable ? el.checked !== to[i].checked : el.value !== to[i].value) changed.push(i);
      });
      const openFrom = view.querySelectorAll('details');
      const openTo = root.querySelectorAll('details');
      if (openFrom.length === openTo.length) openFrom.forEach((d, i) => (openTo[i].open = d.open));
    }
    view.replaceWith(root);
    document.documentElement.classList.remove('static-view--waiting');
    for (const i of changed) {
      const [el, target] = [from[i], to[i]];
      if (el.type === 'checkbox' || el.type === 'radio') target.checked = el.checked;
      else target.value = el.value;
      target.dispatchEvent(new Event('input', { bubbles: true }));
      target.dispatchEvent(new Event('change', { bubbles: true }));
    }
    if (focused >= 0 && to[focused].isConnected) to[focused].focus({ preventScroll: true });
    if (pendingClick) counterpart(pendingClick, from, to)?.click();
  }

  if (location.search.length > 1) {
    runApp(); // another view, filters, a language or embedding: the app draws it
  } else {
    let settled = false;
    const settle = (ok) => {
      if (settled) return;
      settled = true;
      if (ok && view) show();
      else runApp();
    };
    setTimeout(() => parsed.then(() => settle(false)), CHECK_MS);
    const checked = dataUnchanged().catch(() => false);
    Promise.all([checked, parsed]).then(([ok]) => settle(ok));
  }
})();
