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
