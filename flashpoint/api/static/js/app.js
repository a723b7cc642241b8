// Entry point: marks the current page in the nav and draws the page named by <body data-page>.

import { message, mount } from "./dom.js";
import { overviewPage } from "./pages/overview.js";
import { dyadPage } from "./pages/dyad.js";
import { eventsPage, eventPage } from "./pages/events.js";
import { quotesPage, claimsPage } from "./pages/sources.js";
import { mapPage } from "./pages/map.js";

const PAGES = {
  overview: overviewPage,
  dyad: dyadPage,
  events: eventsPage,
  event: eventPage,
  quotes: quotesPage,
  claims: claimsPage,
  map: mapPage,
};

async function start() {
  const name = document.body.dataset.page;
  for (const link of document.querySelectorAll("[data-nav]")) {
    if (link.dataset.nav === name || (name === "event" && link.dataset.nav === "events")) {
      link.setAttribute("aria-current", "page");
    }
  }
  const main = document.getElementById("main");
  const params = new URLSearchParams(window.location.search);
  try {
    await PAGES[name](main, params);
  } catch (err) {
    mount(main, message(`Could not load this page: ${err.message}`, "error"));
  }
  document.body.dataset.ready = "true";
}

start();
