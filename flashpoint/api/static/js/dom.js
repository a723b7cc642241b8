// DOM helpers. Data only ever enters the page as text nodes or attribute values set through
// the DOM API, never as HTML, so hostile article text cannot inject markup or script.

const SVG_NS = "http://www.w3.org/2000/svg";

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "class") {
      el.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    } else if (key === "href" && !isSafeHref(value)) {
      continue;
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
}

/** Only relative links and http(s) URLs become links (no javascript: from article urls). */
export function isSafeHref(value) {
  const s = String(value).trim();
  if (s.startsWith("/") || s.startsWith("?") || s.startsWith("#")) return !s.startsWith("//");
  return /^https?:\/\//i.test(s);
}

/** h("a", {href: "/x"}, "text", child, ...) -> HTMLElement. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  return append(el, children);
}

/** s("rect", {x: 1}) -> SVGElement. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  return append(el, children);
}

export function mount(target, ...children) {
  target.replaceChildren();
  return append(target, children);
}

/** A link to a dashboard page with query parameters (empty values dropped). */
export function pageUrl(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") q.set(k, v);
  }
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}

export function fmtNum(x, digits = 2) {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  const n = Number(x);
  const min = Number.isInteger(n) ? 0 : digits;
  return n.toLocaleString("en-US", { minimumFractionDigits: min, maximumFractionDigits: digits });
}

export function actorLabel(actor) {
  if (!actor) return "–";
  const code = [actor.country, actor.sector].filter(Boolean).join("");
  const name = actor.name || actor.text || "";
  return code ? `${name} (${code})` : name;
}

export function actorsLabel(list) {
  return (list || []).map(actorLabel).join("; ") || "–";
}

/** A small table: columns = [[header, row => cell content, optional td class], ...]. */
export function table(columns, rows, attrs) {
  return h(
    "table",
    attrs || {},
    h("thead", {}, h("tr", {}, columns.map(([head]) => h("th", {}, head)))),
    h(
      "tbody",
      {},
      rows.map((row) => h("tr", {},
        columns.map(([, cell, cls]) => h("td", { class: cls || null }, cell(row))))),
    ),
  );
}

export function section(title, ...children) {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}

export function message(text, kind = "muted") {
  return h("p", { class: kind }, text);
}
