// The header's unread count, kept current while a signed-in page is open. Live first: the portal's
// /thong-bao/truc-tiep (server-sent events, relayed from notification-service with the user's token on the
// server) says when a notice arrives; the count is then asked again from /thong-bao/chua-doc. When the stream
// fails or is refused (signed out: 401; the person's streams elsewhere: 429; no EventSource), the count is polled
// every 30 s while the stream is tried again with a growing delay. A session keeps two streams: a newer page takes
// the oldest one's place ("replaced"), and that page polls until it is shown again. A new notice is read out by
// a polite live region and shown for a moment. Without JavaScript the count rendered on the server stays.
(function () {
  'use strict';
  var POLL_MS = 30000;
  var FIRST_RETRY_MS = 2000;
  var MAX_RETRY_MS = 120000;
  var TOAST_MS = 8000;

  var badges = document.querySelectorAll('.account .unread');
  var live = document.getElementById('live-notice');
  var toast = document.getElementById('live-toast');
  var source = null;
  var pollTimer = null;
  var retryTimer = null;
  var toastTimer = null;
  var failures = 0;

  function show(count) {
    for (var i = 0; i < badges.length; i++) {
      badges[i].textContent = String(count);
    }
  }

  function current() {
    var n = badges.length ? parseInt(badges[0].textContent, 10) : NaN;
    return isNaN(n) ? 0 : n;
  }

  function refresh() {
    if (!badges.length || document.hidden) {
      return;
    }
    fetch('/thong-bao/chua-doc', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (body && typeof body.unread === 'number') {
          show(body.unread);
        }
      })
      .catch(function () { /* the count stays as it was */ });
  }

  function startPolling() {
    if (pollTimer === null) {
      pollTimer = window.setInterval(refresh, POLL_MS);
    }
  }

  function stopPolling() {
    if (pollTimer !== null) {
      window.clearInterval(pollTimer);
      pollTimer = null;
    }
  }

  function announce(title) {
    var prefix = live ? live.getAttribute('data-new-notice') : '';
    var text = title ? prefix + ': ' + title : prefix;
    if (live) {
      // emptied first, so that the same words twice are read out twice
      live.textContent = '';
      window.setTimeout(function () { live.textContent = text; }, 100);
    }
    if (toast) {
      toast.textContent = text;
      toast.hidden = false;
      window.clearTimeout(toastTimer);
      toastTimer = window.setTimeout(function () { toast.hidden = true; }, TOAST_MS);
    }
  }

  function onNotice(event) {
    var item = null;
    try {
      item = JSON.parse(event.data);
    } catch (notJson) {
      item = null;
    }
    show(current() + 1);
    announce(item && item.title ? item.title : '');
    refresh();
  }

  function retryLater() {
    failures++;
    // 2 s, 4 s, 8 s … up to 2 min, with some jitter so that tabs do not come back together
    var delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * Math.pow(2, failures - 1));
    delay = delay / 2 + Math.random() * delay / 2;
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(connect, delay);
  }

  function connect() {
    retryTimer = null;
    if (source !== null) {
      return;
    }
    source = new window.EventSource('/thong-bao/truc-tiep');
    source.addEventListener('open', function () {
      failures = 0;
      stopPolling();
      // what came while there was no stream
      refresh();
    });
    source.addEventListener('notification', onNotice);
    source.addEventListener('replaced', function () {
      // a newer page of this session took the stream: poll here until this page is shown again
      source.close();
      source = null;
      window.clearTimeout(retryTimer);
      retryTimer = null;
      startPolling();
    });
    source.addEventListener('error', function () {
      // ended (the portal's time limit, a restart) or refused: poll meanwhile, come back with a growing delay
      if (source !== null) {
        source.close();
        source = null;
      }
      startPolling();
      retryLater();
    });
  }

  if (!badges.length) {
    return;
  }
  document.addEventListener('visibilitychange', function () {
    refresh();
    if (!document.hidden && source === null && retryTimer === null && typeof window.EventSource === 'function') {
      connect();
    }
  });
  if (typeof window.EventSource === 'function') {
    connect();
  } else {
    startPolling();
  }
  window.addEventListener('pagehide', function () {
    if (source !== null) {
      source.close();
      source = null;
    }
  });
})();
