// claimlens service worker: repeat visits open from a local cache, offline too.
//
// Every build stamps BUILD below with a checksum of the other files in
// dist/, and FILES with their names (scripts/stamp-sw, a Trunk post_build
// hook), so a new deploy is a
// byte-different sw.js. The browser checks sw.js on each visit (boot.js
// registers it with updateViaCache: 'none'); a changed one installs beside
// the old, precaches the new build's files into its own cache, takes over
// and deletes the old cache, so the next load shows the new build. Until
// then every file comes from one build's cache: the JS glue and the wasm
// always match. Only the app's own files are handled; anything else goes
// to the network untouched.
'use strict';
const BUILD = '__CLAIMLENS_BUILD__';
const CACHE = 'claimlens-' + BUILD;
// The build's files, stamped too (the wasm chunks loaded on demand are
// precached like the rest, so every feature works offline).
const FILES = ['./', '__CLAIMLENS_FILES__'];
const scope = new URL(self.registration.scope);
const urls = FILES.map((f) => new URL(f, scope).href);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((c) => c.addAll(urls.map((u) => new Request(u, { cache: 'no-cache' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys
      .filter((k) => k.startsWith('claimlens-') && k !== CACHE)
      .map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  url.search = '';
  url.hash = '';
  let key = url.href;
  if (req.mode === 'navigate' && key === new URL('index.html', scope).href) key = urls[0];
  if (!urls.includes(key)) return;
  event.respondWith(caches.open(CACHE).then((c) => c.match(key).then((hit) => hit || fetch(req))));
});
