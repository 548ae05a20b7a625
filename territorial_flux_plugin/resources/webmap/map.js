/* Territorial Flux web map: the data of data.js drawn with Leaflet. Every text of the data is put
   in the page as text (textContent), never as HTML. */
(function () {
  "use strict";
  var data = window.TERRITORIAL_FLUX;
  var catalogue = window.TERRITORIAL_FLUX_WORDS;
  var words = catalogue[data.language] || catalogue.en;

  function t(key, values) {
    var text = words[key] || catalogue.en[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function plain(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var separator = data.language === "fr" ? " : " : ": ";

  function number(value) {
    if (value === null || value === undefined) { return ""; }
    return Number(value).toLocaleString(data.language === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 });
  }

  document.documentElement.lang = data.language;
  document.title = data.title;
  document.getElementById("title").textContent = data.title;
  document.getElementById("subtitle").textContent = t("level", { level: data.levelLabel });
  document.getElementById("search-label").textContent = t("search");
  document.getElementById("search").placeholder = t("searchPlaceholder");
  document.getElementById("filter-title").textContent = t("families");
  document.getElementById("legend-title").textContent = t("legend");

  var footer = document.getElementById("footer");
  footer.appendChild(element("span", t("issuedBy", { organisation: data.organisation, date: data.date })));
  var licence = element("span", t("licence", { licence: "" }));
  var link = element("a", data.licence.name);
  link.href = data.licence.url;
  link.rel = "license noopener noreferrer";
  licence.appendChild(link);
  footer.appendChild(licence);
  footer.appendChild(element("span", t("madeWith")));

  var map = L.map("map", { zoomControl: true, attributionControl: data.background === "osm", preferCanvas: false });
  if (data.background === "osm") {
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 19, attribution: "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>"
    }).addTo(map);
    map.attributionControl.setPrefix(false);
    footer.appendChild(element("span", t("osm")));
  }

  var companies = {};
  data.companies.features.forEach(function (feature) {
    companies[feature.properties.uid] = { feature: feature, flows: [], synergies: [] };
  });
  data.flows.features.forEach(function (feature) {
    var company = companies[feature.properties.company_uid];
    if (company) { company.flows.push(feature.properties); }
  });
  var synergies = {};
  data.synergies.features.forEach(function (feature) { synergies[feature.properties.uid] = feature.properties; });
  var participantsOf = {};
  data.participants.forEach(function (participant) {
    (participantsOf[participant.synergy_uid] = participantsOf[participant.synergy_uid] || []).push(participant);
    var company = companies[participant.company_uid];
    if (company && synergies[participant.synergy_uid]) { company.synergies.push(synergies[participant.synergy_uid]); }
  });

  function flowLine(flow) {
    var item = element("li");
    var text = (flow.resource || flow.resource_code) + (flow.label ? " — " + flow.label : "");
    if (flow.quantity !== null && flow.quantity !== undefined) { text += " (" + number(flow.quantity) + " " + (flow.unit || "") + ")"; }
    if (flow.hazardous) { text += " · " + t("hazardous"); }
    item.appendChild(document.createTextNode(text));
    return item;
  }

  function companyPopup(uid) {
    var company = companies[uid];
    var properties = company.feature.properties;
    var box = element("div", null, "popup");
    box.appendChild(element("h3", properties.name));
    if (properties.activity || properties.naf_code) {
      box.appendChild(element("p", t("activity") + separator + (properties.activity || properties.naf_code)));
    }
    if (properties.commune) { box.appendChild(element("p", t("commune") + separator + properties.commune)); }
    ["offer", "need"].forEach(function (direction) {
      var flows = company.flows.filter(function (flow) { return flow.direction === direction; });
      if (!flows.length) { return; }
      box.appendChild(element("p", direction === "offer" ? t("offers") : t("needs"), "direction"));
      var list = element("ul");
      flows.forEach(function (flow) { list.appendChild(flowLine(flow)); });
      box.appendChild(list);
    });
    if (company.synergies.length) {
      box.appendChild(element("p", t("synergies"), "direction"));
      var list = element("ul");
      company.synergies.forEach(function (synergy) {
        list.appendChild(element("li", synergy.title + " (" + data.statuses[synergy.status] + ")"));
      });
      box.appendChild(list);
    }
    return box;
  }

  function synergyPopup(properties) {
    var box = element("div", null, "popup");
    box.appendChild(element("h3", properties.title));
    box.appendChild(element("p", data.statuses[properties.status] + " · " + data.kinds[properties.kind]));
    if (properties.resource || properties.resource_code) { box.appendChild(element("p", properties.resource || properties.resource_code)); }
    if (properties.quantity !== null) { box.appendChild(element("p", t("quantity") + separator + number(properties.quantity) + " " + (properties.unit || ""))); }
    if (properties.diverted_t_per_year !== null) { box.appendChild(element("p", t("diverted") + separator + number(properties.diverted_t_per_year) + (data.language === "fr" ? " t/an" : " t/yr"))); }
    if (properties.co2e_avoided_t_per_year !== null) { box.appendChild(element("p", t("co2e") + separator + number(properties.co2e_avoided_t_per_year) + " t CO2e")); }
    if (properties.distance_km !== null) { box.appendChild(element("p", t("distance") + separator + number(properties.distance_km) + " km")); }
    var participants = participantsOf[properties.uid] || [];
    if (participants.length) {
      box.appendChild(element("p", t("participants"), "direction"));
      var list = element("ul");
      participants.forEach(function (participant) {
        var company = companies[participant.company_uid];
        if (company) { list.appendChild(element("li", company.feature.properties.name + " (" + data.roles[participant.role] + ")")); }
      });
      box.appendChild(list);
    }
    return box;
  }

  function popupOptions() {
    var width = Math.max(160, Math.min(340, window.innerWidth - 80));
    return { maxWidth: width, minWidth: Math.min(200, width), autoPanPaddingTopLeft: L.point(50, 20), autoPanPadding: L.point(12, 12) };
  }

  var bounds = L.latLngBounds([]);
  var synergyLayer = L.geoJSON(data.synergies, {
    style: function (feature) {
      return { color: data.statusColours[feature.properties.status] || "#555", weight: 4, opacity: 0.9,
               dashArray: feature.properties.kind === "mutualisation" ? "6 6" : null };
    },
    onEachFeature: function (feature, layer) { layer.bindPopup(function () { return synergyPopup(feature.properties); }, popupOptions()); }
  }).addTo(map);
  if (data.synergies.features.length) { bounds.extend(synergyLayer.getBounds()); }

  var markers = {};   // company uid -> marker of its location (popup anchor)
  var flowMarkers = [];
  var companyLayer = L.layerGroup().addTo(map);
  Object.keys(companies).forEach(function (uid) {
    var company = companies[uid];
    var geometry = company.feature.geometry;
    if (!geometry) { return; }
    var latlng = L.latLng(geometry.coordinates[1], geometry.coordinates[0]);
    bounds.extend(latlng);
    var base = L.circleMarker(latlng, { radius: 4, color: "#555", weight: 1, fillColor: "#999", fillOpacity: 1 });
    base.bindPopup(function () { return companyPopup(uid); }, popupOptions());
    base.bindTooltip(element("span", company.feature.properties.name));
    companyLayer.addLayer(base);
    markers[uid] = base;
    company.flows.forEach(function (flow, index) {
      var angle = index * 2.4;
      var offset = L.point(Math.cos(angle) * (5 + index * 1.5), Math.sin(angle) * (5 + index * 1.5));
      var colour = data.familyColours[flow.family] || "#555";
      var marker = L.circleMarker(latlng, {
        radius: 6, color: colour, weight: 3, fillColor: flow.direction === "offer" ? colour : "#ffffff", fillOpacity: 1
      });
      marker.offset = offset;
      marker.family = flow.family;
      marker.on("click", function () { base.openPopup(); });
      flowMarkers.push(marker);
    });
  });

  function placeFlowMarkers() {
    // each offer or need drawn around its company's point, a few pixels apart at every zoom
    flowMarkers.forEach(function (marker) {
      if (!marker.home) { marker.home = marker.getLatLng(); }
      marker.setLatLng(map.layerPointToLatLng(map.latLngToLayerPoint(marker.home).add(marker.offset)));
    });
  }

  var flowLayer = L.layerGroup().addTo(map);
  var shown = {};
  Object.keys(data.families).forEach(function (family) { shown[family] = true; });
  function refreshFlows() {
    flowLayer.clearLayers();
    flowMarkers.forEach(function (marker) { if (shown[marker.family]) { flowLayer.addLayer(marker); } });
  }

  var families = document.getElementById("families");
  var present = {};
  data.flows.features.forEach(function (feature) { present[feature.properties.family] = (present[feature.properties.family] || 0) + 1; });
  Object.keys(data.families).forEach(function (family) {
    if (!present[family]) { return; }
    var label = element("label");
    var box = element("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = family;
    box.addEventListener("change", function () { shown[family] = box.checked; refreshFlows(); });
    label.appendChild(box);
    var swatch = element("span", null, "swatch");
    swatch.style.background = data.familyColours[family];
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(data.families[family] + " (" + present[family] + ")"));
    families.appendChild(label);
  });

  var legend = document.getElementById("legend");
  legend.appendChild(element("div", t("synergies"), "direction"));
  Object.keys(data.statuses).forEach(function (status) {
    if (!data.synergies.features.some(function (f) { return f.properties.status === status; })) { return; }
    var row = element("div", null, "legend-row");
    var line = element("span", null, "line");
    line.style.borderTopColor = data.statusColours[status];
    row.appendChild(line);
    row.appendChild(document.createTextNode(data.statuses[status]));
    legend.appendChild(row);
  });
  [["offer", t("offers")], ["need", t("needs")]].forEach(function (pair) {
    var row = element("div", null, "legend-row");
    var swatch = element("span", null, "swatch " + pair[0]);
    swatch.style.background = "#555";
    swatch.style.borderColor = "#555";
    row.appendChild(swatch);
    row.appendChild(document.createTextNode(pair[1]));
    legend.appendChild(row);
  });

  var search = document.getElementById("search");
  var results = document.getElementById("results");
  function show(uid) {
    var marker = markers[uid];
    if (!marker) { return; }
    // no animation: the popup opens once the view is set, and pans itself whole into view
    map.setView(marker.getLatLng(), Math.max(map.getZoom(), 14), { animate: false });
    marker.openPopup();
  }
  function matches(query) {
    var wanted = plain(query).trim();
    if (!wanted) { return []; }
    return Object.keys(companies).filter(function (uid) {
      var company = companies[uid];
      if (plain(company.feature.properties.name).indexOf(wanted) >= 0) { return true; }
      return company.flows.some(function (flow) {
        return [flow.resource, flow.resource_code, flow.label].some(function (text) { return plain(text).indexOf(wanted) >= 0; });
      });
    }).slice(0, 12);
  }
  function listResults() {
    results.textContent = "";
    var found = matches(search.value);
    if (search.value.trim() && !found.length) { results.appendChild(element("li", t("noMatch"))); }
    found.forEach(function (uid) {
      var item = element("li");
      var button = element("button", companies[uid].feature.properties.name);
      button.type = "button";
      button.addEventListener("click", function () { show(uid); });
      item.appendChild(button);
      results.appendChild(item);
    });
    return found;
  }
  search.addEventListener("input", listResults);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = listResults();
      if (found.length) { show(found[0]); }
    }
  });

  if (bounds.isValid()) {
    map.fitBounds(bounds.pad(0.08));
  } else {
    map.setView([46.6, 2.4], 5);
    var message = element("div", t("empty"), "empty-message");
    document.getElementById("map").appendChild(message);
  }
  map.on("zoomend viewreset", placeFlowMarkers);
  placeFlowMarkers();
  refreshFlows();
  window.territorialFluxMap = map;
  window.territorialFluxReady = true;
}());
