// banner.js: the cookie consent banner shown on first visit. Either button
// stores the choice in the zoom_consent cookie (shared by Zoom web and the
// Marketplace, as .zoom.us is on the real site) and removes the banner.
'use strict';
(function () {
  const banner = document.querySelector('[role="dialog"][aria-label="Cookie consent"]');
  if (!banner) return;
  for (const b of banner.querySelectorAll('button[value]')) {
    b.addEventListener('click', function () {
      document.cookie = 'zoom_consent=' + b.value + '; Path=/; Max-Age=31536000; SameSite=Lax';
      banner.remove();
    });
  }
})();
