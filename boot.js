// Starts the claimlens wasm app and makes any failure to start visible.
// A plain module file (no inline script) so a strict CSP needs no exception.
const status = document.getElementById('boot-status');

function fail(message) {
  console.error('claimlens could not start:', message);
  if (!status || status.classList.contains('boot-error')) return; // a panic already reported it
  status.hidden = false;
  status.classList.add('boot-error');
  status.setAttribute('role', 'alert');
  status.textContent = 'claimlens could not start: ' + message +
    '. Reload the page; if it persists, your browser may not support WebAssembly.';
}

// index.html holds the bundled article's first paint (#prerender), which the
// app replaces when it starts. A link to another view, or to another
// document, shows "Loading claimlens…" instead, rather than an article the
// reader did not ask for. (A link to the same article, other than an
// embed, keeps it: the app only adds its pin, filters or tab.)
const firstPaint = document.getElementById('prerender');
if (firstPaint) {
  const link = new URLSearchParams(location.hash.slice(1));
  const same = !location.search && (!location.hash || (link.get('d') === firstPaint.dataset.doc && !link.has('e')));
  if (!same) firstPaint.remove();
}

// The reader's colour scheme (src/ui/theme.rs keeps it), on the first paint too.
try {
  const theme = localStorage.getItem('claimlens.theme');
  if (theme === 'light' || theme === 'dark') {
    document.documentElement.dataset.theme = theme;
    const button = firstPaint && firstPaint.isConnected && firstPaint.querySelector('.theme-toggle');
    if (button) {
      button.dataset.themeChoice = theme;
      button.lastChild.textContent = 'Theme: ' + theme;
    }
  }
} catch (e) {
  // Storage is blocked: the automatic scheme, as the app will find.
}

window.addEventListener('unhandledrejection', (e) => fail(String(e.reason && e.reason.message || e.reason)));

// Repeat visits and offline use: once the app runs, a service worker
// caches its files (sw.js). Only over http(s) in a secure context
// (loopback counts); if it cannot register, nothing else changes.
function cacheForNextVisit() {
  if ('serviceWorker' in navigator && window.isSecureContext && location.protocol.startsWith('http')) {
    navigator.serviceWorker.register('./sw.js', { scope: './', updateViaCache: 'none' }).catch(() => {});
  }
}

import('./claimlens-web.js')
  .then((m) => m.default({ module_or_path: new URL('./claimlens-web_bg.wasm', import.meta.url) }))
  .then(cacheForNextVisit)
  .catch((e) => fail(String(e && e.message || e)));
