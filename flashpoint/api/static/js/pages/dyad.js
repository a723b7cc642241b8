// Dyad view: escalation timeline (stacked quad classes, index with band, alert markers);
// clicking a day lists the events that drove it.

import { api } from "../api.js";
import { QUAD_LABELS, timelineChart } from "../charts.js";
import { fmtNum, h, message, mount, section, table } from "../dom.js";
import { busy, eventLink, filterForm, itemsOf } from "./common.js";
import { alertsTable } from "./overview.js";

function legend() {
  return h("ul", { class: "legend" },
    [1, 2, 3, 4].map((q) => h("li", {}, h("span", { class: `swatch quad${q}` }), QUAD_LABELS[q])),
    h("li", {}, h("span", { class: "swatch index-swatch" }), "index (band: low–high)"),
    h("li", {}, h("span", { class: "swatch alert-swatch" }), "alert"));
}

function driversTable(items) {
  return table([
    ["event", (r) => eventLink(r.event_id, r.event_type)],
    ["quad", (r) => h("span", { class: `badge quad${r.quad_class}` }, String(r.quad_class))],
    ["goldstein", (r) => fmtNum(r.goldstein, 1)],
    ["modality", (r) => r.modality],
    ["sentence", (r) => r.sentence],
  ], items, { id: "drivers" });
}

async function showDrivers(panel, dyad, day, freq) {
  const title = `Events driving ${freq === "week" ? "the week of " : ""}${day}`;
  mount(panel, h("h2", {}, title), message("Loading…"));
  const items = itemsOf(await busy(api("timeline/drivers", { dyad, day, freq })));
  mount(panel, h("h2", {}, title),
    items.length ? driversTable(items) : message("No events in this period."));
}

async function draw(main, params) {
  const dyad = params.get("dyad");
  const known = itemsOf(await api("dyads", { limit: 200 }));
  const form = filterForm([
    ["dyad", "Dyad", { list: "dyad-list", placeholder: "RUS:UKR", required: true }],
    ["freq", "Per", { options: ["day", "week"] }],
    ["since", "Since", { type: "date" }],
    ["until", "Until", { type: "date" }],
    ["sensitivity", "Alert sensitivity", { type: "number", min: 0.1, max: 10, step: 0.1,
      placeholder: "1" }],
  ], params, (next) => draw(main, next));
  const datalist = h("datalist", { id: "dyad-list" },
    known.map((d) => h("option", { value: `${d.source}:${d.target}` })));
  if (!dyad) {
    mount(main, h("h1", {}, "Dyad"), form, datalist,
      message("Choose a dyad (SOURCE:TARGET country codes), e.g. one of these:"),
      h("ul", { class: "chips" }, known.slice(0, 20).map((d) =>
        h("li", {}, h("a", { href: `/dyad?dyad=${encodeURIComponent(`${d.source}:${d.target}`)}` },
          `${d.source} → ${d.target}`)))));
    return;
  }
  const query = { dyad, freq: params.get("freq") || "day", since: params.get("since"),
    until: params.get("until") };
  let timeline;
  let alerts;
  try {
    [timeline, alerts] = await busy(Promise.all([
      api("timeline", query),
      api("alerts", { dyad, since: query.since, until: query.until,
        sensitivity: params.get("sensitivity") }),
    ]));
  } catch (err) {
    mount(main, h("h1", {}, "Dyad"), form, datalist, message(err.message, "error"));
    return;
  }
  const rows = itemsOf(timeline);
  const alertRows = itemsOf(alerts);
  const panel = h("section", { class: "card", id: "drivers-panel" },
    h("h2", {}, "Driving events"), message("Click a day in the chart to list its events."));
  const mark = (period) => {
    for (const el of main.querySelectorAll(".period.selected")) el.classList.remove("selected");
    main.querySelector(`.period[data-period="${CSS.escape(period)}"]`)?.classList.add("selected");
  };
  const onPeriod = (row) => {
    mark(String(row.period));
    showDrivers(panel, dyad, String(row.period).slice(0, 10), query.freq).catch((err) =>
      mount(panel, message(err.message, "error")));
  };
  mount(main, h("h1", {}, `Dyad ${dyad.replace(":", " → ")}`), form, datalist,
    section("Escalation timeline",
      rows.length ? timelineChart(rows, alertRows, onPeriod) : message("No events for this dyad."),
      legend()),
    panel,
    section("Alerts", alertRows.length ? alertsTable(alertRows, { id: "dyad-alerts" })
      : message("No alerts for this dyad.")));
  if (params.get("day")) mark(params.get("day"));
  if (params.get("day")) await showDrivers(panel, dyad, params.get("day"), query.freq);
}

export async function dyadPage(main, params) {
  await draw(main, params);
}
