// market.js: the simulated Zoom App Marketplace, a small single-page app.
// Every page renders from JSON fetched after load; links move with
// history.pushState, so changing page or section is never a page load.
// Where a seeded variation draws the markup, the renderings of each
// dimension are a table of small functions (see "variation" below).
'use strict';
(function () {
  const root = document.getElementById('app');
  let session = null;
  let main = null;
  let seq = 0; // bumps on every route, so a late answer never paints an old page
  let dialog = null; // the open dialog, if any: {el, box}
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

  // say puts msg in an alert at the top of box, replacing an earlier one.
  function say(box, msg) {
    const old = box.querySelector(':scope > [role="alert"]');
    if (old) old.remove();
    box.prepend(alertBox(msg));
  }

  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

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
      const host = dialog ? dialog.box : main;
      const kept = [...host.childNodes].slice(dialog ? 1 : 0);
      for (const n of kept) n.remove();
      const f = { host: host, waiters: [resolve] };
      const retry = control('Retry', {
        cls: 'btn secondary',
        onPress: function () {
          if (failure !== f) return;
          failure = null;
          panel.remove();
          host.append(...kept);
          for (const w of f.waiters) w();
        },
      });
      const panel = h('div', { role: 'alert', class: 'alert failure' },
        h('p', {}, 'Something went wrong. Please try again.'), retry);
      f.panel = panel;
      failure = f;
      host.append(panel);
    });
  }

  // dropFailure forgets the panel when what it stood in for goes away (a new
  // page, a closed dialog); the requests behind it are abandoned.
  function dropFailure() {
    failure = null;
  }

  // ---------- variation: the Marketplace's dimensions ----------
  //
  // Each table holds one small function per choice of a dimension of
  // simulator/variation.go, the first being the plain rendering; variant()
  // (dom.js) picks the drawn one.

  // glyphs: the caret of a menu and the + of an action.
  const GLYPHS = {
    spans: {
      caret: text => [text, h('span', { 'aria-hidden': 'true', class: 'caret' }, '\u25BE')],
      plus: text => [h('span', { 'aria-hidden': 'true', class: 'plus' }, '+'), ' ' + text],
    },
    text: {
      caret: text => [text + ' \u25BE'],
      plus: text => ['+ ' + text],
    },
    svg: {
      caret: text => [text, icon('caret')],
      plus: text => [icon('plus'), ' ' + text],
    },
  };
  const withCaret = text => variant('glyphs', GLYPHS).caret(text);
  const plus = text => variant('glyphs', GLYPHS).plus(text);

  // menu: how a top-navigation menu opens, or that there is none.
  const MENUS = {
    click: (label, items) => clickMenu(label, items),
    hover: (label, items) => hoverMenu(label, items),
    links: (label, items) => items.map(([text, href]) => h('a', { href: href, class: 'navlink' }, text)),
  };

  // manage: the top navigation's Manage.
  const MANAGE = {
    menu: items => variant('menu', MENUS)('Manage', items),
    link: () => h('a', { href: session.developer ? '/user/build' : '/manage', class: 'navlink' }, 'Manage'),
  };

  // developer: the left navigation's Developer entry.
  const DEVELOPER = {
    toggle: () => developerToggle(),
    link: () => h('li', {}, h('a', { href: '/user/build' }, 'Developer')),
  };

  // dialog: how a dialog is made; each returns {el, box}, box holding the
  // head (first) and the content.
  const DIALOGS = {
    aria: (head, content, cls) => {
      const tid = uid('dialog-title');
      head.querySelector('h2').id = tid;
      const box = h('div', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': tid, class: 'modal ' + cls }, head, content);
      const el = h('div', { class: 'backdrop' }, box);
      document.body.append(el);
      root.inert = true;
      return { el: el, box: box };
    },
    native: (head, content, cls) => {
      const box = h('dialog', { class: 'modal native ' + cls }, head, content);
      box.addEventListener('cancel', function (e) {
        e.preventDefault();
        closeDialog();
      });
      document.body.append(box);
      box.showModal();
      return { el: box, box: box };
    },
    overlay: (head, content, cls) => {
      const box = h('div', { class: 'modal ' + cls }, head, content);
      const el = h('div', { class: 'backdrop' }, box);
      document.body.append(el);
      return { el: el, box: box };
    },
  };

  // validation: whether a primary control is disabled while what it sends
  // is incomplete. gate(level, control, why) returns {refresh, check}:
  // refresh after each change, check on press (why it cannot go, or '').
  // Level 'form' is a dialog's form (App Name, terms, app type), 'section'
  // the Information's Continue and Activate.
  function disableWhileInvalid(ctl, why) {
    const refresh = () => setDisabled(ctl, why() !== '');
    refresh();
    return { refresh: refresh, check: why };
  }
  function enabledAlways(ctl, why) {
    return { refresh: () => {}, check: why };
  }
  const VALIDATION = {
    disabled: { form: disableWhileInvalid, section: enabledAlways, upfront: false },
    'on-press': { form: enabledAlways, section: enabledAlways, upfront: false },
    strict: { form: disableWhileInvalid, section: disableWhileInvalid, upfront: true },
  };
  const gate = (level, ctl, why) => variant('validation', VALIDATION)[level](ctl, why);

  // appType: how the type of a new app is chosen. Each takes the kinds
  // [{type, title, desc}], choose(type) and {cancel, inDialog} and returns
  // nodes.
  const APP_TYPES = {
    tiles: (kinds, choose, o) => [
      h('div', { class: o.inDialog ? 'tiles stacked' : 'tiles' }, kinds.map(k => {
        const hid = uid('tile');
        const create = control('Create', { onPress: () => choose(k.type) });
        return h('section', { 'aria-labelledby': hid, class: 'tile' },
          h('span', { class: 'app-icon', 'aria-hidden': 'true' }, k.title.charAt(0)),
          h(o.inDialog ? 'h3' : 'h2', { id: hid }, k.title),
          h('p', {}, k.desc),
          h('div', { class: 'tile-foot' }, create));
      })),
      o.cancel ? h('div', { class: 'modal-foot' }, o.cancel) : null,
    ],
    radios: (kinds, choose, o) => {
      let chosen = '';
      const create = control('Create', { submit: true });
      const g = gate('form', create, () => (chosen ? '' : 'Choose an app type'));
      const options = kinds.map(k => {
        const id = uid('kind');
        const did = uid('kind-desc');
        const radio = h('input', { type: 'radio', id: id, name: 'kind', value: k.type, 'aria-describedby': did });
        radio.addEventListener('change', function () {
          chosen = k.type;
          g.refresh();
        });
        return h('div', { class: 'kind' }, radio, h('div', {}, h('label', { for: id }, k.title), h('div', { id: did, class: 'hint' }, k.desc)));
      });
      const form = h('form', { novalidate: true, class: o.inDialog ? null : 'type-form' },
        h('div', { role: 'radiogroup', 'aria-label': 'App type', class: 'kinds' }, options),
        h('div', { class: o.inDialog ? 'modal-foot' : 'form-foot' }, o.cancel, create));
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        const why = g.check();
        if (why) say(form, why);
        else choose(chosen);
      });
      return [form];
    },
    cards: (kinds, choose, o) => {
      let chosen = '';
      const box = h('div', {});
      const create = control('Create', {
        onPress: function () {
          const why = g.check();
          if (why) say(box, why);
          else choose(chosen);
        },
      });
      const g = gate('form', create, () => (chosen ? '' : 'Choose an app type'));
      const cards = kinds.map(k => {
        const card = h('div', { class: 'type-card', tabindex: '0' },
          h('span', { class: 'app-icon', 'aria-hidden': 'true' }, k.title.charAt(0)),
          h('span', { class: 'type-check' }, icon('check')),
          h('h3', {}, k.title),
          h('p', { class: 'hint' }, k.desc));
        const pick = function () {
          chosen = k.type;
          for (const c of cards) c.classList.toggle('selected', c === card);
          g.refresh();
        };
        card.addEventListener('click', pick);
        card.addEventListener('keydown', function (e) {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            pick();
          }
        });
        return card;
      });
      box.append(h('div', { class: o.inDialog ? 'type-cards stacked' : 'type-cards' }, cards),
        h('div', { class: o.inDialog ? 'modal-foot' : 'form-foot' }, o.cancel, create));
      return [box];
    },
  };
  // The plain pages show tiles in the top layout and radios in the left one.
  const appTypes = () => APP_TYPES[drawn('appType')] || (session.layout === 'left' ? APP_TYPES.radios : APP_TYPES.tiles);

  // sections: the app's section navigation. Each returns {nav, panel}, panel
  // being the attributes of the section's box.
  const goTo = (app, s) => () => navigate(appPath(app, s));
  const SECTION_NAVS = {
    links: (app, cur) => ({
      nav: h('nav', { 'aria-label': 'App sections', class: 'sections' },
        h('ol', {}, SECTIONS.map(s => h('li', {},
          h('a', { href: appPath(app, s), 'aria-current': s === cur ? 'page' : null }, s.title))))),
      panel: {},
    }),
    buttons: (app, cur) => ({
      nav: h('nav', { 'aria-label': 'App sections', class: 'sections' },
        h('ol', {}, SECTIONS.map(s => h('li', {},
          h('button', { type: 'button', class: s === cur ? 'current' : null, onclick: goTo(app, s) }, s.title))))),
      panel: {},
    }),
    tabs: (app, cur) => {
      const pid = uid('section-panel');
      const tabs = SECTIONS.map(s => h('button', {
        type: 'button', role: 'tab', id: 'tab-' + s.slug, 'aria-selected': s === cur ? 'true' : 'false',
        'aria-controls': pid, tabindex: s === cur ? '0' : '-1', onclick: goTo(app, s),
      }, s.title));
      const list = h('div', { role: 'tablist', 'aria-orientation': 'vertical', 'aria-label': 'App sections', class: 'sections' }, tabs);
      list.addEventListener('keydown', function (e) {
        const i = tabs.indexOf(document.activeElement);
        if (i < 0 || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
        e.preventDefault();
        tabs[(i + (e.key === 'ArrowDown' ? 1 : tabs.length - 1)) % tabs.length].focus();
      });
      return { nav: list, panel: { role: 'tabpanel', id: pid, 'aria-labelledby': 'tab-' + cur.slug } };
    },
    items: (app, cur) => ({
      nav: h('div', { class: 'sections' },
        h('ul', {}, SECTIONS.map(s => h('li', { class: s === cur ? 'item current' : 'item', onclick: goTo(app, s) }, s.title)))),
      panel: {},
    }),
  };

  // credentials: how App Credentials show their values. Each takes the rows
  // [{label, value, extras}] and returns {nodes, sets}: sets[i](v, secret)
  // shows v in row i, marked for the secret sentinel when secret.
  function markSecret(el, secret) {
    el.toggleAttribute('data-sim-secret', secret);
  }
  function textSetter(el) {
    return (v, secret) => {
      el.textContent = v;
      markSecret(el, secret);
    };
  }
  const CREDENTIALS = {
    inputs: rows => {
      const made = rows.map(r => {
        const id = uid('cred');
        const input = h('input', { type: 'text', id: id, readonly: true, value: r.value, spellcheck: 'false', autocomplete: 'off' });
        return {
          node: h('div', { class: 'field' }, h('label', { for: id }, r.label), h('div', { class: 'cred-row' }, input, r.extras)),
          set: (v, secret) => {
            input.value = v;
            markSecret(input, secret);
          },
        };
      });
      return { nodes: made.map(m => m.node), sets: made.map(m => m.set) };
    },
    dl: rows => {
      const values = rows.map(r => h('span', { class: 'cred-value' }, r.value));
      return {
        nodes: [h('dl', { class: 'creds' }, rows.map((r, i) => h('div', { class: 'cred-item' },
          h('dt', {}, r.label), h('dd', {}, values[i], h('span', { class: 'cred-actions' }, r.extras)))))],
        sets: values.map(textSetter),
      };
    },
    table: rows => {
      const values = rows.map(r => h('code', { class: 'cred-value' }, r.value));
      return {
        nodes: [h('table', { class: 'creds' }, h('tbody', {}, rows.map((r, i) => h('tr', {},
          h('th', { scope: 'row' }, r.label), h('td', {}, values[i]), h('td', { class: 'cred-actions' }, r.extras)))))],
        sets: values.map(textSetter),
      };
    },
    spans: rows => {
      const values = rows.map(r => h('span', { class: 'cred-value' }, r.value));
      return {
        nodes: rows.map((r, i) => h('div', { class: 'cred-line' },
          h('span', { class: 'cred-label' }, r.label), values[i], h('span', { class: 'cred-actions' }, r.extras))),
        sets: values.map(textSetter),
      };
    },
  };

  // reveal: what unmasks the Client Secret; each returns {el, shown(on)}.
  function eyeButton(show, hide) {
    const b = h('button', { type: 'button', class: 'iconbtn', 'aria-label': show }, icon('eye'));
    return {
      el: b,
      shown: function (on) {
        b.setAttribute('aria-label', on ? hide : show);
        b.replaceChildren(icon(on ? 'eye-off' : 'eye'));
      },
    };
  }
  const REVEALS = {
    show: () => {
      const b = h('button', { type: 'button', class: 'btn secondary small' }, 'Show');
      return { el: b, shown: on => { b.textContent = on ? 'Hide' : 'Show'; } };
    },
    'eye-named': () => eyeButton('Show client secret', 'Hide client secret'),
    eye: () => eyeButton('Show', 'Hide'),
  };

  // infoSave: when Information is saved.
  const INFO_SAVE = {
    auto: {
      hint: 'Tell us about the app and who to contact about it. Changes are saved automatically.',
      watch: (input, save) => input.addEventListener('change', save),
      button: () => null,
    },
    button: {
      hint: 'Tell us about the app and who to contact about it.',
      watch: () => {},
      button: function (saveAll) {
        const b = h('button', { type: 'button', class: 'btn secondary' }, 'Save');
        b.addEventListener('click', async function () {
          busy(b, true);
          await saveAll();
          busy(b, false);
        });
        return b;
      },
    },
  };

  // scopeControl: one scope in Add Scopes; each takes the scope, whether it
  // is chosen and set(on), and returns its list item.
  function scopeText(s) {
    return [s.label + ' ', h('span', { class: 'sid' }, '(' + s.id + ')')];
  }
  const SCOPE_ITEMS = {
    checkbox: (s, on, set) => {
      const box = h('input', { type: 'checkbox', value: s.id, checked: on });
      box.addEventListener('change', () => set(box.checked));
      return h('li', {}, h('label', { class: 'scope' }, box, h('span', {}, scopeText(s))));
    },
    switch: (s, on, set) => {
      const lid = uid('scope');
      const sw = h('button', { type: 'button', role: 'switch', 'aria-checked': on ? 'true' : 'false', 'aria-labelledby': lid, class: 'switch small' },
        h('span', { class: 'knob', 'aria-hidden': 'true' }));
      sw.addEventListener('click', function () {
        const now = sw.getAttribute('aria-checked') !== 'true';
        sw.setAttribute('aria-checked', now ? 'true' : 'false');
        set(now);
      });
      return h('li', { class: 'scope-row' }, h('span', { id: lid }, scopeText(s)), sw);
    },
    add: (s, on, set) => {
      const li = h('li', { class: 'scope-row' });
      const b = h('button', { type: 'button', class: 'btn secondary small' });
      const paint = function (now) {
        li.classList.toggle('added', now);
        b.textContent = now ? 'Remove' : 'Add';
      };
      b.addEventListener('click', function () {
        on = !on;
        paint(on);
        set(on);
      });
      paint(on);
      li.append(h('span', {}, scopeText(s)), b);
      return li;
    },
  };

  // scopeSearch: a search box above the picker, or none.
  const SCOPE_SEARCH = {
    box: function (onInput) {
      const s = h('input', { type: 'search', placeholder: 'Search scopes', 'aria-label': 'Search scopes', autocomplete: 'off' });
      s.addEventListener('input', onInput);
      s.addEventListener('keydown', function (e) { if (e.key === 'Enter') e.preventDefault(); });
      return {
        hint: 'Choose the scopes the app needs. Search by name or by scope, for example meeting:read:meeting:admin.',
        node: h('div', { class: 'scope-search' }, s),
        query: () => s.value.trim(),
        clear: () => { s.value = ''; },
      };
    },
    none: () => ({ hint: 'Choose the scopes the app needs.', node: null, query: () => '', clear: () => {} }),
  };

  // scopeProducts: how the products show. Each takes the products, groups
  // (a product's groups as nodes), results (the matches of a query as
  // nodes) and clearSearch, and returns {node, paint(q)}.
  const SCOPE_PRODUCTS = {
    side: function (products, groups, results, clearSearch) {
      let current = products.length ? products[0].name : '';
      const pane = h('div', { class: 'scope-pane' });
      const buttons = products.map(p => {
        const b = h('button', { type: 'button', 'aria-pressed': 'false' }, p.name);
        b.addEventListener('click', function () {
          current = p.name;
          clearSearch();
          paint('');
        });
        return h('li', {}, b);
      });
      function paint(q) {
        for (const li of buttons) {
          const b = li.firstChild;
          b.setAttribute('aria-pressed', !q && b.textContent === current ? 'true' : 'false');
        }
        const p = products.find(x => x.name === current);
        const nodes = q ? results(q) : (p ? [h('h3', {}, p.name), groups(p)] : []);
        pane.replaceChildren(...nodes.flat(Infinity));
        pane.scrollTop = 0;
      }
      return { node: h('div', { class: 'scope-body' }, h('ul', { class: 'products', 'aria-label': 'Products' }, buttons), pane), paint: paint };
    },
    expanded: function (products, groups, results) {
      const pane = h('div', { class: 'scope-pane' });
      function paint(q) {
        const nodes = q ? results(q) : products.map(p => [h('h3', {}, p.name), groups(p)]);
        pane.replaceChildren(...nodes.flat(Infinity));
        pane.scrollTop = 0;
      }
      return { node: h('div', { class: 'scope-body' }, pane), paint: paint };
    },
    collapsed: function (products, groups, results) {
      const pane = h('div', { class: 'scope-pane' });
      const open = new Set();
      function product(p) {
        const rid = uid('product');
        const region = h('div', { id: rid, class: 'product-scopes', hidden: !open.has(p.name) }, groups(p));
        const b = h('button', { type: 'button', class: 'product-toggle', 'aria-expanded': open.has(p.name) ? 'true' : 'false', 'aria-controls': rid },
          withCaret(p.name));
        b.addEventListener('click', function () {
          const now = !open.has(p.name);
          if (now) open.add(p.name);
          else open.delete(p.name);
          b.setAttribute('aria-expanded', now ? 'true' : 'false');
          region.hidden = !now;
        });
        return [h('h3', { class: 'product-head' }, b), region];
      }
      function paint(q) {
        const nodes = q ? results(q) : products.map(product);
        pane.replaceChildren(...nodes.flat(Infinity));
        pane.scrollTop = 0;
      }
      return { node: h('div', { class: 'scope-body' }, pane), paint: paint };
    },
  };

  // activation: Activate your app as a button or a switch. Each takes the
  // app, the problems to list (or null) and the actions {activate(ctl),
  // deactivate(ctl), gate(ctl)}, and returns nodes.
  function problemList(problems) {
    if (!problems || problems.length === 0) return null;
    const hid = uid('alert-title');
    return h('div', { role: 'alert', class: 'alert', 'aria-labelledby': hid },
      h('h3', { id: hid }, 'Your app cannot be activated'),
      h('ul', {}, problems.map(p => h('li', {}, p))));
  }
  const activatedNotice = () => h('p', { role: 'status', class: 'notice' }, 'Your app is activated on the account');
  const notYet = 'Activate the app to use its credentials on your account. Your app is not activated yet.';
  const ACTIVATIONS = {
    button: function (a, problems, act) {
      if (a.activated) {
        const off = h('button', { type: 'button', class: 'btn secondary' }, 'Deactivate');
        off.addEventListener('click', () => act.deactivate(off));
        return [activatedNotice(), off];
      }
      const on = control('Activate your app', { onPress: () => act.activate(on) });
      act.gate(on);
      return [problemList(problems), h('p', {}, notYet), on];
    },
    switch: function (a, problems, act) {
      const lid = uid('switch-label');
      const sw = h('button', { type: 'button', role: 'switch', 'aria-checked': a.activated ? 'true' : 'false', 'aria-labelledby': lid, class: 'switch' },
        h('span', { class: 'knob', 'aria-hidden': 'true' }));
      sw.addEventListener('click', () => (a.activated ? act.deactivate(sw) : act.activate(sw)));
      const row = h('div', { class: 'feature-row' },
        h('div', {}, h('h3', { id: lid }, 'Activate your app'), a.activated ? null : h('p', { class: 'hint' }, notYet)),
        sw);
      if (a.activated) return [activatedNotice(), row];
      act.gate(sw);
      return [problemList(problems), row];
    },
  };

  // loading: what shows while a page loads, and how much longer it stays
  // after the data came.
  const spinnerLine = () => h('p', { role: 'status', class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Loading\u2026');
  const skeleton = () => h('div', { class: 'skeleton', 'aria-hidden': 'true' },
    h('div', { class: 'bone title' }), h('div', { class: 'bone' }), h('div', { class: 'bone' }), h('div', { class: 'bone short' }));
  const shortWait = () => 30 + Math.floor(Math.random() * 371);
  // busy: whether main says aria-busy meanwhile (a skeleton only looks busy).
  const LOADING = {
    instant: { placeholder: spinnerLine, wait: () => 0, busy: true },
    spinner: { placeholder: spinnerLine, wait: shortWait, busy: true },
    skeleton: { placeholder: skeleton, wait: shortWait, busy: false },
  };

  // appList: how Created Apps lists the apps.
  const statusPill = a => h('span', { class: a.activated ? 'pill on' : 'pill' }, a.activated ? 'Active' : 'Inactive');
  const appHead = () => h('thead', {}, h('tr', {}, ['App Name', 'App Type', 'Status', 'Created'].map(c => h('th', { scope: 'col' }, c))));
  const APP_LISTS = {
    table: apps => h('table', { class: 'apps' }, appHead(),
      h('tbody', {}, apps.map(a => h('tr', {},
        h('td', {}, h('a', { href: '/develop/app/' + a.id }, a.name)),
        h('td', {}, a.typeLabel),
        h('td', {}, statusPill(a)),
        h('td', {}, a.created))))),
    cards: apps => h('ul', { class: 'app-cards' }, apps.map(a => h('li', { class: 'app-card' },
      h('span', { class: 'app-icon', 'aria-hidden': 'true' }, a.name.charAt(0).toUpperCase()),
      h('div', {},
        h('h3', {}, h('a', { href: '/develop/app/' + a.id }, a.name)),
        h('p', { class: 'hint' }, a.typeLabel + ' \u00B7 ' + a.created)),
      statusPill(a)))),
    rows: apps => h('table', { class: 'apps clickable-rows' }, appHead(),
      h('tbody', {}, apps.map(a => h('tr', { onclick: () => navigate('/develop/app/' + a.id) },
        h('td', {}, h('span', { class: 'app-name' }, a.name)),
        h('td', {}, a.typeLabel),
        h('td', {}, statusPill(a)),
        h('td', {}, a.created))))),
  };

  // count: the Created Apps heading with or without the number of apps.
  const COUNTS = {
    none: title => [title],
    parens: (title, n) => [title + ' (' + n + ')'],
    badge: (title, n) => [title, ' ', h('span', { class: 'badge' }, String(n))],
  };

  // ---------- chrome: header, navigation ----------

  // menuParts builds a menu's button and list, closed.
  function menuParts(label, items) {
    const mid = uid('menu');
    const bid = uid('menubutton');
    const btn = h('button', {
      type: 'button', id: bid, class: 'menubutton', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': mid,
    }, withCaret(label));
    const list = h('div', { role: 'menu', id: mid, 'aria-labelledby': bid, class: 'menu', hidden: true },
      items.map(([text, href]) => h('a', { role: 'menuitem', href: href, tabindex: '-1' }, text)));
    list.addEventListener('keydown', function (e) {
      const items = [...list.querySelectorAll('[role="menuitem"]')];
      const i = items.indexOf(document.activeElement);
      if (e.key === 'ArrowDown') { e.preventDefault(); items[(i + 1) % items.length].focus(); }
      if (e.key === 'ArrowUp') { e.preventDefault(); items[(i - 1 + items.length) % items.length].focus(); }
    });
    return { btn: btn, list: list };
  }

  function openMenu(btn, list) {
    btn.setAttribute('aria-expanded', 'true');
    list.hidden = false;
  }

  // clickMenu opens and closes when its button is pressed.
  function clickMenu(label, items) {
    const { btn, list } = menuParts(label, items);
    btn.addEventListener('click', function (e) {
      const open = btn.getAttribute('aria-expanded') === 'true';
      closeMenus();
      if (open) return;
      openMenu(btn, list);
      if (e.detail === 0) list.querySelector('[role="menuitem"]').focus();
    });
    return h('div', { class: 'menuwrap' }, btn, list);
  }

  // hoverMenu opens while the pointer (or the focus) is on it; pressing
  // its button does nothing more.
  function hoverMenu(label, items) {
    const { btn, list } = menuParts(label, items);
    const wrap = h('div', { class: 'menuwrap hover' }, btn, list);
    let timer = 0;
    const enter = function () {
      clearTimeout(timer);
      if (btn.getAttribute('aria-expanded') === 'true') return;
      closeMenus();
      openMenu(btn, list);
    };
    const leave = function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        btn.setAttribute('aria-expanded', 'false');
        list.hidden = true;
      }, 200);
    };
    wrap.addEventListener('mouseenter', enter);
    wrap.addEventListener('mouseleave', leave);
    wrap.addEventListener('focusin', enter);
    wrap.addEventListener('focusout', function (e) {
      if (!wrap.contains(e.relatedTarget)) leave();
    });
    return wrap;
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
        session.developer ? variant('menu', MENUS)('Develop', [['Build App', '/develop/create'], ['Build Legacy App', '/develop/legacy']]) : null,
        variant('manage', MANAGE)(session.developer ? [['Added Apps', '/manage'], ['Created Apps', '/user/build']] : [['Added Apps', '/manage']]))
      : null;
    return h('header', { class: 'mp-header' },
      h('a', { href: '/', class: 'brand', 'aria-label': 'Zoom App Marketplace' },
        h('span', { class: 'logo' }, 'zoom'), h('span', { class: 'brand-text' }, 'App Marketplace')),
      form,
      nav,
      h('span', { class: 'spacer' }),
      h('div', { class: 'user' }, h('span', { class: 'avatar small', 'aria-hidden': 'true' }, 'AA'), h('span', {}, session.name)));
  }

  // developerToggle is Developer as a toggle that opens its submenu.
  function developerToggle() {
    const subId = uid('developer');
    const toggle = h('button', { type: 'button', class: 'sidenav-toggle', 'aria-expanded': 'false', 'aria-controls': subId },
      withCaret('Developer'));
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
    return h('li', {}, toggle, sub);
  }

  function sideNav() {
    return h('nav', { 'aria-label': 'Main', class: 'sidenav' },
      h('ul', {},
        h('li', {}, h('a', { href: '/' }, 'Discover')),
        h('li', {}, h('a', { href: '/manage' }, 'Manage')),
        session.developer ? variant('developer', DEVELOPER)() : null));
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
    const head = h('div', { class: 'modal-head' }, h('h2', {}, title));
    if (opts && opts.closeButton) {
      head.append(h('button', { type: 'button', class: 'modal-close', 'aria-label': 'Close', onclick: closeDialog }, '\u00D7'));
    }
    dialog = variant('dialog', DIALOGS)(head, content, (opts && opts.cls) || '');
    const first = dialog.box.querySelector('input:not([type="radio"]), input[type="radio"]');
    if (first) first.focus();
    return dialog.box;
  }

  function closeDialog() {
    if (!dialog) return;
    if (failure && dialog.el.contains(failure.host)) dropFailure();
    dialog.el.remove();
    dialog = null;
    root.inert = false;
  }

  // nameDialog asks for the app name and creates the app.
  function nameDialog(type, title) {
    const fid = uid('app-name');
    const input = h('input', { type: 'text', id: fid, name: 'name', maxlength: '50', autocomplete: 'off' });
    const count = h('span', { class: 'hint', 'aria-hidden': 'true' }, '0/50');
    const create = control('Create', { submit: true });
    const cancel = h('button', { type: 'button', class: 'btn secondary', onclick: closeDialog }, 'Cancel');
    const g = gate('form', create, () => (input.value.trim() === '' ? 'App name must be 1 to 50 characters' : ''));
    const msg = h('div', {});
    const form = h('form', { novalidate: true },
      msg,
      field('fields', 'App Name', input, h('div', { class: 'counter' }, count)),
      h('div', { class: 'modal-foot' }, cancel, create));
    input.addEventListener('input', function () {
      count.textContent = input.value.length + '/50';
      g.refresh();
    });
    form.addEventListener('submit', async function (e) {
      e.preventDefault();
      if (isDisabled(create)) return;
      const why = g.check();
      if (why) {
        msg.replaceChildren(alertBox(why));
        return;
      }
      busy(create, true);
      const res = await call('POST', '/api/apps', { name: input.value, type: type });
      if (res.status === 201) {
        closeDialog();
        navigate('/develop/app/' + res.body.id);
        return;
      }
      busy(create, false);
      g.refresh();
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
      { type: 'general', title: 'General App', desc: 'Build an app for the Marketplace or for your account, with user- or admin-managed OAuth.' },
      { type: 's2s_oauth', title: 'Server to Server OAuth App', desc: 'Use Zoom APIs for your own account, without a user signing in.' },
      { type: 'webhook', title: 'Webhook Only App', desc: 'Receive event notifications from Zoom without calling Zoom APIs.' },
    ];
    const cancel = h('button', { type: 'button', class: 'btn secondary', onclick: closeDialog }, 'Cancel');
    const nodes = appTypes()(kinds, type => nameDialog(type, CREATE_TITLES[type]), { cancel: cancel, inDialog: true });
    openDialog('What kind of app are you creating?', nodes, { cls: 'narrow' });
  }

  // termsDialog asks a first-time developer to accept the terms, then does next.
  function termsDialog(next) {
    const cid = uid('terms');
    const box = h('input', { type: 'checkbox', id: cid, name: 'agree' });
    const accept = control('Accept', { submit: true });
    const cancel = h('button', { type: 'button', class: 'btn secondary', onclick: closeDialog }, 'Cancel');
    const g = gate('form', accept, () => (box.checked ? '' : 'Accept the Zoom Marketplace terms before you build an app.'));
    box.addEventListener('change', g.refresh);
    const msg = h('div', {});
    const form = h('form', { novalidate: true },
      msg,
      h('p', {}, 'Before you build your first app, read and accept the terms that apply to apps built on the Zoom platform.'),
      h('div', { class: 'agree' }, box, h('label', { for: cid }, 'I agree to the Zoom Marketplace Developer Agreement and the Zoom API License and Terms of Use')),
      h('div', { class: 'modal-foot' }, cancel, accept));
    form.addEventListener('submit', async function (e) {
      e.preventDefault();
      if (isDisabled(accept)) return;
      const why = g.check();
      if (why) {
        msg.replaceChildren(alertBox(why));
        return;
      }
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
      const review = control('Review terms', { onPress: () => termsDialog(route) });
      return {
        title: 'Build App',
        nodes: [h('h1', {}, 'Build App'), h('p', { class: 'lead' }, 'Accept the Zoom Marketplace terms to start building apps.'), review],
        after: () => termsDialog(route),
      };
    }
    const kinds = [
      { type: 'general', title: 'General App', desc: 'Build an app for the Zoom App Marketplace or for your own account, with user-managed or admin-managed OAuth.' },
      { type: 's2s_oauth', title: 'Server-to-Server OAuth', desc: 'Create an app that calls Zoom APIs for your own account, without a user signing in.' },
      { type: 'webhook', title: 'Webhook Only', desc: 'Receive event notifications from Zoom without calling Zoom APIs.' },
      { type: 'sdk', title: 'Meeting SDK', desc: 'Embed Zoom meetings and webinars in your own web, desktop or mobile app.' },
    ];
    const choose = type => nameDialog(type === 'sdk' ? 'general' : type, CREATE_TITLES[type]);
    return {
      title: 'Choose your app type',
      nodes: [h('h1', {}, 'Choose your app type'), h('p', { class: 'lead' }, 'Pick the kind of app that fits what you are building. You can find it later under Created Apps.'),
        appTypes()(kinds, choose, { inDialog: false })],
    };
  }

  async function createdView() {
    const res = await call('GET', '/api/apps');
    const left = session.layout === 'left';
    const title = left ? 'Created apps' : 'Created Apps';
    const apps = res.body.apps || [];
    const h1 = h('h1', {}, res.status === 200 ? variant('count', COUNTS)(title, apps.length) : title);
    const head = h('div', { class: 'page-head' }, h1);
    if (left) {
      head.append(control(plus('Build app'), { onPress: buildApp }));
    }
    if (res.status !== 200) return { title: title, nodes: [head, alertBox(res.body.error || 'The apps could not be loaded.')] };
    if (apps.length === 0) {
      return { title: title, nodes: [head, h('div', { class: 'empty' }, h('p', {}, 'You have not created any apps yet'))] };
    }
    return { title: title, nodes: [head, variant('appList', APP_LISTS)(apps)] };
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
    const sn = variant('sections', SECTION_NAVS)(app, section);
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
        h('div', { class: 'app-body' }, sn.nav, h('div', Object.assign({ class: 'section' }, sn.panel), body)),
      ],
    };
  }

  function appPath(app, s) {
    return '/develop/app/' + app.id + '/' + s.slug;
  }

  // continueButton goes to the next section, after before() when given
  // (false stays). o.tie(control) may gate it on the section's validity and
  // returns the gate; o.extra goes beside it.
  function continueButton(app, slug, before, o) {
    const i = SECTIONS.findIndex(s => s.slug === slug);
    const next = SECTIONS[i + 1];
    if (!next) return null;
    let g = null;
    const btn = control('Continue', {
      onPress: async function () {
        if (before) {
          busy(btn, true);
          const ok = await before();
          busy(btn, false);
          if (g) g.refresh();
          if (!ok) return;
        }
        navigate(appPath(app, next));
      },
    });
    if (o && o.tie) g = o.tie(btn);
    return h('div', { class: 'section-foot' }, o && o.extra, btn);
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

  function credentialsSection(app, plainSecret) {
    const status = h('p', { role: 'status', class: 'status-line' });
    const secretPath = '/api/apps/' + encodeURIComponent(app.id) + '/secret';
    const fetchSecret = async () => (await call('GET', secretPath)).body.clientSecret || '';
    const copyButton = () => h('button', { type: 'button', class: 'btn secondary small' }, 'Copy');

    const rows = [['Account ID', app.accountId], ['Client ID', app.clientId]].map(([label, value]) => {
      const btn = copyButton();
      btn.addEventListener('click', () => copy(value, label, status));
      return { label: label, value: value, extras: [btn] };
    });
    const copyBtn = copyButton();
    const reveal = plainSecret === null ? variant('reveal', REVEALS)() : null;
    const regen = h('button', { type: 'button', class: 'btn danger small' }, 'Regenerate');
    rows.push({ label: 'Client Secret', value: plainSecret !== null ? plainSecret : MASK, extras: [reveal && reveal.el, copyBtn, regen] });
    const shown = variant('credentials', CREDENTIALS)(rows);

    // showSecret puts the secret, or the mask, in its place; a place that
    // shows the secret is marked for the simulator's secret sentinel.
    const showSecret = v => shown.sets[2](v === null ? MASK : v, v !== null);
    showSecret(plainSecret);
    let secret = plainSecret;
    if (reveal) {
      reveal.el.addEventListener('click', async function () {
        if (secret !== null) {
          secret = null;
          showSecret(null);
          reveal.shown(false);
          return;
        }
        busy(reveal.el, true);
        secret = await fetchSecret();
        busy(reveal.el, false);
        showSecret(secret);
        reveal.shown(true);
      });
    }
    copyBtn.addEventListener('click', async function () {
      copy(secret !== null ? secret : await fetchSecret(), 'Client Secret', status);
    });
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
        secret = await fetchSecret();
        showSecret(secret);
      } else {
        secret = null;
        showSecret(null);
        reveal.shown(false);
      }
      status.textContent = 'Client Secret regenerated';
    });

    return [
      h('h2', {}, 'App Credentials'),
      h('p', { class: 'hint' }, 'Use these credentials to get an access token for your account. Keep the Client Secret private.'),
      ...shown.nodes,
      status,
      continueButton(app, 'credentials'),
    ];
  }

  // activationProblems mirrors what the Marketplace answers when Activate
  // is refused, for the variations that say it before.
  function informationProblems(a) {
    const p = [];
    if (!(a.company || '').trim()) p.push('Company Name is required');
    if (!(a.contactName || '').trim()) p.push('Developer contact name is required');
    if (!(a.contactEmail || '').trim()) p.push('Developer contact email is required');
    return p;
  }
  function activationProblems(a) {
    return informationProblems(a).concat(a.scopes.length === 0 ? ['Add at least one scope'] : []);
  }

  function informationSection(app) {
    const status = h('p', { role: 'status', class: 'status-line' });
    const msg = h('div', {});
    const path = '/api/apps/' + encodeURIComponent(app.id);
    const saving = variant('infoSave', INFO_SAVE);
    const fields = {};
    let g = null;
    function infoField(key, label, value, kind) {
      const id = uid('info');
      const input = kind === 'textarea'
        ? h('textarea', { id: id, name: key, rows: '3', maxlength: '150' })
        : h('input', { type: kind || 'text', id: id, name: key, autocomplete: 'off' });
      input.value = value || '';
      saving.watch(input, () => save({ [key]: input.value }));
      input.addEventListener('input', () => g && g.refresh());
      fields[key] = input;
      return field('fields', label, input);
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
    const nodes = [
      h('h2', {}, 'Information'),
      h('p', { class: 'hint' }, saving.hint),
      msg,
      h('h3', {}, 'Basic Information'),
      infoField('shortDescription', 'Short description', app.shortDescription, 'textarea'),
      infoField('company', 'Company Name', app.company),
      h('h3', {}, 'Developer Contact Information'),
      infoField('contactName', 'Name', app.contactName),
      infoField('contactEmail', 'Email address', app.contactEmail, 'email'),
      status,
    ];
    const missing = () => informationProblems({
      company: fields.company.value, contactName: fields.contactName.value, contactEmail: fields.contactEmail.value,
    }).join('; ');
    nodes.push(continueButton(app, 'information', saveAll, {
      extra: saving.button(saveAll),
      tie: btn => (g = gate('section', btn, missing)),
    }));
    return nodes;
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
    const add = control(plus('Add Scopes'), { cls: 'btn secondary', onPress: () => scopesDialog(app) });
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
    const item = variant('scopeControl', SCOPE_ITEMS);

    const scopeItem = s => item(s, checked.has(s.id), function (on) {
      if (on) checked.add(s.id);
      else checked.delete(s.id);
    });
    const groupNodes = groups => groups.map(g => [h('h4', {}, g.title), h('ul', { class: 'scope-list' }, g.scopes.map(scopeItem))]);

    // results lists the scopes whose words or id hold q, under their products.
    function results(q) {
      const low = q.toLowerCase();
      const nodes = [];
      let n = 0;
      for (const p of products) {
        const groups = p.groups
          .map(g => ({ title: g.title, scopes: g.scopes.filter(s => (s.label + ' (' + s.id + ')').toLowerCase().includes(low)) }))
          .filter(g => g.scopes.length > 0);
        for (const g of groups) n += g.scopes.length;
        if (groups.length) nodes.push(h('h3', {}, p.name), groupNodes(groups));
      }
      const quoted = '\u201C' + q + '\u201D';
      const summary = n === 0 ? 'No scopes match ' + quoted + '.' : (n === 1 ? '1 scope matches ' : n + ' scopes match ') + quoted;
      nodes.unshift(h('p', { class: 'hint matches' }, summary));
      return nodes;
    }

    const search = variant('scopeSearch', SCOPE_SEARCH)(() => picker.paint(search.query()));
    const picker = variant('scopeProducts', SCOPE_PRODUCTS)(products, p => groupNodes(p.groups), results, search.clear);

    const msg = h('div', {});
    const done = control('Done', {
      onPress: async function () {
        busy(done, true);
        const r = await call('PUT', '/api/apps/' + encodeURIComponent(app.id) + '/scopes', { scopes: [...checked] });
        busy(done, false);
        if (r.status !== 200) {
          msg.replaceChildren(alertBox(r.body.error || 'The scopes could not be saved.'));
          return;
        }
        closeDialog();
        route();
      },
    });
    picker.paint('');
    openDialog('Add Scopes', [
      h('p', { class: 'hint' }, search.hint),
      search.node,
      msg,
      picker.node,
      h('div', { class: 'modal-foot' }, done),
    ], { cls: 'wide', closeButton: true });
  }

  function activationSection(app) {
    const path = '/api/apps/' + encodeURIComponent(app.id);
    const box = h('div', {});
    const render = variant('activation', ACTIVATIONS);
    const rules = variant('validation', VALIDATION);
    const act = {
      activate: async function (ctl, a) {
        busy(ctl, true);
        const res = await call('POST', path + '/activate');
        busy(ctl, false);
        if (res.status === 200) paint(res.body);
        else paint(app, res.body.problems || [res.body.error || 'The app could not be activated.']);
      },
      deactivate: async function (ctl) {
        busy(ctl, true);
        const res = await call('POST', path + '/deactivate');
        busy(ctl, false);
        if (res.status === 200) paint(res.body);
      },
      gate: ctl => gate('section', ctl, () => activationProblems(app).join('; ')),
    };
    function paint(a, problems) {
      app = a;
      const upfront = rules.upfront && !a.activated ? activationProblems(a) : null;
      box.replaceChildren(...render(a, problems || upfront, act).filter(Boolean));
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
    const loading = variant('loading', LOADING);
    if (loading.busy) main.setAttribute('aria-busy', 'true');
    main.replaceChildren(loading.placeholder());
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
    // A slow page: the data is here, the content comes later.
    const wait = session.lateContentMs + loading.wait();
    if (wait > 0) {
      await sleep(wait);
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
    setVariation(session.variation);
    main = h('main', { class: 'mp-main' });
    const body = h('div', { class: 'mp-body ' + session.layout }, session.layout === 'left' ? sideNav() : null, main);
    root.replaceChildren(header(), body);
    await route();
  }

  boot();
})();
