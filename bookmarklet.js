// The claimlens bookmarklet page (bookmarklet.html): builds the bookmarklet
// for the claimlens this page was served from (so a self-hosted copy makes
// its own) and puts it in the link the reader drags to the bookmarks bar.
// A plain file, not an inline script, so a strict CSP needs no exception.
//
// The bookmarklet, run on the page the reader is on, opens claimlens with
// `?recv=1` in a new tab and, when that tab says "claimlens:ready", posts it
// the page — {type: "claimlens:page", v: 1, url, title, html: the DOM
// serialised} — to the claimlens origin only (src/ui/receive.rs takes it).
// Where the page forbids opening a tab (window.open returns null or
// throws), it copies the HTML to the clipboard and offers to open
// claimlens in the same tab, where the paste box is ready.
(function () {
  'use strict';
  // APP and ORIGIN are filled in below. No '#' or '%' outside them: the
  // whole code is a javascript: URL.
  var CODE =
    "(function(){var A=APP,O=ORIGIN,d=document,m={type:'claimlens:page',v:1,url:location.href," +
    "title:String(d.title),html:d.documentElement.outerHTML},w=null;" +
    "try{w=window.open(A,'_blank')}catch(e){}" +
    "if(w){var f=function(e){if(e.source===w&&e.origin===O&&e.data==='claimlens:ready'){" +
    "removeEventListener('message',f);w.postMessage(m,O)}};addEventListener('message',f);" +
    "setTimeout(function(){removeEventListener('message',f)},120000);return}" +
    "var h=m.html,s='This site does not let the claimlens bookmarklet open a tab. '," +
    "k=function(ok){if(!ok)alert(s+'Save the page (Ctrl+S) and open the file in claimlens: '+A);" +
    "else if(confirm(s+'The page is copied: open claimlens in this tab and paste it there?'))location.href=A}," +
    "x=function(){var t=d.createElement('textarea'),r=false;t.value=h;d.documentElement.appendChild(t);t.select();" +
    "try{r=d.execCommand('copy')}catch(e){}t.remove();k(r)};" +
    "try{navigator.clipboard.writeText(h).then(function(){k(true)},x)}catch(e){x()}})()";

  // This claimlens: the app beside this page, waiting for a page.
  var app = new URL('./?recv=1', location.href);
  app.hash = '';
  var code = CODE.replace('APP', JSON.stringify(app.href)).replace('ORIGIN', JSON.stringify(app.origin));
  var href = 'javascript:' + code.replace(/%/g, '%25').replace(/#/g, '%23');

  var link = document.getElementById('bookmarklet');
  var status = document.getElementById('bookmarklet-status');
  var size = document.getElementById('bookmarklet-size');
  var copy = document.getElementById('bookmarklet-copy');
  var say = function (text) { if (status) status.textContent = text; };
  if (link) {
    link.href = href;
    // Clicking it here would run it on this page (and a strict CSP blocks
    // that): it is for the bookmarks bar.
    link.addEventListener('click', function (e) {
      e.preventDefault();
      say('Drag this link to your bookmarks bar (or copy it below); clicking it here does nothing.');
    });
  }
  // Its length as the browser keeps it (quotes and spaces percent-encoded).
  if (size) size.textContent = String(link ? link.href.length : href.length);
  if (copy) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      if (!navigator.clipboard) { say('This browser will not copy: drag the link instead.'); return; }
      navigator.clipboard.writeText(href).then(
        function () { say('Bookmarklet copied: make a new bookmark and paste it as its address (URL).'); },
        function () { say('This browser would not copy it: drag the link instead.'); });
    });
  }
})();
