/* Second rendering. Written from shared/reference/zoom-and-meets.md and
   simulator/pages/README.md alone, without reading the flows or the first
   rendering. Six digit boxes: typing moves to the next box, a pasted or
   typed run of digits spreads over the boxes; Verify posts JSON {code}. */
(function () {
  'use strict';
  var form = document.getElementById('otp-form');
  var boxes = Array.prototype.slice.call(form.querySelectorAll('.otp__box'));
  var hidden = document.getElementById('otp-code');
  var verify = document.getElementById('otp-verify');
  var errBox = document.getElementById('otp-error');
  var toast = document.getElementById('toast');

  function code() { return boxes.map(function (b) { return b.value; }).join(''); }
  function sync() {
    hidden.value = code();
    verify.disabled = !/^\d{6}$/.test(hidden.value);
  }
  function spread(from, digits) {
    var i = from;
    for (var k = 0; k < digits.length && i < boxes.length; k++, i++) boxes[i].value = digits[k];
    var focusAt = Math.min(i, boxes.length - 1);
    boxes[focusAt].focus();
    sync();
  }

  boxes.forEach(function (box, i) {
    box.addEventListener('input', function () {
      var digits = box.value.replace(/\D/g, '');
      if (digits.length <= 1) {
        box.value = digits;
        if (digits && i < boxes.length - 1) boxes[i + 1].focus();
        sync();
      } else {
        box.value = '';
        spread(i, digits);
      }
      if (!errBox.hidden) errBox.hidden = true;
    });
    box.addEventListener('keydown', function (ev) {
      if (ev.key === 'Backspace' && !box.value && i > 0) {
        boxes[i - 1].value = '';
        boxes[i - 1].focus();
        sync();
        ev.preventDefault();
      } else if (ev.key === 'ArrowLeft' && i > 0) {
        boxes[i - 1].focus();
      } else if (ev.key === 'ArrowRight' && i < boxes.length - 1) {
        boxes[i + 1].focus();
      }
    });
    box.addEventListener('focus', function () { box.select(); });
    box.addEventListener('paste', function (ev) {
      var text = (ev.clipboardData || window.clipboardData).getData('text') || '';
      var digits = text.replace(/\D/g, '');
      if (!digits) return;
      ev.preventDefault();
      spread(i, digits);
    });
  });

  function clear_boxes() {
    boxes.forEach(function (b) { b.value = ''; });
    sync();
    boxes[0].focus();
  }

  function show_error(text) {
    errBox.textContent = text;
    errBox.hidden = false;
  }

  function send() {
    sync();
    if (verify.disabled) return;
    verify.disabled = true;
    verify.classList.add('zbtn--busy');
    fetch(form.action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: hidden.value }),
      credentials: 'same-origin'
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (d) { return { status: r.status, data: d }; });
    }).then(function (res) {
      verify.classList.remove('zbtn--busy');
      if (res.status === 200 && res.data.next) { location.assign(res.data.next); return; }
      if (res.data.next) { location.assign(res.data.next); return; }
      show_error(res.data.errorMessage || 'Something went wrong. Please try again.');
      clear_boxes();
    }, function () {
      verify.classList.remove('zbtn--busy');
      sync();
      toast.textContent = '';
      var s = document.createElement('span');
      s.textContent = 'We could not reach Zoom. Check your connection.';
      var b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('class', 'ztoast__act');
      b.textContent = 'Try again';
      b.addEventListener('click', function () { toast.hidden = true; send(); });
      toast.appendChild(s);
      toast.appendChild(b);
      toast.hidden = false;
      toast.classList.add('ztoast--in');
    });
  }

  form.addEventListener('submit', function (ev) { ev.preventDefault(); send(); });
  boxes[0].focus();
  sync();
})();
