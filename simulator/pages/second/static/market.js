/* Second rendering. Written from shared/reference/zoom-and-meets.md and
   simulator/pages/README.md alone, without reading the flows or the first
   rendering.

   The Zoom App Marketplace as a small single-page app. Every page renders
   from JSON fetched after load (README "Marketplace"). Routes:
     /                          discover (featured apps)
     /user/build                created apps
     /develop/create            start a build (terms, then the app type)
     /develop/apps/ID/SECTION   an app: credentials, information, feature,
                                scopes, activation
   Identifiers here are lower case on purpose: the simulator can replace
   visible words in scripts, and must not rename code while doing so. */
(function () {
  'use strict';

  var root = document.getElementById('mk-root');
  var toasts = document.getElementById('mk-toasts');
  var sess = null;          // GET /api/session
  var nav_seq = 0;          // bumps on every route; stale renders drop out
  var main = null;          // where pages render
  var cat_cache = null;     // GET /api/catalogue, loaded once
  var app_view = null;      // the app on screen
  var overlay_closers = [];

  var sections = [
    { slug: 'credentials', name: 'App Credentials' },
    { slug: 'information', name: 'Information' },
    { slug: 'feature', name: 'Feature' },
    { slug: 'scopes', name: 'Scopes' },
    { slug: 'activation', name: 'Activation' }
  ];

  /* ---------- small helpers ---------- */

  function el(tag, attrs) {
    var n = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (!Object.prototype.hasOwnProperty.call(attrs, k)) continue;
        var v = attrs[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') n.setAttribute('class', v);
        else if (k === 'text') n.textContent = v;
        else if (k.indexOf('on') === 0) n.addEventListener(k.slice(2), v);
        else if (k === 'disabled' || k === 'hidden' || k === 'checked' || k === 'value') n[k] = v;
        else n.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (var i = 2; i < arguments.length; i++) put(n, arguments[i]);
    return n;
  }
  function put(n, c) {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) { c.forEach(function (x) { put(n, x); }); return; }
    n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); }
  function wait(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  function late() { return Math.max(0, Number(sess && sess.lateContentMs) || 0); }

  var icons = {
    copy: '<path d="M8 3h9a2 2 0 0 1 2 2v11h-2V5H8V3zm-3 4h9a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2zm0 2v10h9V9H5z"/>',
    eye: '<path d="M12 5C6.5 5 2.7 9.3 1.5 12c1.2 2.7 5 7 10.5 7s9.3-4.3 10.5-7C21.3 9.3 17.5 5 12 5zm0 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8zm0-2a2 2 0 1 0 0-4 2 2 0 0 0 0 4z"/>',
    eyeoff: '<path d="M2.3 3.7 3.7 2.3l18 18-1.4 1.4-3.3-3.3A11 11 0 0 1 12 19C6.5 19 2.7 14.7 1.5 12a13 13 0 0 1 4-4.9L2.3 3.7zM12 5c5.5 0 9.3 4.3 10.5 7a13 13 0 0 1-2.8 3.8L16 12.1A4 4 0 0 0 11.9 8L9.4 5.4C10.2 5.1 11.1 5 12 5z"/>',
    close: '<path d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z"/>',
    warn: '<path d="M12 2 1 21h22L12 2zm1 15h-2v-2h2v2zm0-4h-2V9h2v4z"/>',
    check: '<path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z"/>',
    build: '<path d="M4 4h7v7H4V4zm9 0h7v7h-7V4zM4 13h7v7H4v-7zm12 0h2v3h3v2h-3v3h-2v-3h-3v-2h3v-3z"/>',
    book: '<path d="M6 2h12a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 2v16h12V4H6zm2 2h8v2H8V6zm0 4h8v2H8v-2z"/>',
    chat: '<path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-4 4V5a2 2 0 0 1 2-2z"/>',
    caret: '<path d="M7 10l5 5 5-5z"/>',
    search: '<path d="M10 2a8 8 0 0 1 6.3 12.9l5.4 5.4-1.4 1.4-5.4-5.4A8 8 0 1 1 10 2zm0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12z"/>',
    trash: '<path d="M9 3h6l1 1h4v2H4V4h4l1-1zM6 8h12l-1 13H7L6 8z"/>'
  };
  function icon(name, size) {
    var s = el('span', { class: 'ic', 'aria-hidden': 'true' });
    var px = size || 18;
    s.innerHTML = '<svg viewBox="0 0 24 24" width="' + px + '" height="' + px + '" fill="currentColor" focusable="false">' + icons[name] + '</svg>';
    return s;
  }

  function toast(text, kind) {
    var t = el('div', { class: 'mk-toast' + (kind ? ' mk-toast--' + kind : ''), role: 'status' }, text);
    toasts.appendChild(t);
    requestAnimationFrame(function () { t.classList.add('mk-toast--in'); });
    setTimeout(function () {
      t.classList.remove('mk-toast--in');
      setTimeout(function () { t.remove(); }, 250);
    }, 3200);
  }

  function to_signin() {
    var where = (sess && sess.signInUrl) || '/';
    location.assign(where);
  }

  /* ---------- the API ---------- */

  // api resolves to {status, data} for 2xx/4xx (but 401, which leaves for
  // the sign-in page) and rejects with {net} or {server} otherwise.
  function api(method, path, body) {
    var opts = { method: method, credentials: 'same-origin', headers: {} };
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    return fetch(path, opts).then(function (r) {
      return r.text().then(function (t) {
        var d = null;
        try { d = t ? JSON.parse(t) : null; } catch (e) { d = null; }
        return { status: r.status, data: d || {} };
      });
    }).catch(function () {
      throw { net: true };
    }).then(function (res) {
      if (res.status === 401) {
        to_signin();
        return new Promise(function () {});
      }
      if (res.status >= 500) throw { server: res.status, msg: res.data.error };
      return res;
    });
  }

  // fail_box is the "something went wrong" notice with a control that sends
  // the same request again.
  function fail_box(again, opts) {
    opts = opts || {};
    var box = el('div', { class: 'mk-fail' + (opts.compact ? ' mk-fail--compact' : ''), role: 'alert' });
    put(box, [
      icon('warn', 20),
      el('div', { class: 'mk-fail__text' },
        el('strong', { text: 'Something went wrong.' }),
        el('span', { text: opts.text || ' The request did not go through. Nothing you typed was lost.' })),
      el('button', {
        type: 'button', class: 'mk-btn mk-btn--quiet', text: opts.word || 'Try again',
        onclick: function () { box.remove(); again(); }
      })
    ]);
    return box;
  }

  function skeleton(kind) {
    var s = el('div', { class: 'skel', 'aria-hidden': 'true' });
    if (kind === 'cards') {
      put(s, el('span', { class: 'sk sk--title' }));
      var g = el('div', { class: 'skel__grid' });
      for (var i = 0; i < 6; i++) put(g, el('span', { class: 'sk sk--card' }));
      put(s, g);
    } else if (kind === 'pane') {
      put(s, [el('span', { class: 'sk sk--title' }), el('span', { class: 'sk sk--line' }), el('span', { class: 'sk sk--line sk--short' }), el('span', { class: 'sk sk--block' })]);
    } else {
      put(s, [el('span', { class: 'sk sk--title' }), el('span', { class: 'sk sk--line' }), el('span', { class: 'sk sk--block' }), el('span', { class: 'sk sk--block' })]);
    }
    return el('div', { class: 'mk-loading', role: 'status', 'aria-label': 'Loading' }, s);
  }

  // load shows a placeholder, fetches, holds the placeholder for
  // lateContentMs plus a short settle of its own, then draws.
  function load(seq, where, kind, fetcher, draw) {
    clear(where);
    where.appendChild(skeleton(kind));
    where.setAttribute('aria-busy', 'true');
    fetcher().then(function (res) {
      return wait(late() + 140).then(function () { return res; });
    }).then(function (res) {
      if (seq !== nav_seq) return;
      clear(where);
      where.removeAttribute('aria-busy');
      draw(res);
      fade_in(where);
    }, function () {
      if (seq !== nav_seq) return;
      clear(where);
      where.removeAttribute('aria-busy');
      where.appendChild(fail_box(function () { load(seq, where, kind, fetcher, draw); }));
    });
  }

  function fade_in(n) {
    n.classList.remove('mk-enter');
    void n.offsetWidth;
    n.classList.add('mk-enter');
  }

  function copy_text(text) {
    function fallback() {
      var ta = el('textarea', { class: 'mk-offscreen', 'aria-hidden': 'true' });
      ta.value = text;
      document.body.appendChild(ta);
      ta.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      ta.remove();
      return ok;
    }
    var done = function () { toast('Copied to clipboard'); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(); done(); });
    } else {
      fallback();
      done();
    }
  }

  /* ---------- routing ---------- */

  function go(path, replace) {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    route();
  }

  document.addEventListener('click', function (ev) {
    var a = ev.target.closest && ev.target.closest('a[data-nav]');
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    ev.preventDefault();
    go(a.getAttribute('href'));
  });
  window.addEventListener('popstate', function () { route(); });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && overlay_closers.length) overlay_closers[overlay_closers.length - 1]();
  });

  function close_overlays() {
    while (overlay_closers.length) overlay_closers[overlay_closers.length - 1]();
  }

  function route() {
    var seq = ++nav_seq;
    close_overlays();
    var p = location.pathname.replace(/\/+$/, '') || '/';
    mark_nav(p);
    var m;
    if (p === '/') return page_home(seq);
    if (p === '/user/build') return page_apps(seq, false);
    if (p === '/develop/create') return page_create(seq);
    if ((m = p.match(/^\/develop\/apps\/([^/]+)(?:\/([a-z]+))?$/))) {
      return page_app(seq, decodeURIComponent(m[1]), m[2] || 'credentials');
    }
    return page_missing();
  }

  /* ---------- the frame: top or left navigation ---------- */

  function user_chip() {
    var wrap = el('div', { class: 'mk-user' });
    var first = (sess.name || '?').charAt(0);
    var btn = el('button', { type: 'button', class: 'mk-user__btn', 'aria-haspopup': 'true', 'aria-expanded': 'false', title: sess.email },
      el('span', { class: 'mk-avatar', 'aria-hidden': 'true', text: first }),
      el('span', { class: 'mk-user__name', text: sess.name }));
    var signout = (sess.signInUrl || '').replace(/\/signin.*$/, '/signout');
    var pop = el('div', { class: 'mk-user__pop', hidden: true },
      el('div', { class: 'mk-user__mail', text: sess.email }),
      el('a', { href: signout, class: 'mk-user__item' }, 'Sign Out'));
    btn.addEventListener('click', function () {
      pop.hidden = !pop.hidden;
      btn.setAttribute('aria-expanded', String(!pop.hidden));
    });
    document.addEventListener('click', function (ev) {
      if (!wrap.contains(ev.target)) { pop.hidden = true; btn.setAttribute('aria-expanded', 'false'); }
    });
    put(wrap, [btn, pop]);
    return wrap;
  }

  function search_box() {
    return el('div', { class: 'mk-search' }, icon('search', 16),
      el('input', { type: 'search', class: 'mk-search__in', placeholder: 'Search for apps', 'aria-label': 'Search the Marketplace' }));
  }

  // The Develop menu opens on hover (with a short delay) and on click.
  function develop_menu() {
    var wrap = el('div', { class: 'mk-menu' });
    var trigger = el('button', { type: 'button', class: 'mk-top__item mk-menu__trigger', 'aria-haspopup': 'menu', 'aria-expanded': 'false' },
      'Develop ', el('span', { class: 'mk-caret', text: '\u25BE' }));
    var list = el('div', { class: 'mk-menu__list', role: 'menu', hidden: true });
    var open_t = 0, close_t = 0, hover_open_at = 0;
    function open(by_hover) {
      clearTimeout(close_t);
      if (!list.hidden) return;
      list.hidden = false;
      trigger.setAttribute('aria-expanded', 'true');
      if (by_hover) hover_open_at = Date.now();
      requestAnimationFrame(function () { list.classList.add('mk-menu__list--in'); });
    }
    function shut() {
      clearTimeout(open_t);
      list.classList.remove('mk-menu__list--in');
      list.hidden = true;
      trigger.setAttribute('aria-expanded', 'false');
    }
    wrap.addEventListener('mouseenter', function () {
      clearTimeout(close_t);
      open_t = setTimeout(function () { open(true); }, 110);
    });
    wrap.addEventListener('mouseleave', function () {
      clearTimeout(open_t);
      close_t = setTimeout(shut, 280);
    });
    trigger.addEventListener('click', function () {
      if (list.hidden) { open(false); return; }
      // A click right after the hover opened it keeps it open.
      if (Date.now() - hover_open_at > 600) shut();
    });
    document.addEventListener('click', function (ev) { if (!wrap.contains(ev.target)) shut(); });
    wrap.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape') { shut(); trigger.focus(); }
      if (ev.key === 'ArrowDown') { open(false); var f = list.querySelector('[role=menuitem]'); if (f) f.focus(); ev.preventDefault(); }
    });
    function item(ic, word, act) {
      var it = el('div', { class: 'mk-menu__item', role: 'menuitem', tabindex: '-1' }, icon(ic, 16), el('span', { text: word }));
      it.addEventListener('click', function () { shut(); act(); });
      it.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); it.click(); } });
      return it;
    }
    put(list, [
      item('build', 'Build App', function () { go('/develop/create'); }),
      el('div', { class: 'mk-menu__sep', role: 'separator' }),
      item('book', 'Documentation', function () { toast('The documentation opens on the Zoom Developer Platform.'); }),
      item('chat', 'Developer Forum', function () { toast('The forum opens on devforum.zoom.us.'); })
    ]);
    put(wrap, [trigger, list]);
    return wrap;
  }

  function frame_top() {
    var nav = el('nav', { class: 'mk-top__nav', 'aria-label': 'Marketplace' },
      el('a', { href: '/', 'data-nav': '', class: 'mk-top__item', 'data-mark': '/' }, 'Discover'),
      sess.developer ? develop_menu() : null,
      el('a', { href: '/user/build', 'data-nav': '', class: 'mk-top__item', 'data-mark': '/user/build' }, 'Manage'));
    var head = el('header', { class: 'mk-top' },
      el('a', { href: '/', 'data-nav': '', class: 'mk-brand', 'aria-label': 'Zoom App Marketplace' },
        el('span', { class: 'mk-brand__zoom', text: 'zoom' }), el('span', { class: 'mk-brand__sub', text: 'App Marketplace' })),
      nav, el('span', { class: 'mk-grow' }), search_box(), user_chip());
    main = el('main', { class: 'mk-main mk-main--top', id: 'mk-main' });
    clear(root);
    put(root, [head, main]);
    root.setAttribute('class', 'mk-root mk-root--top');
  }

  function side_item(word, path, extra) {
    var li = el('li', { class: 'mk-side__item' + (extra || ''), tabindex: '0', 'data-mark': path }, word);
    li.addEventListener('click', function () { go(path); });
    li.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') li.click(); });
    return li;
  }

  function frame_left() {
    var list = el('ul', { class: 'mk-side__list' }, side_item('Discover', '/'));
    if (sess.developer) {
      var sub = el('ul', { class: 'mk-side__sub', hidden: true },
        side_item('Created apps', '/user/build', ' mk-side__item--sub'));
      var doc = el('li', { class: 'mk-side__item mk-side__item--sub', tabindex: '0' }, 'Documentation');
      doc.addEventListener('click', function () { toast('The documentation opens on the Zoom Developer Platform.'); });
      put(sub, doc);
      var group = el('li', { class: 'mk-side__item mk-side__group', tabindex: '0', 'aria-expanded': 'false', id: 'mk-dev-group' },
        el('span', { text: 'Developer' }), icon('caret', 16));
      group.addEventListener('click', function () {
        sub.hidden = !sub.hidden;
        group.setAttribute('aria-expanded', String(!sub.hidden));
      });
      group.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') group.click(); });
      put(list, [group, el('li', { class: 'mk-side__nest' }, sub)]);
    }
    put(list, el('li', { class: 'mk-side__item mk-side__item--muted', tabindex: '0' }, 'Help'));
    var side = el('aside', { class: 'mk-side', 'aria-label': 'Marketplace' },
      el('a', { href: '/', 'data-nav': '', class: 'mk-brand mk-brand--side', 'aria-label': 'Zoom App Marketplace' },
        el('span', { class: 'mk-brand__zoom', text: 'zoom' }), el('span', { class: 'mk-brand__sub', text: 'Marketplace' })),
      list);
    var bar = el('header', { class: 'mk-slim' }, search_box(), el('span', { class: 'mk-grow' }), user_chip());
    main = el('main', { class: 'mk-main mk-main--left', id: 'mk-main' });
    clear(root);
    put(root, [side, el('div', { class: 'mk-col' }, bar, main)]);
    root.setAttribute('class', 'mk-root mk-root--left');
  }

  function mark_nav(p) {
    var items = root.querySelectorAll('[data-mark]');
    for (var i = 0; i < items.length; i++) {
      var mk = items[i].getAttribute('data-mark');
      var on = mk === p || (mk === '/user/build' && p.indexOf('/develop/apps/') === 0);
      items[i].classList.toggle('is-on', on);
      if (on) items[i].setAttribute('aria-current', 'page'); else items[i].removeAttribute('aria-current');
    }
    var group = document.getElementById('mk-dev-group');
    if (group && (p === '/user/build' || p.indexOf('/develop/') === 0) && group.getAttribute('aria-expanded') !== 'true') group.click();
  }

  function is_left() { return sess.layout === 'left'; }
  function apps_word() { return is_left() ? 'Created apps' : 'Created Apps'; }

  /* ---------- pages ---------- */

  function page_missing() {
    document.title = 'Page not found - Zoom App Marketplace';
    clear(main);
    put(main, el('div', { class: 'mk-empty' },
      el('h1', { text: 'Page not found' }),
      el('p', { text: 'The page you are looking for does not exist.' }),
      el('a', { href: '/', 'data-nav': '', class: 'mk-btn mk-btn--primary' }, 'Go to Discover')));
  }

  function page_home(seq) {
    document.title = 'Zoom App Marketplace';
    load(seq, main, 'cards', function () { return api('GET', '/api/featured'); }, function (res) {
      var grid = el('div', { class: 'mk-grid' });
      (res.data.apps || []).forEach(function (a) {
        put(grid, el('article', { class: 'mk-feat' },
          el('div', { class: 'mk-feat__logo', 'aria-hidden': 'true', text: (a.name || '?').charAt(0) }),
          el('h3', { class: 'mk-feat__name', text: a.name }),
          el('div', { class: 'mk-feat__cat', text: a.category }),
          el('p', { class: 'mk-feat__desc', text: a.description })));
      });
      put(main, [
        el('section', { class: 'mk-hero' },
          el('h1', { text: 'Find apps that work the way you do' }),
          el('p', { text: 'Discover, manage and build apps for Zoom.' })),
        el('h2', { class: 'mk-h2', text: 'Featured apps' }),
        grid
      ]);
    });
  }

  function no_permission(where, msg) {
    put(where, el('div', { class: 'mk-deny', role: 'alert' },
      icon('warn', 28),
      el('h1', { text: 'You can\u2019t build apps with this account' }),
      el('p', { text: msg || 'Your role does not include the permission to build apps.' }),
      el('p', { class: 'mk-muted', text: 'Ask your Zoom account admin to give your role the Server-to-Server OAuth app permission (Role Settings \u203A Advanced features, View and Edit).' })));
  }

  function page_apps(seq, open_kind) {
    document.title = apps_word() + ' - Zoom App Marketplace';
    load(seq, main, 'cards', function () { return api('GET', '/api/apps'); }, function (res) {
      if (res.status === 403) { no_permission(main, res.data.error); return; }
      var head = el('div', { class: 'mk-pagehead' }, el('h1', { text: apps_word() }));
      if (is_left() && sess.developer) {
        put(head, el('button', { type: 'button', class: 'mk-btn mk-btn--primary', onclick: start_build_left },
          el('span', { 'aria-hidden': 'true', class: 'mk-plus', text: '+' }), ' Build app'));
      }
      var apps = res.data.apps || [];
      var body;
      if (!apps.length) {
        body = el('div', { class: 'mk-empty mk-empty--soft' },
          el('h2', { text: 'No apps yet' }),
          el('p', { text: 'Apps you build for your account will show up here.' }));
      } else {
        body = el('div', { class: 'mk-apps' });
        apps.forEach(function (a) {
          var card = el('div', { class: 'mk-app', tabindex: '0', 'data-app': a.id },
            el('div', { class: 'mk-app__mark', 'aria-hidden': 'true', text: (a.name || '?').charAt(0).toUpperCase() }),
            el('div', { class: 'mk-app__main' },
              el('div', { class: 'mk-app__name', text: a.name }),
              el('div', { class: 'mk-app__meta' },
                el('span', { class: 'mk-tag', text: a.typeLabel }),
                el('span', { class: 'mk-app__date', text: 'Created ' + a.created }))),
            el('div', { class: 'mk-app__state' + (a.activated ? ' is-live' : '') },
              el('span', { class: 'mk-dot', 'aria-hidden': 'true' }), a.activated ? 'Active' : 'Draft'));
          var open = function () { go('/develop/apps/' + encodeURIComponent(a.id) + '/credentials'); };
          card.addEventListener('click', open);
          card.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') open(); });
          put(body, card);
        });
      }
      put(main, [head, body]);
      if (open_kind) kind_dialog();
    });
  }

  function start_build_left() {
    if (!sess.termsAccepted) { go('/develop/create'); return; }
    kind_dialog();
  }

  function page_create(seq) {
    document.title = 'Build App - Zoom App Marketplace';
    if (!sess.developer) {
      clear(main);
      no_permission(main);
      return;
    }
    if (!sess.termsAccepted) {
      clear(main);
      main.appendChild(skeleton('page'));
      wait(late() + 140).then(function () {
        if (seq !== nav_seq) return;
        clear(main);
        terms_gate(main, function () { if (seq === nav_seq) route(); });
        fade_in(main);
      });
      return;
    }
    if (is_left()) {
      page_apps(seq, true);
      return;
    }
    clear(main);
    main.appendChild(skeleton('page'));
    wait(late() + 140).then(function () {
      if (seq !== nav_seq) return;
      clear(main);
      type_chooser(main);
      fade_in(main);
    });
  }

  /* ---------- terms ---------- */

  function terms_gate(where, then) {
    var ok = el('input', { type: 'checkbox', id: 'mk-terms-ok' });
    var accept = el('button', { type: 'button', class: 'mk-btn mk-btn--primary', disabled: true, text: 'Accept and Continue' });
    var slot = el('div', { class: 'mk-slot' });
    ok.addEventListener('change', function () { accept.disabled = !ok.checked; });
    function send() {
      accept.disabled = true;
      clear(slot);
      api('POST', '/api/terms', {}).then(function (res) {
        if (res.status >= 200 && res.status < 300) {
          sess.termsAccepted = true;
          toast('Thanks! You can now build apps.');
          then();
          return;
        }
        accept.disabled = !ok.checked;
        if (res.status === 403) { clear(where); no_permission(where, res.data.error); return; }
        put(slot, el('p', { class: 'mk-err', role: 'alert', text: res.data.error || 'The terms could not be accepted.' }));
      }, function () {
        accept.disabled = !ok.checked;
        put(slot, fail_box(send, { word: 'Retry', compact: true }));
      });
    }
    accept.addEventListener('click', send);
    put(where, el('section', { class: 'mk-terms' },
      el('h1', { text: 'Before you build' }),
      el('p', { class: 'mk-lead' },
        'To build apps you need to accept the ',
        el('strong', { text: 'Zoom Marketplace Developer Agreement' }),
        ' and the ',
        el('strong', { text: 'Zoom API License and Terms of Use' }), '.'),
      el('div', { class: 'mk-terms__doc', tabindex: '0', 'aria-label': 'Agreement text' },
        el('h2', { text: 'Zoom Marketplace Developer Agreement' }),
        el('p', { text: 'This agreement governs your access to the Zoom App Marketplace and the tools Zoom provides to build, test and publish apps. By building an app you agree to keep your app credentials confidential, to use Zoom data only as your users allow, and to follow the Marketplace guidelines.' }),
        el('h2', { text: 'Zoom API License and Terms of Use' }),
        el('p', { text: 'Zoom grants you a limited, non-exclusive, non-transferable license to use the Zoom APIs to build apps that work with Zoom. Rate limits apply. Zoom may change or retire an API with notice.' })),
      el('div', { class: 'mk-terms__agree' },
        ok,
        el('label', { for: 'mk-terms-ok', text: 'I have read and agree to the Zoom Marketplace Developer Agreement and the Zoom API License and Terms of Use' })),
      slot,
      el('div', { class: 'mk-actions' }, accept)));
  }

  /* ---------- choosing the app type ---------- */

  var kinds = {
    general: { title: 'Create a General App' },
    s2s_oauth: { title: 'Create a Server-to-Server OAuth app' },
    webhook: { title: 'Create a Webhook Only app' }
  };

  // Top layout: selectable cards (a radio group) and one Create button.
  function type_chooser(where) {
    var chosen = '';
    var create = el('button', { type: 'button', class: 'mk-btn mk-btn--primary', disabled: true, text: 'Create' });
    var group = el('div', { class: 'mk-types', role: 'radiogroup', 'aria-label': 'App type' });
    var cards = [];
    function pick(kind, card) {
      chosen = kind;
      cards.forEach(function (c) {
        var on = c === card;
        c.setAttribute('aria-checked', String(on));
        c.tabIndex = on ? 0 : -1;
        c.classList.toggle('is-picked', on);
      });
      create.disabled = false;
    }
    [
      ['general', 'General App', 'An app that users or admins install and authorize with OAuth, for your account or for everyone on the Marketplace.', 'User-managed or admin-managed'],
      ['s2s_oauth', 'Server-to-Server OAuth', 'An internal app that calls Zoom APIs for your own account with an account-level token. No user authorization.', 'Internal, account-level'],
      ['webhook', 'Webhook Only', 'Receive notifications about events in your account without calling the Zoom APIs.', 'Events only']
    ].forEach(function (t, i) {
      var card = el('div', { class: 'mk-type', role: 'radio', 'aria-checked': 'false', tabindex: i === 0 ? '0' : '-1', 'data-kind': t[0] },
        el('span', { class: 'mk-type__tick', 'aria-hidden': 'true' }, icon('check', 14)),
        el('h3', { class: 'mk-type__name', text: t[1] }),
        el('p', { class: 'mk-type__desc', text: t[2] }),
        el('span', { class: 'mk-type__hint', text: t[3] }));
      card.addEventListener('click', function () { pick(t[0], card); });
      card.addEventListener('keydown', function (ev) {
        var k = cards.indexOf(card);
        if (ev.key === ' ' || ev.key === 'Enter') { ev.preventDefault(); pick(t[0], card); }
        if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') { ev.preventDefault(); cards[(k + 1) % cards.length].focus(); }
        if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') { ev.preventDefault(); cards[(k + cards.length - 1) % cards.length].focus(); }
      });
      cards.push(card);
      put(group, card);
    });
    create.addEventListener('click', function () { if (chosen) name_dialog(chosen, ''); });
    put(where, el('section', { class: 'mk-choose' },
      el('h1', { text: 'Choose your app type' }),
      el('p', { class: 'mk-lead', text: 'Pick the kind of app that matches how it will use Zoom. You can build more than one.' }),
      group,
      el('div', { class: 'mk-actions' },
        el('a', { href: '/user/build', 'data-nav': '', class: 'mk-btn mk-btn--quiet' }, 'Cancel'),
        create)));
  }

  // Left layout: a native <dialog> with radio options.
  function kind_dialog() {
    var dlg = el('dialog', { class: 'mk-dlg', 'aria-labelledby': 'mk-kind-title' });
    var create = el('button', { type: 'button', class: 'mk-btn mk-btn--primary', disabled: true, text: 'Create' });
    var opts = el('div', { class: 'mk-opts' });
    [
      ['general', 'General App', 'Users or admins install and authorize it. Publish it on the Marketplace or keep it for your account.'],
      ['s2s_oauth', 'Server to Server OAuth App', 'Call Zoom APIs for your own account with account credentials, without a user signing in.']
    ].forEach(function (t) {
      var id = 'mk-kind-' + t[0];
      var radio = el('input', { type: 'radio', name: 'mk-kind', value: t[0], id: id, 'aria-labelledby': id + '-t', 'aria-describedby': id + '-d' });
      radio.addEventListener('change', function () { create.disabled = false; });
      put(opts, el('label', { class: 'mk-opt', for: id }, radio,
        el('span', { class: 'mk-opt__body' },
          el('span', { class: 'mk-opt__title', id: id + '-t', text: t[1] }),
          el('span', { class: 'mk-opt__desc', id: id + '-d', text: t[2] }))));
    });
    function shut() {
      var i = overlay_closers.indexOf(shut);
      if (i >= 0) overlay_closers.splice(i, 1);
      if (dlg.open) dlg.close();
      dlg.remove();
    }
    dlg.addEventListener('cancel', function (ev) { ev.preventDefault(); shut(); });
    create.addEventListener('click', function () {
      var r = dlg.querySelector('input[name=mk-kind]:checked');
      if (!r) return;
      shut();
      name_dialog(r.value, '');
    });
    put(dlg, [
      el('h2', { id: 'mk-kind-title', class: 'mk-dlg__title', text: 'What kind of app are you creating?' }),
      opts,
      el('div', { class: 'mk-actions' },
        el('button', { type: 'button', class: 'mk-btn mk-btn--quiet', text: 'Cancel', onclick: shut }),
        create)
    ]);
    document.body.appendChild(dlg);
    overlay_closers.push(shut);
    dlg.showModal();
  }

  // The name dialog: an overlay that carries only a heading, no dialog role.
  function name_dialog(kind, typed) {
    var scrim = el('div', { class: 'mk-scrim' });
    var input = el('input', { type: 'text', class: 'mk-in', maxlength: '50', autocomplete: 'off', spellcheck: 'false' });
    input.value = typed || '';
    var count = el('span', { class: 'mk-count', text: input.value.length + '/50' });
    var err = el('p', { class: 'mk-err', hidden: true });
    var slot = el('div', { class: 'mk-slot' });
    var create = el('button', { type: 'button', class: 'mk-btn mk-btn--primary', text: 'Create', disabled: !input.value.trim() });
    function shut() {
      var i = overlay_closers.indexOf(shut);
      if (i >= 0) overlay_closers.splice(i, 1);
      scrim.classList.remove('mk-scrim--in');
      scrim.classList.add('is-closing');
      setTimeout(function () { scrim.remove(); }, 160);
    }
    input.addEventListener('input', function () {
      count.textContent = input.value.length + '/50';
      create.disabled = !input.value.trim();
      err.hidden = true;
    });
    input.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' && !create.disabled) { ev.preventDefault(); send(); } });
    function send() {
      var name = input.value.trim();
      if (!name) return;
      create.disabled = true;
      create.classList.add('is-busy');
      clear(slot);
      api('POST', '/api/apps', { name: name, type: kind }).then(function (res) {
        create.classList.remove('is-busy');
        if (res.status === 201 || res.status === 200) {
          shut();
          toast('App created');
          go('/develop/apps/' + encodeURIComponent(res.data.id) + '/credentials');
          return;
        }
        create.disabled = !input.value.trim();
        if (res.status === 403 && sess.developer) {
          // The terms are not accepted yet: accept them, then come back.
          shut();
          sess.termsAccepted = false;
          var seq = ++nav_seq;
          clear(main);
          terms_gate(main, function () { if (seq === nav_seq) name_dialog(kind, input.value); });
          return;
        }
        if (res.status === 403) { shut(); clear(main); no_permission(main, res.data.error); return; }
        err.textContent = res.data.error || 'The app could not be created.';
        err.hidden = false;
      }, function () {
        create.classList.remove('is-busy');
        create.disabled = !input.value.trim();
        put(slot, fail_box(send, { word: 'Retry', compact: true }));
      });
    }
    create.addEventListener('click', send);
    var sheet = el('div', { class: 'mk-sheet' },
      el('button', { type: 'button', class: 'mk-x', 'aria-label': 'Close', onclick: shut }, icon('close', 18)),
      el('h2', { class: 'mk-sheet__title', text: kinds[kind].title }),
      el('p', { class: 'mk-muted', text: 'You can change the name later in the app\u2019s Information.' }),
      el('div', { class: 'mk-fl' }, el('span', { text: 'App Name' }), count),
      input, err, slot,
      el('div', { class: 'mk-actions' },
        el('button', { type: 'button', class: 'mk-btn mk-btn--quiet', text: 'Cancel', onclick: shut }),
        create));
    put(scrim, sheet);
    scrim.addEventListener('mousedown', function (ev) { if (ev.target === scrim) shut(); });
    document.body.appendChild(scrim);
    overlay_closers.push(shut);
    requestAnimationFrame(function () { scrim.classList.add('mk-scrim--in'); });
    setTimeout(function () { input.focus(); }, 50);
  }

  /* ---------- an app ---------- */

  var pane = null;
  var steps = null;
  var current = '';
  var pending_save = null; // the Information autosave

  function page_app(seq, id, slug) {
    if (!sections.some(function (s) { return s.slug === slug; })) slug = 'credentials';
    if (app_view && app_view.id === id && pane && main.contains(pane)) {
      show_section(seq, slug);
      return;
    }
    app_view = null;
    load(seq, main, 'page', function () { return api('GET', '/api/apps/' + encodeURIComponent(id)); }, function (res) {
      if (res.status === 403) { no_permission(main, res.data.error); return; }
      if (res.status !== 200) {
        put(main, el('div', { class: 'mk-empty' },
          el('h1', { text: 'App not found' }),
          el('p', { text: res.data.error || 'This app does not exist or was deleted.' }),
          el('a', { href: '/user/build', 'data-nav': '', class: 'mk-btn mk-btn--primary' }, apps_word())));
        return;
      }
      app_view = res.data;
      draw_app_frame();
      show_section(seq, slug, true);
    });
  }

  function draw_app_frame() {
    document.title = app_view.name + ' - Zoom App Marketplace';
    steps = el('ol', { class: 'mk-steps', 'aria-label': 'App sections' });
    sections.forEach(function (s) {
      var li = el('li', { class: 'mk-step', tabindex: '0', 'data-sec': s.slug }, s.name);
      li.addEventListener('click', function () { open_section(s.slug); });
      li.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); open_section(s.slug); } });
      put(steps, li);
    });
    pane = el('section', { class: 'mk-pane', id: 'mk-pane' });
    put(main, [
      el('div', { class: 'mk-apphead' },
        el('a', { href: '/user/build', 'data-nav': '', class: 'mk-back' }, '\u2190 ', apps_word()),
        el('div', { class: 'mk-apphead__row' },
          el('div', { class: 'mk-app__mark mk-app__mark--big', 'aria-hidden': 'true', text: (app_view.name || '?').charAt(0).toUpperCase() }),
          el('div', null,
            el('h1', { class: 'mk-apphead__name', text: app_view.name }),
            el('span', { class: 'mk-tag', text: app_view.typeLabel })))),
      el('div', { class: 'mk-appbody' }, el('nav', { class: 'mk-stepnav', 'aria-label': 'Build steps' }, steps), pane)
    ]);
  }

  function open_section(slug) {
    var path = '/develop/apps/' + encodeURIComponent(app_view.id) + '/' + slug;
    if (location.pathname !== path) history.pushState(null, '', path);
    show_section(++nav_seq, slug);
  }

  function mark_steps() {
    var done = {
      credentials: true,
      information: !!(app_view.company && app_view.contactName && app_view.contactEmail),
      feature: true,
      scopes: (app_view.scopes || []).length > 0,
      activation: !!app_view.activated
    };
    Array.prototype.forEach.call(steps.children, function (li) {
      var s = li.getAttribute('data-sec');
      li.classList.toggle('is-current', s === current);
      li.classList.toggle('is-done', !!done[s]);
      if (s === current) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
    });
  }

  function show_section(seq, slug, first) {
    current = slug;
    mark_steps();
    clear(pane);
    var draw = {
      credentials: pane_credentials,
      information: pane_information,
      feature: pane_feature,
      scopes: pane_scopes,
      activation: pane_activation
    }[slug];
    var hold = first ? 0 : late() + 120;
    if (hold) pane.appendChild(skeleton('pane'));
    wait(hold).then(function () {
      if (seq !== nav_seq) return;
      clear(pane);
      draw(pane);
      fade_in(pane);
      pane.scrollTop = 0;
    });
  }

  function next_of(slug) {
    for (var i = 0; i < sections.length - 1; i++) if (sections[i].slug === slug) return sections[i + 1].slug;
    return '';
  }

  function continue_bar(slug, before) {
    var btn = el('button', { type: 'button', class: 'mk-btn mk-btn--primary', text: 'Continue' });
    btn.addEventListener('click', function () {
      var ready = before ? before() : Promise.resolve(true);
      btn.disabled = true;
      ready.then(function (ok) {
        btn.disabled = false;
        if (!ok) return;
        var nx = next_of(slug);
        if (nx) open_section(nx);
        else go('/user/build');
      });
    });
    return el('div', { class: 'mk-pane__foot' }, btn);
  }

  function pane_head(title, lead) {
    return [el('h2', { class: 'mk-pane__title', text: title }), lead ? el('p', { class: 'mk-muted', text: lead }) : null];
  }

  /* App Credentials: values as text in a description list. */
  var secret_cache = {};
  function pane_credentials(p) {
    var a = app_view;
    var dl = el('dl', { class: 'mk-creds' });
    function row(label, valueNode, tools) {
      put(dl, el('div', { class: 'mk-cred' },
        el('dt', { class: 'mk-cred__k', text: label }),
        el('dd', { class: 'mk-cred__v' }, valueNode, el('span', { class: 'mk-cred__tools' }, tools))));
    }
    function copy_btn(get) {
      return el('button', {
        type: 'button', class: 'mk-icon', 'aria-label': 'Copy', title: 'Copy',
        onclick: function () { get().then(copy_text, function () {}); }
      }, icon('copy', 16));
    }
    row('Account ID', el('span', { class: 'mk-mono', text: a.accountId }), copy_btn(function () { return Promise.resolve(a.accountId); }));
    row('Client ID', el('span', { class: 'mk-mono', text: a.clientId }), copy_btn(function () { return Promise.resolve(a.clientId); }));

    var mask = '\u2022'.repeat(32);
    var shown = el('span', { class: 'mk-mono mk-secret', text: mask });
    var note = el('div', { class: 'mk-slot' });
    var app_id = a.id;
    function fetch_secret() {
      if (secret_cache[app_id]) return Promise.resolve(secret_cache[app_id]);
      clear(note);
      return api('GET', '/api/apps/' + encodeURIComponent(app_id) + '/secret').then(function (res) {
        if (res.status !== 200) throw { msg: res.data.error };
        secret_cache[app_id] = res.data.clientSecret;
        return res.data.clientSecret;
      });
    }
    function reveal(on) {
      if (on) {
        shown.textContent = secret_cache[app_id];
        shown.setAttribute('data-sim-secret', '');
        shown.classList.add('is-plain');
      } else {
        shown.textContent = mask;
        shown.removeAttribute('data-sim-secret');
        shown.classList.remove('is-plain');
      }
    }
    var tools = [];
    var eye = null;
    if (!sess.plainSecret) {
      eye = el('button', { type: 'button', class: 'mk-icon', 'aria-label': 'Show', title: 'Show' }, icon('eye', 16));
      var do_eye = function () {
        if (shown.hasAttribute('data-sim-secret')) {
          reveal(false);
          eye.setAttribute('aria-label', 'Show');
          eye.title = 'Show';
          clear(eye); put(eye, icon('eye', 16));
          return;
        }
        fetch_secret().then(function () {
          reveal(true);
          eye.setAttribute('aria-label', 'Hide');
          eye.title = 'Hide';
          clear(eye); put(eye, icon('eyeoff', 16));
        }, function (e) {
          if (e && e.msg) put(note, el('p', { class: 'mk-err', role: 'alert', text: e.msg }));
          else put(note, fail_box(do_eye, { word: 'Retry', compact: true }));
        });
      };
      eye.addEventListener('click', do_eye);
      tools.push(eye);
    }
    var do_copy = function () {
      return fetch_secret().catch(function (e) {
        if (!(e && e.msg)) put(note, fail_box(function () { do_copy().then(copy_text, function () {}); }, { word: 'Retry', compact: true }));
        throw e;
      });
    };
    tools.push(copy_btn(do_copy));
    row('Client Secret', shown, tools);

    if (sess.plainSecret) {
      shown.textContent = 'Loading\u2026';
      var load_plain = function () {
        fetch_secret().then(function () { reveal(true); }, function (e) {
          shown.textContent = mask;
          if (e && e.msg) put(note, el('p', { class: 'mk-err', role: 'alert', text: e.msg }));
          else put(note, fail_box(load_plain, { word: 'Retry', compact: true }));
        });
      };
      load_plain();
    }

    var regen = el('button', { type: 'button', class: 'mk-btn mk-btn--danger-quiet', text: 'Regenerate' });
    var send_regen = function () {
      regen.disabled = true;
      api('POST', '/api/apps/' + encodeURIComponent(app_id) + '/secret', {}).then(function (res) {
        regen.disabled = false;
        if (res.status !== 200) { put(note, el('p', { class: 'mk-err', role: 'alert', text: res.data.error || 'The secret was not regenerated.' })); return; }
        delete secret_cache[app_id];
        toast('A new Client Secret was generated.');
        if (shown.hasAttribute('data-sim-secret')) fetch_secret().then(function () { reveal(true); }, function () { reveal(false); });
      }, function () {
        regen.disabled = false;
        put(note, fail_box(send_regen, { word: 'Retry', compact: true }));
      });
    };
    regen.addEventListener('click', function () {
      if (!window.confirm('Regenerate the Client Secret?\n\nThe current secret stops working at once, and every service that uses it must be given the new one.')) return;
      send_regen();
    });

    put(p, [
      pane_head('App Credentials', 'Use these credentials with the account credentials grant to get an access token for your account. Keep the Client Secret private.'),
      dl,
      el('div', { class: 'mk-regen' }, el('span', { class: 'mk-muted', text: 'Secret compromised?' }), regen),
      note,
      continue_bar('credentials')
    ]);
  }

  /* Information: saved automatically (debounced while typing, at once on
     change), and flushed by Continue. */
  function pane_information(p) {
    var a = app_view;
    var state = el('span', { class: 'mk-savestate', 'aria-live': 'polite', text: 'All changes saved' });
    var fields = {};
    var dirty = {};
    var timer = 0;
    var err_slot = el('div', { class: 'mk-slot' });

    function field_text(key, word, required, node) {
      fields[key] = node;
      node.value = a[key] || '';
      return el('div', { class: 'mk-field' },
        el('div', { class: 'mk-fl' }, el('span', { text: word }), required ? el('span', { class: 'mk-req', 'aria-hidden': 'true', text: '*' }) : null),
        node);
    }
    var desc = el('textarea', { class: 'mk-in mk-in--area', id: 'mk-desc', rows: '3' });
    fields.shortDescription = desc;
    desc.value = a.shortDescription || '';
    var email_err = el('p', { class: 'mk-err mk-err--field', hidden: true });

    function save() {
      clearTimeout(timer);
      var keys = Object.keys(dirty);
      if (!keys.length) return pending_save || Promise.resolve(true);
      if (pending_save) return pending_save.then(function () { return save(); });
      var body = {};
      keys.forEach(function (k) { body[k] = fields[k].value; });
      state.textContent = 'Saving\u2026';
      state.setAttribute('class', 'mk-savestate is-busy');
      clear(err_slot);
      pending_save = api('PUT', '/api/apps/' + encodeURIComponent(a.id), body).then(function (res) {
        pending_save = null;
        if (res.status === 200) {
          keys.forEach(function (k) { if (fields[k].value === body[k]) delete dirty[k]; });
          app_view = res.data;
          a = app_view;
          email_err.hidden = true;
          fields.contactEmail.removeAttribute('aria-invalid');
          if (app_view.id === a.id && steps) mark_steps();
          if (Object.keys(dirty).length) return save();
          state.textContent = 'All changes saved';
          state.setAttribute('class', 'mk-savestate is-ok');
          return true;
        }
        state.textContent = 'Not saved';
        state.setAttribute('class', 'mk-savestate is-bad');
        var msg = res.data.error || 'This value was not accepted.';
        if (res.status === 400 && 'contactEmail' in body) {
          email_err.textContent = msg;
          email_err.hidden = false;
          fields.contactEmail.setAttribute('aria-invalid', 'true');
        } else {
          put(err_slot, el('p', { class: 'mk-err', role: 'alert', text: msg }));
        }
        return false;
      }, function () {
        pending_save = null;
        state.textContent = 'Not saved';
        state.setAttribute('class', 'mk-savestate is-bad');
        put(err_slot, fail_box(function () { save(); }, { word: 'Retry', compact: true, text: ' Your changes are not saved yet.' }));
        return false;
      });
      return pending_save;
    }

    function watch(key) {
      var n = fields[key];
      n.addEventListener('input', function () {
        dirty[key] = true;
        state.textContent = 'Unsaved changes';
        state.setAttribute('class', 'mk-savestate');
        clearTimeout(timer);
        timer = setTimeout(save, 1200);
      });
      n.addEventListener('change', function () { dirty[key] = true; save(); });
    }

    put(p, [
      el('div', { class: 'mk-pane__titlerow' }, el('h2', { class: 'mk-pane__title', text: 'Information' }), state),
      el('p', { class: 'mk-muted', text: 'Tell people what your app does and how to reach you. Changes save automatically.' }),
      el('div', { class: 'mk-field' }, el('label', { class: 'mk-fl', for: 'mk-desc', text: 'Short description' }), desc,
        el('p', { class: 'mk-help', text: 'One or two sentences about what the app is for.' })),
      field_text('company', 'Company Name', true, el('input', { type: 'text', class: 'mk-in', autocomplete: 'organization' })),
      el('h3', { class: 'mk-h3', text: 'Developer Contact Information' }),
      el('p', { class: 'mk-help', text: 'Zoom uses this to contact you about your app.' }),
      el('div', { class: 'mk-two' },
        field_text('contactName', 'Name', true, el('input', { type: 'text', class: 'mk-in', autocomplete: 'name' })),
        el('div', null, field_text('contactEmail', 'Email address', true, el('input', { type: 'email', class: 'mk-in', autocomplete: 'email' })), email_err)),
      err_slot,
      continue_bar('information', function () { return save(); })
    ]);
    ['shortDescription', 'company', 'contactName', 'contactEmail'].forEach(watch);
  }

  function switch_btn(on, attrs) {
    var b = el('button', Object.assign({ type: 'button', role: 'switch', class: 'mk-switch', 'aria-checked': String(!!on) }, attrs || {}),
      el('span', { class: 'mk-switch__knob', 'aria-hidden': 'true' }));
    return b;
  }

  /* Feature: Event Subscriptions switch and the webhook Secret Token. */
  function pane_feature(p) {
    var a = app_view;
    var sw = switch_btn(a.eventSubscriptions, { id: 'mk-evsub' });
    var slot = el('div', { class: 'mk-slot' });
    function flip() {
      var want = sw.getAttribute('aria-checked') !== 'true';
      sw.setAttribute('aria-checked', String(want));
      sw.disabled = true;
      clear(slot);
      api('PUT', '/api/apps/' + encodeURIComponent(a.id), { eventSubscriptions: want }).then(function (res) {
        sw.disabled = false;
        if (res.status === 200) { app_view = res.data; return; }
        sw.setAttribute('aria-checked', String(!want));
        put(slot, el('p', { class: 'mk-err', role: 'alert', text: res.data.error || 'Not saved.' }));
      }, function () {
        sw.disabled = false;
        sw.setAttribute('aria-checked', String(!want));
        put(slot, fail_box(flip, { word: 'Retry', compact: true }));
      });
    }
    sw.addEventListener('click', flip);
    put(p, [
      pane_head('Feature', 'Add features to your app. You can leave these as they are.'),
      el('div', { class: 'mk-card' },
        el('div', { class: 'mk-card__row' },
          el('div', null,
            el('label', { class: 'mk-card__title', for: 'mk-evsub', text: 'Event Subscriptions' }),
            el('p', { class: 'mk-help', text: 'Get notified at your endpoint when events happen in your account.' })),
          sw)),
      el('div', { class: 'mk-card' },
        el('div', { class: 'mk-card__title', text: 'Secret Token' }),
        el('p', { class: 'mk-help', text: 'Zoom signs event notifications with this token so you can check that they come from Zoom. It is not your Client Secret.' }),
        el('div', { class: 'mk-tokenrow' },
          el('span', { class: 'mk-mono', text: a.webhookSecretToken }),
          el('button', { type: 'button', class: 'mk-icon', 'aria-label': 'Copy', title: 'Copy', onclick: function () { copy_text(a.webhookSecretToken); } }, icon('copy', 16)))),
      slot,
      continue_bar('feature')
    ]);
  }

  /* Scopes: the added scopes, a count, and the picker. */
  function count_words(n) { return n === 1 ? '1 scope added' : n + ' scopes added'; }

  function pane_scopes(p) {
    var a = app_view;
    var slot = el('div', { class: 'mk-slot' });
    var list = el('ul', { class: 'mk-scopes' });
    var add = el('button', { type: 'button', class: 'mk-btn mk-btn--outline' }, '+ Add Scopes');
    add.addEventListener('click', function () { open_picker(function () { redraw(); }); });

    function put_scopes(ids, after) {
      clear(slot);
      return api('PUT', '/api/apps/' + encodeURIComponent(a.id) + '/scopes', { scopes: ids }).then(function (res) {
        if (res.status === 200) { app_view = res.data; a = app_view; mark_steps(); after(); return; }
        put(slot, el('p', { class: 'mk-err', role: 'alert', text: res.data.error || 'Scopes were not saved.' }));
      }, function () {
        put(slot, fail_box(function () { put_scopes(ids, after); }, { word: 'Retry', compact: true }));
      });
    }

    var count = el('strong', { class: 'mk-count-big' });
    function redraw() {
      a = app_view;
      clear(list);
      var ss = a.scopes || [];
      count.textContent = count_words(ss.length);
      if (!ss.length) {
        put(list, el('li', { class: 'mk-scopes__none', text: 'No scopes yet. Add the scopes your app needs to call the APIs.' }));
      }
      ss.forEach(function (s) {
        put(list, el('li', { class: 'mk-scope' },
          el('div', { class: 'mk-scope__text' },
            el('span', { class: 'mk-scope__label', text: s.label || s.id }),
            el('code', { class: 'mk-scope__id', text: s.id })),
          el('button', {
            type: 'button', class: 'mk-icon', 'aria-label': 'Remove ' + s.id, title: 'Remove',
            onclick: function () {
              put_scopes(ss.map(function (x) { return x.id; }).filter(function (x) { return x !== s.id; }), redraw);
            }
          }, icon('trash', 16))));
      });
    }
    redraw();
    put(p, [
      pane_head('Scopes', 'Scopes set which API methods your app may call, and so which information and capabilities it can reach.'),
      el('div', { class: 'mk-scopebar' }, count, add),
      list, slot,
      continue_bar('scopes')
    ]);
  }

  // The picker: a side drawer (role=dialog). Products start collapsed;
  // each scope is a row with a switch; a search box filters the rows.
  function open_picker(after) {
    var a = app_view;
    var chosen = (a.scopes || []).map(function (s) { return s.id; });
    var classic = sess.catalogue === 'classic';
    var scrim = el('div', { class: 'mk-drawer-scrim' });
    var body = el('div', { class: 'mk-drawer__body' });
    var picked = el('span', { class: 'mk-muted' });
    var slot = el('div', { class: 'mk-slot' });
    var done = el('button', { type: 'button', class: 'mk-btn mk-btn--primary', text: 'Done' });
    var query = el('input', { type: 'search', class: 'mk-in mk-in--search', placeholder: 'Search by scope or ID', 'aria-label': 'Search scopes' });
    var rows = [];
    var prods = [];

    function shut() {
      var i = overlay_closers.indexOf(shut);
      if (i >= 0) overlay_closers.splice(i, 1);
      scrim.classList.remove('mk-drawer-scrim--in');
      scrim.classList.add('is-closing');
      setTimeout(function () { scrim.remove(); }, 220);
    }
    function tally() {
      var n = chosen.length;
      picked.textContent = n === 1 ? '1 scope selected' : n + ' scopes selected';
      prods.forEach(function (pr) {
        var k = pr.ids.filter(function (id) { return chosen.indexOf(id) >= 0; }).length;
        pr.badge.textContent = k ? String(k) : '';
        pr.badge.hidden = !k;
      });
    }
    function flip(id, sw) {
      var i = chosen.indexOf(id);
      if (i >= 0) chosen.splice(i, 1); else chosen.push(id);
      sw.setAttribute('aria-checked', String(i < 0));
      tally();
    }
    function draw(products) {
      clear(body);
      products.forEach(function (prod, pi) {
        var panel = el('div', { class: 'mk-prod__panel', id: 'mk-prod-' + pi, hidden: true });
        var badge = el('span', { class: 'mk-badge', hidden: true });
        var head = el('button', { type: 'button', class: 'mk-prod__head', 'aria-expanded': 'false', 'aria-controls': 'mk-prod-' + pi },
          icon('caret', 18), el('span', { class: 'mk-prod__name', text: prod.name }), badge);
        var pr = { head: head, panel: panel, badge: badge, ids: [], open: false, groups: [] };
        head.addEventListener('click', function () {
          pr.open = !pr.open;
          panel.hidden = !pr.open;
          head.setAttribute('aria-expanded', String(pr.open));
        });
        (prod.groups || []).forEach(function (g) {
          var gbox = el('div', { class: 'mk-group' }, el('h4', { class: 'mk-group__title', text: g.title }));
          var grp = { box: gbox, rows: [] };
          (g.scopes || []).forEach(function (s) {
            var tid = 'mk-sc-' + rows.length;
            var text = classic
              ? el('span', { class: 'mk-row__text', id: tid }, el('code', { class: 'mk-row__id', text: s.id }), el('span', { class: 'mk-row__sub', text: s.label }))
              : el('span', { class: 'mk-row__text', id: tid, text: s.label + ' (' + s.id + ')' });
            var sw = switch_btn(chosen.indexOf(s.id) >= 0, { 'aria-labelledby': tid, class: 'mk-switch mk-switch--sm' });
            var row = el('div', { class: 'mk-row' }, text, sw);
            row.addEventListener('click', function (ev) { ev.preventDefault(); flip(s.id, sw); });
            var r = { row: row, hay: (s.label + ' ' + s.id).toLowerCase() };
            rows.push(r);
            grp.rows.push(r);
            pr.ids.push(s.id);
            put(gbox, row);
          });
          pr.groups.push(grp);
          put(panel, gbox);
        });
        prods.push(pr);
        put(body, el('div', { class: 'mk-prod' }, head, panel));
      });
      tally();
    }
    function filter() {
      var q = query.value.trim().toLowerCase();
      prods.forEach(function (pr) {
        var any = false;
        pr.groups.forEach(function (g) {
          var gany = false;
          g.rows.forEach(function (r) {
            var hit = !q || r.hay.indexOf(q) >= 0;
            r.row.hidden = !hit;
            if (hit) gany = true;
          });
          g.box.hidden = !gany;
          if (gany) any = true;
        });
        pr.head.parentNode.hidden = !any;
        var open = q ? any : pr.open;
        pr.panel.hidden = !open;
        pr.head.setAttribute('aria-expanded', String(open));
      });
    }
    var ftimer = 0;
    query.addEventListener('input', function () { clearTimeout(ftimer); ftimer = setTimeout(filter, 200); });

    function fill() {
      clear(body);
      body.appendChild(skeleton('page'));
      var got = cat_cache ? Promise.resolve(cat_cache) : api('GET', '/api/catalogue').then(function (res) {
        if (res.status !== 200) throw { msg: res.data.error };
        cat_cache = res.data.products || [];
        return cat_cache;
      });
      got.then(function (products) {
        return wait(late() + 160).then(function () { return products; });
      }).then(function (products) {
        if (!scrim.isConnected) return;
        draw(products);
        filter();
      }, function (e) {
        clear(body);
        if (e && e.msg) put(body, el('p', { class: 'mk-err', role: 'alert', text: e.msg }));
        else put(body, fail_box(fill));
      });
    }

    function send() {
      done.disabled = true;
      clear(slot);
      api('PUT', '/api/apps/' + encodeURIComponent(a.id) + '/scopes', { scopes: chosen.slice() }).then(function (res) {
        done.disabled = false;
        if (res.status === 200) {
          app_view = res.data;
          mark_steps();
          shut();
          after();
          return;
        }
        put(slot, el('p', { class: 'mk-err', role: 'alert', text: res.data.error || 'Scopes were not saved.' }));
      }, function () {
        done.disabled = false;
        put(slot, fail_box(send, { word: 'Retry', compact: true }));
      });
    }
    done.addEventListener('click', send);

    var drawer = el('aside', { class: 'mk-drawer', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'mk-pick-title' },
      el('header', { class: 'mk-drawer__head' },
        el('h2', { id: 'mk-pick-title', class: 'mk-drawer__title', text: 'Add Scopes' }),
        el('button', { type: 'button', class: 'mk-x', 'aria-label': 'Close', onclick: shut }, icon('close', 18))),
      el('div', { class: 'mk-drawer__tools' }, query),
      body,
      el('footer', { class: 'mk-drawer__foot' }, slot,
        el('div', { class: 'mk-drawer__bar' }, picked, el('span', { class: 'mk-grow' }),
          el('button', { type: 'button', class: 'mk-btn mk-btn--quiet', text: 'Cancel', onclick: shut }), done)));
    put(scrim, drawer);
    scrim.addEventListener('mousedown', function (ev) { if (ev.target === scrim) shut(); });
    document.body.appendChild(scrim);
    overlay_closers.push(shut);
    requestAnimationFrame(function () { scrim.classList.add('mk-drawer-scrim--in'); });
    fill();
  }

  /* Activation: a switch; success text and Deactivate once active. */
  function pane_activation(p) {
    var a = app_view;
    var box = el('div', { class: 'mk-actbox' });
    function draw() {
      clear(box);
      if (app_view.activated) {
        var off = el('button', { type: 'button', class: 'mk-btn mk-btn--outline', text: 'Deactivate' });
        var slot = el('div', { class: 'mk-slot' });
        var send_off = function () {
          off.disabled = true;
          clear(slot);
          api('POST', '/api/apps/' + encodeURIComponent(a.id) + '/deactivate', {}).then(function (res) {
            off.disabled = false;
            if (res.status === 200) { app_view = res.data; mark_steps(); draw(); return; }
            put(slot, el('p', { class: 'mk-err', role: 'alert', text: res.data.error || 'The app was not deactivated.' }));
          }, function () {
            off.disabled = false;
            put(slot, fail_box(send_off, { word: 'Retry', compact: true }));
          });
        };
        off.addEventListener('click', send_off);
        put(box, [
          el('div', { class: 'mk-live', role: 'status' },
            el('span', { class: 'mk-live__tick' }, icon('check', 18)),
            el('div', null,
              el('strong', { text: 'Your app is activated on the account' }),
              el('p', { class: 'mk-help', text: 'It can take a few minutes before every Zoom service accepts the new credentials.' }))),
          el('div', { class: 'mk-actrow' }, el('span', { class: 'mk-muted', text: 'Stop the app from getting new tokens:' }), off),
          slot
        ]);
        return;
      }
      var sw = switch_btn(false, { id: 'mk-activate' });
      var problems = el('div', { class: 'mk-slot' });
      var send_on = function () {
        sw.setAttribute('aria-checked', 'true');
        sw.disabled = true;
        sw.classList.add('is-busy');
        clear(problems);
        api('POST', '/api/apps/' + encodeURIComponent(a.id) + '/activate', {}).then(function (res) {
          return wait(350).then(function () { return res; });
        }).then(function (res) {
          sw.disabled = false;
          sw.classList.remove('is-busy');
          if (res.status === 200) { app_view = res.data; mark_steps(); draw(); return; }
          sw.setAttribute('aria-checked', 'false');
          var d = res.data || {};
          var ul = el('ul', { class: 'mk-problems__list' });
          (d.problems || []).forEach(function (t) { put(ul, el('li', { text: t })); });
          put(problems, el('div', { class: 'mk-problems', role: 'alert' },
            el('strong', { text: d.error || 'Your app cannot be activated yet.' }),
            ul));
        }, function () {
          sw.disabled = false;
          sw.classList.remove('is-busy');
          sw.setAttribute('aria-checked', 'false');
          put(problems, fail_box(send_on, { word: 'Retry', compact: true }));
        });
      };
      sw.addEventListener('click', send_on);
      put(box, [
        el('div', { class: 'mk-card mk-card--act' },
          el('div', { class: 'mk-card__row' },
            el('div', null,
              el('label', { class: 'mk-card__title', for: 'mk-activate', text: 'Activate your app' }),
              el('p', { class: 'mk-help', text: 'Once active, the app\u2019s credentials can get access tokens for your account.' })),
            sw)),
        problems
      ]);
    }
    draw();
    put(p, [
      pane_head('Activation', 'Your app needs its information and at least one scope before it can be activated.'),
      box,
      continue_bar('activation')
    ]);
  }

  /* ---------- start ---------- */

  function start() {
    fetch('/api/session', { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('status ' + r.status);
      return r.json();
    }).then(function (s) {
      sess = s;
      if (!s.signedIn) { to_signin(); return; }
      root.removeAttribute('aria-busy');
      if (s.layout === 'left') frame_left(); else frame_top();
      route();
    }).catch(function () {
      clear(root);
      root.setAttribute('class', 'mk-root mk-root--bare');
      root.removeAttribute('aria-busy');
      root.appendChild(fail_box(start, { text: ' The Marketplace did not load.' }));
    });
  }
  start();
})();
