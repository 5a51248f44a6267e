/* Detail pages (an initiative, a commune): a marker on the small map, the commune's
   extent when known, and the commune outlines from our own vector tiles (the commune
   drawn firmly, its neighbours faintly), so the map is readable with no base map. Data
   comes from the page's JSON block, never from HTML strings. */
(function () {
  "use strict";
  var node = document.getElementById("atlas-point");
  if (!node) return;
  var data = JSON.parse(node.textContent);
  var map = window[data.map];
  if (!map) return;

  // Over a base map the outlines are lines with a light tint; without one (offline,
  // or none configured) they are the land itself.
  var basemap = false;
  map.eachLayer(function (layer) { if (layer instanceof L.TileLayer) basemap = true; });
  var land = basemap ? 0 : 0.6;

  var o = data.outlines;
  if (o && L.vectorGrid) {
    // The SVG renderer: VectorGrid's canvas one calls L.DomEvent.fakeStop, gone from
    // Leaflet 1.8+ (Leaflet.VectorGrid#274); these outlines take no clicks anyway.
    L.vectorGrid.protobuf(o.tiles, {
      rendererFactory: L.svg.tile,
      interactive: false,
      minZoom: o.minZoom,
      maxNativeZoom: o.maxNativeZoom,
      attribution: "IGN – ADMIN EXPRESS COG 2018",
      vectorTileLayerStyles: {
        communes: function (p) {
          if (data.insee && p.insee === data.insee) {
            return { color: "#0b3a75", weight: 2.5, fill: true, fillColor: "#dfe7f1",
                     fillOpacity: basemap ? 0.25 : 0.9 };
          }
          return { color: "#8a96a3", weight: 0.8, fill: true, fillColor: "#f3f1ea",
                   fillOpacity: land };
        }
      }
    }).addTo(map);
  }

  var marker = L.marker(data.point, { title: data.title, alt: data.title, keyboard: false });
  marker.addTo(map);
  if (data.bbox) {
    map.fitBounds([[data.bbox[1], data.bbox[0]], [data.bbox[3], data.bbox[2]]],
                  { padding: [20, 20], maxZoom: 14 });
  }
  document.body.setAttribute("data-ready", "1");
})();
