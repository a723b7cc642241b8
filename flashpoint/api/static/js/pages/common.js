// Pieces shared by several pages: list bodies, dyad links, filter forms bound to the URL.

import { h, pageUrl } from "../dom.js";

/** The rows of a list response ({items: [...]}, or a bare array). */
export function itemsOf(body) {
  return Array.isArray(body) ? body : body.items || [];
}

export function dyadLink(source, target, day) {
  const dyad = `${source}:${target}`;
  return h("a", { href: pageUrl("/dyad", { dyad, day }) }, `${source} → ${target}`);
}

export function eventLink(eventId, label) {
  return h("a", { href: pageUrl("/event", { id: eventId }), class: "event-link" }, label);
}

export function articleLink(articleId, label) {
  return h("a", { href: pageUrl("/event", { article: articleId }) }, label || articleId);
}

/**
 * A GET form whose fields mirror URL parameters: `fields` = [[name, label, inputAttrs]],
 * [[name, label, ["opt", ...]]] for a select that may be left at "any", or
 * [[name, label, {options: [...]}]] for a select that must have one of its options.
 * Submitting pushes the values to the URL and calls `onSubmit(params)`.
 */
export function filterForm(fields, params, onSubmit) {
  const form = h("form", { class: "filters", role: "search" });
  for (const [name, label, spec] of fields) {
    let input;
    const options = Array.isArray(spec) ? spec : spec.options;
    if (options) {
      input = h("select", { name, id: `f-${name}` },
        Array.isArray(spec) ? h("option", { value: "" }, "any") : null,
        options.map((opt) => h("option", { value: opt, selected: params.get(name) === opt }, opt)));
    } else {
      input = h("input", { name, id: `f-${name}`, value: params.get(name) || "", ...spec });
    }
    form.append(h("label", { for: `f-${name}` }, label, input));
  }
  form.append(h("button", { type: "submit" }, "Apply"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (v !== "") next.set(k, String(v));
    history.pushState(null, "", `${location.pathname}?${next}`);
    onSubmit(next);
  });
  return form;
}

/** Sets data-busy on the body while `promise` runs, so tests and users see loading state. */
export async function busy(promise) {
  document.body.dataset.busy = "true";
  try {
    return await promise;
  } finally {
    delete document.body.dataset.busy;
  }
}
