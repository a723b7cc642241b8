// Map of event locations over the bundled Natural Earth 110m country outline
// (equirectangular projection, no tiles). Circle area grows with the number of events.

import { api, getJSON } from "../api.js";
import { actorsLabel, fmtNum, h, message, mount, pageUrl, s, section } from "../dom.js";
import { busy, eventLink, filterForm } from "./common.js";
import { EVENT_TYPES } from "./events.js";

const K = 4; // viewBox units per degree
const WORLD = [-180, -60, 180, 84]; // lon/lat box shown at full zoom-out
const PLACE_EVENTS = 50; // events listed for a clicked place
const [MIN_R, MAX_R] = [3, 18]; // circle radius in pixels: area grows with the events

const project = (lon, lat) => [(lon + 180) * K, (90 - lat) * K];

function ringPath(ring) {
  return ring.map(([lon, lat], i) => {
    const [x, y] = project(lon, lat);
    return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join("") + "Z";
}

function outline(world) {
  return s("g", { class: "land" }, world.features.map((f) => s("path", {
    d: f.geometry.coordinates.flatMap((poly) => poly.map(ringPath)).join(""),
    "fill-rule": "evenodd",
  }, s("title", {}, f.properties.name))));
}

function viewBox([west, south, east, north]) {
  const [x0, y0] = project(west, north);
  const [x1, y1] = project(east, south);
  return `${x0} ${y0} ${x1 - x0} ${y1 - y0}`;
}

/** The events' bounding box padded to at least 30° x 15°, clipped to the world box. */
function fit(places) {
  if (!places.length) return WORLD;
  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  let [w, e, sth, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const padLon = Math.max(30 - (e - w), 0) / 2 + 5;
  const padLat = Math.max(15 - (n - sth), 0) / 2 + 5;
  [w, e, sth, n] = [w - padLon, e + padLon, sth - padLat, n + padLat];
  return [Math.max(w, -180), Math.max(sth, -90), Math.min(e, 180), Math.min(n, 90)];
}

/** The events at one place, from /api/events within a kilometre of it. */
async function placePanel(panel, place, query) {
  const title = h("h2", {}, `${place.name || "unnamed place"}${place.country ? `, ${place.country}` : ""}`,
    h("span", { class: "count" }, ` ${place.events} events`));
  mount(panel, title, message("Loading…"));
  const body = await busy(api("events", { ...query, near: `${place.lat},${place.lon}`, km: 1,
    limit: PLACE_EVENTS }));
  mount(panel, title,
    h("ul", { class: "place-events" }, body.items.map((ev) => h("li", {},
      eventLink(ev.event_id, ev.event_type), " ", ev.event_date || "", " · ",
      `${actorsLabel(ev.source)} → ${actorsLabel(ev.target)}`,
      h("div", { class: "sentence muted" }, ev.sentence)))),
    body.next_offset ? message(`The ${PLACE_EVENTS} most recent are listed; the `,
      h("a", { href: pageUrl("/events", { ...query, near: `${place.lat},${place.lon}`, km: 1 }) },
        "event explorer"), " has them all.") : null);
}

/** Wheel zooms the map around the pointer (the viewBox shrinks or grows by 20%). */
function zoomOnWheel(svg) {
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const [x, y, w, h0] = svg.getAttribute("viewBox").split(" ").map(Number);
    const rect = svg.getBoundingClientRect();
    const fx = (ev.clientX - rect.left) / rect.width;
    const fy = (ev.clientY - rect.top) / rect.height;
    const k = ev.deltaY > 0 ? 1.2 : 1 / 1.2;
    const [nw, nh] = [Math.min(w * k, 360 * K), Math.min(h0 * k, 180 * K)];
    svg.setAttribute("viewBox", `${x + (w - nw) * fx} ${y + (h0 - nh) * fy} ${nw} ${nh}`);
  }, { passive: false });
}

function mapSvg(world, located, panel, query) {
  const box = fit(located);
  const svg = s("svg", { viewBox: viewBox(box), class: "map", role: "img",
    "aria-label": "map of event locations" }, s("rect", { x: 0, y: 0, width: 360 * K,
    height: 180 * K, class: "sea" }), outline(world));
  const px = ((box[2] - box[0]) * K) / 1000; // viewBox units per pixel of a ~1000 px map
  const dots = s("g", { class: "places" });
  const most = Math.max(1, ...located.map((p) => p.events));
  const select = (circle, place) => {
    for (const el of dots.querySelectorAll(".selected")) el.classList.remove("selected");
    circle.classList.add("selected");
    placePanel(panel, place, query).catch((err) => mount(panel, message(err.message, "error")));
  };
  for (const place of [...located].reverse()) {
    const [x, y] = project(place.lon, place.lat);
    dots.append(s("circle", {
      cx: x, cy: y, r: (MIN_R + (MAX_R - MIN_R) * Math.sqrt(place.events / most)) * px,
      class: `place quad${place.quad_class}`, tabindex: 0, role: "button", "data-place": place.name || "",
      onclick: (ev) => select(ev.currentTarget, place),
      onkeydown: (ev) => { if (ev.key === "Enter") select(ev.currentTarget, place); },
    }, s("title", {}, `${place.name || ""}: ${place.events} events`)));
  }
  svg.append(dots);
  zoomOnWheel(svg);
  return { svg, box };
}

export async function mapPage(main, params) {
  const query = Object.fromEntries(["country", "type", "since", "until"].map((k) => [k, params.get(k)]));
  const results = h("div", { id: "results" }, message("Loading…"));
  mount(main, h("h1", {}, "Map of event locations"),
    filterForm([
      ["country", "Actor country", { placeholder: "RUS", size: 6 }],
      ["type", "Type", EVENT_TYPES],
      ["since", "Since", { type: "date" }],
      ["until", "Until", { type: "date" }],
    ], params, (next) => mapPage(main, next)),
    results);
  let world;
  let body;
  try {
    [world, body] = await busy(Promise.all([
      getJSON("/static/world-110m.json"),
      getJSON("/dashboard/places.json", query),
    ]));
  } catch (err) {
    mount(results, message(err.message, "error"));
    return;
  }
  const located = body.items;
  const panel = h("section", { class: "card", id: "place-panel" },
    message(located.length ? "Click a circle to list its events." : "No located events."));
  const { svg, box } = mapSvg(world, located, panel, query);
  const count = located.reduce((t, p) => t + p.events, 0);
  const rest = body.country_only ? `; ${fmtNum(body.country_only)} more are located only to a country` : "";
  mount(results,
    section(`${fmtNum(count)} events at ${fmtNum(located.length)} places${rest}`,
      h("div", { class: "map-tools" },
        h("button", { type: "button", onclick: () => svg.setAttribute("viewBox", viewBox(WORLD)) },
          "whole world"),
        h("button", { type: "button", onclick: () => svg.setAttribute("viewBox", viewBox(box)) },
          "fit events")),
      svg),
    panel);
}
