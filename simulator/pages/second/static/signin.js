/* Second rendering. Written from shared/reference/zoom-and-meets.md and
   simulator/pages/README.md alone, without reading the flows or the first
   rendering. Zoom sign-in: email, Next (lookup), then the password step is
   built, Sign In. JSON endpoints: /signin/lookup and /signin/api. */
(function () {
  'use strict';
  if (location.hash !== '#/login') history.replaceState(null, '', location.pathname + location.search + '#/login');

  var card = document.getElementById('auth-card');
  var step_mail = document.getElementById('step-email');
  var step_pass = document.getElementById('step-password');
  var email = document.getElementById('login-email');
  var next = document.getElementById('email-next');
  var go = document.getElementById('password-go');
  var slot = document.getElementById('password-slot');
  var errBox = document.getElementById('auth-error');
  var toast = document.getElementById('toast');
  var pass = null;
  var toastTimer = 0;

  function say_toast(text, retry_fn) {
    clearTimeout(toastTimer);
    toast.textContent = '';
    var span = document.createElement('span');
    span.textContent = text;
    toast.appendChild(span);
    if (retry_fn) {
      var b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('class', 'ztoast__act');
      b.textContent = 'Try again';
      b.addEventListener('click', function () { toast.hidden = true; retry_fn(); });
      toast.appendChild(b);
    }
    toast.hidden = false;
    toast.classList.add('ztoast--in');
    if (!retry_fn) toastTimer = setTimeout(function () { toast.classList.remove('ztoast--in'); toast.hidden = true; }, 8000);
  }

  function say_error(text) {
    errBox.textContent = text;
    errBox.hidden = !text;
  }

  function busy(btn, on) {
    btn.disabled = on || (btn === next ? !email.value.trim() : !(pass && pass.value));
    btn.classList.toggle('zbtn--busy', on);
    btn.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', },
      body: JSON.stringify(body),
      credentials: 'same-origin'
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) { return { status: r.status, data: data }; });
    });
  }

  email.addEventListener('input', function () { next.disabled = !email.value.trim(); });

  function lookup() {
    var value = email.value.trim();
    if (!value) return;
    busy(next, true);
    post('/signin/lookup', { email: value }).then(function (res) {
      if (res.status === 200 && res.data.sso && res.data.next) {
        location.assign(res.data.next);
        return;
      }
      busy(next, false);
      if (res.status !== 200) {
        say_toast(res.data.errorMessage || 'Something went wrong. Please try again.', res.status >= 500 ? lookup : null);
        return;
      }
      show_password(value);
    }, function () {
      busy(next, false);
      say_toast('We could not reach Zoom. Check your connection.', lookup);
    });
  }

  step_mail.addEventListener('submit', function (ev) { ev.preventDefault(); lookup(); });

  function show_password(value) {
    document.getElementById('who-mail').textContent = value;
    if (!pass) {
      var wrap = document.createElement('div');
      wrap.setAttribute('class', 'auth__field auth__field--pw');
      pass = document.createElement('input');
      pass.setAttribute('class', 'zin');
      pass.type = 'password';
      pass.name = 'password';
      pass.id = 'login-password';
      pass.autocomplete = 'current-password';
      pass.placeholder = 'Password';
      pass.setAttribute('aria-label', 'Password');
      var eye = document.createElement('button');
      eye.type = 'button';
      eye.setAttribute('class', 'auth__eye');
      eye.setAttribute('aria-label', 'Show password');
      eye.innerHTML = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M12 5C6.5 5 2.7 9.3 1.5 12c1.2 2.7 5 7 10.5 7s9.3-4.3 10.5-7C21.3 9.3 17.5 5 12 5zm0 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8z" fill="currentColor"/></svg>';
      eye.addEventListener('click', function () {
        var shown = pass.type === 'text';
        pass.type = shown ? 'password' : 'text';
        eye.setAttribute('aria-label', shown ? 'Show password' : 'Hide password');
      });
      wrap.appendChild(pass);
      wrap.appendChild(eye);
      slot.appendChild(wrap);
      pass.addEventListener('input', function () { go.disabled = !pass.value; say_error(''); });
    }
    card.setAttribute('data-phase', 'password');
    step_mail.hidden = true;
    step_pass.hidden = false;
    step_pass.classList.add('auth__form--enter');
    setTimeout(function () { pass.focus(); }, 60);
  }

  document.getElementById('who-change').addEventListener('click', function () {
    step_pass.hidden = true;
    step_mail.hidden = false;
    card.setAttribute('data-phase', 'email');
    say_error('');
    email.focus();
  });

  function sign_in() {
    if (!pass || !pass.value) return;
    say_error('');
    busy(go, true);
    post('/signin/api', { email: email.value.trim(), password: pass.value }).then(function (res) {
      var d = res.data || {};
      if (res.status === 200 && d.next) {
        location.assign(d.next);
        return;
      }
      busy(go, false);
      if (d.next) {
        // An SSO account: it signs in at its identity provider.
        say_error(d.errorMessage || '');
        setTimeout(function () { location.assign(d.next); }, 700);
        return;
      }
      if (res.status === 403 || res.status >= 500) {
        say_toast(d.errorMessage || 'Something went wrong. Please try again.', res.status >= 500 ? sign_in : null);
        return;
      }
      say_error(d.errorMessage || 'Incorrect email or password');
      pass.select();
    }, function () {
      busy(go, false);
      say_toast('We could not reach Zoom. Check your connection.', sign_in);
    });
  }

  step_pass.addEventListener('submit', function (ev) { ev.preventDefault(); sign_in(); });

  document.querySelectorAll('[data-alt]').forEach(function (b) {
    b.addEventListener('click', function () {
      say_toast('Enter your email address first. We will send you to your company sign-in if your account uses one.');
    });
  });
})();
