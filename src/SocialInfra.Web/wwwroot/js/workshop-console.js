// The facilitator's console keeps itself up to date: when the room changes, the contributions section is fetched again
// from the server (the same page) and swapped in, unless the facilitator is using it, in which case it waits until they leave it.
(function () {
  'use strict';

  var live = document.getElementById('console-live');
  if (!live || typeof signalR === 'undefined') {
    return;
  }
  var code = live.dataset.code;
  var waiting = false;
  var timer = null;

  function busy() {
    return live.contains(document.activeElement) && document.activeElement !== document.body;
  }

  function refresh() {
    timer = null;
    if (busy()) {
      waiting = true;
      return;
    }
    fetch(window.location.pathname, { credentials: 'same-origin' }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (!html) return;
      var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('console-live');
      if (fresh && !busy()) {
        live.replaceChildren.apply(live, Array.prototype.slice.call(fresh.childNodes).map(function (node) { return document.importNode(node, true); }));
      }
    }).catch(function () { });
  }

  function soon() {
    if (!timer) timer = window.setTimeout(refresh, 700);
  }

  live.addEventListener('focusout', function () {
    if (waiting) {
      waiting = false;
      window.setTimeout(function () { if (!busy()) soon(); else waiting = true; }, 0);
    }
  });

  var connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/workshops')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: function () { return 3000; } })
    .build();
  connection.on('event', soon);
  connection.onreconnected(function () {
    connection.invoke('Watch', code).then(soon);
  });
  connection.onclose(function () { window.setTimeout(start, 5000); });

  var started = false;
  function start() {
    connection.start().then(function () { return connection.invoke('Watch', code); }).then(function () {
      live.dataset.ready = 'true';
      // After a break, catch up on what happened meanwhile.
      if (started) soon();
      started = true;
    }).catch(function () {
      if (connection.state === signalR.HubConnectionState.Disconnected) window.setTimeout(start, 5000);
    });
  }
  start();
}());
