/* The public map: filters, URL, clusters, choropleth, list of initiatives, popups.

   The page arrives with folium's Leaflet map already built (its variable is named in the
   #atlas-settings JSON) and the filter form filled from the URL. This script keeps four
   things in step: the URL (the whole view lives there: filters, centre, zoom, selected
   initiative), the map (clusters computed by PostGIS for the view, communes coloured by
   label level), the counts (/api/stats facets) and the list of initiatives in view, the
   text alternative of the map.

   Every text that comes from the data is put in the page with textContent or as a DOM
   attribute, never as HTML: a title "<img src=x onerror=...>" shows as text. */
(function () {
  "use strict";

  var settings = JSON.parse(document.getElementById("atlas-settings").textContent);
  var map = window[settings.map];
  // The filters the server declares (atlas/filters.py): their names are the URL state.
  var FILTERS = settings.filters.map(function (p) { return p.name; });
  var URLS = settings.urls;
  var LIST_SIZE = 20;
  var form = document.getElementById("filters");
  var status = document.getElementById("map-status");

  // ---- small helpers -------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "className") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) {
        node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
      }
    });
    return node;
  }

  function nombre(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  }

  // A URL from the server's templates ("/communes/{insee}"), placeholders filled.
  function urlFor(name, values, query) {
    var url = URLS[name].replace(/\{(\w+)\}/g, function (_, k) {
      return encodeURIComponent(values[k]);
    });
    return query ? url + "?" + query : url;
  }

  function arobases(level) {
    return level ? new Array(level + 1).join("@") : "";
  }

  // One request per purpose at a time: a newer one aborts the older (fast typing,
  // quick pans), so an old answer never overwrites a newer view.
  var inflight = {};
  function getJSON(purpose, url) {
    if (inflight[purpose]) inflight[purpose].abort();
    var ctrl = new AbortController();
    inflight[purpose] = ctrl;
    return fetch(url, { signal: ctrl.signal, headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) {
          return r.json().catch(function () { return {}; }).then(function (body) {
            throw new Error(body.detail || ("HTTP " + r.status));
          });
        }
        return r.json();
      })
      .finally(function () {
        if (inflight[purpose] === ctrl) delete inflight[purpose];
      });
  }

  function failed(err) {
    if (err && err.name === "AbortError") return;
    status.textContent = "Erreur : " + (err && err.message ? err.message : err);
    status.classList.add("error");
  }

  // ---- state <-> URL ------------------------------------------------------------

  function filterParams() {
    // The form is the source of truth for filters (hidden inputs carry the declared
    // ones without a control: commune, source...); several values joined with commas.
    var params = new URLSearchParams();
    if (!form) {
      var current = new URLSearchParams(location.search);
      FILTERS.forEach(function (k) {
        current.getAll(k).forEach(function (v) { if (v) params.append(k, v); });
      });
      return params;
    }
    var data = new FormData(form);
    FILTERS.forEach(function (k) {
      var values = data.getAll(k).map(function (v) { return String(v).trim(); })
        .filter(Boolean);
      if (values.length) params.set(k, values.join(","));
    });
    return params;
  }

  var selected = new URLSearchParams(location.search).get("sel");

  // "Communes pairs" mode: a commune, a radius, and the communes near it that act.
  var PAIRS_RADII = settings.pairs.radii.map(String);
  var pairs = readPairs(new URLSearchParams(location.search));

  function readPairs(params) {
    var radius = params.get("radius_km");
    return { insee: params.get("pairs"),
             radius: PAIRS_RADII.indexOf(radius) >= 0 ? radius : String(settings.pairs.defaultRadius),
             similar: params.get("population") === "similar" };
  }

  function viewParams() {
    var c = map.getCenter();
    var params = new URLSearchParams();
    params.set("lat", c.lat.toFixed(5));
    params.set("lon", c.lng.toFixed(5));
    params.set("z", String(map.getZoom()));
    if (selected) params.set("sel", selected);
    if (pairs.insee) {
      params.set("pairs", pairs.insee);
      params.set("radius_km", pairs.radius);
      if (pairs.similar) params.set("population", "similar");
    }
    return params;
  }

  function pageUrl(base) {
    var params = filterParams();
    viewParams().forEach(function (v, k) { params.set(k, v); });
    return base + "?" + params.toString();
  }

  function writeUrl(push) {
    if (settings.embed) return;
    var url = pageUrl(location.pathname);
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
    updateLinks();
  }

  function setFormFrom(params) {
    if (!form) return;
    Array.prototype.forEach.call(form.elements, function (input) {
      if (!input.name || FILTERS.indexOf(input.name) < 0) return;
      var values = (params.get(input.name) || "").split(",").filter(Boolean);
      if (input.type === "checkbox") input.checked = values.indexOf(input.value) >= 0;
      else if (input.type !== "hidden") input.value = values[0] || "";
    });
    setHidden(params);
  }

  // Declared filters without a visible control travel in hidden inputs: rebuild them
  // from `params` (a filter added to atlas/filters.py is carried with no JS change).
  function setHidden(params) {
    Array.prototype.slice.call(form.querySelectorAll("input[type=hidden]"))
      .forEach(function (h) { h.remove(); });
    FILTERS.forEach(function (k) {
      var control = Array.prototype.some.call(form.elements, function (input) {
        return input.name === k;
      });
      if (control) return;
      params.getAll(k).join(",").split(",").filter(Boolean).forEach(function (v) {
        form.appendChild(el("input", { type: "hidden", name: k, value: v }));
      });
    });
  }
  if (form) setHidden(new URLSearchParams(location.search));

  // ---- clusters -------------------------------------------------------------------

  var clusterLayer = L.layerGroup().addTo(map);
  var highlight = L.layerGroup().addTo(map);

  // The box asked for is the view grown by half a screen and snapped to a coarse grid:
  // small pans ask the same URL again (browser cache, ETag) and markers just off-screen
  // are already there when the visitor pans.
  var MAX_VIEW_TILES = settings.view.maxTiles;  // the server refuses larger boxes
  function snappedBox() {
    var size = map.getSize();
    var tiles = Math.max(size.x, size.y) / 256;
    var pad = Math.max(0, Math.min(0.5, (MAX_VIEW_TILES - 2 - tiles) / (2 * tiles)));
    var b = map.getBounds().pad(pad);
    var step = 360 / Math.pow(2, map.getZoom()) / 2;
    function down(v) { return Math.floor(v / step) * step; }
    function up(v) { return Math.ceil(v / step) * step; }
    var west = Math.max(-180, down(b.getWest())), east = Math.min(180, up(b.getEast()));
    var south = Math.max(-85, down(b.getSouth())), north = Math.min(85, up(b.getNorth()));
    return [west, south, east, north].map(function (v) { return +v.toFixed(6); }).join(",");
  }

  function viewBox() {
    var b = map.getBounds();
    return [Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()),
            Math.min(180, b.getEast()), Math.min(85, b.getNorth())]
      .map(function (v) { return +v.toFixed(5); }).join(",");
  }

  function clusterIcon(count) {
    var size = count < 10 ? "small" : count < 1000 ? "medium" : "large";
    var label = count >= 10000 ? Math.round(count / 1000) + "k" : String(count);
    return L.divIcon({
      html: "<div><span>" + label + "</span></div>",
      className: "marker-cluster marker-cluster-" + size,
      iconSize: L.point(40, 40)
    });
  }

  var pointIcon = L.divIcon({ className: "atlas-point", iconSize: L.point(14, 14) });

  function drawClusters(answer) {
    clusterLayer.clearLayers();
    answer.cells.forEach(function (cell) {
      var lon = cell[0], lat = cell[1], count = cell[2], id = cell[3];
      var marker;
      if (count === 1) {
        marker = L.marker([lat, lon], { icon: pointIcon, keyboard: false,
                                        title: "Initiative " + id });
        marker.on("click", function () { openInitiative(id, [lat, lon]); });
      } else {
        marker = L.marker([lat, lon], { icon: clusterIcon(count), keyboard: false,
                                        title: nombre(count) + " initiatives" });
        marker.on("click", function () {
          var bounds = L.latLngBounds([cell[5], cell[4]], [cell[7], cell[6]]);
          var tight = map.getZoom() >= map.getMaxZoom() - 1 ||
            map.project(bounds.getNorthEast()).distanceTo(map.project(bounds.getSouthWest())) < 4;
          if (tight) openGroup(bounds, L.latLng(lat, lon), count);
          else map.fitBounds(bounds.pad(0.1), { maxZoom: map.getMaxZoom() });
        });
      }
      marker.addTo(clusterLayer);
    });
    document.body.setAttribute("data-clusters", String(answer.cells.length));
    // Milliseconds since navigation when clusters were last drawn (read by the bench).
    document.body.setAttribute("data-drawn-ms", String(Math.round(performance.now())));
    document.body.setAttribute("data-in-view", String(answer.numberMatched));
  }

  function loadClusters() {
    var params = filterParams();
    params.set("bbox", snappedBox());
    params.set("zoom", String(map.getZoom()));
    return getJSON("clusters", urlFor("clusters", {}, params.toString()))
      .then(drawClusters);
  }

  // ---- choropleth of label levels ---------------------------------------------------

  // A label in words: the commune's own ("4 @ en 2024"), or its intercommunalité's,
  // said so ("label de l'intercommunalité X, 4 @, 2024"). `label` is the API's object
  // ({year, level, held_by, epci}); the choropleth's flat properties are turned into one.
  function labelText(label, none) {
    if (!label || !label.level) return none || "non labellisée";
    if (label.held_by === "epci") {
      return "label de l'intercommunalité " + (label.epci ? label.epci.name : "") + ", " +
             label.level + " @, " + label.year;
    }
    return label.level + " @ en " + label.year;
  }

  // Land, départements and the communes' labels: one vector tile layer of our own
  // (/tiles/map: départements, and the communes with their label), drawn by
  // Leaflet.VectorGrid's SVG renderer (its canvas one calls L.DomEvent.fakeStop, gone
  // from Leaflet 1.8+: Leaflet.VectorGrid#274). Every layer of a tile is cut from the
  // same generalisation of the same outlines, so borders coincide at every zoom.
  var TILES = settings.mapTiles;
  // The départements' fill is the land without a base map (none configured, or
  // offline): the stylesheet's body.offline .atlas-land, so no tile is drawn again.
  function departementStyle() {
    return { className: "atlas-land", color: "#5b6b7f", weight: 0.8, fill: true,
             fillColor: "#f3f1ea", fillOpacity: 0 };
  }
  function communeStyle(p) {
    // Unlabelled (from z11): an outline, filled with nothing but still taking clicks.
    if (!p.level) {
      return { color: "#6b7785", weight: 0.6, fill: true, fillOpacity: 0, dashArray: "2 3" };
    }
    var colour = settings.levelColours[p.level - 1];
    // An intercommunalité's label on its member: its level's colour, lighter, with a
    // dashed outline of that colour (the legend says so).
    if (p.label_epci) {
      return { color: colour, weight: 1.5, dashArray: "4 3", fill: true,
               fillColor: colour, fillOpacity: 0.3 };
    }
    return { color: "#0b3a75", weight: 0.5, fill: true, fillColor: colour,
             fillOpacity: 0.65 };
  }
  function choroplethUrl() {
    var url = TILES.url;
    return labelYear() ? url + "?label_year=" + encodeURIComponent(labelYear()) : url;
  }
  var choroplethYear = null;
  var choropleth = null;
  var tooltip = L.tooltip({ sticky: true });

  // The layer is made once the first clusters are drawn (loadChoropleth): its script
  // (VectorGrid, 48 KB) is parsed and its twenty tiles asked after them, so on a slow
  // phone they hold up neither the clusters' request nor the main thread before it.
  var vectorGrid = null;
  function loadVectorGrid() {
    if (!vectorGrid) {
      vectorGrid = L.vectorGrid ? Promise.resolve() : new Promise(function (ok, fail) {
        var script = document.createElement("script");
        script.src = TILES.script;
        script.onload = ok;
        script.onerror = function () { fail(new Error("VectorGrid indisponible")); };
        document.head.appendChild(script);
      });
    }
    return vectorGrid;
  }

  function makeChoropleth() {
    // Its own pane: above the base map, under the clusters and popups.
    map.createPane("choropleth").style.zIndex = 350;
    choroplethYear = labelYear();
    choropleth = L.vectorGrid.protobuf(choroplethUrl(), {
      pane: "choropleth",
      rendererFactory: L.svg.tile,
      interactive: true,
      maxNativeZoom: TILES.maxNativeZoom,
      attribution: TILES.attribution,
      vectorTileLayerStyles: { departements: departementStyle, communes: communeStyle }
    }).addTo(map);
    choropleth.on("mouseover", function (e) {
      var p = e.layer && e.layer.properties;
      if (!p || !p.insee) return;
      tooltip.setContent(el("span", { text: p.name + " · " + labelText(communeLabel(p)) }));
      map.openTooltip(tooltip, e.latlng);
    });
    choropleth.on("mouseout", function () { map.closeTooltip(tooltip); });
    choropleth.on("click", function (e) {
      var p = e.layer && e.layer.properties;
      if (!p || !p.insee) return;
      if (e.originalEvent && e.originalEvent.defaultPrevented) return;
      L.popup().setLatLng(e.latlng).setContent(communePopup(p)).openOn(map);
    });
  }

  // The tiles' flat properties as the API's label object: an EPCI's label carries its
  // name (label_epci).
  function communeLabel(p) {
    return p.level ? { year: p.label_year, level: p.level,
                       held_by: p.label_epci ? "epci" : "commune",
                       epci: p.label_epci ? { name: p.label_epci } : null }
                   : null;
  }

  function communePopup(p) {
    return el("div", { className: "popup" }, [
      el("h3", {}, [el("a", { href: urlFor("communePage", { insee: p.insee }), text: p.name })]),
      el("p", { text: p.level ? "Label : " + labelText(communeLabel(p))
                              : "Pas de label" + (labelYear() ? " en " + labelYear() : "") }),
      el("p", {}, [pairsButton(p.insee)])
    ]);
  }

  function pairsButton(insee) {
    var button = el("button", { type: "button", className: "secondary",
                                text: "Voir les communes pairs autour" });
    button.addEventListener("click", function () { enterPairs(insee); });
    return button;
  }

  function labelYear() {
    return filterParams().get("label_year") || "";
  }

  // The tiles follow the view by themselves; only the label edition changes them.
  function loadChoropleth() {
    return loadVectorGrid().then(function () {
      if (!choropleth) makeChoropleth();
      else if (labelYear() !== choroplethYear) {
        choroplethYear = labelYear();
        choropleth.setUrl(choroplethUrl());
      }
    });
  }

  // ---- popups for initiatives ----------------------------------------------------------

  function initiativePopup(feature) {
    var p = feature.properties;
    var where = p.commune ? el("a", { href: urlFor("communePage", { insee: p.commune.insee }),
                                      text: p.commune.name })
                          : (p.epci ? p.epci.name : "");
    var domains = (p.domains || []).map(function (d) { return settings.domains[d] || d; });
    var children = [
      el("h3", { text: p.title }),
      el("p", {}, [where, p.year ? " · " + p.year : ""]),
      p.kind === "place" && p.place_type ? el("p", { text: p.place_type }) : null,
      domains.length ? el("p", { className: "domains", text: domains.join(", ") }) : null,
      el("p", { className: "label" }, p.label
        ? [el("span", { "aria-hidden": "true", text: arobases(p.label.level) + " " }),
           "Label : " + labelText(p.label)]
        : ["Collectivité non labellisée"]),
      p.synthetic ? el("p", { className: "synthetic", text: "Donnée fictive (essais de charge)" }) : null,
      el("p", {}, [el("a", { href: urlFor("initiativePage", { id: p.id }), text: "Voir la fiche" })]),
      p.commune ? el("p", {}, [pairsButton(p.commune.insee)]) : null
    ];
    return el("div", { className: "popup", "data-id": String(p.id) }, children);
  }

  function openInitiative(id, latlng, push) {
    return getJSON("initiative", urlFor("initiative", { id: id }))
      .then(function (feature) {
        var c = feature.geometry.coordinates;
        var popup = L.popup({ autoPanPadding: [40, 40] })
          .setLatLng(latlng || [c[1], c[0]])
          .setContent(initiativePopup(feature));
        popup.openOn(map);
        selected = String(id);
        writeUrl(push !== false);
        markListItem();
      })
      .catch(failed);
  }

  // A cluster that cannot be split (records at one address): list its initiatives.
  function openGroup(bounds, latlng, count) {
    var params = filterParams();
    var pad = 0.00001;
    params.set("bbox", [bounds.getWest() - pad, bounds.getSouth() - pad,
                        bounds.getEast() + pad, bounds.getNorth() + pad]
      .map(function (v) { return v.toFixed(6); }).join(","));
    params.set("limit", "50");
    getJSON("group", urlFor("initiatives", {}, params.toString())).then(function (fc) {
      var list = el("ul", {}, fc.features.map(function (f) {
        var a = el("a", { href: urlFor("initiativePage", { id: f.id }), text: f.properties.title });
        a.addEventListener("click", function (e) {
          e.preventDefault();
          openInitiative(f.id, latlng);
        });
        return el("li", {}, [a]);
      }));
      var more = fc.numberMatched > fc.features.length
        ? el("p", { text: "… et " + nombre(fc.numberMatched - fc.features.length) + " autres" }) : null;
      L.popup({ maxHeight: 300 }).setLatLng(latlng)
        .setContent(el("div", { className: "popup" }, [
          el("h3", { text: nombre(count) + " initiatives à cet endroit" }), list, more]))
        .openOn(map);
    }).catch(failed);
  }

  map.on("popupclose", function () {
    if (selected) {
      selected = null;
      writeUrl(false);
      markListItem();
    }
  });

  // ---- list of initiatives in view -------------------------------------------------------

  var listNode = document.getElementById("results");
  var summary = document.getElementById("results-summary");
  var prev = document.getElementById("results-prev");
  var next = document.getElementById("results-next");
  var listOffset = 0;
  var listFeatures = [];

  function listItem(feature, index) {
    var p = feature.properties;
    var c = feature.geometry.coordinates;
    var button = el("button", { type: "button", className: "result", "data-id": String(p.id) }, [
      el("span", { className: "title", text: p.title }),
      el("span", { className: "meta", text: [p.commune ? p.commune.name : (p.epci ? p.epci.name : ""),
                                             p.year || "",
                                             p.label ? arobases(p.label.level) +
                                               (p.label.held_by === "epci" ? " (intercommunalité)" : "") : ""]
        .filter(Boolean).join(" · ") })
    ]);
    button.addEventListener("click", function () {
      openInitiative(p.id, [c[1], c[0]]);
    });
    button.addEventListener("focus", function () { showSpot([c[1], c[0]]); });
    button.addEventListener("mouseenter", function () { showSpot([c[1], c[0]]); });
    button.addEventListener("keydown", function (e) {
      // Arrows move through the list, as in any list box; Tab leaves it.
      var buttons = listNode.querySelectorAll("button.result");
      var target = null;
      if (e.key === "ArrowDown") target = buttons[index + 1];
      else if (e.key === "ArrowUp") target = buttons[index - 1];
      else if (e.key === "Home") target = buttons[0];
      else if (e.key === "End") target = buttons[buttons.length - 1];
      if (target) { e.preventDefault(); target.focus(); }
    });
    return el("li", {}, [button]);
  }

  function showSpot(latlng) {
    highlight.clearLayers();
    L.circleMarker(latlng, { radius: 11, color: "#d4351c", weight: 3, fill: false,
                             interactive: false }).addTo(highlight);
  }

  function markListItem() {
    if (!listNode) return;
    Array.prototype.forEach.call(listNode.querySelectorAll("button.result"), function (b) {
      var on = b.getAttribute("data-id") === selected;
      b.classList.toggle("selected", on);
      if (on) b.setAttribute("aria-current", "true");
      else b.removeAttribute("aria-current");
    });
  }

  function loadList() {
    if (!listNode) return Promise.resolve();
    var params = filterParams();
    params.set("bbox", viewBox());
    params.set("limit", String(LIST_SIZE));
    if (listOffset) params.set("offset", String(listOffset));
    return getJSON("list", urlFor("initiatives", {}, params.toString())).then(function (fc) {
      listFeatures = fc.features;
      listNode.textContent = "";
      fc.features.forEach(function (f, i) { listNode.appendChild(listItem(f, i)); });
      var total = fc.numberMatched;
      summary.textContent = total === 0 ? "Aucune initiative dans cette partie de la carte."
        : (listOffset + 1) + "–" + (listOffset + fc.features.length) + " sur " + nombre(total) +
          " initiatives dans la vue";
      prev.disabled = listOffset === 0;
      next.disabled = listOffset + fc.features.length >= total;
      listNode.setAttribute("aria-busy", "false");
      markListItem();
    });
  }

  if (prev) {
    prev.addEventListener("click", function () {
      listOffset = Math.max(0, listOffset - LIST_SIZE);
      loadList().catch(failed);
    });
    next.addEventListener("click", function () {
      listOffset += LIST_SIZE;
      loadList().then(function () {
        var first = listNode.querySelector("button.result");
        if (first) first.focus();
      }).catch(failed);
    });
  }

  // ---- communes pairs mode ------------------------------------------------------------------

  var pairsLayer = L.layerGroup().addTo(map);
  var pairsSection = document.getElementById("pairs");

  function levelColour(label) {
    return label ? settings.levelColours[label.level - 1] : "#ffffff";
  }

  function peerPopup(p) {
    var page = urlFor("communePage", { insee: p.insee });
    return el("div", { className: "popup" }, [
      el("h3", {}, [el("a", { href: page, text: p.name })]),
      el("p", { text: (p.distance_km !== undefined ? p.distance_km.toLocaleString("fr-FR") + " km · " : "") +
                      (p.population ? nombre(p.population) + " habitants" : "") }),
      el("p", { text: p.label ? "Label : " + labelText(p.label) : "Pas de label" }),
      p.initiatives !== undefined ? el("p", {}, [
        el("a", { href: URLS.home + "?commune=" + encodeURIComponent(p.insee) + "&" + filterParams().toString(),
                  text: nombre(p.initiatives) + " initiative" + (p.initiatives > 1 ? "s" : "") +
                        " : les voir sur la carte" })]) : null
    ]);
  }

  function enterPairs(insee) {
    pairs = { insee: insee, radius: pairs.radius, similar: pairs.similar };
    map.closePopup();
    writeUrl(true);
    loadPairs(true).catch(failed);
  }

  function loadPairs(fit) {
    pairsLayer.clearLayers();
    if (!pairsSection) return Promise.resolve();
    pairsSection.hidden = !pairs.insee;
    if (!pairs.insee) return Promise.resolve();
    document.getElementById("pairs-radius").value = pairs.radius;
    document.getElementById("pairs-similar").checked = pairs.similar;
    var params = new URLSearchParams();
    params.set("radius_km", pairs.radius);
    if (pairs.similar) params.set("population", "similar");
    var domain = filterParams().get("domain");
    if (domain) params.set("domain", domain);
    params.set("limit", "50");
    var url = urlFor("peers", { insee: pairs.insee }, params.toString());
    document.getElementById("pairs-page").href =
      urlFor("pairsPage", { insee: pairs.insee }, params.toString());
    return getJSON("pairs", url).then(function (fc) {
      var ref = fc.reference;
      var centre = [ref.geometry.coordinates[1], ref.geometry.coordinates[0]];
      document.getElementById("pairs-name").textContent = ref.properties.name;
      var circle = L.circle(centre, { radius: ref.properties.radius_km * 1000, color: "#d4351c",
                                      weight: 2, fillOpacity: 0.04, interactive: false });
      circle.addTo(pairsLayer);
      L.circleMarker(centre, { radius: 9, color: "#d4351c", weight: 3, fillColor: "#fff",
                               fillOpacity: 1 })
        .bindPopup(function () { return peerPopup(ref.properties); }).addTo(pairsLayer);
      var list = document.getElementById("pairs-list");
      list.textContent = "";
      fc.features.forEach(function (f) {
        var p = f.properties;
        var at = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        var marker = L.circleMarker(at, { radius: 8, color: "#0b3a75", weight: 2,
                                          fillColor: levelColour(p.label), fillOpacity: 1 })
          .bindPopup(function () { return peerPopup(p); }).addTo(pairsLayer);
        var button = el("button", { type: "button", className: "result" }, [
          el("span", { className: "title", text: p.name }),
          el("span", { className: "meta", text: [p.distance_km.toLocaleString("fr-FR") + " km",
                                                 p.label ? arobases(p.label.level) +
                                                   (p.label.held_by === "epci" ? " (intercommunalité)" : "") : "",
                                                 nombre(p.initiatives) + " initiative" + (p.initiatives > 1 ? "s" : "")]
            .filter(Boolean).join(" · ") })]);
        button.addEventListener("click", function () { marker.openPopup(); });
        list.appendChild(el("li", {}, [button]));
      });
      document.getElementById("pairs-summary").textContent = fc.features.length
        ? nombre(fc.features.length) + " commune" + (fc.features.length > 1 ? "s" : "") +
          " à moins de " + ref.properties.radius_km + " km"
        : "Aucune commune pair à moins de " + ref.properties.radius_km + " km.";
      if (fit) map.fitBounds(circle.getBounds());
    });
  }

  if (pairsSection) {
    document.getElementById("pairs-radius").addEventListener("change", function (e) {
      pairs.radius = e.target.value;
      writeUrl(true);
      loadPairs(true).catch(failed);
    });
    document.getElementById("pairs-similar").addEventListener("change", function (e) {
      pairs.similar = e.target.checked;
      writeUrl(true);
      loadPairs(false).catch(failed);
    });
    document.getElementById("pairs-exit").addEventListener("click", function () {
      pairs = { insee: null, radius: pairs.radius, similar: pairs.similar };
      writeUrl(true);
      loadPairs(false);
    });
  }

  // ---- counts (facets) ---------------------------------------------------------------------

  var countNode = document.getElementById("count-matched");

  function loadStats() {
    return getJSON("stats", urlFor("stats", {}, filterParams().toString())).then(function (s) {
      if (countNode) countNode.textContent = nombre(s.numberMatched);
      document.body.setAttribute("data-matched", String(s.numberMatched));
      if (!form) return;
      Array.prototype.forEach.call(form.querySelectorAll("[data-facet]"), function (span) {
        var facet = s.facets[span.getAttribute("data-facet")] || [];
        var value = span.getAttribute("data-value");
        var item = facet.filter(function (x) { return String(x.value) === value; })[0];
        span.textContent = "(" + nombre(item ? item.count : 0) + ")";
      });
      ["region", "departement"].forEach(function (name) {
        var select = document.getElementById(name);
        var counts = {};
        (s.facets[name] || []).forEach(function (x) { counts[x.value] = x.count; });
        Array.prototype.forEach.call(select.options, function (o) {
          if (!o.value) return;
          if (!o.hasAttribute("data-name")) o.setAttribute("data-name", o.textContent);
          o.textContent = o.getAttribute("data-name") + " (" + nombre(counts[o.value] || 0) + ")";
        });
      });
    });
  }

  // ---- refresh cycles -------------------------------------------------------------------------

  function busy(promise) {
    status.classList.remove("error");
    status.textContent = "Chargement…";
    document.body.setAttribute("data-loading", "1");
    return promise.then(function () {
      status.textContent = "";
      document.body.removeAttribute("data-loading");
    }).catch(function (err) {
      document.body.removeAttribute("data-loading");
      failed(err);
    });
  }

  // The server runs a couple of workers: the clusters (what the eye waits for) go
  // first, with the counts beside them; the list and the choropleth follow.
  function refreshView() {
    return busy(loadClusters().then(function () {
      return Promise.all([loadList(), loadChoropleth()]);
    }));
  }

  function refreshAll() {
    listOffset = 0;
    return busy(Promise.all([
      loadClusters().then(function () {
        return Promise.all([loadList(), loadChoropleth(), loadPairs(false)]);
      }),
      loadStats()]));
  }

  var moveTimer = null;
  map.on("moveend", function () {
    clearTimeout(moveTimer);
    moveTimer = setTimeout(function () {
      listOffset = 0;
      writeUrl(false);
      refreshView();
    }, 60);
  });

  // ---- phones: the filters and the list are sheets over the map -------------------------

  document.body.classList.add("js");
  var sheets = [["open-filters", "filters"], ["open-list", "results-panel"]];

  function setSheet(buttonId, panelId, open, moveFocus) {
    var button = document.getElementById(buttonId);
    var panel = document.getElementById(panelId);
    if (!button || !panel) return;
    panel.classList.toggle("open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (!moveFocus) return;
    if (open) panel.querySelector("h2").focus();
    else button.focus();
  }

  sheets.forEach(function (pair) {
    var button = document.getElementById(pair[0]);
    if (!button) return;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      // One sheet at a time: the other closes.
      sheets.forEach(function (other) {
        if (other !== pair) setSheet(other[0], other[1], false, false);
      });
      setSheet(pair[0], pair[1], open, true);
    });
    var panel = document.getElementById(pair[1]);
    panel.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && panel.classList.contains("open")) {
        setSheet(pair[0], pair[1], false, true);
      }
    });
    panel.querySelector(".sheet-close").addEventListener("click", function () {
      setSheet(pair[0], pair[1], false, true);
    });
  });

  // "Filtres (n)": how many filters are set, so a filtered map never looks complete.
  function updateActive() {
    var node = document.getElementById("filters-active");
    if (!node) return;
    var n = 0;
    filterParams().forEach(function (value) { n += value.split(",").length; });
    node.textContent = "(" + n + ")";
  }

  function updateLinks() {
    updateActive();
    var query = filterParams().toString();
    var suffix = query ? "?" + query : "";
    var csv = document.getElementById("export-csv");
    var geojson = document.getElementById("export-link");
    if (geojson) geojson.href = URLS.export + ".geojson" + suffix;
    if (csv) csv.href = URLS.export + ".csv" + suffix;
    // "Le label en chiffres" keeps the filters that apply to its figures.
    var figures = document.getElementById("figures-link");
    if (figures) {
      var kept = new URLSearchParams();
      filterParams().forEach(function (value, name) {
        if (settings.figuresParams.indexOf(name) >= 0) kept.append(name, value);
      });
      var keptQuery = kept.toString();
      figures.href = URLS.figures + (keptQuery ? "?" + keptQuery : "");
    }
    var code = document.getElementById("embed-code");
    if (code) {
      var src = location.origin + pageUrl(URLS.embed);
      code.value = '<iframe src="' + src.replace(/&/g, "&amp;").replace(/"/g, "&quot;") +
        '" width="100%" height="480" style="border:0" loading="lazy" ' +
        'title="Carte des initiatives numériques"></iframe>';
    }
  }

  if (form) {
    var typing = null;
    form.addEventListener("change", function (e) {
      if (e.target.id === "territory" || e.target.id === "commune-search") return;
      if (e.target.id === "region") {
        // A région narrows the list of départements to its own.
        var dep = document.getElementById("departement");
        Array.prototype.forEach.call(dep.options, function (o) {
          o.hidden = !!(e.target.value && o.value && o.getAttribute("data-region") !== e.target.value);
        });
        if (dep.selectedOptions[0] && dep.selectedOptions[0].hidden) dep.value = "";
      }
      writeUrl(true);
      refreshAll();
    });
    document.getElementById("q").addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () { writeUrl(true); refreshAll(); }, 300);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      writeUrl(true);
      refreshAll();
    });
    document.getElementById("reset").addEventListener("click", function (e) {
      e.preventDefault();
      setFormFrom(new URLSearchParams());
      document.getElementById("departement").querySelectorAll("option")
        .forEach(function (o) { o.hidden = false; });
      writeUrl(true);
      refreshAll();
    });
  }

  window.addEventListener("popstate", function () {
    var params = new URLSearchParams(location.search);
    setFormFrom(params);
    selected = params.get("sel");
    pairs = readPairs(params);
    var lat = parseFloat(params.get("lat")), lon = parseFloat(params.get("lon"));
    var z = parseInt(params.get("z"), 10);
    map.closePopup();
    if (!isNaN(lat) && !isNaN(lon)) map.setView([lat, lon], isNaN(z) ? map.getZoom() : z, { animate: false });
    refreshAll();
    if (selected) openInitiative(selected, null, false);
    updateLinks();
  });

  // ---- territories, commune search, embed dialog ------------------------------------------

  var territory = document.getElementById("territory");
  if (territory) {
    territory.addEventListener("change", function () {
      var b = settings.territories[territory.value];
      if (b) map.fitBounds([[b[0], b[1]], [b[2], b[3]]]);
    });
  }

  var search = document.getElementById("commune-search");
  if (search) {
    var options = document.getElementById("commune-options");
    var found = [], active = -1, searchTimer = null;

    var closeOptions = function () {
      options.hidden = true;
      search.setAttribute("aria-expanded", "false");
      search.removeAttribute("aria-activedescendant");
      active = -1;
    };
    var setActive = function (i) {
      var items = options.querySelectorAll("[role=option]");
      if (!items.length) return;
      active = (i + items.length) % items.length;
      Array.prototype.forEach.call(items, function (li, j) {
        li.setAttribute("aria-selected", j === active ? "true" : "false");
      });
      search.setAttribute("aria-activedescendant", items[active].id);
    };
    var choose = function (i) {
      var c = found[i];
      if (!c) return;
      search.value = c.name;
      closeOptions();
      getJSON("commune", urlFor("commune", { insee: c.insee })).then(function (f) {
        if (f.bbox) map.fitBounds([[f.bbox[1], f.bbox[0]], [f.bbox[3], f.bbox[2]]]);
        else if (f.geometry) map.setView([f.geometry.coordinates[1], f.geometry.coordinates[0]], 12);
        status.textContent = "Carte centrée sur " + f.properties.name;
      }).catch(failed);
    };
    search.addEventListener("input", function () {
      clearTimeout(searchTimer);
      var text = search.value.trim();
      if (!text) { closeOptions(); return; }
      searchTimer = setTimeout(function () {
        getJSON("communes", urlFor("communes", {}, "limit=8&q=" + encodeURIComponent(text)))
          .then(function (answer) {
            found = answer.communes;
            options.textContent = "";
            found.forEach(function (c, i) {
              var label = c.name + " (" + c.departement.code + ")" +
                (c.former ? " — " + c.former.kind + " " + c.former.name : "");
              var li = el("li", { role: "option", id: "commune-option-" + i,
                                  "aria-selected": "false", text: label });
              li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
              options.appendChild(li);
            });
            if (!found.length) {
              options.appendChild(el("li", { className: "none", text: "Aucune commune trouvée" }));
            }
            options.hidden = false;
            search.setAttribute("aria-expanded", "true");
            active = -1;
          }).catch(failed);
      }, 150);
    });
    search.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); setActive(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); setActive(active - 1); }
      else if (e.key === "Enter") { e.preventDefault(); choose(active >= 0 ? active : 0); }
      else if (e.key === "Escape") closeOptions();
    });
    search.addEventListener("blur", function () { setTimeout(closeOptions, 100); });
  }

  var dialog = document.getElementById("embed-dialog");
  if (dialog) {
    document.getElementById("embed-open").addEventListener("click", function () {
      updateLinks();
      document.getElementById("embed-copied").textContent = "";
      dialog.showModal();
      document.getElementById("embed-code").select();
    });
    document.getElementById("embed-close").addEventListener("click", function () { dialog.close(); });
    document.getElementById("embed-copy").addEventListener("click", function () {
      var code = document.getElementById("embed-code");
      code.select();
      var done = function () {
        document.getElementById("embed-copied").textContent = "Code copié.";
      };
      if (navigator.clipboard) navigator.clipboard.writeText(code.value).then(done, done);
      else { document.execCommand("copy"); done(); }
    });
  }

  // Without a base map, or when its tiles fail (offline), our département outlines
  // become the land: France stays readable.
  function showLand() {
    document.body.classList.add("offline");
  }
  if (settings.offline) showLand();
  map.eachLayer(function (layer) {
    if (!(layer instanceof L.TileLayer)) return;
    layer.on("tileerror", showLand);
    // Base-map tiles that failed before this script ran (a refused request fails at once).
    Object.keys(layer._tiles || {}).forEach(function (key) {
      var img = layer._tiles[key].el;
      if (img.complete && !img.naturalWidth) showLand();
    });
  });

  // On a phone the legend starts folded to its title (one tap opens it): open, it took a
  // fifth of the first screen. The same width as the stylesheet's phone layout.
  var legend = document.getElementById("legend");
  if (legend && window.matchMedia("(max-width: 60rem)").matches) legend.open = false;

  // ---- start ------------------------------------------------------------------------------

  updateLinks();
  refreshAll().then(function () {
    document.body.setAttribute("data-ready", "1");
    if (selected) openInitiative(selected, null, false);
  });
})();
