// The header's unread count, kept current while a page is open: the portal's /thong-bao/chua-doc (the user's
// own count, asked with the session) every 30 seconds. Without JavaScript the count rendered on the server stays.
(function () {
  'use strict';
  var INTERVAL_MS = 30000;

  function refresh() {
    var badge = document.getElementById('unread-count');
    if (!badge || document.hidden) {
      return;
    }
    fetch('/thong-bao/chua-doc', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (body && typeof body.unread === 'number') {
          badge.textContent = String(body.unread);
        }
      })
      .catch(function () { /* the count stays as it was */ });
  }

  window.setInterval(refresh, INTERVAL_MS);
  document.addEventListener('visibilitychange', refresh);
})();
