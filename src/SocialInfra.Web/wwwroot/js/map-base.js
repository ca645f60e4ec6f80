// What every SocialInfra map starts with: the configured base layer and its attribution (as text, never HTML), a
// metric scale, and the view of the box in data-bounds ("minLon,minLat,maxLon,maxLat"), else all of England.
(function () {
  'use strict';

  // An element with a class and text set as textContent: the one way the map scripts put data on the page.
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function create(element, options) {
    var settings = element.dataset;
    var maxZoom = parseInt(settings.maxZoom, 10) || 19;
    var map = L.map(element, { maxZoom: maxZoom, minZoom: 3, keyboard: true });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
    if (settings.tileUrl) {
      L.tileLayer(settings.tileUrl, { maxZoom: maxZoom, attribution: el('span', null, settings.tileAttribution || '').innerHTML }).addTo(map);
    }
    L.control.scale({ imperial: false }).addTo(map);
    var b = (settings.bounds || '').split(',').map(Number);
    if (b.length === 4 && b.every(isFinite)) {
      map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: (options && options.padding) || [8, 8] });
    } else {
      map.setView([54, -2], 6);
    }
    return map;
  }

  window.SocialInfraMap = { create: create, el: el };
})();
