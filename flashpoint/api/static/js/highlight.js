// Article text with highlighted spans, built from text nodes only (the text is hostile input).

import { h } from "./dom.js";

/** Where `sentence` sits in `text`: the occurrence that holds offset `at`, else the first. */
export function locateSentence(text, sentence, at) {
  if (!sentence) return null;
  let first = null;
  for (let i = text.indexOf(sentence); i !== -1; i = text.indexOf(sentence, i + 1)) {
    if (first === null) first = i;
    if (i <= at && at < i + sentence.length) return [i, i + sentence.length];
  }
  return first === null ? null : [first, first + sentence.length];
}

/**
 * `text` split at every span boundary; each piece is a <mark> carrying the classes of the
 * spans covering it (spans may nest or overlap), or a plain text node.
 * spans = [{start, end, cls, title}]
 */
export function highlighted(text, spans) {
  const valid = spans.filter((sp) => sp.start >= 0 && sp.end > sp.start && sp.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const sp of valid) cuts.add(sp.start).add(sp.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = valid.filter((sp) => sp.start <= a && b <= sp.end);
    if (!covering.length) {
      out.push(document.createTextNode(piece));
      continue;
    }
    out.push(h("mark", {
      class: covering.map((sp) => sp.cls),
      title: covering.map((sp) => sp.title).filter(Boolean).join(" · ") || null,
    }, piece));
  }
  return out;
}
