// Event explorer (filterable, paged table) and the event page: the article with the
// sentence, trigger and actors highlighted, and the other articles of its story cluster.

import { api } from "../api.js";
import {
  actorsLabel, fmtNum, h, isSafeHref, message, mount, pageUrl, section, table,
} from "../dom.js";
import { highlighted, locateSentence } from "../highlight.js";
import { articleLink, busy, eventLink, filterForm, itemsOf } from "./common.js";

export const EVENT_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];
export const MODALITIES = ["asserted", "negated", "future", "hypothetical", "reported"];
const FILTERS = ["country", "dyad", "type", "quad_class", "since", "until", "near", "km",
  "modality", "q"];
const PAGE_SIZE = 50;

function locationLabel(loc) {
  if (!loc) return "–";
  return [loc.name, loc.country].filter(Boolean).join(", ") || "–";
}

function eventsTable(items) {
  return table([
    ["date", (r) => r.event_date || "–", "nowrap"],
    ["type", (r) => eventLink(r.event_id, r.event_type)],
    ["source", (r) => actorsLabel(r.source)],
    ["target", (r) => actorsLabel(r.target)],
    ["quad", (r) => h("span", { class: `badge quad${r.quad_class}` }, String(r.quad_class))],
    ["modality", (r) => r.modality],
    ["location", (r) => locationLabel(r.location)],
    ["sentence", (r) => h("span", { class: "sentence" }, r.sentence)],
  ], items, { id: "events" });
}

function pager(params, body, onPage) {
  const offset = Number(params.get("offset") || 0);
  const go = (next) => {
    const p = new URLSearchParams(params);
    if (next) p.set("offset", String(next)); else p.delete("offset");
    history.pushState(null, "", `${location.pathname}?${p}`);
    onPage(p);
  };
  return h("nav", { class: "pager" },
    h("button", { type: "button", disabled: offset === 0,
      onclick: () => go(Math.max(0, offset - PAGE_SIZE)) }, "← previous"),
    h("span", {}, ` rows ${body.items.length ? offset + 1 : 0}–${offset + body.items.length} `),
    h("button", { type: "button", disabled: body.next_offset === null || body.next_offset === undefined,
      onclick: () => go(body.next_offset) }, "next →"));
}

export async function eventsPage(main, params) {
  const query = Object.fromEntries(FILTERS.map((k) => [k, params.get(k)]));
  const results = h("div", { id: "results" }, message("Loading…"));
  mount(main, h("h1", {}, "Event explorer"),
    filterForm([
      ["country", "Actor country", { placeholder: "RUS", size: 6 }],
      ["dyad", "Dyad", { placeholder: "RUS:UKR", size: 9 }],
      ["type", "Type", EVENT_TYPES],
      ["quad_class", "Quad class", ["1", "2", "3", "4"]],
      ["since", "Since", { type: "date" }],
      ["until", "Until", { type: "date" }],
      ["near", "Near (lat,lon)", { placeholder: "48.5,35.0", size: 11 }],
      ["km", "within km", { type: "number", min: 1, size: 5 }],
      ["modality", "Modality", MODALITIES],
      ["q", "Text", { type: "search", placeholder: "words in the sentence" }],
    ], params, (next) => eventsPage(main, next)),
    results);
  let body;
  try {
    body = await busy(api("events", { ...query, limit: PAGE_SIZE, offset: params.get("offset") }));
  } catch (err) {
    mount(results, message(err.message, "error"));
    return;
  }
  const csv = pageUrl("/api/events", { ...query, format: "csv", limit: 1000 });
  mount(results,
    body.items.length ? eventsTable(body.items) : message("No events match these filters."),
    pager(params, body, (p) => eventsPage(main, p)),
    h("p", {}, h("a", { href: csv, download: "events.csv" }, "Download these filters as CSV")));
}

function eventSpans(ev, text) {
  const spans = [];
  const sentence = locateSentence(text, ev.sentence, ev.char_start);
  if (sentence) spans.push({ start: sentence[0], end: sentence[1], cls: "hl-sentence" });
  spans.push({ start: ev.char_start, end: ev.char_end, cls: "hl-trigger",
    title: `trigger: ${ev.event_type}` });
  for (const [role, list] of [["source", ev.source], ["target", ev.target]]) {
    for (const a of list || []) {
      spans.push({ start: a.char_start, end: a.char_end, cls: `hl-${role}`,
        title: `${role}: ${[a.country, a.sector].filter(Boolean).join("") || a.text}` });
    }
  }
  return spans;
}

/** Links to the timeline of each source→target country pair of the event, on its day. */
function dyadLinks(ev) {
  const pairs = new Set();
  for (const a of ev.source || []) {
    for (const b of ev.target || []) {
      if (a.country && b.country && a.country !== b.country) pairs.add(`${a.country}:${b.country}`);
    }
  }
  if (!pairs.size) return null;
  return [...pairs].map((pair) => h("a", { href: pageUrl("/dyad", { dyad: pair, day: ev.event_date }),
    class: "chip" }, pair.replace(":", " → ")));
}

function facts(rows) {
  return h("dl", { class: "facts" },
    rows.filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function articleHeader(article) {
  return [
    h("h2", {}, article.title || "(untitled article)"),
    h("p", { class: "muted" },
      [article.outlet, article.published].filter(Boolean).join(" · "),
      article.url && isSafeHref(article.url)
        ? [" · ", h("a", { href: article.url, rel: "noopener noreferrer" }, "original")] : null),
  ];
}

function clusterSection(cluster, articleId) {
  if (!cluster) return section("Story cluster", message("This event is not in a cluster."));
  const others = (cluster.articles || []).filter((a) => a.article_id !== articleId);
  return section(`Story cluster (${cluster.num_articles} articles)`,
    others.length
      ? h("ul", { id: "cluster-articles" }, others.map((a) => h("li", {},
        articleLink(a.article_id, a.title || a.article_id), " ",
        h("span", { class: "muted" }, [a.outlet, a.published].filter(Boolean).join(" · ")))))
      : message("No other article reports this event."));
}

async function showEvent(main, id) {
  const ev = await api(`events/${encodeURIComponent(id)}`);
  const article = ev.article || {};
  const text = article.text || "";
  mount(main,
    h("h1", {}, `${ev.event_type} · ${actorsLabel(ev.source)} → ${actorsLabel(ev.target)}`),
    h("div", { class: "grid" },
      section("Event", facts([
        ["date", `${ev.event_date || "–"}${ev.date_precision ? ` (${ev.date_precision})` : ""}`],
        ["type", [ev.event_type, ev.mode, ev.context].filter(Boolean).join(" / ")],
        ["CAMEO", `${ev.cameo_code} (root ${ev.cameo_root})`],
        ["quad class", String(ev.quad_class)],
        ["Goldstein", fmtNum(ev.goldstein, 1)],
        ["modality", ev.modality],
        ["confidence", fmtNum(ev.confidence)],
        ["location", ev.location ? locationLabel(ev.location) : null],
        ["pattern", ev.pattern],
        ["dyads", dyadLinks(ev)],
      ])),
      clusterSection(ev.cluster, ev.article_id)),
    h("section", { class: "card article" }, articleHeader(article),
      h("ul", { class: "legend" },
        h("li", {}, h("mark", { class: "hl-sentence" }, "sentence")),
        h("li", {}, h("mark", { class: "hl-trigger" }, "trigger")),
        h("li", {}, h("mark", { class: "hl-source" }, "source")),
        h("li", {}, h("mark", { class: "hl-target" }, "target"))),
      h("div", { class: "article-text", id: "article-text" },
        highlighted(text, eventSpans(ev, text)))));
  main.querySelector(".hl-trigger")?.scrollIntoView({ block: "center" });
}

/** An article alone; `start`/`end` (a quote's or claim's span) are highlighted if given. */
async function showArticle(main, id, params) {
  const article = await api(`articles/${encodeURIComponent(id)}`);
  const text = article.text || "";
  const [start, end] = [Number(params.get("start")), Number(params.get("end"))];
  const spans = Number.isInteger(start) && Number.isInteger(end) && params.get("end") !== null
    ? [{ start, end, cls: "hl-span" }] : [];
  mount(main, h("h1", {}, "Article"),
    h("section", { class: "card article" }, articleHeader(article),
      h("div", { class: "article-text", id: "article-text" }, highlighted(text, spans))));
  main.querySelector(".hl-span")?.scrollIntoView({ block: "center" });
}

export async function eventPage(main, params) {
  if (params.get("id")) return showEvent(main, params.get("id"));
  if (params.get("article")) return showArticle(main, params.get("article"), params);
  mount(main, message("No event given; open one from the "), h("a", { href: "/events" }, "explorer"));
  return undefined;
}
