/*! inspection-viewer host script: sizes embedded viewers to their content.
 *
 * Usage (on the host page, anywhere):
 *   <iframe src="https://viewer.example/?embed=1" title="…" loading="lazy"
 *           width="100%" height="900" data-inspection-viewer></iframe>
 *   <script src="https://viewer.example/embed.js" defer></script>
 *
 * Each viewer posts {"type": "inspection-viewer:height", "height": N} to its parent whenever
 * its content height changes. A message is used only when it comes from the window of an
 * iframe marked data-inspection-viewer AND from that iframe's own origin, has exactly that
 * type and a finite height within bounds. Nothing received is ever evaluated or inserted as
 * HTML: the height only becomes a CSS pixel value. After applying a height, the iframe gets
 * an "inspection-viewer:resize" event (detail: {height}) for hosts that want to react.
 * Without this script the frame keeps its fixed height and scrolls inside.
 * No dependencies, no globals, no cookies, no network requests.
 */
(function () {
  'use strict';

  var TYPE = 'inspection-viewer:height';
  var SELECTOR = 'iframe[data-inspection-viewer]';
  var MIN_HEIGHT = 50;
  var MAX_HEIGHT = 50000;

  /** The marked iframe whose window sent the message, or null. */
  function frameFor(source) {
    if (!source) return null;
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  /** The origin of the iframe's src, resolved against this page; null when unusable. */
  function originOf(frame) {
    try {
      var origin = new URL(frame.getAttribute('src') || '', location.href).origin;
      return origin && origin !== 'null' ? origin : null;
    } catch (e) {
      return null;
    }
  }

  function onMessage(event) {
    var frame = frameFor(event.source);
    if (!frame) return;
    var origin = originOf(frame);
    if (!origin || event.origin !== origin) return;
    var data = event.data;
    // A plain object with exactly the documented fields' types; strings are never parsed.
    if (data === null || typeof data !== 'object' || data.type !== TYPE) return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height)) return;
    height = Math.ceil(height);
    if (height < MIN_HEIGHT || height > MAX_HEIGHT) return;
    // The viewer now sizes itself, so the frame needs no scrollbar of its own.
    frame.setAttribute('scrolling', 'no');
    frame.style.height = height + 'px';
    var resized;
    try {
      resized = new CustomEvent('inspection-viewer:resize', { detail: { height: height } });
    } catch (e) {
      return; // Very old browsers: sizing still works, only the event is skipped.
    }
    frame.dispatchEvent(resized);
  }

  window.addEventListener('message', onMessage, false);
})();
