// claimlens embed helper for host pages: sizes each claimlens iframe
// (<iframe data-claimlens …>) to the height its page reports. A message is
// accepted only when it comes from one of those iframes' windows, and only
// its numeric height is used.
//
// The iframes are styled here, through the CSSOM (element.style), not with
// style attributes in the pasted code: a host page whose
// Content-Security-Policy has style-src 'self' blocks style attributes but
// allows this.
(function () {
  'use strict';
  function frames() {
    return document.querySelectorAll('iframe[data-claimlens]');
  }
  function fit(frame) {
    frame.style.border = '0';
    frame.style.width = '100%';
  }
  function fitAll() {
    var f = frames();
    for (var i = 0; i < f.length; i++) fit(f[i]);
  }
  fitAll();
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', fitAll);
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'claimlens:height' || typeof data.height !== 'number' || !isFinite(data.height)) {
      return;
    }
    var f = frames();
    for (var i = 0; i < f.length; i++) {
      if (f[i].contentWindow === event.source) {
        var height = Math.max(160, Math.min(Math.ceil(data.height), 100000));
        fit(f[i]);
        f[i].style.height = height + 'px';
        return;
      }
    }
  });
})();
