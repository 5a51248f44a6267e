/* Contribution forms, as a progressive enhancement (every field works without it):
   - the account request's collectivité field suggests communes from /api/communes;
   - the fiche form's small map draws the chosen commune's outline and places the
     optional point where it is clicked, filling the latitude and longitude fields. */
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
  var select = document.getElementById("commune");
  var lat = document.getElementById("lat");
  var lon = document.getElementById("lon");
  var map = L.map(box, { attributionControl: false });
  var outline = null;
  var marker = null;

  function place() {
    var y = parseFloat(lat.value.replace(",", ".")), x = parseFloat(lon.value.replace(",", "."));
    if (isNaN(x) || isNaN(y)) {
      if (marker) { map.removeLayer(marker); marker = null; }
      return;
    }
    if (marker) marker.setLatLng([y, x]);
    else marker = L.circleMarker([y, x], { radius: 7, color: "#a00000" }).addTo(map);
  }

  function showCommune() {
    var option = select.options[select.selectedIndex];
    if (!option) return;
    map.setView([parseFloat(option.dataset.lat), parseFloat(option.dataset.lon)], 12);
    fetch(box.dataset.outline.replace("CODE", encodeURIComponent(option.value)))
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (feature) {
        if (!feature || !feature.geometry) return;
        if (outline) map.removeLayer(outline);
        outline = L.geoJSON(feature, { style: { color: "#005a9c", weight: 2, fillOpacity: 0.08 } })
          .addTo(map);
        map.fitBounds(outline.getBounds());
      })
      .catch(function () {});
  }

  map.on("click", function (e) {
    lat.value = e.latlng.lat.toFixed(6);
    lon.value = e.latlng.lng.toFixed(6);
    place();
  });
  select.addEventListener("change", function () {
    lat.value = ""; lon.value = "";
    place();
    showCommune();
  });
  lat.addEventListener("change", place);
  lon.addEventListener("change", place);
  showCommune();
  place();
}());
