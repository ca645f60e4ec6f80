// The map on the place form: a click puts the place's point there, filling in the latitude and longitude boxes.
// The boxes are the accessible equivalent and work without the map; typing in them moves the marker.
(function () {
  'use strict';

  var element = document.getElementById('location-map');
  var latitude = document.getElementById('Place_Latitude');
  var longitude = document.getElementById('Place_Longitude');
  if (!element || !latitude || !longitude || typeof L === 'undefined' || !window.SocialInfraMap) {
    return;
  }
  var settings = element.dataset;
  var map = window.SocialInfraMap.create(element);

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
