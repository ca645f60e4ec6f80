// The map on the place form: a click puts the place's point there, filling in the latitude and longitude boxes.
// The boxes are the accessible equivalent and work without the map; typing in them moves the marker.
(function () {
  'use strict';

  var element = document.getElementById('location-map');
  var latitude = document.getElementById('Place_Latitude');
  var longitude = document.getElementById('Place_Longitude');
  if (!element || !latitude || !longitude || typeof L === 'undefined') {
    return;
  }
  var settings = element.dataset;
  var maxZoom = parseInt(settings.maxZoom, 10) || 19;
  var map = L.map(element, { maxZoom: maxZoom, minZoom: 3, keyboard: true });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
  if (settings.tileUrl) {
    var attribution = document.createElement('span');
    attribution.textContent = settings.tileAttribution || '';
    L.tileLayer(settings.tileUrl, { maxZoom: maxZoom, attribution: attribution.innerHTML }).addTo(map);
  }
  var b = (settings.bounds || '').split(',').map(Number);
  if (b.length === 4 && b.every(isFinite)) {
    map.fitBounds([[b[1], b[0]], [b[3], b[2]]]);
  } else {
    map.setView([51.5, -0.1], 11);
  }

  if (settings.wardsApi) {
    fetch(settings.wardsApi, { headers: { Accept: 'application/geo+json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (wards) {
        if (wards) {
          L.geoJSON(wards, { interactive: false, style: { color: '#505a5f', weight: 1, fill: false } }).addTo(map);
        }
      })
      .catch(function () { /* outlines are a guide only */ });
  }

  var status = document.createElement('p');
  status.className = 'govuk-body-s';
  status.id = 'location-status';
  status.setAttribute('role', 'status');
  element.insertAdjacentElement('afterend', status);

  var marker = null;

  function current() {
    var lat = parseFloat(latitude.value);
    var lon = parseFloat(longitude.value);
    return isFinite(lat) && isFinite(lon) ? L.latLng(lat, lon) : null;
  }

  function show(point) {
    if (!point) {
      if (marker) {
        marker.remove();
        marker = null;
      }
      return;
    }
    if (!marker) {
      marker = L.circleMarker(point, { radius: 9, color: '#0b0c0c', weight: 3, fillColor: '#ffdd00', fillOpacity: 1 }).addTo(map);
    } else {
      marker.setLatLng(point);
    }
  }

  map.on('click', function (event) {
    latitude.value = event.latlng.lat.toFixed(6);
    longitude.value = event.latlng.lng.toFixed(6);
    show(event.latlng);
    status.textContent = 'Point set to latitude ' + latitude.value + ', longitude ' + longitude.value + '.';
  });
  [latitude, longitude].forEach(function (input) {
    input.addEventListener('change', function () { show(current()); });
  });

  // The map may start inside a hidden section (a digital space chosen): size it when it is shown.
  document.querySelectorAll('input[name="Place.Presence"]').forEach(function (radio) {
    radio.addEventListener('change', function () { map.invalidateSize(); });
  });

  var start = current();
  show(start);
  if (start) {
    map.setView(start, Math.max(map.getZoom(), 15));
  }
}());
