// JSON API client: every call goes to the same origin under /api.

export class ApiError extends Error {}

function detailText(body, status) {
  const detail = body && body.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) return detail.map((d) => d.msg || JSON.stringify(d)).join("; ");
  return `HTTP ${status}`;
}

/** GET /api/<path>?<params> as JSON; empty parameters are left out. */
export function api(path, params) {
  return getJSON(`/api/${path}`, params);
}

/** GET <url>?<params> as JSON (same origin); a 4xx/5xx throws its message. */
export async function getJSON(url, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") q.set(k, v);
  }
  const qs = q.toString();
  const response = await fetch(`${url}${qs ? `?${qs}` : ""}`, {
    headers: { Accept: "application/json" },
  });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(detailText(body, response.status));
  return body;
}

/** All items of a list endpoint, following next_offset up to `cap` items. */
export async function apiAll(path, params, cap = 5000) {
  const items = [];
  let offset = 0;
  while (offset !== null && offset !== undefined && items.length < cap) {
    const page = await api(path, { ...params, limit: 1000, offset });
    items.push(...page.items);
    offset = page.next_offset;
  }
  return { items: items.slice(0, cap), truncated: offset !== null && offset !== undefined };
}
