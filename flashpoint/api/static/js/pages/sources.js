// Quotes grouped by speaker, and numeric claims with conflicting estimates side by side.

import { api, apiAll } from "../api.js";
import { actorLabel, fmtNum, h, message, mount, pageUrl, s, section, table } from "../dom.js";
import { ticks } from "../charts.js";
import { busy, filterForm, itemsOf } from "./common.js";

/** Link to the article with one span (a quote, a claim) highlighted. */
function spanLink(row, label) {
  return h("a", { href: pageUrl("/event", { article: row.article_id, start: row.char_start,
    end: row.char_end }) }, label);
}

function speakerKey(q) {
  return q.speaker ? actorLabel(q.speaker) : "(unknown speaker)";
}

/** Speakers whose quotes show unfolded; the others unfold on a click. */
const OPEN_SPEAKERS = 3;

function quoteGroups(items) {
  const groups = new Map();
  for (const q of items) {
    const key = speakerKey(q);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(q);
  }
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

export async function quotesPage(main, params) {
  const query = Object.fromEntries(["speaker", "actor", "kind", "since", "until"]
    .map((k) => [k, params.get(k)]));
  const results = h("div", { id: "results" }, message("Loading…"));
  mount(main, h("h1", {}, "Quotes by speaker"),
    filterForm([
      ["speaker", "Speaker", { type: "search", placeholder: "name" }],
      ["actor", "Speaker's actor code", { placeholder: "RUSGOV", size: 8 }],
      ["kind", "Kind", ["direct", "indirect", "mixed"]],
      ["since", "Since", { type: "date" }],
      ["until", "Until", { type: "date" }],
    ], params, (next) => quotesPage(main, next)),
    results);
  let body;
  try {
    body = await busy(apiAll("quotes", query, 3000));
  } catch (err) {
    mount(results, message(err.message, "error"));
    return;
  }
  const groups = quoteGroups(body.items);
  mount(results,
    message(`${body.items.length}${body.truncated ? "+" : ""} quotes from ${groups.length} speakers`),
    groups.length ? groups.map(([speaker, quotes], i) => h("details",
      { class: "card speaker", open: i < OPEN_SPEAKERS },
      h("summary", {}, h("h2", {}, speaker, h("span", { class: "count" }, ` ${quotes.length}`))),
      h("ul", { class: "quotes" }, quotes.map((q) => h("li", {},
        h("blockquote", {}, q.content),
        h("p", { class: "muted" },
          h("span", { class: `badge kind-${q.kind}` }, q.kind), " ",
          q.cue ? `${q.cue} · ` : "", [q.outlet, q.published].filter(Boolean).join(" · "), " · ",
          spanLink(q, "in context"))))))) : message("No quotes match these filters."));
}

/** One row per estimate: a line from low to high with a dot at the best value. */
function rangePlot(rows) {
  const width = 900;
  const rowH = 26;
  const left = 260;
  const right = 30;
  const height = rows.length * rowH + 30;
  // The axis starts at zero (estimates are compared by ratio, not by their spread).
  const lo = Math.min(0, ...rows.map((r) => r.low));
  const hi = Math.max(1, ...rows.map((r) => r.high));
  const x = (v) => left + ((v - lo) / (hi - lo)) * (width - left - right - 40);
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart range-plot",
    role: "img", "aria-label": "estimates side by side" });
  const axisY = height - 8;
  for (const v of ticks(lo, hi, 5)) {
    svg.append(
      s("line", { x1: x(v), x2: x(v), y1: 2, y2: axisY - 12, class: "gridline" }),
      s("text", { x: x(v), y: axisY, "text-anchor": "middle", class: "tick" }, fmtNum(v, 0)),
    );
  }
  rows.forEach((r, i) => {
    const y = 14 + i * rowH;
    const who = r.source || "the article";
    const label = `${who.length > 30 ? `${who.slice(0, 29)}…` : who} · ${r.as_of || r.published || ""}`;
    svg.append(
      s("text", { x: 4, y: y + 4, class: "tick" }, label, s("title", {}, `${who} (${r.outlet || ""})`)),
      s("line", { x1: x(r.low), x2: x(r.high), y1: y, y2: y, class: "range" }),
      s("circle", { cx: x(r.best), cy: y, r: 5, class: r.open_bound ? "best open" : "best" },
        s("title", {}, `${r.qualifier ? `${r.qualifier} ` : ""}${fmtNum(r.best, 0)} ${r.unit}`)),
      s("text", { x: x(r.high) + 8, y: y + 4, class: "tick" }, fmtNum(r.best, 0)),
    );
  });
  return svg;
}

function compareSection(unit, rows) {
  const first = rows[0];
  const n = rows.length;
  return section(`${first.subject} (${unit}): ${n} estimate${n === 1 ? "" : "s"}, ` +
    `from ${fmtNum(first.overall_low, 0)} to ${fmtNum(first.overall_high, 0)}, ` +
    `median ${fmtNum(first.overall_best, 0)}`,
  rangePlot(rows),
  table([
    ["as of", (r) => r.as_of || "–"],
    ["source", (r) => r.source || "(the article)"],
    ["low", (r) => fmtNum(r.low, 0)],
    ["best", (r) => fmtNum(r.best, 0)],
    ["high", (r) => fmtNum(r.high, 0)],
    ["qualifier", (r) => r.qualifier || ""],
    ["reported by", (r) => [r.outlet, r.published].filter(Boolean).join(" · ")],
    ["", (r) => spanLink(r, "in context")],
  ], rows, { class: "compare" }));
}

export async function claimsPage(main, params) {
  const subject = params.get("subject");
  const results = h("div", { id: "results" }, message("Loading…"));
  mount(main, h("h1", {}, "Claims"),
    filterForm([
      ["subject", "Subject", { placeholder: "troops", list: "subjects", required: true }],
      ["since", "Since", { type: "date" }],
      ["until", "Until", { type: "date" }],
    ], params, (next) => claimsPage(main, next)),
    results);
  const all = await busy(apiAll("claims", {}, 5000));
  const counts = new Map();
  for (const c of all.items) counts.set(c.subject, (counts.get(c.subject) || 0) + 1);
  const subjects = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  results.before(h("datalist", { id: "subjects" }, subjects.map(([sub]) => h("option", { value: sub }))));
  const chips = h("ul", { class: "chips" }, subjects.map(([sub, n]) =>
    h("li", {}, h("a", { href: pageUrl("/claims", { subject: sub }) }, `${sub} (${n})`))));
  if (!subject) {
    mount(results, message("Choose what is counted to compare its estimates:"), chips);
    return;
  }
  let body;
  try {
    body = await busy(api("claims/compare", { subject, since: params.get("since"),
      until: params.get("until") }));
  } catch (err) {
    mount(results, message(err.message, "error"), chips);
    return;
  }
  const byUnit = new Map();
  for (const r of itemsOf(body)) {
    if (!byUnit.has(r.unit)) byUnit.set(r.unit, []);
    byUnit.get(r.unit).push(r);
  }
  mount(results, byUnit.size ? [...byUnit.entries()].map(([unit, rows]) => compareSection(unit, rows))
    : message(`No claims about “${subject}”.`), chips);
}
