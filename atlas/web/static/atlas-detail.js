/* Detail pages (an initiative, a commune): a marker on the small map, and the commune's
   extent when known. Data comes from the page's JSON block, never from HTML strings. */
(function () {
  "use strict";
  var node = document.getElementById("atlas-point");
  if (!node) return;
  var data = JSON.parse(node.textContent);
  var map = window[data.map];
  if (!map) return;
  var marker = L.marker(data.point, { title: data.title, alt: data.title, keyboard: false });
  marker.addTo(map);
  if (data.bbox) {
    map.fitBounds([[data.bbox[1], data.bbox[0]], [data.bbox[3], data.bbox[2]]],
                  { padding: [20, 20], maxZoom: 14 });
  }
})();
