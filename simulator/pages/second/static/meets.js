/* Second rendering. Written from shared/reference/zoom-and-meets.md and
   simulator/pages/README.md alone, without reading the flows or the first
   rendering. MEETS: Clear Configuration asks first; the API Secret field
   carries data-sim-secret while it holds anything; Submit is sent once. */
(function () {
  'use strict';
  document.querySelectorAll('form[data-confirm]').forEach(function (f) {
    f.addEventListener('submit', function (ev) {
      if (!window.confirm(f.getAttribute('data-confirm'))) ev.preventDefault();
    });
  });
  var secret = document.getElementById('mt-secret');
  if (secret) {
    var mark = function () {
      if (secret.value) secret.setAttribute('data-sim-secret', '');
      else secret.removeAttribute('data-sim-secret');
    };
    secret.addEventListener('input', mark);
    secret.addEventListener('change', mark);
    mark();
  }
  var creds = document.getElementById('mt-creds');
  if (creds) {
    creds.addEventListener('submit', function () {
      var b = creds.querySelector('button[type=submit]');
      setTimeout(function () {
        b.disabled = true;
        b.textContent = 'Checking with Zoom\u2026';
      }, 0);
    });
    window.addEventListener('pageshow', function () {
      var b = creds.querySelector('button[type=submit]');
      b.disabled = false;
      b.textContent = 'Submit';
    });
  }
})();
