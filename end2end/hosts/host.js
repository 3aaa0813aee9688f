// Test host page on another origin. It embeds the viewer the way the generated snippet does:
// ?app=<viewer URL> is the iframe's src (only http://127.0.0.1:<port>/ URLs are accepted),
// and the host script embed.js is loaded from beside it unless ?script=0.
// It records every resize the host script reports in window.__resizes, for the tests.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var app = new URL(params.get('app') || 'http://127.0.0.1:8090/?embed=1');
  if (app.protocol !== 'http:' || app.hostname !== '127.0.0.1') throw new Error('test host: bad app URL');
  var frame = document.createElement('iframe');
  frame.src = app.href;
  frame.title = 'Police inspection viewer';
  frame.loading = 'lazy';
  frame.width = '100%';
  frame.height = '900';
  frame.setAttribute('data-inspection-viewer', '');
  window.__resizes = [];
  frame.addEventListener('inspection-viewer:resize', function (e) {
    window.__resizes.push(e.detail.height);
  });
  document.getElementById('slot').appendChild(frame);
  if (params.get('script') !== '0') {
    var script = document.createElement('script');
    script.src = new URL('embed.js', app).href;
    document.body.appendChild(script);
  }
})();
