// The workshop room, for participants' phones and the projector: the map and list of contributions kept live over
// SignalR, and (for participants) the three forms and the dot buttons. Changes are sent over HTTP from an outbox kept
// in localStorage, so anything added without a connection waits on the phone and is sent when the connection is back;
// each carries an id of its own, so sending it twice keeps it once. Text from others is set with textContent, never HTML.
(function () {
  'use strict';

  var mapElement = document.getElementById('room-map');
  if (!mapElement) {
    return;
  }
  var code = mapElement.dataset.code;
  var voting = mapElement.dataset.mode === 'participant';
  var api = '/api/workshops/' + encodeURIComponent(code);
  var outboxKey = 'socialinfra.workshop.' + code + '.outbox';
  var list = document.getElementById('contributions');
  var connectionStatus = document.getElementById('connection');
  var mapStatus = document.getElementById('map-status');

  var state = null;
  var byId = {};
  var gone = {};
  var buffered = [];
  var connected = false;
  var callbacks = {};

  var kinds = {
    MissingPlace: { text: 'Missing from the map', tag: 'govuk-tag--green', colour: '#00703c' },
    DormantPlace: { text: 'Dormant', tag: 'govuk-tag--yellow', colour: '#8a6d00' },
    LostPlace: { text: 'Lost', tag: 'govuk-tag--red', colour: '#d4351c' },
    GapNote: { text: 'We need', tag: 'govuk-tag--blue', colour: '#1d70b8' }
  };

  // Text from the data always goes in as textContent (map-base.js).
  var el = window.SocialInfraMap.el;

  function headline(c) {
    return c.kind === 'DormantPlace' || c.kind === 'LostPlace' ? (c.placeName || 'A place') : c.text;
  }

  function detail(c) {
    return c.kind === 'DormantPlace' || c.kind === 'LostPlace' ? (c.text || null) : c.categoryName;
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  function token() {
    var input = document.querySelector('input[name="__RequestVerificationToken"]');
    return input ? input.value : '';
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (ch) {
      var r = Math.random() * 16 | 0;
      return (ch === 'x' ? r : (r & 0x3 | 0x8)).toString(16);
    });
  }

  // ---- The map ----
  var map = null;
  var markers = {};
  var markerLayer = null;
  var picking = null;
  var pickedMarker = null;
  if (typeof L !== 'undefined' && window.SocialInfraMap) {
    map = window.SocialInfraMap.create(mapElement);
    fetch(api + '/wards', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (wards) {
      if (!wards) return;
      L.geoJSON(wards, {
        style: { color: '#0b0c0c', weight: 2, fillColor: '#b1b4b6', fillOpacity: 0.08 },
        interactive: false
      }).addTo(map);
    }).catch(function () { });
    markerLayer = L.layerGroup().addTo(map);
    map.on('click', function (event) {
      if (!picking) return;
      var form = picking;
      picking = null;
      mapElement.classList.remove('si-map--picking');
      var lat = event.latlng.lat.toFixed(6);
      var lng = event.latlng.lng.toFixed(6);
      form.querySelector('.si-latitude').value = lat;
      form.querySelector('.si-longitude').value = lng;
      form.querySelector('.si-point-chosen').textContent = 'Point chosen: ' + lat + ', ' + lng + '.';
      if (pickedMarker) pickedMarker.remove();
      pickedMarker = L.marker(event.latlng, { keyboard: false, title: 'The point you chose' }).addTo(map);
      say('Point chosen. Finish the form and add it.');
      var button = form.querySelector('button[type="submit"]');
      if (button) button.focus();
    });
  }

  function say(text) {
    if (mapStatus) mapStatus.textContent = text;
  }

  function drawMarkers() {
    if (!map) return;
    Object.keys(markers).forEach(function (id) {
      if (!byId[id] || byId[id].latitude === null) {
        markers[id].remove();
        delete markers[id];
      }
    });
    Object.keys(byId).forEach(function (id) {
      var c = byId[id];
      if (c.latitude === null || c.longitude === null) return;
      var kind = kinds[c.kind] || kinds.GapNote;
      var radius = 7 + Math.min(c.dots, 12);
      var existing = markers[id];
      if (existing) {
        existing.setLatLng([c.latitude, c.longitude]);
        existing.setRadius(radius);
      } else {
        existing = L.circleMarker([c.latitude, c.longitude], { radius: radius, color: '#0b0c0c', weight: 2, fillColor: kind.colour, fillOpacity: 0.85 });
        existing.bindPopup(function () { return popup(byId[id]); });
        existing.addTo(markerLayer);
        markers[id] = existing;
      }
    });
  }

  function popup(c) {
    var box = el('div', 'si-popup');
    if (!c) return box;
    box.appendChild(el('p', 'govuk-body-s govuk-!-margin-bottom-1', (kinds[c.kind] || kinds.GapNote).text));
    box.appendChild(el('h3', 'govuk-heading-s govuk-!-margin-bottom-1', headline(c)));
    var more = detail(c);
    if (more) box.appendChild(el('p', 'govuk-body-s govuk-!-margin-bottom-1', more));
    box.appendChild(el('p', 'govuk-body-s govuk-!-margin-bottom-0', c.wardName + ' · ' + plural(c.dots, 'dot', 'dots') + ' · added by ' + c.by));
    return box;
  }

  // ---- The list (the same markup as _Contributions.cshtml) ----
  function sorted() {
    return Object.keys(byId).map(function (id) { return byId[id]; }).sort(function (a, b) {
      return b.dots - a.dots || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
    });
  }

  function voteForm(c, dots, label) {
    var form = el('form', 'si-vote-form');
    form.method = 'post';
    form.action = '/Workshops/Room/' + encodeURIComponent(code) + '?handler=Vote';
    [['contributionId', c.id], ['dots', String(dots)], ['__RequestVerificationToken', token()]].forEach(function (pair) {
      var input = el('input');
      input.type = 'hidden';
      input.name = pair[0];
      input.value = pair[1];
      form.appendChild(input);
    });
    var button = el('button', 'govuk-button ' + (dots > (state.yourDots[c.id] || 0) ? 'govuk-button--secondary' : 'govuk-button--warning'), label);
    button.type = 'submit';
    button.appendChild(el('span', 'govuk-visually-hidden', (dots > (state.yourDots[c.id] || 0) ? ' to ' : ' ') + headline(c)));
    form.appendChild(button);
    return { form: form, button: button };
  }

  function renderList() {
    if (!list || !state) return;
    var items = sorted();
    var focused = document.activeElement && list.contains(document.activeElement)
      ? { id: document.activeElement.closest('[data-id]') && document.activeElement.closest('[data-id]').dataset.id, text: document.activeElement.textContent }
      : null;
    list.textContent = '';
    var ended = state.state === 'Ended';
    items.forEach(function (c) {
      var item = el('li', 'si-contribution');
      item.id = 'contribution-' + c.id;
      item.dataset.id = c.id;
      var top = el('p', 'govuk-body govuk-!-margin-bottom-1');
      var kind = kinds[c.kind] || kinds.GapNote;
      top.appendChild(el('strong', 'govuk-tag ' + kind.tag, kind.text));
      top.appendChild(document.createTextNode(' '));
      top.appendChild(el('span', 'si-contribution__headline', headline(c)));
      item.appendChild(top);
      var more = detail(c);
      item.appendChild(el('p', 'govuk-body-s govuk-!-margin-bottom-1 si-contribution__meta', (more ? more + ' · ' : '') + c.wardName + ' · added by ' + c.by));
      var dots = el('p', 'govuk-body govuk-!-margin-bottom-1');
      var shown = el('span', 'si-dots', new Array(Math.min(c.dots, 30) + 1).join('●'));
      shown.setAttribute('aria-hidden', 'true');
      dots.appendChild(shown);
      dots.appendChild(document.createTextNode(' '));
      dots.appendChild(el('span', 'si-dot-count', plural(c.dots, 'dot', 'dots')));
      var mine = state.yourDots[c.id] || 0;
      if (voting) dots.appendChild(el('span', 'si-your-dots', ', ' + mine + ' yours'));
      item.appendChild(dots);
      if (voting && !ended) {
        var group = el('div', 'govuk-button-group si-vote');
        var add = voteForm(c, mine + 1, 'Add a dot');
        if (state.dotsLeft <= 0) add.button.disabled = true;
        group.appendChild(add.form);
        if (mine > 0) group.appendChild(voteForm(c, mine - 1, 'Take a dot off').form);
        item.appendChild(group);
      }
      list.appendChild(item);
    });
    if (focused && focused.id) {
      var again = Array.prototype.filter.call(list.querySelectorAll('[data-id="' + focused.id + '"] button'), function (button) {
        return button.textContent === focused.text;
      })[0] || list.querySelector('[data-id="' + focused.id + '"] button');
      if (again) again.focus();
    }
    var count = document.getElementById('contribution-count');
    if (count) count.textContent = '(' + items.length + ')';
    var empty = document.getElementById('empty-room');
    if (empty) empty.hidden = items.length > 0;
    var left = document.getElementById('dots-left');
    if (left && voting) left.textContent = 'You have ' + state.dotsLeft + ' of ' + state.dotBudget + ' dots left';
    var total = document.getElementById('dots-total');
    if (total) total.textContent = String(items.reduce(function (sum, c) { return sum + c.dots; }, 0));
    var roomState = document.getElementById('room-state');
    if (roomState && roomState.dataset.state !== state.state) {
      roomState.dataset.state = state.state;
      roomState.textContent = state.state === 'Locked'
        ? 'The facilitator has locked the map: nothing more can be added, but you can still move your dots.'
        : state.state === 'Ended' ? 'This workshop has ended. Thank you for taking part.'
          : 'Add what is missing, mark places that are dormant or lost, say what is needed, and put your dots on what matters most.';
      Array.prototype.forEach.call(document.querySelectorAll('.si-room-form button[type="submit"]'), function (button) {
        button.disabled = state.state !== 'Open';
      });
    }
  }

  var renderQueued = false;
  function render() {
    if (renderQueued) return;
    renderQueued = true;
    window.requestAnimationFrame(function () {
      renderQueued = false;
      renderList();
      drawMarkers();
    });
  }

  // ---- Events from the room ----
  function apply(event) {
    if (buffered) {
      buffered.push(event);
      return;
    }
    if (event.type === 'contribution') {
      var c = event.contribution;
      var known = byId[c.id];
      if ((known && known.revision >= c.revision) || (gone[c.id] && gone[c.id] >= c.revision)) return;
      byId[c.id] = c;
      delete gone[c.id];
    } else if (event.type === 'withdrawn') {
      var was = byId[event.id];
      if (was && was.revision >= event.revision) return;
      delete byId[event.id];
      gone[event.id] = event.revision;
      if (state && state.yourDots[event.id]) {
        // Hiding gives dots back; merging moves them: either way, ask the server what this phone now has.
        load();
        return;
      }
    } else if (event.type === 'state') {
      if (!state) return;
      state.state = event.state;
      say(event.state === 'Locked' ? 'The facilitator has locked the map.' : event.state === 'Ended' ? 'The workshop has ended.' : 'The map is open again.');
    } else if (event.type === 'resync') {
      load();
      return;
    }
    render();
  }

  function load() {
    if (!buffered) buffered = [];
    return fetch(api, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) throw new Error('state ' + response.status);
      return response.json();
    }).then(function (fresh) {
      state = fresh;
      byId = {};
      gone = {};
      fresh.contributions.forEach(function (c) { byId[c.id] = c; });
      // Dots still waiting in the outbox count as spent.
      readOutbox().forEach(function (item) {
        if (item.type === 'vote') setMine(item.contributionId, item.body.dots);
      });
      var queued = buffered;
      buffered = null;
      queued.forEach(apply);
      render();
    }).catch(function () {
      buffered = null;
    });
  }

  function setMine(id, dots) {
    var before = state.yourDots[id] || 0;
    if (dots > 0) state.yourDots[id] = dots; else delete state.yourDots[id];
    state.dotsLeft -= dots - before;
  }

  // ---- The outbox ----
  // Kept in memory as well, so a full or unavailable localStorage (private browsing) still sends what is queued.
  var memory = null;
  function readOutbox() {
    if (memory) return memory.slice();
    try {
      return JSON.parse(window.localStorage.getItem(outboxKey) || '[]');
    } catch (e) {
      return [];
    }
  }

  function writeOutbox(items) {
    try {
      window.localStorage.setItem(outboxKey, JSON.stringify(items));
      memory = null;
    } catch (e) {
      memory = items.slice();
    }
    showOutbox();
  }

  function showOutbox() {
    var items = readOutbox();
    var box = document.getElementById('outbox');
    var listed = document.getElementById('outbox-list');
    if (box && listed) {
      listed.textContent = '';
      items.forEach(function (item) { listed.appendChild(el('li', null, item.label)); });
      box.hidden = items.length === 0;
    }
    showConnection();
  }

  function showConnection() {
    if (!connectionStatus) return;
    var waiting = readOutbox().length;
    connectionStatus.textContent = connected
      ? (waiting ? 'Connected. Sending ' + plural(waiting, 'change', 'changes') + '…' : 'Connected: changes appear as they are made.')
      : 'No connection.' + (waiting ? ' ' + plural(waiting, 'change is', 'changes are') + ' saved on this phone and will be sent when the connection is back.' : ' Anything you add is saved on this phone until it can be sent.');
  }

  function enqueue(item, callback) {
    var items = readOutbox();
    if (item.type === 'vote') {
      items = items.filter(function (other) { return !(other.type === 'vote' && other.contributionId === item.contributionId); });
    }
    items.push(item);
    writeOutbox(items);
    if (callback) callbacks[item.id] = callback;
    flush();
  }

  function remove(id) {
    writeOutbox(readOutbox().filter(function (item) { return item.id !== id; }));
  }

  var flushing = false;
  var retry = null;
  function flush() {
    if (flushing) return;
    var item = readOutbox()[0];
    if (!item) return;
    flushing = true;
    var done = callbacks[item.id] || function () { };
    fetch(item.url, {
      method: item.method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', RequestVerificationToken: token() },
      body: JSON.stringify(item.body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        flushing = false;
        if (response.ok) {
          remove(item.id);
          delete callbacks[item.id];
          if (item.type === 'vote') {
            apply({ type: 'contribution', contribution: answer.contribution });
          } else {
            apply({ type: 'contribution', contribution: answer });
          }
          done('sent', answer);
          flush();
        } else if (response.status === 403 || response.status >= 500) {
          // Not joined any more, an expired page or a server fault: keep it, and say what to do.
          if (response.status >= 500) {
            // To the back of the queue, so one change the server cannot take does not hold up the others.
            writeOutbox(readOutbox().filter(function (other) { return other.id !== item.id; }).concat([item]));
          }
          waitingAll();
          later();
          if (connectionStatus) {
            connectionStatus.textContent = response.status === 403
              ? (answer.detail || 'Reload the page to send what is waiting.') : 'The server had a problem. Trying again shortly.';
          }
        } else {
          remove(item.id);
          delete callbacks[item.id];
          if (item.type === 'vote') load();
          if (!done('refused', answer)) refused(item, answer);
          flush();
        }
      });
    }, function () {
      flushing = false;
      waitingAll();
      later();
    });
  }

  // Every form whose change is queued hears that it is saved on the phone, not only the first in the queue.
  function waitingAll() {
    Object.keys(callbacks).forEach(function (id) {
      var callback = callbacks[id];
      delete callbacks[id];
      callback('waiting');
    });
  }

  function later() {
    showConnection();
    if (retry) return;
    retry = window.setTimeout(function () { retry = null; flush(); }, 5000);
  }

  function refused(item, problem) {
    var box = document.getElementById('not-sent');
    var listed = document.getElementById('not-sent-list');
    if (!box || !listed) return;
    listed.appendChild(el('li', null, item.label + ': ' + (problem.detail || 'this could not be added')));
    box.hidden = false;
    box.focus();
  }

  window.addEventListener('online', flush);

  // ---- The forms ----
  function value(form, name) {
    var field = form.elements[name];
    if (!field) return null;
    var v = field.value;
    return v === undefined || v === '' ? null : v;
  }

  function clearErrors(form) {
    Array.prototype.forEach.call(form.querySelectorAll('.si-js-error'), function (node) { node.remove(); });
    Array.prototype.forEach.call(form.querySelectorAll('.govuk-form-group--error'), function (node) { node.classList.remove('govuk-form-group--error'); });
  }

  function showErrors(form, problem) {
    var prefix = form.id.replace('-form', '');
    var errors = problem.errors || { '': [problem.detail || 'This could not be added'] };
    var summary = el('div', 'govuk-error-summary si-js-error');
    summary.tabIndex = -1;
    var alert = el('div');
    alert.setAttribute('role', 'alert');
    alert.appendChild(el('h2', 'govuk-error-summary__title', 'There is a problem'));
    var links = el('ul', 'govuk-list govuk-error-summary__list');
    Object.keys(errors).forEach(function (key) {
      var field = key.charAt(0).toUpperCase() + key.slice(1);
      if (field === 'Latitude') field = prefix === 'note' ? 'WardCode' : 'Postcode';
      var input = document.getElementById(prefix + '-' + field) || form.querySelector('input[id], select[id], textarea[id]');
      errors[key].forEach(function (message) {
        var item = el('li');
        var link = el('a', null, message);
        link.href = '#' + input.id;
        item.appendChild(link);
        links.appendChild(item);
        var group = input.closest('.govuk-form-group');
        if (group) {
          group.classList.add('govuk-form-group--error');
          var text = el('p', 'govuk-error-message si-js-error');
          text.appendChild(el('span', 'govuk-visually-hidden', 'Error: '));
          text.appendChild(document.createTextNode(message));
          input.parentNode.insertBefore(text, input);
        }
      });
    });
    var body = el('div', 'govuk-error-summary__body');
    body.appendChild(links);
    alert.appendChild(body);
    summary.appendChild(alert);
    form.insertBefore(summary, form.querySelector('h3').nextSibling);
    summary.focus();
  }

  function resetForm(form) {
    form.reset();
    form.elements['Input.ClientId'].value = newId();
    Array.prototype.forEach.call(form.querySelectorAll('.si-latitude, .si-longitude'), function (input) { input.value = ''; });
    var chosen = form.querySelector('.si-point-chosen');
    if (chosen) chosen.textContent = '';
    if (pickedMarker) {
      pickedMarker.remove();
      pickedMarker = null;
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll('.si-room-form'), function (form) {
    var choose = form.querySelector('.si-choose-point');
    if (choose && map) {
      choose.hidden = false;
      choose.addEventListener('click', function () {
        picking = form;
        mapElement.classList.add('si-map--picking');
        say('Click or tap the map where it is.');
        mapElement.scrollIntoView({ behavior: 'smooth', block: 'center' });
        mapElement.focus();
      });
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors(form);
      var number = function (name) { var v = value(form, name); return v === null ? null : Number(v); };
      var body = {
        clientId: value(form, 'Input.ClientId'),
        kind: form.dataset.kind || value(form, 'Input.Kind'),
        text: value(form, 'Input.Text'),
        categorySlug: value(form, 'Input.CategorySlug'),
        latitude: number('Input.Latitude'),
        longitude: number('Input.Longitude'),
        postcode: value(form, 'Input.Postcode'),
        placeId: value(form, 'Input.PlaceId'),
        wardCode: value(form, 'Input.WardCode')
      };
      var select = form.elements['Input.PlaceId'];
      var label = body.text || (select && select.selectedIndex > 0 ? select.options[select.selectedIndex].text : 'Your contribution');
      var button = form.querySelector('button[type="submit"]');
      button.disabled = true;
      enqueue({ id: body.clientId, type: 'contribution', method: 'POST', url: api + '/contributions', body: body, label: label }, function (outcome, answer) {
        button.disabled = state ? state.state !== 'Open' : false;
        if (outcome === 'sent') {
          resetForm(form);
          say('Added to the map: ' + label + '.');
        } else if (outcome === 'waiting') {
          resetForm(form);
          say('Saved on this phone: ' + label + '. It will be sent when the connection is back.');
        } else {
          showErrors(form, answer);
          return true;
        }
        return false;
      });
    });
  });

  if (list && voting) {
    list.addEventListener('submit', function (event) {
      var form = event.target.closest('.si-vote-form');
      if (!form || !state) return;
      event.preventDefault();
      var id = form.elements.contributionId.value;
      var dots = parseInt(form.elements.dots.value, 10);
      var c = byId[id];
      if (!c || dots < 0) return;
      var before = state.yourDots[id] || 0;
      if (dots - before > state.dotsLeft) {
        say('You have no dots left: take one off something else first.');
        return;
      }
      setMine(id, dots);
      c.dots += dots - before;
      render();
      say('You have ' + plural(dots, 'dot', 'dots') + ' on ' + headline(c) + '; ' + state.dotsLeft + ' left.');
      enqueue({ id: newId(), type: 'vote', contributionId: id, method: 'PUT', url: api + '/votes/' + encodeURIComponent(id), body: { dots: dots }, label: plural(dots, 'dot', 'dots') + ' on ' + headline(c) });
    });
  }

  // ---- The live connection ----
  if (typeof signalR === 'undefined') {
    load();
    return;
  }
  var connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/workshops')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: function () { return 3000; } })
    .build();
  connection.on('event', function (message) { apply(JSON.parse(message)); });
  connection.onreconnecting(function () {
    connected = false;
    showConnection();
  });
  connection.onreconnected(function () {
    buffered = [];
    connection.invoke('Watch', code).then(function () {
      connected = true;
      showConnection();
      return load();
    }).then(flush, function () {
      // Not watching: stop holding events back, and start the connection afresh.
      buffered = null;
      connected = false;
      showConnection();
      connection.stop();
    });
  });
  connection.onclose(function () {
    connected = false;
    showConnection();
    window.setTimeout(start, 5000);
  });

  function start() {
    buffered = [];
    connection.start().then(function () {
      return connection.invoke('Watch', code);
    }).then(function () {
      connected = true;
      showConnection();
      return load();
    }).then(flush).catch(function () {
      connected = false;
      load();
      showConnection();
      if (connection.state === signalR.HubConnectionState.Disconnected) window.setTimeout(start, 5000);
    });
  }

  showOutbox();
  start();
  mapElement.dataset.ready = 'true';
}());
