// Overview: store summary, dyads with the largest recent change, latest alerts, volume.

import { api, getJSON } from "../api.js";
import { barChart } from "../charts.js";
import { fmtNum, h, message, mount, section, table } from "../dom.js";
import { dyadLink, itemsOf } from "./common.js";

function statsTable(stats) {
  const rows = Object.entries(stats).flatMap(([k, v]) =>
    v && typeof v === "object" ? Object.entries(v).map(([k2, v2]) => [`${k} ${k2}`, v2]) : [[k, v]]);
  return table([["measure", (r) => r[0]], ["value", (r) => String(r[1] ?? "–")]], rows,
    { class: "compact", id: "stats" });
}

/** Escalation (the index rose) shows red, de-escalation green, no change plain. */
function trend(change) {
  if (!change) return null;
  return change > 0 ? "up" : "down";
}

function dyadsTable(items) {
  const rows = [...items].sort((a, b) => Math.abs(b.change || 0) - Math.abs(a.change || 0));
  return table([
    ["dyad", (r) => dyadLink(r.source, r.target), "nowrap"],
    ["events", (r) => fmtNum(r.events)],
    ["last", (r) => r.last_date || "–", "nowrap"],
    ["index now", (r) => fmtNum(r.index_recent)],
    ["before", (r) => fmtNum(r.index_previous)],
    ["change", (r) => h("span", { class: trend(r.change) }, fmtNum(r.change))],
  ], rows.slice(0, 10), { id: "dyads" });
}

export function alertsTable(items, attrs) {
  const rows = [...items].sort((a, b) => String(b.date).localeCompare(String(a.date)));
  return table([
    ["date", (r) => r.date, "nowrap"],
    ["dyad", (r) => dyadLink(r.source, r.target, r.date), "nowrap"],
    ["kind", (r) => h("span", { class: `badge alert-${r.kind}` }, r.kind)],
    ["change", (r) => fmtNum(r.change)],
    ["description", (r) => r.description || ""],
  ], rows.slice(0, 10), attrs);
}

/** Counts per day ([{day, events}]) as a series per day, or per week past 120 days, with
 * the empty periods filled with zeros. */
function volumeSeries(rows) {
  const days = rows.map((r) => String(r.day)).sort();
  if (!days.length) return { labels: [], values: [], weekly: false };
  const weekly = (Date.parse(days[days.length - 1]) - Date.parse(days[0])) / 864e5 > 120;
  const key = weekly ? weekStart : (d) => d;
  const counts = new Map();
  for (const r of rows) counts.set(key(String(r.day)), (counts.get(key(String(r.day))) || 0) + r.events);
  const labels = [];
  const last = key(days[days.length - 1]);
  for (let d = key(days[0]); d <= last; d = addDays(d, weekly ? 7 : 1)) labels.push(d);
  return { labels, values: labels.map((l) => counts.get(l) || 0), weekly };
}

function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function weekStart(day) {
  const d = new Date(`${day}T00:00:00Z`);
  return addDays(day, -((d.getUTCDay() + 6) % 7));
}

/** A card whose body is filled by `load()`; a failure shows in the card, not the page. */
function lazySection(title, id, load) {
  const body = h("div", { id }, message("Loading…"));
  const done = load().then(
    (content) => mount(body, content),
    (err) => mount(body, message(err.message, "error")),
  );
  return [section(title, body), done];
}

async function volume(stats) {
  // Events in the news period: a month before the first article to the last one (older
  // dates are history the articles mention, and would flatten the chart).
  const since = stats.published_from ? addDays(String(stats.published_from), -31) : null;
  const body = await getJSON("/dashboard/volume.json", { since, until: stats.published_to });
  const series = volumeSeries(body.items);
  const total = series.values.reduce((a, b) => a + b, 0);
  const note = `${fmtNum(total)} events dated ${since || "any time"} to ${stats.published_to || "now"}, ` +
    `per ${series.weekly ? "week" : "day"}`;
  return [series.labels.length ? barChart(series.labels, series.values, "events over time")
    : message("No dated events."), message(note)];
}

export async function overviewPage(main) {
  const stats = await api("stats");
  const parts = [
    lazySection("Largest recent change", "dyads-card", async () => {
      const items = itemsOf(await api("dyads", { limit: 50 }));
      return items.length ? dyadsTable(items) : message("No dyads yet.");
    }),
    lazySection("Latest alerts", "alerts-card", async () => {
      const items = itemsOf(await api("alerts"));
      return items.length ? alertsTable(items, { id: "alerts" }) : message("No alerts.");
    }),
    lazySection("Volume over time", "volume-card", () => volume(stats)),
  ];
  mount(main, h("h1", {}, "Overview"),
    h("div", { class: "grid" }, parts[0][0], parts[1][0]),
    parts[2][0],
    section("Store", statsTable(stats)));
  await Promise.all(parts.map(([, done]) => done));
}
