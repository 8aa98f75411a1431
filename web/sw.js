// The workbook's service worker: after the first visit, the workbook opens and works offline.
// Written into the site by `cargo xtask stage`, which fills in VERSION and FILES.
//
// - Files whose names carry a content hash (the app's wasm, JS and CSS) never change: served
//   from the cache first.
// - The page and the curriculum can change: fetched from the site first, so an update is seen at
//   once, and taken from the cache when the site cannot be reached.
// It never talks to any other origin, and never sees what a participant writes (answers live in
// localStorage, which a service worker cannot read).
const VERSION = "{{VERSION}}";
const FILES = {{FILES}};
const CACHE = "workbook-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith("workbook-") && name !== CACHE)
          .map((name) => caches.delete(name))
      ))
      .then(() => self.clients.claim())
  );
});

const HASHED = /-[0-9a-f]{16}(_bg)?\.(wasm|js|css)$/;

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (HASHED.test(url.pathname)) {
    event.respondWith(
      caches.match(request).then((cached) => cached || fetch(request))
    );
    return;
  }
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true })
        .then((cached) => cached || caches.match("./index.html")))
  );
});
