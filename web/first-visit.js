// The page's own script, inlined into the built index.html (its hash is in the page's
// Content-Security-Policy) and run before anything is painted. It does what must work before the
// app has arrived, or when it cannot start at all:
//
// - sends a participant to their language's page (the default page only);
// - picks what the first view shows (components/first_view.rs), by setting data-first on <html>:
//   the home page written at build time ("home"), "opening" (a link to another page, or answers
//   on this device: a page the build cannot know), "old-browser" or "failed";
// - the quick exit, for the whole life of the page: the button (#quick-exit, whose data-to is
//   the curriculum's neutral site) and Shift pressed three times on its own;
// - the skip link and the "Get support" link of the first view;
// - hands over to the app: as soon as the app has put its first page into #app, it removes the
//   first view, keeping focus and scroll where they were; on the app's "workbook-failed" event
//   (the curriculum could not be fetched), or an error before the app has rendered, it says so
//   in plain words.
//
// Plain ES5, so that a browser too old for the app still runs it and says so.
(function () {
  "use strict";
  var root = document.documentElement;
  var SHIFT_WINDOW_MS = 2000;
  var SLOW_MS = 20000;
  var started = false;
  // The language remembered on this device (state/language.rs: CHOICE_KEY).
  var CHOICE_KEY = "workbook/v1/language";

  // Each language has a page of its own: the curriculum's own is this site's default page, each
  // translation's is named after it (cy.html). The default page sends a participant to their
  // language's page before anything is painted: the language they chose on this device, or on a
  // first visit the first of the browser's languages the workbook has (the rules of
  // state/language.rs).
  var languages = (root.getAttribute("data-languages") || "").split(" ");
  function base(tag) {
    return String(tag).toLowerCase().split(/[-_]/)[0];
  }
  function find(tag) {
    if (!tag) return null;
    for (var i = 0; i < languages.length; i++) {
      if (languages[i].toLowerCase() === String(tag).toLowerCase()) return languages[i];
    }
    for (var j = 0; j < languages.length; j++) {
      if (base(languages[j]) === base(tag)) return languages[j];
    }
    return null;
  }
  function remember(tag) {
    try {
      localStorage.setItem(CHOICE_KEY, tag);
    } catch (blocked) {
      // The browser's languages decide next time.
    }
  }
  if (languages.length > 1 && root.getAttribute("lang") === languages[0]) {
    var chosen = null;
    try {
      chosen = find(localStorage.getItem(CHOICE_KEY));
    } catch (blocked) {
      chosen = null;
    }
    if (!chosen) {
      var preferred = navigator.languages || [navigator.language];
      for (var p = 0; p < preferred.length && !chosen; p++) chosen = find(preferred[p]);
    }
    if (chosen && chosen !== languages[0]) {
      root.style.visibility = "hidden";
      location.replace(chosen + ".html" + location.hash);
      return;
    }
  }

  function show(state) {
    if (!started) root.setAttribute("data-first", state);
    if (state !== "home") whenParsed(function () {
      // The first view's navigation marks the home page as the one shown: not any more.
      var current = document.querySelector("#first-view [aria-current]");
      if (current) current.removeAttribute("aria-current");
    });
  }
  function whenParsed(then) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", then);
    else then();
  }

  // What the first view shows. The build writes "opening" when the curriculum has errors (the
  // app then shows them, not the weeks).
  var hash = location.hash;
  if (hash !== "" && hash !== "#" && hash !== "#/") show("opening");
  try {
    for (var i = 0; i < localStorage.length; i++) {
      var key = String(localStorage.key(i));
      if (key.indexOf("workbook/") === 0 && key !== CHOICE_KEY) {
        show("opening");
        break;
      }
    }
  } catch (blocked) {
    // The app will say that the browser does not let it save: not the page written at build time.
    show("opening");
  }
  var script = document.createElement("script");
  if (!window.WebAssembly || !window.fetch || !window.Promise || !("noModule" in script)) {
    show("old-browser");
  }
  addEventListener("hashchange", function () {
    if (root.getAttribute("data-first") === "home") show("opening");
  });

  // Safari's erasure after a week: the first view carries the home page's note on it, shown by
  // the same rule as the app's (state/platform.rs): a WebKit browser, outside an installed app.
  var agent = navigator.userAgent;
  var webkit = agent.indexOf("AppleWebKit") >= 0 && agent.indexOf("Chrome/") < 0 && agent.indexOf("Chromium/") < 0;
  var installed = navigator.standalone === true ||
    (window.matchMedia && matchMedia("(display-mode: standalone)").matches);
  if (!webkit || installed) root.setAttribute("data-keeps", "");

  // The quick exit: hide the page, then replace it, so that Back does not come here.
  function quickExit() {
    var button = document.getElementById("quick-exit");
    var to = button && button.getAttribute("data-to");
    if (!to || to.indexOf("https://") !== 0) to = "about:blank";
    if (document.body) document.body.style.display = "none";
    location.replace(to);
  }
  var presses = [];
  addEventListener("keydown", function (event) {
    // Only Shift pressed on its own counts: typing a capital letter (Shift, then the letter)
    // starts the count again, so writing never leaves by accident.
    if (event.key !== "Shift") {
      presses = [];
      return;
    }
    if (event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < SHIFT_WINDOW_MS; });
    presses.push(now);
    if (presses.length >= 3) quickExit();
  });

  function firstView() {
    return document.getElementById("first-view");
  }
  function inside(node, container) {
    return !!container && container.contains(node);
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    while (target && target.nodeType === 1 && target.tagName !== "A" && target.tagName !== "BUTTON") {
      target = target.parentNode;
    }
    if (!target || target.nodeType !== 1) return;
    if (target.id === "quick-exit") {
      quickExit();
      return;
    }
    // The first view's own links within the page (the app's have handlers of their own).
    var href = target.getAttribute("href");
    var language = target.getAttribute("hreflang");
    if (language && inside(target, firstView())) remember(language);
    if (inside(target, firstView()) && (href === "#main" || href === "#support")) {
      event.preventDefault();
      var to = document.getElementById(href.slice(1));
      if (to) {
        to.scrollIntoView();
        to.focus();
      }
    }
  });

  // When the app cannot start: a plain message, with the quick exit and the support lines.
  function fail(reason) {
    if (started || root.getAttribute("data-first") === "old-browser") return;
    show("failed");
    whenParsed(function () {
      var where = document.querySelector("#first-view .first-reason");
      if (where) where.textContent = reason;
    });
  }
  addEventListener("error", function (event) {
    var target = event.target;
    if (target && target.tagName === "SCRIPT") {
      fail("A script of the workbook could not be loaded: " + (target.src || "the start-up script") + ".");
    } else if (target && target.tagName === "LINK" && /\.(wasm|js)$/.test(target.href)) {
      fail("A part of the workbook could not be loaded: " + target.href + ".");
    } else if (target === window || !target) {
      fail("The workbook stopped as it started: " + (event.message || "an error") + ".");
    }
  }, true);
  addEventListener("unhandledrejection", function (event) {
    fail("The workbook stopped as it started: " + String(event.reason) + ".");
  });
  addEventListener("workbook-failed", function (event) {
    fail(String(event.detail));
  });
  setTimeout(function () {
    if (!started) root.setAttribute("data-slow", "");
  }, SLOW_MS);

  // The app has rendered (into #app, before the first view): the first view gives way to it
  // before anything is painted, so nothing moves.
  // What can take focus and is shown (the first view keeps its other messages, and perhaps the
  // note on Safari, hidden): the same list, in the same order, as the app's home page has.
  function focusable(container) {
    var all = container.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]");
    var shown = [];
    for (var i = 0; i < all.length; i++) if (all[i].getClientRects().length > 0) shown.push(all[i]);
    return shown;
  }
  function takeOver() {
    var first = firstView();
    var app = document.getElementById("app");
    started = true;
    if (!first || !app) return;
    var home = root.getAttribute("data-first") === "home";
    var active = document.activeElement;
    var x = window.pageXOffset;
    var y = window.pageYOffset;
    var index = inside(active, first) ? focusable(first).indexOf(active) : -1;
    var id = inside(active, first) ? active.id : "";
    first.parentNode.removeChild(first);
    root.removeAttribute("data-first");
    root.removeAttribute("data-slow");
    var next = null;
    if (id) next = document.getElementById(id);
    else if (home && index >= 0) next = focusable(app)[index] || null;
    if (home) window.scrollTo(x, y);
    if (next) next.focus({ preventScroll: true });
  }
  // The moment the app's first page is in the document: a mutation observer's callback runs
  // right after the app's renderer has built it and before the browser paints, whereas the app's
  // own effects may run a frame later (Yew yields to the browser between rendering and them).
  if (window.MutationObserver) {
    var watch = new MutationObserver(function () {
      var app = document.getElementById("app");
      if (app && app.firstElementChild) {
        watch.disconnect();
        takeOver();
      }
    });
    watch.observe(root, { childList: true, subtree: true });
  }
})();
