// signin.js: the two-step Zoom sign-in (email, then password), rendered in
// place like the real hash-routed page.
'use strict';
(function () {
  const root = document.getElementById('signin-root');
  let email = '';

  if (location.hash !== '#/login') history.replaceState(null, '', '/signin#/login');

  const EMAIL = 'Email or phone number';

  // signinFields (a seeded variation, simulator/variation.go): how the
  // email and password fields are labelled. The plain page names the email
  // by its placeholder and aria-label and the password by a <label>.
  const plainFields = {
    email: value => h('div', { class: 'field' }, h('input', {
      type: 'email', name: 'email', placeholder: EMAIL,
      'aria-label': EMAIL, autocomplete: 'username', value: value,
    })),
    password: (input, hidden) => h('div', { class: 'field' }, h('label', { for: input.id }, 'Password'), input, hidden),
  };
  // labelledAs labels both fields as a FIELD_LABELS choice (dom.js) does.
  const labelledAs = choice => ({
    email: value => FIELD_LABELS[choice](EMAIL, h('input', { type: 'email', id: uid('email'), name: 'email', autocomplete: 'username', value: value })),
    password: (input, hidden) => {
      const node = FIELD_LABELS[choice]('Password', input);
      node.append(hidden);
      return node;
    },
  });
  const SIGNIN_FIELDS = {
    'placeholder-aria': plainFields,
    label: labelledAs('label'),
    placeholder: labelledAs('placeholder'),
    'text-above': labelledAs('text-above'),
  };
  const fields = variant('signinFields', SIGNIN_FIELDS);

  // signinButton: Next and Sign In as a <button> or an <input type=submit>.
  const SIGNIN_BUTTONS = {
    button: text => h('button', { type: 'submit', class: 'btn wide' }, text),
    input: text => h('input', { type: 'submit', class: 'btn wide', value: text }),
  };
  const submitButton = variant('signinButton', SIGNIN_BUTTONS);

  function alertBox(msg) {
    return h('div', { role: 'alert', class: 'alert' }, msg);
  }

  function others() {
    const note = () => show(alertBox('This sign-in method is not available for this account.'));
    return [
      h('p', { class: 'or' }, 'or sign in with'),
      h('div', { class: 'alt' },
        h('button', { type: 'button', class: 'btn secondary', onclick: note }, 'SSO'),
        h('button', { type: 'button', class: 'btn secondary', onclick: note }, 'Google'),
        h('button', { type: 'button', class: 'btn secondary', onclick: note }, 'Apple')),
      h('p', { class: 'foot' }, 'By signing in, I agree to the Zoom Privacy Statement and Terms of Service.'),
    ];
  }

  // show puts a message above the form, replacing an earlier one.
  function show(el) {
    const old = root.querySelector('[role="alert"]');
    if (old) old.remove();
    const form = root.querySelector('form');
    form.prepend(el);
  }

  function emailStep() {
    const emailField = fields.email(email);
    const input = emailField.querySelector('input');
    const next = submitButton('Next');
    const form = h('form', { novalidate: true },
      emailField,
      next);
    form.addEventListener('submit', async function (e) {
      e.preventDefault();
      if (next.disabled) return;
      const v = input.value.trim();
      if (!v) {
        show(alertBox('Please enter your email address.'));
        return;
      }
      // Zoom asks whether the account signs in through SSO before it asks
      // for a password; an SSO account leaves for its identity provider.
      next.disabled = true;
      next.setAttribute('aria-busy', 'true');
      const res = await api('POST', '/signin/lookup', { email: v });
      if (res.status === 200 && res.body.sso && res.body.next) {
        location.assign(res.body.next);
        return;
      }
      next.disabled = false;
      next.removeAttribute('aria-busy');
      email = v;
      passwordStep();
    });
    root.replaceChildren(h('h1', {}, 'Sign In'), form, ...others());
    input.focus();
  }

  function passwordStep() {
    const pid = uid('password');
    const password = h('input', { type: 'password', id: pid, name: 'password', autocomplete: 'current-password' });
    // The real page carries a second, hidden password input.
    const hidden = h('input', { type: 'password', name: 'password', tabindex: '-1', 'aria-hidden': 'true', autocomplete: 'off', style: 'display:none' });
    const submit = submitButton('Sign In');
    const form = h('form', { novalidate: true },
      fields.password(password, hidden),
      submit);
    form.addEventListener('submit', async function (e) {
      e.preventDefault();
      if (submit.disabled) return;
      submit.disabled = true;
      submit.setAttribute('aria-busy', 'true');
      const res = await api('POST', '/signin/api', { email: email, password: password.value });
      if (res.status === 200 && res.body.next) {
        location.assign(res.body.next);
        return;
      }
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
      show(alertBox(res.status === 401 ? 'Incorrect email or password' : (res.body.errorMessage || 'Something went wrong. Please try again.')));
      password.focus();
    });
    const change = h('button', { type: 'button', class: 'linkbtn', onclick: emailStep }, 'Change');
    root.replaceChildren(h('h1', {}, 'Sign In'), h('p', { class: 'who' }, email, ' · ', change), form, ...others());
    password.focus();
  }

  emailStep();
})();
