// SocialInfra maps. Places come from /api/places (clusters at low zoom), ward outlines from /api/wards.
// Every piece of text from the data is set with textContent or passed to Leaflet as a DOM element, never as HTML.
(function () {
  'use strict';

  var element = document.getElementById('map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var settings = element.dataset;
  var maxZoom = parseInt(settings.maxZoom, 10) || 19;
  var statusElement = document.getElementById('map-status');
  var symbols = {};
  document.querySelectorAll('#map-legend [data-category]').forEach(function (item) {
    symbols[item.dataset.category] = item.dataset.symbol;
  });

  var map = L.map(element, { maxZoom: maxZoom, minZoom: 3, keyboard: true });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
  if (settings.tileUrl) {
    L.tileLayer(settings.tileUrl, { maxZoom: maxZoom, attribution: escapeHtml(settings.tileAttribution || '') }).addTo(map);
  }

  // Ward names sit above the outlines but below the markers, so a label never hides a place.
  map.createPane('si-ward-labels').style.zIndex = 450;

  var bounds = (settings.bounds || '').split(',').map(Number);
  var placesById = new Map();
  var pendingPlace = null;
  var requests = null;
  var loads = 0;

  // ---- text helpers ---------------------------------------------------------------------------------------------

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // Text from the data always goes in as textContent (map-base.js).
  var el = window.SocialInfraMap.el;

  function link(href, text) {
    var a = el('a', 'govuk-link', text);
    a.href = href;
    return a;
  }

  function number(n) {
    return Number(n).toLocaleString('en-GB');
  }

  function plural(n, one, many) {
    return number(n) + ' ' + (n === 1 ? one : many);
  }

  function getJson(url, options) {
    return fetch(url, Object.assign({ headers: { Accept: 'application/geo+json' } }, options)).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' from ' + url);
      return response.json();
    });
  }

  function say(text) {
    if (statusElement) statusElement.textContent = text;
  }

  function safeSlug(slug) {
    return /^[a-z0-9-]+$/.test(slug || '') ? slug : '';
  }

  function formatDate(iso) {
    if (!iso) return null;
    var d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
    return isNaN(d) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  }

  // ---- ward boundaries ------------------------------------------------------------------------------------------

  var wards = L.geoJSON(null, {
    style: function (feature) {
      var picked = feature.properties.code === settings.highlightWard;
      return { color: '#0b0c0c', weight: picked ? 4 : 1.5, opacity: 0.8, fillColor: '#1d70b8', fillOpacity: picked ? 0.08 : 0.02 };
    },
    onEachFeature: function (feature, layer) {
      var label = el('span', null, feature.properties.name);
      layer.bindTooltip(label, { permanent: true, direction: 'center', className: 'si-ward-label', interactive: false, pane: 'si-ward-labels' });
      layer.bindPopup(function () {
        var box = el('div', 'si-popup');
        var heading = el('h3', 'govuk-heading-s si-popup__title', feature.properties.name + ' ward');
        heading.tabIndex = -1;
        box.appendChild(heading);
        var p = el('p', 'govuk-body-s');
        p.appendChild(link('/Wards/' + encodeURIComponent(feature.properties.code), 'View ward: figures and places'));
        box.appendChild(p);
        return box;
      });
    }
  }).addTo(map);

  function updateWardLabels() {
    element.classList.toggle('si-map--labels-hidden', map.getZoom() < 12);
  }

  // ---- places and clusters --------------------------------------------------------------------------------------

  // Markers are role="button": their accessible name comes from their content, so each carries its words in hidden text.
  var clusterIcon = function (count) {
    var group = el('span', 'si-cluster');
    var figure = el('span', null, number(count));
    figure.setAttribute('aria-hidden', 'true');
    group.appendChild(figure);
    group.appendChild(el('span', 'govuk-visually-hidden', plural(count, 'place', 'places') + ': select to zoom in'));
    return L.divIcon({ className: 'si-cluster-icon', html: group, iconSize: [40, 40] });
  };
  var nearby = L.markerClusterGroup({
    maxClusterRadius: 30,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    iconCreateFunction: function (cluster) { return clusterIcon(cluster.getChildCount()); }
  });
  var groups = L.layerGroup();
  var places = L.layerGroup([nearby, groups]).addTo(map);

  L.control.layers(null, { 'Places': places, 'Ward boundaries': wards }, { collapsed: false }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);

  function placeMarker(feature) {
    var p = feature.properties;
    var slug = safeSlug(p.category);
    var title = p.name + ' (' + p.categoryName + ', ' + String(p.activity).toLowerCase() + ')';
    var icon = el('span', 'si-marker si-cat' + (slug ? ' si-cat--' + slug : ''));
    var symbol = el('span', null, symbols[slug] || '');
    symbol.setAttribute('aria-hidden', 'true');
    icon.appendChild(symbol);
    icon.appendChild(el('span', 'govuk-visually-hidden', title));
    if (p.activity === 'Dormant') icon.classList.add('si-marker--dormant');
    if (p.activity === 'Closed') icon.classList.add('si-marker--closed');
    var coordinates = feature.geometry.coordinates;
    var marker = L.marker([coordinates[1], coordinates[0]], {
      icon: L.divIcon({ className: 'si-marker-icon', html: icon, iconSize: [28, 28], popupAnchor: [0, -12] }),
      title: title,
      riseOnHover: true
    });
    // Built once, on first opening: popup.update() calls this again and must not start another fetch.
    var content = null;
    marker.bindPopup(function () {
      if (!content || content.dataset.failed) content = popupFor(feature, marker);
      return content;
    }, { maxWidth: 320, minWidth: 220, maxHeight: 280 });
    return marker;
  }

  function groupMarker(feature) {
    var p = feature.properties;
    var coordinates = feature.geometry.coordinates;
    var marker = L.marker([coordinates[1], coordinates[0]], {
      icon: clusterIcon(p.count),
      title: plural(p.count, 'place', 'places') + ': select to zoom in'
    });
    var zoomIn = function () {
      var e = p.extent;
      if (e && (e[0] !== e[2] || e[1] !== e[3])) {
        map.fitBounds([[e[1], e[0]], [e[3], e[2]]], { padding: [24, 24] });
      } else {
        map.setView(marker.getLatLng(), Math.min(map.getZoom() + 3, maxZoom));
      }
    };
    marker.on('click', zoomIn);
    marker.on('keypress', function (e) { if (e.originalEvent.key === 'Enter') zoomIn(); });
    return marker;
  }

  function row(list, term, value) {
    if (value === null || value === undefined || value === '') return;
    var div = el('div', 'si-popup__row');
    div.appendChild(el('dt', 'si-popup__key', term));
    var dd = el('dd', 'si-popup__value');
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    div.appendChild(dd);
    list.appendChild(div);
  }

  function popupFor(feature, marker) {
    var p = feature.properties;
    var id = String(feature.id);
    var box = el('div', 'si-popup');
    box.setAttribute('data-place-id', id);
    var heading = el('h3', 'govuk-heading-s si-popup__title', p.name);
    heading.tabIndex = -1;
    box.appendChild(heading);
    var list = el('dl', 'si-popup__list');
    box.appendChild(list);
    row(list, 'Category', p.categoryName);
    row(list, 'Activity', p.activity);
    row(list, 'Ownership', p.ownership + (p.owner ? ' (' + p.owner + ')' : ''));
    row(list, 'Address', [p.address, p.postcode].filter(Boolean).join(', '));
    row(list, 'Opening hours', p.openingHours);
    row(list, 'Capacity', p.capacity);
    row(list, 'Accessibility', (p.accessibilityFeatures || []).join(', '));
    row(list, 'Last verified', formatDate(p.lastVerifiedOn) || 'Never');
    row(list, 'Source', p.source + (p.sourceId ? ' (record ' + p.sourceId + ')' : '') + ', licence ' + p.licence);
    var more = el('div', 'si-popup__more', 'Loading services, networks and history…');
    box.appendChild(more);
    var links = el('p', 'govuk-body-s si-popup__links');
    links.appendChild(link('/Places/' + encodeURIComponent(id), 'View full details'));
    if (document.getElementById('place-' + id)) {
      links.appendChild(document.createTextNode(' · '));
      links.appendChild(link('#place-' + id, 'Find in the table'));
    }
    box.appendChild(links);

    getJson('/api/places/' + encodeURIComponent(id))
      .then(function (full) {
        var d = full.properties;
        more.textContent = '';
        if (d.ward) {
          var w = el('dl', 'si-popup__list');
          row(w, 'Ward', link('/Wards/' + encodeURIComponent(d.ward.code), d.ward.name));
          more.appendChild(w);
        }
        section(more, 'Services here', d.services, 'No services recorded here.', function (s) {
          return s.name + ' (' + s.provider + '; ' + s.preventionLevel.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() + ')';
        });
        section(more, 'Value networks', d.networks, 'Not in any recorded network.', function (n) {
          return n.name + (n.role ? ' (' + n.role + ')' : '');
        });
        section(more, 'Activity history', d.activityHistory, 'No history recorded.', function (a) {
          var from = a.startsOn ? a.startsOn.slice(0, 4) : 'before records';
          var until = a.endsOn ? a.endsOn.slice(0, 4) : 'now';
          return a.activity + ', ' + from + ' to ' + until + (a.note ? ': ' + a.note : '');
        });
        // update() re-attaches the content to lay it out again, which drops focus: give it back.
        var focused = document.activeElement === heading;
        if (marker.getPopup()) marker.getPopup().update();
        if (focused) heading.focus({ preventScroll: true });
      })
      .catch(function () {
        // Opening the popup again tries again.
        box.dataset.failed = 'true';
        more.textContent = 'The rest of this place\u2019s details could not be loaded. Close this and select the place again to retry.';
      });
    return box;
  }

  function section(parent, title, items, none, text) {
    parent.appendChild(el('h4', 'govuk-heading-s si-popup__subheading', title));
    if (!items || items.length === 0) {
      parent.appendChild(el('p', 'govuk-body-s', none));
      return;
    }
    var ul = el('ul', 'govuk-list govuk-list--bullet govuk-body-s');
    items.forEach(function (item) { ul.appendChild(el('li', null, text(item))); });
    parent.appendChild(ul);
  }

  // Opening a popup moves focus into it; Escape inside it closes it (Leaflet only listens while the map itself has focus).
  map.on('popupopen', function (e) {
    var popupElement = e.popup.getElement();
    if (!popupElement) return;
    if (!popupElement.dataset.escapes) {
      popupElement.dataset.escapes = 'true';
      popupElement.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') {
          event.stopPropagation();
          map.closePopup();
        }
      });
    }
    var title = popupElement.querySelector('.si-popup__title');
    if (title) title.focus({ preventScroll: true });
  });
  // Closing a popup (Escape or its close button) returns focus to the marker that opened it, not to the page top.
  map.on('popupclose', function (e) {
    var source = e.popup._source;
    var focusLost = document.activeElement === document.body || element.contains(document.activeElement);
    if (focusLost && source && source.getElement && source.getElement()) {
      source.getElement().focus({ preventScroll: true });
    }
  });

  function clamp(value, low, high) {
    return Math.min(high, Math.max(low, value));
  }

  function load() {
    if (requests) requests.abort();
    var request = new AbortController();
    requests = request;
    var b = map.getBounds();
    var query = new URLSearchParams(settings.filters || '');
    query.set('bbox', [
      clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)
    ].map(function (v) { return v.toFixed(6); }).join(','));
    query.set('zoom', String(map.getZoom()));
    element.setAttribute('aria-busy', 'true');
    getJson(settings.placesApi + '?' + query.toString(), { signal: request.signal })
      .then(render)
      .catch(function (error) {
        if (error.name !== 'AbortError') say('The places could not be loaded. Reload the page to try again; the table still lists them.');
      })
      .finally(function () {
        // Only the latest request says when loading is over; an aborted one has been overtaken.
        if (requests === request) element.removeAttribute('aria-busy');
      });
  }

  // Places already on the map keep their markers (and any open popup); only those that left or arrived change.
  function render(collection) {
    groups.clearLayers();
    var single = 0, grouped = 0, groupCount = 0;
    var seen = new Set();
    var arrived = [];
    collection.features.forEach(function (feature) {
      if (!feature.geometry) return;
      if (feature.properties.cluster === true) {
        groupCount += 1;
        grouped += feature.properties.count;
        groups.addLayer(groupMarker(feature));
        return;
      }
      single += 1;
      var id = String(feature.id);
      seen.add(id);
      if (!placesById.has(id)) {
        var marker = placeMarker(feature);
        placesById.set(id, marker);
        arrived.push(marker);
      }
    });
    var left = [];
    placesById.forEach(function (marker, id) {
      // A place whose popup is open stays, even when panning the popup into view took it out of the box.
      if (!seen.has(id) && !marker.isPopupOpen()) {
        left.push(marker);
        placesById.delete(id);
      }
    });
    // removeLayers folds up any spread-out group, so call it only when something really left.
    if (left.length > 0) nearby.removeLayers(left);
    if (arrived.length > 0) nearby.addLayers(arrived);
    loads += 1;
    element.setAttribute('data-loaded', String(loads));
    if (groupCount > 0) {
      say('Showing ' + plural(grouped + single, 'place', 'places') + ' in this part of the map, ' + plural(groupCount, 'group', 'groups') +
        ' and ' + plural(single, 'single place', 'single places') + '. Select a group or zoom in to see its places.');
    } else if (single === 0) {
      say('No places match in this part of the map. Zoom out, move the map or clear the filters.');
    } else {
      say('Showing ' + plural(single, 'place', 'places') + ' in this part of the map.');
    }
    openPending();
  }

  function openPending() {
    if (!pendingPlace) return;
    var marker = placesById.get(pendingPlace);
    if (!marker) return;
    pendingPlace = null;
    if (!map.hasLayer(places)) map.addLayer(places);
    nearby.zoomToShowLayer(marker, function () { marker.openPopup(); });
  }

  function showPlace(id, lat, lon) {
    pendingPlace = id;
    var target = L.latLng(lat, lon);
    var zoom = Math.max(map.getZoom(), 16);
    if (map.getZoom() === zoom && map.getCenter().distanceTo(target) < 1) {
      openPending();
    } else {
      map.setView(target, zoom);
    }
  }

  // "Show on map" links in the table open the place here instead of reloading the page.
  document.addEventListener('click', function (e) {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return; // let new tabs and windows open
    var a = e.target.closest && e.target.closest('a[data-show-on-map]');
    if (!a || !a.dataset.lat) return;
    e.preventDefault();
    element.scrollIntoView({ block: 'center' });
    showPlace(a.dataset.showOnMap, Number(a.dataset.lat), Number(a.dataset.lon));
  });

  map.on('moveend', load);
  map.on('zoomend', updateWardLabels);

  if (settings.place && bounds.length === 4) {
    pendingPlace = settings.place;
    map.setView([bounds[1], bounds[0]], 16);
  } else if (bounds.length === 4 && bounds.every(isFinite)) {
    map.fitBounds([[bounds[1], bounds[0]], [bounds[3], bounds[2]]], { padding: [8, 8] });
  } else {
    map.setView([54, -2], 6);
  }
  updateWardLabels();

  if (settings.wardsApi) {
    getJson(settings.wardsApi)
      .then(function (data) {
        wards.addData(data);
        wards.bringToBack();
        element.setAttribute('data-wards-loaded', String(data.features.length));
      })
      .catch(function () { say('The ward boundaries could not be loaded.'); });
  }
})();
