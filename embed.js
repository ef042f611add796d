// claimlens embed helper for host pages: sizes each claimlens iframe
// (<iframe data-claimlens …>) to the height its page reports. A message is
// accepted only when it comes from one of those iframes' windows, and only
// its numeric height is used.
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'claimlens:height' || typeof data.height !== 'number' || !isFinite(data.height)) {
      return;
    }
    var frames = document.querySelectorAll('iframe[data-claimlens]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        var height = Math.max(160, Math.min(Math.ceil(data.height), 100000));
        frames[i].style.height = height + 'px';
        return;
      }
    }
  });
})();
