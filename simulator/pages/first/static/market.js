// market.js: the simulated Zoom App Marketplace, a small single-page app.
// Every page renders from JSON fetched after load; links move with
// history.pushState, so changing page or section is never a page load.
'use strict';
(function () {
  const root = document.getElementById('app');
  let session = null;
  let main = null;
  let seq = 0; // bumps on every route, so a late answer never paints an old page
  let dialog = null; // the open dialog, if any
  let failure = null; // the shown "Something went wrong" panel, if any

  const SECTIONS = [
    { slug: 'credentials', title: 'App Credentials' },
    { slug: 'information', title: 'Information' },
    { slug: 'feature', title: 'Feature' },
    { slug: 'scopes', title: 'Scopes' },
    { slug: 'activation', title: 'Activation' },
  ];
  const MASK = '\u2022'.repeat(16);

  // ---------- plumbing ----------

  function navigate(path) {
    if (path !== location.pathname + location.search) history.pushState(null, '', path);
    route();
  }

  document.addEventListener('click', function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target.closest('a[href]');
    if (!a || a.origin !== location.origin || a.target || a.getAttribute('href').startsWith('#')) return;
    e.preventDefault();
    closeMenus();
    navigate(a.pathname + a.search);
  });
  document.addEventListener('click', function (e) {
    if (!e.target.closest('.menuwrap')) closeMenus();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    if (dialog) {
      closeDialog();
    } else {
      closeMenus(true);
    }
  });
  window.addEventListener('popstate', route);

  function alertBox(msg) {
    return h('div', { role: 'alert', class: 'alert' }, msg);
  }

  function plus(text) {
    return [h('span', { 'aria-hidden': 'true', class: 'plus' }, '+'), ' ' + text];
  }

  // call is api for the Marketplace's own data. A 401 means the Zoom session
  // ended: the browser goes to the Zoom sign-in. A failed request (5xx, or
  // no answer) puts the "Something went wrong" panel in place of the content
  // and is sent again when Retry is pressed; only its success returns, so a
  // page goes on where it was, with what was typed.
  async function call(method, path, body) {
    for (;;) {
      const res = await api(method, path, body);
      if (res.status === 401) {
        location.assign(session.signInUrl);
        return new Promise(function () {});
      }
      if (res.status !== 0 && res.status < 500) return res;
      await failed();
    }
  }

  // failed shows the panel, in the open dialog (below its title) or in place
  // of the page's content, and resolves when Retry is pressed. Failures that
  // happen while it shows share it.
  function failed() {
    return new Promise(function (resolve) {
      if (failure) {
        failure.waiters.push(resolve);
        return;
      }
      const host = dialog ? dialog.firstChild : main;
      const kept = [...host.childNodes].slice(dialog ? 1 : 0);
      for (const n of kept) n.remove();
      const retry = h('button', { type: 'button', class: 'btn secondary' }, 'Retry');
      const panel = h('div', { role: 'alert', class: 'alert failure' },
        h('p', {}, 'Something went wrong. Please try again.'), retry);
      const f = { panel: panel, host: host, waiters: [resolve] };
      failure = f;
      retry.addEventListener('click', function () {
        if (failure !== f) return;
        failure = null;
        panel.remove();
        host.append(...kept);
        for (const w of f.waiters) w();
      });
      host.append(panel);
    });
  }

  // dropFailure forgets the panel when what it stood in for goes away (a new
  // page, a closed dialog); the requests behind it are abandoned.
  function dropFailure() {
    failure = null;
  }

  // ---------- chrome: header, navigation ----------

  function menu(label, items) {
    const mid = uid('menu');
    const bid = uid('menubutton');
    const btn = h('button', {
      type: 'button', id: bid, class: 'menubutton', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': mid,
    }, label, h('span', { 'aria-hidden': 'true', class: 'caret' }, '\u25BE'));
    const list = h('div', { role: 'menu', id: mid, 'aria-labelledby': bid, class: 'menu', hidden: true },
      items.map(([text, href]) => h('a', { role: 'menuitem', href: href, tabindex: '-1' }, text)));
    btn.addEventListener('click', function (e) {
      const open = btn.getAttribute('aria-expanded') === 'true';
      closeMenus();
      if (open) return;
      btn.setAttribute('aria-expanded', 'true');
      list.hidden = false;
      if (e.detail === 0) list.querySelector('[role="menuitem"]').focus();
    });
    list.addEventListener('keydown', function (e) {
      const items = [...list.querySelectorAll('[role="menuitem"]')];
      const i = items.indexOf(document.activeElement);
      if (e.key === 'ArrowDown') { e.preventDefault(); items[(i + 1) % items.length].focus(); }
      if (e.key === 'ArrowUp') { e.preventDefault(); items[(i - 1 + items.length) % items.length].focus(); }
    });
    return h('div', { class: 'menuwrap' }, btn, list);
  }

  function closeMenus(refocus) {
    for (const b of document.querySelectorAll('[aria-haspopup="menu"][aria-expanded="true"]')) {
      b.setAttribute('aria-expanded', 'false');
      document.getElementById(b.getAttribute('aria-controls')).hidden = true;
      if (refocus) b.focus();
    }
  }

  function header() {
    const search = h('input', { type: 'search', name: 'q', placeholder: 'Search apps', 'aria-label': 'Search apps' });
    const form = h('form', { role: 'search', class: 'mp-search' }, search);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      const q = search.value.trim();
      navigate(q ? '/?q=' + encodeURIComponent(q) : '/');
    });
    // Without the developer permission there is nothing to build or manage.
    const nav = session.layout === 'top'
      ? h('nav', { 'aria-label': 'Primary', class: 'mp-topnav' },
        session.developer ? menu('Develop', [['Build App', '/develop/create'], ['Build Legacy App', '/develop/legacy']]) : null,
        menu('Manage', session.developer ? [['Added Apps', '/manage'], ['Created Apps', '/user/build']] : [['Added Apps', '/manage']]))
      : null;
    return h('header', { class: 'mp-header' },
      h('a', { href: '/', class: 'brand', 'aria-label': 'Zoom App Marketplace' },
        h('span', { class: 'logo' }, 'zoom'), h('span', { class: 'brand-text' }, 'App Marketplace')),
      form,
      nav,
      h('span', { class: 'spacer' }),
      h('div', { class: 'user' }, h('span', { class: 'avatar small', 'aria-hidden': 'true' }, 'AA'), h('span', {}, session.name)));
  }

  function sideNav() {
    const subId = uid('developer');
    const toggle = h('button', { type: 'button', class: 'sidenav-toggle', 'aria-expanded': 'false', 'aria-controls': subId },
      'Developer', h('span', { 'aria-hidden': 'true', class: 'caret' }, '\u25BE'));
    const sub = h('ul', { id: subId, class: 'sidenav-sub', hidden: true },
      h('li', {}, h('a', { href: '/user/build' }, 'Created apps')),
      h('li', {}, h('a', { href: '/docs' }, 'Documentation')));
    toggle.addEventListener('click', function () {
      const open = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
      sub.hidden = open;
    });
    if (/^\/(user\/build|develop|docs)/.test(location.pathname)) {
      toggle.setAttribute('aria-expanded', 'true');
      sub.hidden = false;
    }
    return h('nav', { 'aria-label': 'Main', class: 'sidenav' },
      h('ul', {},
        h('li', {}, h('a', { href: '/' }, 'Discover')),
        h('li', {}, h('a', { href: '/manage' }, 'Manage')),
        session.developer ? h('li', {}, toggle, sub) : null));
  }

  function markCurrent() {
    for (const a of root.querySelectorAll('nav[aria-label="Main"] a')) {
      if (a.pathname === location.pathname) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
  }

  // ---------- dialogs ----------

  function openDialog(title, content, opts) {
    closeDialog();
    const tid = uid('dialog-title');
    const head = h('div', { class: 'modal-head' }, h('h2', { id: tid }, title));
    if (opts && opts.closeButton) {
      head.append(h('button', { type: 'button', class: 'modal-close', 'aria-label': 'Close', onclick: closeDialog }, '\u00D7'));
    }
    const box = h('div', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': tid, class: 'modal ' + ((opts && opts.cls) || '') }, head, content);
    const backdrop = h('div', { class: 'backdrop' }, box);
    document.body.append(backdrop);
    root.inert = true;
    dialog = backdrop;
    const first = box.querySelector('input:not([type="radio"]), input[type="radio"]');
    if (first) first.focus();
    return box;
  }

  function closeDialog() {
    if (!dialog) return;
    if (failure && dialog.contains(failure.host)) dropFailure();
    dialog.remove();
    dialog = null;
    root.inert = false;
  }

  function busy(btn, on) {
    btn.disabled = on;
    if (on) btn.setAttribute('aria-busy', 'true');
    else btn.removeAttribute('aria-busy');
  }

  // nameDialog asks for the app name and creates the app.
  function nameDialog(type, title) {
    const fid = uid('app-name');
    const input = h('input', { type: 'text', id: fid, name: 'name', maxlength: '50', autocomplete: 'off' });
    const count = h('span', { class: 'hint', 'aria-hidden': 'true' }, '0/50');
    const create = h('button', { type: 'submit', class: 'btn', disabled: true }, 'Create');
    const cancel = h('button', { type: 'button', class: 'btn secondary', onclick: closeDialog }, 'Cancel');
    const msg = h('div', {});
    const form = h('form', { novalidate: true },
      msg,
      h('div', { class: 'field' },
        h('label', { for: fid }, 'App Name'),
        input,
        h('div', { class: 'counter' }, count)),
      h('div', { class: 'modal-foot' }, cancel, create));
    input.addEventListener('input', function () {
      count.textContent = input.value.length + '/50';
      create.disabled = input.value.trim() === '';
    });
    form.addEventListener('submit', async function (e) {
      e.preventDefault();
      if (create.disabled) return;
      busy(create, true);
      const res = await call('POST', '/api/apps', { name: input.value, type: type });
      if (res.status === 201) {
        closeDialog();
        navigate('/develop/app/' + res.body.id);
        return;
      }
      busy(create, false);
      msg.replaceChildren(alertBox(res.body.error || 'The app could not be created.'));
    });
    openDialog(title, form, { cls: 'narrow' });
  }

  const CREATE_TITLES = {
    s2s_oauth: 'Create a Server-to-Server OAuth app',
    general: 'Create a General app',
    webhook: 'Create a Webhook Only app',
    sdk: 'Create a Meeting SDK app',
  };

  // kindDialog is the left layout's "What kind of app are you creating?".
  function kindDialog() {
    const kinds = [
      ['general', 'General App', 'Build an app for the Marketplace or for your account, with user- or admin-managed OAuth.'],
      ['s2s_oauth', 'Server to Server OAuth App', 'Use Zoom APIs for your own account, without a user signing in.'],
      ['webhook', 'Webhook Only App', 'Receive event notifications from Zoom without calling Zoom APIs.'],
    ];
    const create = h('button', { type: 'submit', class: 'btn', disabled: true }, 'Create');
    const cancel = h('button', { type: 'button', class: 'btn secondary', onclick: closeDialog }, 'Cancel');
    const options = kinds.map(([value, label, desc]) => {
      const id = uid('kind');
      const did = uid('kind-desc');
      const radio = h('input', { type: 'radio', id: id, name: 'kind', value: value, 'aria-describedby': did });
      radio.addEventListener('change', function () { create.disabled = false; });
      return h('div', { class: 'kind' }, radio, h('div', {}, h('label', { for: id }, label), h('div', { id: did, class: 'hint' }, desc)));
    });
    const form = h('form', { novalidate: true },
      h('div', { role: 'radiogroup', 'aria-label': 'App type', class: 'kinds' }, options),
      h('div', { class: 'modal-foot' }, cancel, create));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      const chosen = form.querySelector('input[name="kind"]:checked');
      if (!chosen) return;
      nameDialog(chosen.value, CREATE_TITLES[chosen.value]);
    });
    openDialog('What kind of app are you creating?', form, { cls: 'narrow' });
  }

  // termsDialog asks a first-time developer to accept the terms, then does next.
  function termsDialog(next) {
    const cid = uid('terms');
    const box = h('input', { type: 'checkbox', id: cid, name: 'agree' });
    const accept = h('button', { type: 'submit', class: 'btn', disabled: true }, 'Accept');
    const cancel = h('button', { type: 'button', class: 'btn secondary', onclick: closeDialog }, 'Cancel');
    box.addEventListener('change', function () { accept.disabled = !box.checked; });
    const msg = h('div', {});
    const form = h('form', { novalidate: true },
      msg,
      h('p', {}, 'Before you build your first app, read and accept the terms that apply to apps built on the Zoom platform.'),
      h('div', { class: 'agree' }, box, h('label', { for: cid }, 'I agree to the Zoom Marketplace Developer Agreement and the Zoom API License and Terms of Use')),
      h('div', { class: 'modal-foot' }, cancel, accept));
    form.addEventListener('submit', async function (e) {
      e.preventDefault();
      if (accept.disabled) return;
      busy(accept, true);
      const res = await call('POST', '/api/terms');
      busy(accept, false);
      if (res.status !== 200) {
        msg.replaceChildren(alertBox(res.body.error || 'The terms could not be accepted.'));
        return;
      }
      session.termsAccepted = true;
      closeDialog();
      next();
    });
    openDialog('Accept the Zoom Marketplace terms', form, { cls: 'narrow' });
  }

  // buildApp is the left layout's Build app: the terms first, once.
  function buildApp() {
    if (session.termsAccepted) kindDialog();
    else termsDialog(kindDialog);
  }

  // ---------- pages ----------

  async function homeView() {
    const res = await call('GET', '/api/featured');
    const q = new URLSearchParams(location.search).get('q');
    const apps = res.body.apps || [];
    const out = [h('h1', {}, 'Discover apps that work with Zoom')];
    if (q) out.push(h('p', { role: 'status' }, 'No apps match \u201C' + q + '\u201D.'));
    out.push(h('p', { class: 'lead' }, 'Find, add and manage apps that bring your everyday tools into Zoom.'));
    out.push(h('h2', {}, 'Featured apps'));
    out.push(h('ul', { class: 'featured' }, apps.map(a =>
      h('li', { class: 'feature-card' },
        h('span', { class: 'app-icon', 'aria-hidden': 'true' }, a.name.charAt(0)),
        h('h3', {}, a.name),
        h('p', { class: 'hint' }, a.category),
        h('p', {}, a.description)))));
    return { title: 'Zoom App Marketplace', nodes: out };
  }

  function createView() {
    if (!session.termsAccepted) {
      const review = h('button', { type: 'button', class: 'btn' }, 'Review terms');
      review.addEventListener('click', () => termsDialog(route));
      return {
        title: 'Build App',
        nodes: [h('h1', {}, 'Build App'), h('p', { class: 'lead' }, 'Accept the Zoom Marketplace terms to start building apps.'), review],
        after: () => termsDialog(route),
      };
    }
    const tiles = [
      ['General App', 'general', 'Build an app for the Zoom App Marketplace or for your own account, with user-managed or admin-managed OAuth.'],
      ['Server-to-Server OAuth', 's2s_oauth', 'Create an app that calls Zoom APIs for your own account, without a user signing in.'],
      ['Webhook Only', 'webhook', 'Receive event notifications from Zoom without calling Zoom APIs.'],
      ['Meeting SDK', 'sdk', 'Embed Zoom meetings and webinars in your own web, desktop or mobile app.'],
    ];
    const grid = h('div', { class: 'tiles' }, tiles.map(([title, type, desc]) => {
      const hid = uid('tile');
      const create = h('button', { type: 'button', class: 'btn' }, 'Create');
      create.addEventListener('click', function () {
        nameDialog(type === 'sdk' ? 'general' : type, CREATE_TITLES[type]);
      });
      return h('section', { 'aria-labelledby': hid, class: 'tile' },
        h('span', { class: 'app-icon', 'aria-hidden': 'true' }, title.charAt(0)),
        h('h2', { id: hid }, title),
        h('p', {}, desc),
        h('div', { class: 'tile-foot' }, create));
    }));
    return {
      title: 'Choose your app type',
      nodes: [h('h1', {}, 'Choose your app type'), h('p', { class: 'lead' }, 'Pick the kind of app that fits what you are building. You can find it later under Created Apps.'), grid],
    };
  }

  async function createdView() {
    const res = await call('GET', '/api/apps');
    const left = session.layout === 'left';
    const title = left ? 'Created apps' : 'Created Apps';
    const head = h('div', { class: 'page-head' }, h('h1', {}, title));
    if (left) {
      head.append(h('button', { type: 'button', class: 'btn', onclick: buildApp }, plus('Build app')));
    }
    const apps = res.body.apps || [];
    if (res.status !== 200) return { title: title, nodes: [head, alertBox(res.body.error || 'The apps could not be loaded.')] };
    if (apps.length === 0) {
      return { title: title, nodes: [head, h('div', { class: 'empty' }, h('p', {}, 'You have not created any apps yet'))] };
    }
    const table = h('table', { class: 'apps' },
      h('thead', {}, h('tr', {}, ['App Name', 'App Type', 'Status', 'Created'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, apps.map(a => h('tr', {},
        h('td', {}, h('a', { href: '/develop/app/' + a.id }, a.name)),
        h('td', {}, a.typeLabel),
        h('td', {}, h('span', { class: a.activated ? 'pill on' : 'pill' }, a.activated ? 'Active' : 'Inactive')),
        h('td', {}, a.created)))));
    return { title: title, nodes: [head, table] };
  }

  function simpleView(title, ...paras) {
    return { title: title, nodes: [h('h1', {}, title), ...paras.map(p => h('p', {}, p))] };
  }

  // ---------- the app page ----------

  async function appView(id, slug) {
    const res = await call('GET', '/api/apps/' + encodeURIComponent(id));
    if (res.status !== 200) return simpleView('App not found', 'This app does not exist or you do not have access to it.');
    const app = res.body;
    const section = SECTIONS.find(s => s.slug === slug) || SECTIONS[0];
    let secret = null;
    if (section.slug === 'credentials' && session.plainSecret) {
      const sr = await call('GET', '/api/apps/' + encodeURIComponent(id) + '/secret');
      secret = sr.body.clientSecret || '';
    }
    const nav = h('nav', { 'aria-label': 'App sections', class: 'sections' },
      h('ol', {}, SECTIONS.map(s => h('li', {},
        h('a', { href: appPath(app, s), 'aria-current': s === section ? 'page' : null }, s.title)))));
    let body;
    switch (section.slug) {
      case 'credentials': body = credentialsSection(app, secret); break;
      case 'information': body = informationSection(app); break;
      case 'feature': body = featureSection(app); break;
      case 'scopes': body = scopesSection(app); break;
      default: body = activationSection(app);
    }
    return {
      title: app.name,
      nodes: [
        h('div', { class: 'app-head' },
          h('span', { class: 'app-icon big', 'aria-hidden': 'true' }, app.name.charAt(0).toUpperCase()),
          h('div', {}, h('h1', {}, app.name), h('p', { class: 'type' }, app.typeLabel))),
        h('div', { class: 'app-body' }, nav, h('div', { class: 'section' }, body)),
      ],
    };
  }

  function appPath(app, s) {
    return '/develop/app/' + app.id + '/' + s.slug;
  }

  function continueButton(app, slug, before) {
    const i = SECTIONS.findIndex(s => s.slug === slug);
    const next = SECTIONS[i + 1];
    if (!next) return null;
    const btn = h('button', { type: 'button', class: 'btn' }, 'Continue');
    btn.addEventListener('click', async function () {
      if (before) {
        busy(btn, true);
        const ok = await before();
        busy(btn, false);
        if (!ok) return;
      }
      navigate(appPath(app, next));
    });
    return h('div', { class: 'section-foot' }, btn);
  }

  async function copy(text, what, status) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      const ta = h('textarea', { 'aria-hidden': 'true', style: 'position:fixed;left:-9999px' });
      ta.value = text;
      document.body.append(ta);
      ta.select();
      document.execCommand('copy');
      ta.remove();
    }
    status.textContent = what + ' copied';
  }

  function readOnlyField(label, value, extra) {
    const id = uid('cred');
    const input = h('input', { type: 'text', id: id, readonly: true, value: value, spellcheck: 'false', autocomplete: 'off' });
    return { input, node: h('div', { class: 'field' }, h('label', { for: id }, label), h('div', { class: 'cred-row' }, input, extra)) };
  }

  function credentialsSection(app, plainSecret) {
    const status = h('p', { role: 'status', class: 'status-line' });
    const secretPath = '/api/apps/' + encodeURIComponent(app.id) + '/secret';
    const fetchSecret = async () => (await call('GET', secretPath)).body.clientSecret || '';

    const fields = [];
    for (const [label, value] of [['Account ID', app.accountId], ['Client ID', app.clientId]]) {
      const btn = h('button', { type: 'button', class: 'btn secondary small' }, 'Copy');
      const f = readOnlyField(label, value, btn);
      btn.addEventListener('click', () => copy(value, label, status));
      fields.push(f.node);
    }

    const copyBtn = h('button', { type: 'button', class: 'btn secondary small' }, 'Copy');
    const extra = [copyBtn];
    const sf = readOnlyField('Client Secret', plainSecret !== null ? plainSecret : MASK, extra);
    // showSecret puts the secret, or the mask, in the field; a field that
    // shows the secret is marked for the simulator's secret sentinel.
    const showSecret = function (v) {
      sf.input.value = v === null ? MASK : v;
      sf.input.toggleAttribute('data-sim-secret', v !== null);
    };
    showSecret(plainSecret);
    let shown = plainSecret;
    let showBtn = null;
    if (plainSecret === null) {
      showBtn = h('button', { type: 'button', class: 'btn secondary small' }, 'Show');
      showBtn.addEventListener('click', async function () {
        if (shown !== null) {
          shown = null;
          showSecret(null);
          showBtn.textContent = 'Show';
          return;
        }
        busy(showBtn, true);
        shown = await fetchSecret();
        busy(showBtn, false);
        showSecret(shown);
        showBtn.textContent = 'Hide';
      });
      sf.node.querySelector('.cred-row').insertBefore(showBtn, copyBtn);
    }
    copyBtn.addEventListener('click', async function () {
      copy(shown !== null ? shown : await fetchSecret(), 'Client Secret', status);
    });
    const regen = h('button', { type: 'button', class: 'btn danger small' }, 'Regenerate');
    regen.addEventListener('click', async function () {
      if (!confirm('Regenerate the Client Secret? Every site that uses the current secret stops working until it is given the new one.')) return;
      busy(regen, true);
      const res = await call('POST', secretPath);
      busy(regen, false);
      if (res.status !== 200) {
        status.textContent = res.body.error || 'The secret could not be regenerated.';
        return;
      }
      if (session.plainSecret) {
        shown = await fetchSecret();
        showSecret(shown);
      } else {
        shown = null;
        showSecret(null);
        showBtn.textContent = 'Show';
      }
      status.textContent = 'Client Secret regenerated';
    });
    sf.node.querySelector('.cred-row').append(regen);
    fields.push(sf.node);

    return [
      h('h2', {}, 'App Credentials'),
      h('p', { class: 'hint' }, 'Use these credentials to get an access token for your account. Keep the Client Secret private.'),
      ...fields,
      status,
      continueButton(app, 'credentials'),
    ];
  }

  function informationSection(app) {
    const status = h('p', { role: 'status', class: 'status-line' });
    const msg = h('div', {});
    const path = '/api/apps/' + encodeURIComponent(app.id);
    const fields = {};
    function field(key, label, value, kind) {
      const id = uid('info');
      const input = kind === 'textarea'
        ? h('textarea', { id: id, name: key, rows: '3', maxlength: '150' })
        : h('input', { type: kind || 'text', id: id, name: key, autocomplete: 'off' });
      input.value = value || '';
      input.addEventListener('change', () => save({ [key]: input.value }));
      fields[key] = input;
      return h('div', { class: 'field' }, h('label', { for: id }, label), input);
    }
    async function save(patch) {
      status.textContent = 'Saving\u2026';
      const res = await call('PUT', path, patch);
      if (res.status !== 200) {
        status.textContent = '';
        msg.replaceChildren(alertBox(res.body.error || 'Your changes could not be saved.'));
        return false;
      }
      msg.replaceChildren();
      status.textContent = 'Saved';
      return true;
    }
    const saveAll = () => save(Object.fromEntries(Object.entries(fields).map(([k, el]) => [k, el.value])));
    return [
      h('h2', {}, 'Information'),
      h('p', { class: 'hint' }, 'Tell us about the app and who to contact about it. Changes are saved automatically.'),
      msg,
      h('h3', {}, 'Basic Information'),
      field('shortDescription', 'Short description', app.shortDescription, 'textarea'),
      field('company', 'Company Name', app.company),
      h('h3', {}, 'Developer Contact Information'),
      field('contactName', 'Name', app.contactName),
      field('contactEmail', 'Email address', app.contactEmail, 'email'),
      status,
      continueButton(app, 'information', saveAll),
    ];
  }

  function featureSection(app) {
    const lid = uid('switch-label');
    const sw = h('button', { type: 'button', role: 'switch', 'aria-checked': app.eventSubscriptions ? 'true' : 'false', 'aria-labelledby': lid, class: 'switch' },
      h('span', { class: 'knob', 'aria-hidden': 'true' }));
    const tokenBox = h('div', {});
    function paintToken(on, value) {
      if (!on) { tokenBox.replaceChildren(); return; }
      const id = uid('token');
      tokenBox.replaceChildren(h('div', { class: 'field' },
        h('label', { for: id }, 'Secret Token'),
        h('input', { type: 'text', id: id, readonly: true, value: value, spellcheck: 'false' }),
        h('p', { class: 'hint' }, 'Zoom signs the event notifications it sends to your endpoint with this token.')));
    }
    paintToken(app.eventSubscriptions, app.webhookSecretToken);
    sw.addEventListener('click', async function () {
      const on = sw.getAttribute('aria-checked') !== 'true';
      sw.disabled = true;
      const res = await call('PUT', '/api/apps/' + encodeURIComponent(app.id), { eventSubscriptions: on });
      sw.disabled = false;
      if (res.status !== 200) return;
      sw.setAttribute('aria-checked', res.body.eventSubscriptions ? 'true' : 'false');
      paintToken(res.body.eventSubscriptions, res.body.webhookSecretToken);
    });
    return [
      h('h2', {}, 'Feature'),
      h('p', { class: 'hint' }, 'Choose the features your app uses.'),
      h('div', { class: 'feature-row' },
        h('div', {}, h('h3', { id: lid }, 'Event Subscriptions'),
          h('p', { class: 'hint' }, 'Get notified by Zoom when events such as a meeting starting happen on your account.')),
        sw),
      tokenBox,
      continueButton(app, 'feature'),
    ];
  }

  function countText(n) {
    if (n === 0) return 'No scopes added';
    return n === 1 ? '1 scope added' : n + ' scopes added';
  }

  function scopesSection(app) {
    const path = '/api/apps/' + encodeURIComponent(app.id) + '/scopes';
    const msg = h('div', {});
    const list = app.scopes.length === 0 ? null : h('ul', { class: 'added', 'aria-label': 'Added scopes' }, app.scopes.map(s => {
      const rm = h('button', { type: 'button', class: 'remove', 'aria-label': 'Remove ' + s.id }, '\u00D7');
      rm.addEventListener('click', async function () {
        busy(rm, true);
        const res = await call('PUT', path, { scopes: app.scopes.filter(x => x.id !== s.id).map(x => x.id) });
        if (res.status !== 200) {
          busy(rm, false);
          msg.replaceChildren(alertBox(res.body.error || 'The scope could not be removed.'));
          return;
        }
        route();
      });
      return h('li', {}, h('div', {}, h('div', { class: 'scope-label' }, s.label || s.id), h('code', {}, s.id)), rm);
    }));
    const add = h('button', { type: 'button', class: 'btn secondary' }, plus('Add Scopes'));
    add.addEventListener('click', () => scopesDialog(app));
    return [
      h('h2', {}, 'Scopes'),
      h('p', { class: 'hint' }, 'Scopes decide which Zoom APIs the app may call and which information it may read.'),
      msg,
      h('div', { class: 'scopes-head' }, h('p', { class: 'count' }, countText(app.scopes.length)), add),
      list,
      continueButton(app, 'scopes'),
    ];
  }

  async function scopesDialog(app) {
    const res = await call('GET', '/api/catalogue');
    const products = res.body.products || [];
    const checked = new Set(app.scopes.map(s => s.id));
    let current = products.length ? products[0].name : '';

    const search = h('input', { type: 'search', placeholder: 'Search scopes', 'aria-label': 'Search scopes', autocomplete: 'off' });
    const pane = h('div', { class: 'scope-pane' });
    const productButtons = products.map(p => {
      const b = h('button', { type: 'button', 'aria-pressed': 'false' }, p.name);
      b.addEventListener('click', function () {
        current = p.name;
        search.value = '';
        paint();
      });
      return h('li', {}, b);
    });
    const side = h('ul', { class: 'products', 'aria-label': 'Products' }, productButtons);

    function scopeBox(s) {
      const box = h('input', { type: 'checkbox', value: s.id, checked: checked.has(s.id) });
      box.addEventListener('change', function () {
        if (box.checked) checked.add(s.id);
        else checked.delete(s.id);
      });
      return h('li', {}, h('label', { class: 'scope' }, box, h('span', {}, s.label + ' ', h('span', { class: 'sid' }, '(' + s.id + ')'))));
    }

    function groupNodes(groups) {
      return groups.map(g => [h('h4', {}, g.title), h('ul', { class: 'scope-list' }, g.scopes.map(scopeBox))]);
    }

    function paint() {
      const q = search.value.trim().toLowerCase();
      for (const li of productButtons) {
        const b = li.firstChild;
        b.setAttribute('aria-pressed', !q && b.textContent === current ? 'true' : 'false');
      }
      const nodes = [];
      if (q) {
        let n = 0;
        for (const p of products) {
          const groups = p.groups
            .map(g => ({ title: g.title, scopes: g.scopes.filter(s => (s.label + ' (' + s.id + ')').toLowerCase().includes(q)) }))
            .filter(g => g.scopes.length > 0);
          for (const g of groups) n += g.scopes.length;
          if (groups.length) nodes.push(h('h3', {}, p.name), groupNodes(groups));
        }
        const quoted = '\u201C' + search.value.trim() + '\u201D';
        const summary = n === 0 ? 'No scopes match ' + quoted + '.' : (n === 1 ? '1 scope matches ' : n + ' scopes match ') + quoted;
        nodes.unshift(h('p', { class: 'hint matches' }, summary));
      } else {
        const p = products.find(x => x.name === current);
        if (p) nodes.push(h('h3', {}, p.name), groupNodes(p.groups));
      }
      pane.replaceChildren(...nodes.flat(Infinity));
      pane.scrollTop = 0;
    }
    search.addEventListener('input', paint);
    search.addEventListener('keydown', function (e) { if (e.key === 'Enter') e.preventDefault(); });

    const msg = h('div', {});
    const done = h('button', { type: 'button', class: 'btn' }, 'Done');
    done.addEventListener('click', async function () {
      busy(done, true);
      const r = await call('PUT', '/api/apps/' + encodeURIComponent(app.id) + '/scopes', { scopes: [...checked] });
      busy(done, false);
      if (r.status !== 200) {
        msg.replaceChildren(alertBox(r.body.error || 'The scopes could not be saved.'));
        return;
      }
      closeDialog();
      route();
    });
    paint();
    openDialog('Add Scopes', [
      h('p', { class: 'hint' }, 'Choose the scopes the app needs. Search by name or by scope, for example meeting:read:meeting:admin.'),
      h('div', { class: 'scope-search' }, search),
      msg,
      h('div', { class: 'scope-body' }, side, pane),
      h('div', { class: 'modal-foot' }, done),
    ], { cls: 'wide', closeButton: true });
  }

  function activationSection(app) {
    const path = '/api/apps/' + encodeURIComponent(app.id);
    const box = h('div', {});
    function paint(a, problems) {
      if (a.activated) {
        const off = h('button', { type: 'button', class: 'btn secondary' }, 'Deactivate');
        off.addEventListener('click', async function () {
          busy(off, true);
          const res = await call('POST', path + '/deactivate');
          busy(off, false);
          if (res.status === 200) paint(res.body);
        });
        box.replaceChildren(
          h('p', { role: 'status', class: 'notice' }, 'Your app is activated on the account'),
          off);
        return;
      }
      const on = h('button', { type: 'button', class: 'btn' }, 'Activate your app');
      on.addEventListener('click', async function () {
        busy(on, true);
        const res = await call('POST', path + '/activate');
        busy(on, false);
        if (res.status === 200) paint(res.body);
        else paint(a, res.body.problems || [res.body.error || 'The app could not be activated.']);
      });
      const nodes = [];
      if (problems) {
        const hid = uid('alert-title');
        nodes.push(h('div', { role: 'alert', class: 'alert', 'aria-labelledby': hid },
          h('h3', { id: hid }, 'Your app cannot be activated'),
          h('ul', {}, problems.map(p => h('li', {}, p)))));
      }
      nodes.push(h('p', {}, 'Activate the app to use its credentials on your account. Your app is not activated yet.'), on);
      box.replaceChildren(...nodes);
    }
    paint(app);
    return [h('h2', {}, 'Activation'), box];
  }

  // ---------- routing ----------

  // builderPath matches the pages that need the developer permission.
  const builderPath = /^\/(develop\/|user\/build$)/;

  async function route() {
    const my = ++seq;
    closeDialog();
    closeMenus();
    dropFailure();
    if (session.layout === 'left') markCurrent();
    main.setAttribute('aria-busy', 'true');
    main.replaceChildren(h('p', { role: 'status', class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Loading\u2026'));
    const p = location.pathname.replace(/\/+$/, '') || '/';
    let m;
    let view;
    if (!session.developer && builderPath.test(p)) view = simpleView('Page not available', 'You do not have permission to view this page. Contact your account admin.');
    else if (p === '/') view = await homeView();
    else if (p === '/develop/create') view = createView();
    else if (p === '/develop/legacy') view = simpleView('Build Legacy App', 'JWT apps were retired in June 2023, and new OAuth apps are now built as General Apps.', 'To call Zoom APIs for your own account, build a Server-to-Server OAuth app.');
    else if (p === '/user/build') view = await createdView();
    else if ((m = p.match(/^\/develop\/app\/([^/]+)(?:\/([^/]+))?$/))) view = await appView(decodeURIComponent(m[1]), m[2]);
    else if (p === '/manage') view = simpleView('Added Apps', 'You have not added any apps yet.');
    else if (p === '/docs') view = simpleView('Documentation', 'Guides and API references for building apps on the Zoom platform.');
    else view = simpleView('Page not found', 'The page you are looking for does not exist.');
    if (my !== seq) return;
    if (session.lateContentMs > 0) {
      // A slow page: the data is here, the content comes later.
      await new Promise(resolve => setTimeout(resolve, session.lateContentMs));
      if (my !== seq) return;
    }
    document.title = view.title + ' - Zoom App Marketplace';
    main.removeAttribute('aria-busy');
    main.replaceChildren(...view.nodes.flat(Infinity).filter(Boolean));
    window.scrollTo(0, 0);
    if (view.after) view.after();
  }

  async function boot() {
    const res = await api('GET', '/api/session');
    if (!res.body.signedIn) {
      location.assign(res.body.signInUrl);
      return;
    }
    session = res.body;
    main = h('main', { class: 'mp-main' });
    const body = h('div', { class: 'mp-body ' + session.layout }, session.layout === 'left' ? sideNav() : null, main);
    root.replaceChildren(header(), body);
    await route();
  }

  boot();
})();
