// otp.js: posts the two-step verification code and follows the answer.
'use strict';
(function () {
  const form = document.querySelector('main form');
  const input = form.querySelector('input');
  const submit = form.querySelector('[type="submit"]');
  form.addEventListener('submit', async function (e) {
    e.preventDefault();
    if (submit.disabled) return;
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    const res = await api('POST', '/signin/otp/api', { code: input.value });
    if (res.body.next) {
      location.assign(res.body.next);
      return;
    }
    submit.disabled = false;
    submit.removeAttribute('aria-busy');
    const old = form.querySelector('[role="alert"]');
    if (old) old.remove();
    form.prepend(h('div', { role: 'alert', class: 'alert' }, res.body.errorMessage || 'Something went wrong. Please try again.'));
    input.select();
  });
})();
