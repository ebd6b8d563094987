/*
 * Third rendering of the simulated Zoom sites: the sign-in and two-step
 * verification pages, drawn into #root.
 * Written from shared/reference/zoom-and-meets.md and simulator/pages/README.md
 * alone, without reading the flows or the other renderings.
 *
 * Sign-in is hash routed (#/login). The email step posts /signin/lookup; an
 * SSO account leaves for the address it answers; otherwise the password step
 * is drawn (the email step's subtree replaced) and posts /signin/api. The
 * two-step page draws six one-digit boxes that share one code and posts
 * /signin/otp/api as JSON.
 */
(function () {
  'use strict';
  var ui = window.__ui, h = ui.h, css = ui.css, icon = ui.icon, region = ui.region, rerender = ui.rerender;
  var PAGE = window.__ZM_PAGE__ || { page: 'signin' };
  var root = document.getElementById('root');
  ui.delegate(root);

  var BLUE = '#0b5cff';
  var S = {
    step: 'email',
    email: '',
    password: '',
    stay: true,
    busy: false,
    error: '',
    retry: null,
    captcha: '',
    showPassword: false,
    digits: ['', '', '', '', '', ''],
    otpError: PAGE.error || ''
  };

  // ---- styles -------------------------------------------------------------
  var C = {
    top: css({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: 64, padding: '0 32px', borderBottom: '1px solid #eef0f3' }),
    logo: css({ fontWeight: 800, fontSize: 26, color: BLUE, letterSpacing: '-1px' }),
    topLinks: css({ display: 'flex', gap: 22, color: '#39394d', fontSize: 14 }),
    wrap: css({ display: 'flex', justifyContent: 'center', padding: '56px 16px' }),
    card: css({ width: 400, maxWidth: '100%' }),
    h1: css({ fontSize: 28, fontWeight: 700, marginBottom: 24 }),
    sub: css({ color: '#6e7680', marginTop: -14, marginBottom: 24 }),
    field: css({ position: 'relative', marginBottom: 18 }),
    input: css({
      display: 'block', width: '100%', height: 52, padding: '20px 14px 6px', border: '1px solid #babfc6', borderRadius: 10,
      outline: 'none', fontSize: 15, background: '#fff',
      '&:focus': { borderColor: BLUE, boxShadow: '0 0 0 3px rgba(11,92,255,.15)' },
      '&::placeholder': { color: '#8a9099' }
    }),
    inputPlain: css({
      display: 'block', width: '100%', height: 52, padding: '0 14px', border: '1px solid #babfc6', borderRadius: 10,
      outline: 'none', fontSize: 15, background: '#fff',
      '&:focus': { borderColor: BLUE, boxShadow: '0 0 0 3px rgba(11,92,255,.15)' },
      '&::placeholder': { color: '#8a9099' }
    }),
    floatLabel: css({
      position: 'absolute', left: 15, top: 16, color: '#6e7680', fontSize: 15, pointerEvents: 'none',
      transformOrigin: 'left top', transition: 'transform .15s, color .15s'
    }),
    floated: css({ transform: 'translateY(-10px) scale(.78)' }),
    eye: css({ position: 'absolute', right: 12, top: 14, color: '#6e7680', cursor: 'pointer', display: 'grid', placeItems: 'center', width: 24, height: 24 }),
    primary: css({
      display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 8, width: '100%', height: 48, border: 0, borderRadius: 10,
      background: BLUE, color: '#fff', fontWeight: 600, fontSize: 16, cursor: 'pointer',
      '&:hover': { background: '#0a4fdb' },
      '&:disabled': { background: '#b3cafd', cursor: 'not-allowed' }
    }),
    chip: css({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '10px 14px', background: '#f4f6f8', borderRadius: 10, marginBottom: 18 }),
    link: css({ color: BLUE, fontWeight: 600, cursor: 'pointer' }),
    row: css({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', margin: '4px 0 22px' }),
    check: css({ display: 'flex', alignItems: 'center', gap: 8, cursor: 'pointer', userSelect: 'none' }),
    box: css({ width: 18, height: 18, borderRadius: 4, border: '1.5px solid #8a9099', display: 'grid', placeItems: 'center', color: '#fff' }),
    boxOn: css({ background: BLUE, borderColor: BLUE }),
    alert: css({ display: 'flex', gap: 10, alignItems: 'flex-start', padding: '12px 14px', borderRadius: 10, background: '#fdecec', color: '#b42318', marginBottom: 18 }),
    retry: css({ marginLeft: 'auto', border: 0, background: 'transparent', color: '#b42318', fontWeight: 700, cursor: 'pointer', textDecoration: 'underline' }),
    foot: css({ marginTop: 28, color: '#6e7680', fontSize: 13, textAlign: 'center' }),
    toast: css({
      position: 'fixed', top: 20, left: '50%', transform: 'translateX(-50%)', zIndex: 1300, display: 'flex', gap: 10, alignItems: 'center',
      padding: '12px 16px', background: '#232333', color: '#fff', borderRadius: 10, boxShadow: '0 8px 24px rgba(0,0,0,.25)', maxWidth: 520
    }),
    toastX: css({ border: 0, background: 'transparent', color: '#fff', cursor: 'pointer', display: 'grid', placeItems: 'center' }),
    boxes: css({ display: 'flex', gap: 10, margin: '8px 0 22px' }),
    digit: css({
      width: 52, height: 58, textAlign: 'center', fontSize: 24, fontWeight: 600, border: '1px solid #babfc6', borderRadius: 10, outline: 'none',
      '&:focus': { borderColor: BLUE, boxShadow: '0 0 0 3px rgba(11,92,255,.15)' }
    }),
    hiddenTrap: css({ display: 'none' })
  };

  // ---- shell ----------------------------------------------------------------
  function Shell(content) {
    return h('div', null,
      h('header', { className: C.top },
        h('span', { className: C.logo }, 'zoom'),
        h('div', { className: C.topLinks }, h('span', null, 'Support'), h('span', null, 'English'))),
      h('main', { className: C.wrap }, h('div', { className: C.card }, content)));
  }

  function Alert() {
    if (!S.error) return h('div', { hidden: true });
    return h('div', { className: C.alert, role: 'alert' },
      icon('alert', 18),
      h('span', null, S.error),
      S.retry ? h('button', { type: 'button', className: C.retry, 'data-click': 'retry' }, 'Try again') : null);
  }

  function CaptchaToast() {
    if (!S.captcha) return h('div', { hidden: true });
    return h('div', { className: C.toast, role: 'alert' },
      icon('alert', 18), h('span', null, S.captcha),
      h('button', { type: 'button', className: C.toastX, 'aria-label': 'Close', 'data-click': 'closeToast' }, icon('close', 16)));
  }

  function Spinner() { return h('span', { className: 'zm-spinner', 'aria-hidden': 'true' }); }

  function EmailStep() {
    return h('form', { 'data-submit': 'submitEmail', novalidate: true, autocomplete: 'on' },
      h('h1', { className: C.h1 }, 'Sign In'),
      region('alert', Alert),
      h('div', { className: C.field },
        h('input', {
          className: C.inputPlain, type: 'text', inputmode: 'email', name: 'email', autocomplete: 'username', autocapitalize: 'none',
          spellcheck: 'false', placeholder: 'Email or phone number', value: S.email, 'data-input': 'email', 'data-fk': 'email'
        })),
      // A duplicate password field that only password managers see.
      h('div', { className: C.hiddenTrap, 'aria-hidden': 'true' },
        h('input', { type: 'password', name: 'password', autocomplete: 'current-password', tabindex: '-1' })),
      region('next', function () {
        return h('button', { type: 'submit', className: C.primary, disabled: !S.email.trim() || S.busy },
          S.busy ? Spinner() : null, h('span', null, 'Next'));
      }),
      h('p', { className: C.foot }, 'By signing in, I agree to the Zoom Privacy Statement and Terms of Service.'));
  }

  function PasswordStep() {
    var filled = S.password.length > 0;
    return h('form', { 'data-submit': 'submitPassword', novalidate: true },
      h('h1', { className: C.h1 }, 'Sign In'),
      region('alert', Alert),
      h('div', { className: C.chip },
        h('span', null, S.email),
        h('span', { className: C.link, role: 'button', tabindex: '0', 'data-click': 'change' }, 'Change')),
      h('div', { className: C.field },
        h('input', {
          className: C.input, type: S.showPassword ? 'text' : 'password', name: 'password', autocomplete: 'current-password',
          placeholder: ' ', value: S.password, 'data-input': 'password', 'data-fk': 'password'
        }),
        region('pwlabel', function () {
          return h('label', { className: C.floatLabel + (filled || S.password ? ' ' + C.floated : '') }, 'Password');
        }),
        h('span', { className: C.eye, title: S.showPassword ? 'Hide password' : 'Show password', 'data-click': 'togglePassword' },
          icon(S.showPassword ? 'eyeOff' : 'eye', 18))),
      h('div', { className: C.row },
        h('div', { className: C.check, 'data-click': 'stay' },
          h('span', { className: C.box + (S.stay ? ' ' + C.boxOn : '') }, S.stay ? icon('check', 12) : null),
          h('span', null, 'Stay signed in')),
        h('a', { href: '#/forgot', className: C.link, 'data-click': 'forgot' }, 'Forgot password?')),
      region('signin', function () {
        return h('button', { type: 'submit', className: C.primary, disabled: !S.password || S.busy, 'aria-busy': S.busy ? 'true' : null },
          S.busy ? Spinner() : null, h('span', null, 'Sign In'));
      }));
  }

  function SignIn() {
    return h('div', null,
      Shell(S.step === 'email' ? EmailStep() : PasswordStep()),
      region('captcha', CaptchaToast));
  }

  // ---- two-step verification ----------------------------------------------------
  function OtpPage() {
    return Shell(h('form', { 'data-submit': 'submitOtp', novalidate: true },
      h('h1', { className: C.h1 }, 'Two-Step Verification'),
      h('p', { className: C.sub }, 'Enter the verification code from your authenticator app to verify it\'s you.'),
      region('alert', function () {
        var msg = S.otpError || S.error;
        if (!msg) return h('div', { hidden: true });
        return h('div', { className: C.alert, role: 'alert' }, icon('alert', 18), h('span', null, msg),
          S.retry ? h('button', { type: 'button', className: C.retry, 'data-click': 'retry' }, 'Try again') : null);
      }),
      h('div', { className: C.boxes, role: 'group', 'aria-label': 'Verification code' },
        S.digits.map(function (d, i) {
          return h('input', {
            className: C.digit, type: 'text', inputmode: 'numeric', autocomplete: i === 0 ? 'one-time-code' : 'off',
            'aria-label': 'Verification code digit ' + (i + 1), value: d, 'data-input': 'digit', 'data-keydown': 'digitKey',
            'data-i': String(i), 'data-fk': 'digit' + i
          });
        })),
      region('verify', function () {
        return h('button', { type: 'submit', className: C.primary, disabled: S.digits.join('').length !== 6 || S.busy },
          S.busy ? Spinner() : null, h('span', null, 'Verify'));
      }),
      h('p', { className: C.foot }, 'Codes change every 30 seconds. ', h('a', { href: '/signin', className: C.link }, 'Sign in with a different account'))));
  }

  // ---- requests -------------------------------------------------------------------
  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (res) {
        return res.text().then(function (t) {
          var data = {};
          try { data = t ? JSON.parse(t) : {}; } catch (e) { data = {}; }
          return { status: res.status, data: data };
        });
      });
  }
  function fail(retry) {
    S.busy = false;
    S.error = 'Something went wrong. Check your connection and try again.';
    S.retry = retry;
    draw();
  }
  function lookup() {
    S.busy = true; S.error = ''; S.retry = null; S.captcha = '';
    draw();
    var email = S.email.trim();
    post('/signin/lookup', { email: email }).then(function (r) {
      if (r.status >= 500) { fail(lookup); return; }
      if (r.data && r.data.sso && r.data.next) { location.assign(r.data.next); return; }
      S.busy = false;
      if (r.status !== 200) { S.error = (r.data && r.data.errorMessage) || 'Enter a valid email address.'; draw(); return; }
      S.step = 'password';
      history.replaceState(null, '', '#/login');
      draw();
      focusSoon('password');
    }, function () { fail(lookup); });
  }
  function signIn() {
    S.busy = true; S.error = ''; S.retry = null; S.captcha = '';
    draw();
    post('/signin/api', { email: S.email.trim(), password: S.password }).then(function (r) {
      if (r.status >= 500) { fail(signIn); return; }
      var d = r.data || {};
      if (r.status === 200 && d.next) { location.assign(d.next); return; }
      if (r.status === 403 && d.next) { location.assign(d.next); return; }
      S.busy = false;
      if (r.status === 403 && d.errorCode === 1044) {
        S.captcha = d.errorMessage || 'An error with reCAPTCHA occured. Please try again.';
      } else {
        S.error = d.errorMessage || 'Incorrect email or password';
      }
      S.password = '';
      draw();
      focusSoon('password');
    }, function () { fail(signIn); });
  }
  function verify() {
    var code = S.digits.join('');
    S.busy = true; S.error = ''; S.otpError = ''; S.retry = null;
    draw();
    post('/signin/otp/api', { code: code }).then(function (r) {
      if (r.status >= 500) { fail(verify); return; }
      var d = r.data || {};
      if (r.status === 200 && d.next) { location.assign(d.next); return; }
      S.busy = false;
      S.otpError = d.errorMessage || 'The verification code is incorrect. Please try again.';
      if (d.next) { draw(); setTimeout(function () { location.assign(d.next); }, 1500); return; }
      S.digits = ['', '', '', '', '', ''];
      draw();
      focusSoon('digit0');
    }, function () { fail(verify); });
  }

  function focusSoon(key) {
    setTimeout(function () {
      var el = document.querySelector('[data-fk="' + key + '"]');
      if (el) el.focus();
    }, 0);
  }

  // ---- events ------------------------------------------------------------------------
  ui.on({
    email: function (el) {
      S.email = el.value;
      rerender('next');
    },
    password: function (el) {
      S.password = el.value;
      rerender('signin');
      rerender('pwlabel');
    },
    togglePassword: function () { S.showPassword = !S.showPassword; draw(); },
    stay: function () { S.stay = !S.stay; draw(); },
    forgot: function (el, e) { e.preventDefault(); },
    change: function () {
      S.step = 'email'; S.password = ''; S.error = ''; S.retry = null;
      draw();
      focusSoon('email');
    },
    retry: function () { if (S.retry) S.retry(); },
    closeToast: function () { S.captcha = ''; rerender('captcha'); },
    submitEmail: function (el, e) { e.preventDefault(); if (S.email.trim() && !S.busy) lookup(); },
    submitPassword: function (el, e) { e.preventDefault(); if (S.password && !S.busy) signIn(); },
    submitOtp: function (el, e) { e.preventDefault(); if (S.digits.join('').length === 6 && !S.busy) verify(); }
  });

  // Six boxes, one code: typing moves on, pasting or a longer value spreads.
  ui.on({
    digit: function (el) {
      var i = +el.getAttribute('data-i');
      var v = el.value.replace(/\D/g, '');
      if (v.length <= 1) {
        S.digits[i] = v;
        el.value = v;
        if (v && i < 5) focusBox(i + 1);
      } else {
        var chars = v.split('');
        if (S.digits[i] && chars.length === 2 && chars[0] === S.digits[i]) chars = chars.slice(1);
        for (var k = 0; k < chars.length && i + k < 6; k++) S.digits[i + k] = chars[k];
        draw();
        focusBox(Math.min(i + chars.length, 5));
      }
      S.otpError = '';
      rerender('verify');
      rerender('alert');
    },
    digitKey: function (el, e) {
      var i = +el.getAttribute('data-i');
      if (e.key === 'Backspace' && !el.value && i > 0) {
        e.preventDefault();
        S.digits[i - 1] = '';
        draw();
        focusBox(i - 1);
      } else if (e.key === 'ArrowLeft' && i > 0) {
        e.preventDefault(); focusBox(i - 1);
      } else if (e.key === 'ArrowRight' && i < 5) {
        e.preventDefault(); focusBox(i + 1);
      } else if (e.key.length === 1 && /\d/.test(e.key) && el.value && el.selectionStart === el.selectionEnd) {
        // a full box: overwrite it rather than grow it
        el.value = '';
      }
      return 'pass';
    }
  });
  function focusBox(i) {
    var el = document.querySelector('[data-fk="digit' + i + '"]');
    if (el) { el.focus(); try { el.select(); } catch (e) { /* ignore */ } }
  }

  function draw() {
    ui.mount(root, PAGE.page === 'otp' ? OtpPage : SignIn);
  }

  if (PAGE.page === 'signin' && location.hash !== '#/login') history.replaceState(null, '', '#/login');
  draw();
  focusSoon(PAGE.page === 'otp' ? 'digit0' : 'email');
})();
