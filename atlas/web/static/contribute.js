/* Contribution forms, as a progressive enhancement (every field works without it):
   - the account request's collectivité field suggests communes from /api/communes;
   - the fiche form's small map draws the communes from our vector tiles (the chosen one
     firmly) and places the optional point where it is clicked, filling the latitude and
     longitude fields (the server checks the point lies in the commune);
   - on a moderation item, the same map shows the proposed commune and point. */
(function () {
  "use strict";

  var search = document.getElementById("collectivite");
  if (search && search.dataset.search) {
    var list = document.getElementById("collectivite-choices");
    var timer = null;
    search.addEventListener("input", function () {
      clearTimeout(timer);
      var q = search.value.trim();
      if (q.length < 2 || /\(\w+\)$/.test(q)) return;
      timer = setTimeout(function () {
        fetch(search.dataset.search + "?q=" + encodeURIComponent(q))
          .then(function (r) { return r.ok ? r.json() : { communes: [] }; })
          .then(function (data) {
            list.replaceChildren();
            (data.communes || []).forEach(function (c) {
              var option = document.createElement("option");
              option.value = c.name + " (" + c.insee + ")";
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 200);
    });
  }

  var box = document.getElementById("point-map");
  if (!box || typeof L === "undefined") return;
  var settings = JSON.parse(document.getElementById("point-settings").textContent);
  // The fiche form: a commune to choose and a point to place. The moderation page: the
  // proposed commune and point, shown only (settings.insee, settings.point).
  var select = document.getElementById("commune");
  var lat = document.getElementById("lat");
  var lon = document.getElementById("lon");
  var editable = Boolean(select && lat && lon);
  var map = L.map(box, { attributionControl: false });
  var outlines = null;
  var marker = null;

  function number(text) { return parseFloat(String(text).replace(",", ".")); }

  function place(y, x) {
    if (isNaN(x) || isNaN(y)) {
      if (marker) { map.removeLayer(marker); marker = null; }
      return;
    }
    if (marker) marker.setLatLng([y, x]);
    else marker = L.circleMarker([y, x], { radius: 7, color: "#a00000", interactive: false })
      .addTo(map);
  }

  function placeFromFields() { place(number(lat.value), number(lon.value)); }

  // The communes from our own vector tiles (as on the detail pages): the chosen one
  // drawn firmly, its neighbours faintly, so the map is readable with no base map.
  function drawOutlines(insee) {
    var o = settings.outlines;
    if (!L.vectorGrid) return;
    if (outlines) map.removeLayer(outlines);
    outlines = L.vectorGrid.protobuf(o.tiles, {
      rendererFactory: L.svg.tile, interactive: false, minZoom: o.minZoom,
      maxNativeZoom: o.maxNativeZoom,
      vectorTileLayerStyles: {
        communes: function (p) {
          return p.insee === insee
            ? { color: "#0b3a75", weight: 2.5, fill: true, fillColor: "#dfe7f1", fillOpacity: 0.9 }
            : { color: "#8a96a3", weight: 0.8, fill: true, fillColor: "#f3f1ea", fillOpacity: 0.6 };
        }
      }
    }).addTo(map);
  }

  function showCommune(insee, centre) {
    map.setView(centre, 13);
    drawOutlines(insee);
    fetch(settings.commune.replace("CODE", encodeURIComponent(insee)))
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (feature) {
        var b = feature && feature.bbox;
        if (b) map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [10, 10], maxZoom: 15 });
      })
      .catch(function () {});
  }

  function chosen() {
    var option = select.options[select.selectedIndex];
    if (option) {
      showCommune(option.value, [number(option.dataset.lat), number(option.dataset.lon)]);
    }
  }

  if (!editable) {
    showCommune(settings.insee, settings.centre);
    if (settings.point) place(settings.point[0], settings.point[1]);
    return;
  }
  map.on("click", function (e) {
    lat.value = e.latlng.lat.toFixed(6);
    lon.value = e.latlng.lng.toFixed(6);
    placeFromFields();
  });
  select.addEventListener("change", function () {
    lat.value = ""; lon.value = "";
    placeFromFields();
    chosen();
  });
  lat.addEventListener("change", placeFromFields);
  lon.addEventListener("change", placeFromFields);
  chosen();
  placeFromFields();
}());
