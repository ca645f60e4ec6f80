// The gap map: wards shaded by gap score (the classes come from the legend on the page), the places of a "what if",
// and, after "Choose the point on the map", a click to choose where a new place would go. The ranked table beside it says the same in words.
// Text from the data is set with textContent, never as HTML.
(function () {
  'use strict';

  var element = document.getElementById('gap-map');
  var dataElement = document.getElementById('gap-data');
  if (!element || !dataElement || typeof L === 'undefined' || !window.SocialInfraMap) {
    return;
  }
  var settings = element.dataset;
  var data = JSON.parse(dataElement.textContent || '{}');
  var statusElement = document.getElementById('map-status');
  var classes = Array.prototype.map.call(document.querySelectorAll('#gap-legend [data-colour]'), function (item) {
    return { from: Number(item.dataset.from), to: Number(item.dataset.to), colour: item.dataset.colour };
  });

  // Text from the data always goes in as textContent (map-base.js).
  var el = window.SocialInfraMap.el;

  function say(text) {
    if (statusElement) statusElement.textContent = text;
  }

  function colourFor(score) {
    if (score === null || score === undefined) return '#b1b4b6';
    for (var i = 0; i < classes.length; i++) {
      if (score >= classes[i].from && (score < classes[i].to || i === 0)) return classes[i].colour;
    }
    return classes.length ? classes[0].colour : '#b1b4b6';
  }

  var map = window.SocialInfraMap.create(element);

  var scores = data.wards || {};
  var picking = false;

  function popupFor(feature, ward, score) {
    var box = el('div', 'si-popup');
    var heading = el('h3', 'govuk-heading-s si-popup__title', feature.properties.name + ' ward');
    heading.tabIndex = -1;
    box.appendChild(heading);
    var text = score.charAt(0).toUpperCase() + score.slice(1) +
      (ward.rank ? ', ranked ' + ward.rank : '') +
      (ward.coverage === null || ward.coverage === undefined ? '' : '; ' + Math.round(ward.coverage * 1000) / 10 + '% of residents within reach');
    box.appendChild(el('p', 'govuk-body-s', text + '.'));
    var p = el('p', 'govuk-body-s');
    var a = el('a', 'govuk-link', 'Ward report: why this score');
    a.href = '/Gaps/Ward/' + encodeURIComponent(feature.properties.code) + query;
    p.appendChild(a);
    box.appendChild(p);
    return box;
  }
  var query = data.category ? '?category=' + encodeURIComponent(data.category) : '';
  var wards = L.geoJSON(null, {
    style: function (feature) {
      var ward = scores[feature.properties.code] || {};
      return { color: '#0b0c0c', weight: 1, opacity: 0.9, fillColor: colourFor(ward.gapScore), fillOpacity: 0.75 };
    },
    onEachFeature: function (feature, layer) {
      var ward = scores[feature.properties.code] || {};
      var score = ward.gapScore === null || ward.gapScore === undefined ? 'no score' : 'gap score ' + ward.gapScore.toFixed(2);
      layer.bindTooltip(el('span', null, feature.properties.name + ': ' + score), { sticky: true });
      // A click opens the ward's popup, or, while choosing a point for a new place, chooses it.
      layer.on('click', function (e) {
        if (picking) {
          choose(e.latlng);
          return;
        }
        L.popup({ maxWidth: 320 }).setLatLng(e.latlng).setContent(popupFor(feature, ward, score)).openOn(map);
      });
    }
  }).addTo(map);

  // "Choose the point on the map" (shown only with this script) puts the map in picking mode until a point is chosen.
  var addInput = document.getElementById('add');
  var pickButton = document.getElementById('choose-on-map');
  var chosen = null;

  function choose(latlng) {
    var value = latlng.lat.toFixed(6) + ',' + latlng.lng.toFixed(6);
    addInput.value = value;
    if (chosen) chosen.setLatLng(latlng); else chosen = L.circleMarker(latlng, { radius: 8, color: '#0b0c0c', weight: 3, fillColor: '#ffdd00', fillOpacity: 1 }).addTo(map);
    picking = false;
    element.classList.remove('si-map--picking');
    say('Point chosen for a new place: ' + value + '. Choose its kind and select "See the change" in the what-if form.');
    if (pickButton) pickButton.focus({ preventScroll: true });
  }

  if (addInput && pickButton) {
    pickButton.hidden = false;
    pickButton.addEventListener('click', function () {
      picking = true;
      map.closePopup();
      element.classList.add('si-map--picking');
      element.scrollIntoView({ block: 'center' });
      say('Select a point on the map for the new place.');
    });
    map.on('click', function (e) { if (picking) choose(e.latlng); });
  }

  (data.added || []).forEach(function (point) {
    L.circleMarker([point[0], point[1]], { radius: 8, color: '#0b0c0c', weight: 3, fillColor: '#00703c', fillOpacity: 1 })
      .bindTooltip(el('span', null, 'New place (what if)'))
      .addTo(map);
  });

  map.on('popupopen', function (e) {
    var title = e.popup.getElement() && e.popup.getElement().querySelector('.si-popup__title');
    if (title) title.focus({ preventScroll: true });
  });

  fetch(settings.wardsApi, { headers: { Accept: 'application/geo+json' } })
    .then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    })
    .then(function (collection) {
      wards.addData(collection);
      element.setAttribute('data-wards-loaded', String(collection.features.length));
      say('Showing ' + collection.features.length + ' wards shaded by gap score.');
    })
    .catch(function () { say('The ward boundaries could not be loaded. The table lists every ward\u2019s score.'); });
})();
