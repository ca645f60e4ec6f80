// A network's map: members' places as dots coloured by sector, and a line for each relationship between two members
// on the map. The members and relationships tables on the page say the same in words. Text from the data is set with
// textContent, never as HTML.
(function () {
  'use strict';

  var element = document.getElementById('network-map');
  if (!element || typeof L === 'undefined' || !window.SocialInfraMap) {
    return;
  }
  var statusElement = document.getElementById('map-status');
  var colours = { public: '#1d70b8', private: '#b33f00', vcfse: '#00703c' };
  var sectorNames = { public: 'Council and public', private: 'Private', vcfse: 'Voluntary and community (VCFSE)' };

  // Text from the data always goes in as textContent (map-base.js).
  var el = window.SocialInfraMap.el;

  function say(text) {
    if (statusElement) statusElement.textContent = text;
  }

  function row(list, key, value) {
    if (value === null || value === undefined || value === '') return;
    var item = el('div', 'si-popup__row');
    item.appendChild(el('dt', 'si-popup__key', key));
    item.appendChild(el('dd', 'si-popup__value', value));
    list.appendChild(item);
  }

  function popupFor(p) {
    var box = el('div', 'si-popup');
    var heading = el('h3', 'govuk-heading-s si-popup__title', p.name);
    heading.tabIndex = -1;
    box.appendChild(heading);
    var list = el('dl', 'si-popup__list');
    row(list, 'Kind', p.kind.charAt(0).toUpperCase() + p.kind.slice(1));
    row(list, 'Sector', sectorNames[p.sector] || p.sector);
    row(list, 'Role', p.role);
    row(list, 'Links', String(p.degree));
    row(list, 'Networks', String(p.networks) + (p.hostsSeveralNetworks ? ' (hosts several)' : ''));
    box.appendChild(list);
    if (p.kind === 'place') {
      var a = el('a', 'govuk-link', 'Details of ' + p.name);
      a.href = '/Places/' + encodeURIComponent(p.subjectId);
      var para = el('p', 'govuk-body-s');
      para.appendChild(a);
      box.appendChild(para);
    }
    return box;
  }

  var map = window.SocialInfraMap.create(element, { padding: [24, 24] });
  map.on('popupopen', function (e) {
    var heading = e.popup.getElement() && e.popup.getElement().querySelector('.si-popup__title');
    if (heading) heading.focus({ preventScroll: true });
  });

  fetch(element.dataset.networkApi, { headers: { Accept: 'application/geo+json' } })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(function (collection) {
      var links = collection.features.filter(function (f) { return f.properties.feature === 'relationship'; });
      var members = collection.features.filter(function (f) { return f.properties.feature === 'member'; });
      L.geoJSON({ type: 'FeatureCollection', features: links }, {
        style: function (f) {
          return { color: '#0b0c0c', weight: 3, opacity: 0.7, dashArray: f.properties.kind === 'referral' ? '6 6' : null };
        },
        onEachFeature: function (f, layer) {
          layer.bindTooltip(el('span', null, f.properties.from + ' \u2013 ' + f.properties.kindName.toLowerCase() + ' \u2013 ' + f.properties.to), { sticky: true });
        }
      }).addTo(map);
      L.geoJSON({ type: 'FeatureCollection', features: members }, {
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, {
            radius: 7 + Math.min(f.properties.degree, 6), color: '#0b0c0c', weight: f.properties.hostsSeveralNetworks ? 4 : 2,
            fillColor: colours[f.properties.sector] || '#505a5f', fillOpacity: 0.9
          });
        },
        onEachFeature: function (f, layer) {
          layer.bindTooltip(el('span', null, f.properties.name));
          layer.bindPopup(popupFor(f.properties), { maxWidth: 320 });
        }
      }).addTo(map);
      say(members.length === 0
        ? 'None of this network\u2019s members has a place on the map yet.'
        : members.length + (members.length === 1 ? ' member' : ' members') + ' and ' + links.length + (links.length === 1 ? ' relationship' : ' relationships') + ' on the map.');
    })
    .catch(function () { say('The map could not be loaded. The tables below list every member and relationship.'); });
})();
