/* Second rendering. Written from shared/reference/zoom-and-meets.md and
   simulator/pages/README.md alone, without reading the flows or the first
   rendering. The cookie banner: shown a little after load (the consent
   script arrives late on the real site), stores the choice in zoom_consent. */
(function () {
  'use strict';
  var sheet = document.getElementById('consent-sheet');
  if (!sheet) return;
  if (/(?:^|;\s*)zoom_consent=/.test(document.cookie)) {
    sheet.remove();
    return;
  }
  setTimeout(function () {
    sheet.hidden = false;
    requestAnimationFrame(function () { sheet.classList.add('consent--in'); });
  }, 450);
  sheet.addEventListener('click', function (ev) {
    var b = ev.target.closest('[data-consent]');
    if (!b) return;
    document.cookie = 'zoom_consent=' + b.getAttribute('data-consent') + '; Path=/; Max-Age=31536000; SameSite=Lax';
    sheet.classList.remove('consent--in');
    sheet.classList.add('consent--gone');
    setTimeout(function () { sheet.remove(); }, 220);
  });
})();
