// SVG charts drawn with the DOM helpers: bars, stacked quad-class bars with an index line,
// its uncertainty band and alert markers. Sizes are in viewBox units; CSS scales the SVG.

import { s } from "./dom.js";

export const QUAD_LABELS = {
  1: "verbal cooperation",
  2: "material cooperation",
  3: "verbal conflict",
  4: "material conflict",
};

const W = 900;
const H = 300;
const M = { top: 26, right: 56, bottom: 34, left: 44 };

/** About `count` round tick values covering [lo, hi]. */
export function ticks(lo, hi, count = 5) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((st) => st >= raw) || raw;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Number(v.toFixed(10)));
  }
  return out;
}

function linear(domain, range) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

function frame(label) {
  return s("svg", {
    viewBox: `0 0 ${W} ${H}`,
    class: "chart",
    role: "img",
    "aria-label": label,
    preserveAspectRatio: "xMidYMid meet",
  });
}

function yAxis(svg, scale, values, x, anchor, cls) {
  for (const v of values) {
    const y = scale(v);
    svg.append(
      s("line", { x1: M.left, x2: W - M.right, y1: y, y2: y, class: "gridline" }),
      s("text", { x, y: y + 4, "text-anchor": anchor, class: `tick ${cls || ""}` }, String(v)),
    );
  }
}

function xLabels(svg, labels, xOf, band) {
  const every = Math.max(1, Math.ceil(labels.length / 10));
  labels.forEach((label, i) => {
    if (i % every !== 0) return;
    svg.append(
      s("text", { x: xOf(i) + band / 2, y: H - M.bottom + 16, "text-anchor": "middle", class: "tick" },
        label),
    );
  });
}

/** Bars of `values` over `labels` (e.g. events per day). */
export function barChart(labels, values, label) {
  const svg = frame(label);
  const n = Math.max(labels.length, 1);
  const band = (W - M.left - M.right) / n;
  const max = Math.max(1, ...values);
  const y = linear([0, max], [H - M.bottom, M.top]);
  yAxis(svg, y, ticks(0, max, 4).filter(Number.isInteger), M.left - 6, "end");
  const xOf = (i) => M.left + i * band;
  values.forEach((v, i) => {
    svg.append(
      s("rect", {
        x: xOf(i) + band * 0.1, y: y(v), width: Math.max(band * 0.8, 1),
        height: H - M.bottom - y(v), class: "bar",
      }, s("title", {}, `${labels[i]}: ${v}`)),
    );
  });
  xLabels(svg, labels, xOf, band);
  return svg;
}

/**
 * The escalation timeline of one dyad: stacked quad-class bars (left axis, events), the
 * index line and its band (right axis) and alert markers. `onPeriod(row)` is called when a
 * period's column is clicked.
 */
export function timelineChart(rows, alerts, onPeriod) {
  const svg = frame("escalation timeline");
  const n = Math.max(rows.length, 1);
  const band = (W - M.left - M.right) / n;
  const xOf = (i) => M.left + i * band;
  const totals = rows.map((r) => [1, 2, 3, 4].reduce((t, q) => t + (r[`quad${q}`] || 0), 0));
  const maxEvents = Math.max(1, ...totals);
  const y = linear([0, maxEvents], [H - M.bottom, M.top]);
  const idx = rows.flatMap((r) => [r.index, r.index_low, r.index_high]).filter(Number.isFinite);
  let lo = Math.min(0, ...idx);
  let hi = Math.max(0, ...idx);
  if (hi === lo) hi = lo + 1;
  const pad = (hi - lo) * 0.05;
  [lo, hi] = [lo - pad, hi + pad];
  const yi = linear([lo, hi], [H - M.bottom, M.top]);
  yAxis(svg, y, ticks(0, maxEvents, 4).filter(Number.isInteger), M.left - 6, "end");
  for (const v of ticks(lo, hi, 4)) {
    svg.append(s("text", { x: W - M.right + 6, y: yi(v) + 4, class: "tick index-tick" }, String(v)));
  }
  svg.append(
    s("text", { x: 4, y: 11, class: "axis-label" }, "events"),
    s("text", { x: W - 4, y: 11, "text-anchor": "end", class: "axis-label index-tick" },
      "index"),
  );

  rows.forEach((r, i) => {
    const col = s("g", {
      class: "period", tabindex: 0, role: "button", "data-period": r.period,
      "aria-label": `${r.period}: ${totals[i]} events`,
      onclick: () => onPeriod(r),
      onkeydown: (ev) => { if (ev.key === "Enter") onPeriod(r); },
    });
    col.append(s("rect", {
      x: xOf(i), y: M.top, width: band, height: H - M.top - M.bottom, class: "hit",
    }));
    let base = 0;
    for (const q of [1, 2, 3, 4]) {
      const v = r[`quad${q}`] || 0;
      if (!v) continue;
      col.append(s("rect", {
        x: xOf(i) + band * 0.12, y: y(base + v), width: Math.max(band * 0.76, 1),
        height: y(base) - y(base + v), class: `quad quad${q}`,
      }, s("title", {}, `${r.period}: ${v} ${QUAD_LABELS[q]}`)));
      base += v;
    }
    svg.append(col);
  });

  const pts = rows.map((r, i) => [xOf(i) + band / 2, r]).filter(([, r]) => Number.isFinite(r.index));
  const banded = pts.filter(([, r]) => Number.isFinite(r.index_low) && Number.isFinite(r.index_high));
  if (banded.length) {
    const upper = banded.map(([x, r]) => `${x},${yi(r.index_high)}`);
    const lower = banded.map(([x, r]) => `${x},${yi(r.index_low)}`).reverse();
    svg.append(s("polygon", { points: [...upper, ...lower].join(" "), class: "index-band" }));
  }
  if (pts.length) {
    svg.append(s("polyline", {
      points: pts.map(([x, r]) => `${x},${yi(r.index)}`).join(" "), class: "index-line",
    }));
    for (const [x, r] of pts) {
      svg.append(s("circle", { cx: x, cy: yi(r.index), r: 2.5, class: "index-dot" },
        s("title", {}, `${r.period}: index ${Number(r.index).toFixed(2)}`)));
    }
  }

  const position = new Map(rows.map((r, i) => [String(r.period).slice(0, 10), i]));
  for (const alert of alerts) {
    const i = nearestPeriod(rows, position, String(alert.date));
    if (i === null) continue;
    const x = xOf(i) + band / 2;
    svg.append(s("path", {
      d: `M${x - 6},${M.top - 2} L${x + 6},${M.top - 2} L${x},${M.top + 9} Z`,
      class: `alert-marker alert-${alert.kind}`, "data-date": alert.date,
    }, s("title", {}, `${alert.date} ${alert.kind}: ${alert.description || ""}`)));
  }
  xLabels(svg, rows.map((r) => String(r.period).slice(0, 10)), xOf, band);
  return svg;
}

/** Index of the period holding `date` (exact day, else the last period starting before it). */
function nearestPeriod(rows, position, date) {
  const day = date.slice(0, 10);
  if (position.has(day)) return position.get(day);
  let found = null;
  rows.forEach((r, i) => { if (String(r.period).slice(0, 10) <= day) found = i; });
  return found;
}
