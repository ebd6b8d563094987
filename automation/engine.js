// engine.js is the locator engine, run in the page. It finds elements the
// way a person does: by role and name first (Chrome's own computation, when
// the browser exposes it), then by the same words on another kind of
// control, on a clickable element without a role, in the text above a field
// or beside a label. One call looks once; the Go side waits and acts.
(() => {
  'use strict';
  const KEY = Symbol.for('zoomsetup.engine');
  if (globalThis[KEY]) return globalThis[KEY];

  // ---- handles: elements are named by an id that is unique across documents ----
  const docTag = Math.random().toString(36).slice(2, 8);
  let serial = 0;
  const ids = new WeakMap();
  const refs = new Map();
  const idOf = (e) => {
    let id = ids.get(e);
    if (!id) {
      id = docTag + ':' + (++serial);
      ids.set(e, id);
      refs.set(id, new WeakRef(e));
    }
    return id;
  };
  const el = (id) => {
    const r = refs.get(id);
    const e = r && r.deref();
    if (!e || !e.isConnected) throw new Error('No node with id ' + id + ': the element went away');
    return e;
  };

  // ---- the composed tree: what a component draws in its shadow root is
  // part of the page, as a person sees it ----
  const hooked = globalThis[Symbol.for('zoomsetup.shadows')] || [];
  let closedRoots = new Map();
  const shadowOf = (e) => e.shadowRoot || closedRoots.get(e) || null;
  // allRoots is the document and every shadow root on it, as of the last
  // refresh; deep says there are shadow roots, so lookups cross into them.
  let allRoots = [document];
  let deep = false;
  let texts = new Map();
  // front is the modal dialog a person has in front of the page, if any
  // (worked out once per call, on first use).
  let front = null;
  const frontModal = () => {
    if (front === null) {
      const open = qsa(document, 'dialog,[aria-modal="true"]').filter((d) => (d.localName !== 'dialog' || d.matches(':modal') || d.getAttribute('aria-modal') === 'true') && shown(d));
      front = open.length ? open[open.length - 1] : false;
    }
    return front || null;
  };
  const observed = new WeakSet();
  const watchers = new Set();
  const refresh = () => {
    closedRoots = new Map();
    for (const r of hooked) if (r.host.isConnected && r.mode === 'closed') closedRoots.set(r.host, r);
    allRoots = [document];
    for (let i = 0; i < allRoots.length; i++) {
      for (const e of allRoots[i].querySelectorAll('*')) {
        const sr = shadowOf(e);
        if (sr) allRoots.push(sr);
      }
    }
    deep = allRoots.length > 1;
    texts = new Map();
    front = null;
    for (const r of allRoots) {
      if (observed.has(r)) continue;
      observed.add(r);
      for (const w of watchers) w(r);
    }
  };
  // up is the parent in the composed tree: the slot an element shows in,
  // the host of a shadow root's top element.
  const up = (e) => e.assignedSlot || e.parentElement || (e.parentNode && e.parentNode.host) || null;
  const dcontains = (a, b) => {
    if (!deep) return a.contains(b);
    for (let n = b; n; n = up(n)) if (n === a) return true;
    return false;
  };
  const dclosest = (e, sel) => {
    if (!deep) return e.closest(sel);
    for (let n = e; n; n = up(n)) if (n.matches(sel)) return n;
    return null;
  };
  // qsa is querySelectorAll through every shadow root under root.
  const qsa = (root, sel) => {
    if (!deep) return [...root.querySelectorAll(sel)];
    const out = [];
    for (const r of allRoots) {
      for (const e of r.querySelectorAll(sel)) if (root === document || dcontains(root, e)) out.push(e);
    }
    return out;
  };
  // children in the composed tree: a host's shadow root, a slot's assigned nodes.
  const kids = (n) => {
    const sr = n.nodeType === Node.ELEMENT_NODE ? shadowOf(n) : null;
    if (sr) return sr.childNodes;
    if (n.localName === 'slot') {
      const a = n.assignedNodes({ flatten: true });
      if (a.length) return a;
    }
    return n.childNodes;
  };
  const inlineDisplay = new Set(['inline', 'inline-block', 'inline-flex', 'inline-grid', 'contents']);
  // inner is innerText through shadow roots and slots: one line per block.
  const inner = (e) => {
    if (!deep) return e.innerText !== undefined ? e.innerText : e.textContent;
    let t = texts.get(e);
    if (t !== undefined) return t;
    const parts = [];
    const walk = (n) => {
      if (n.nodeType === Node.TEXT_NODE) { parts.push(n.data.replace(/\s+/g, ' ')); return; }
      if (n.nodeType !== Node.ELEMENT_NODE && n.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
      if (n.nodeType === Node.ELEMENT_NODE) {
        if (['script', 'style', 'template', 'input', 'textarea', 'select'].includes(n.localName)) return;
        const st = getComputedStyle(n);
        if (st.display === 'none') return;
        if (n.localName === 'br') { parts.push('\n'); return; }
        const block = !inlineDisplay.has(st.display);
        if (block) parts.push('\n');
        for (const c of kids(n)) walk(c);
        if (block) parts.push('\n');
        return;
      }
      for (const c of n.childNodes) walk(c);
    };
    walk(e);
    t = parts.join('').split('\n').map((l) => l.replace(/ +/g, ' ').trim()).filter(Boolean).join('\n');
    texts.set(e, t);
    return t;
  };
  // deepAt is the element a press at x, y reaches, inside shadow roots too.
  const deepAt = (x, y) => {
    let n = document.elementFromPoint(x, y);
    for (let sr = n && shadowOf(n); sr; sr = n && shadowOf(n)) {
      const m = sr.elementFromPoint(x, y);
      if (!m || m === n) break;
      n = m;
    }
    return n;
  };
  const deepActive = () => {
    let a = document.activeElement;
    while (a && shadowOf(a) && shadowOf(a).activeElement) a = shadowOf(a).activeElement;
    return a;
  };

  // ---- text as a reader sees it ----
  const norm = (s) => String(s == null ? '' : s).replace(/[\s\u200b\u200c\u200d\u2060\ufeff]+/g, ' ').trim();
  const invisibleMarks = /[\p{Co}\ufe00-\ufe0f\u200b-\u200d\u2060\ufeff]|\p{Extended_Pictographic}/gu;
  const edge = /^[\p{S}\p{P}\s]+|[\p{S}\p{P}\s]+$/gu;
  const count = /\s*[([]\s*\d+\s*[)\]]\s*$/u;
  // plain drops what decorates a name: icons, glyphs and punctuation at its
  // edges, a count like "(3)", case. It must agree with Plain in locate.go.
  const plain = (s) => {
    let t = norm(String(s == null ? '' : s).replace(invisibleMarks, ' '));
    for (let i = 0; i < 4; i++) {
      const u = norm(t.replace(count, '').replace(edge, ''));
      if (u === t) break;
      t = u;
    }
    return t.toLowerCase();
  };
  const isWordChar = (c) => /[\p{L}\p{N}_:]/u.test(c);
  const containsWord = (hay, needle) => {
    if (!needle) return false;
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
      const before = i === 0 ? '' : hay[i - 1];
      const after = hay[i + needle.length] || '';
      if ((!before || !isWordChar(before)) && (!after || !isWordChar(after))) return true;
    }
    return false;
  };
  // match says which of names a text answers to and how closely:
  // tier 0 exact, 1 without regard to case, 2 without decoration, 3 contained.
  const match = (text, q) => {
    if (!q.names || q.names.length === 0) return { i: 0, tier: 0, name: '' };
    const n = norm(text);
    const low = n.toLowerCase();
    const pl = plain(n);
    for (let tier = 0; tier <= 3; tier++) {
      for (let i = 0; i < q.names.length; i++) {
        const want = norm(q.names[i]);
        let ok = false;
        switch (tier) {
          case 0: ok = n === want; break;
          case 1: ok = low === want.toLowerCase(); break;
          case 2: {
            // a count shown as a bare number after the name ("Created Apps 2"),
            // or a step's number before it ("2 Information"), is decoration
            // when the name itself has no digit there
            const pw = plain(want);
            ok = pl !== '' && (pl === pw || (!/\d$/.test(pw) && pl.replace(/\s+\d+$/, '') === pw) ||
              (!/^\d/.test(pw) && pl.replace(/^\d+\s*/, '') === pw));
            break;
          }
          case 3:
            // a token (a scope id) in a label of a few words, not a
            // sentence that mentions it ("for example meeting:read:...")
            if (q.word) ok = containsWord(low, want.toLowerCase()) && low.replace(want.toLowerCase(), ' ').split(/\s+/).filter(Boolean).length <= 10;
            else if (q.partial) ok = low.includes(want.toLowerCase()) || (plain(want) !== '' && pl.includes(plain(want)));
            break;
        }
        if (ok) return { i, tier, name: q.names[i] };
      }
    }
    return null;
  };

  // ---- roles and names ----
  // The engine computes them itself, the common cases of the ARIA rules
  // (explicit role, implicit role by element, aria-labelledby, aria-label,
  // labels, placeholder, content): Chrome's own computation (computedRole,
  // computedName) costs 100 to 500 ms per look on a page of a few hundred
  // controls right after it changed, against a few ms here. Tests compare
  // the two on every control of their pages (useComputed, audit).
  const computed = 'computedRole' in Element.prototype;
  let useComputed = false;
  const implicit = (e) => {
    const tag = e.localName;
    const type = (e.getAttribute('type') || '').toLowerCase();
    switch (tag) {
      case 'a': case 'area': return e.hasAttribute('href') ? 'link' : 'generic';
      case 'button': case 'summary': return 'button';
      case 'input':
        if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
        if (type === 'checkbox') return 'checkbox';
        if (type === 'radio') return 'radio';
        if (type === 'search') return 'searchbox';
        if (type === 'number') return 'spinbutton';
        if (type === 'range') return 'slider';
        if (type === 'hidden') return '';
        return e.hasAttribute('list') ? 'combobox' : 'textbox';
      case 'textarea': return 'textbox';
      case 'select': return e.multiple || e.size > 1 ? 'listbox' : 'combobox';
      case 'option': return 'option';
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': return 'heading';
      case 'dialog': return 'dialog';
      case 'section': return (e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby')) ? 'region' : 'generic';
      case 'article': return 'article';
      case 'form': return 'form';
      case 'fieldset': case 'details': return 'group';
      case 'nav': return 'navigation';
      case 'main': return 'main';
      case 'li': return 'listitem';
      case 'ul': case 'ol': return 'list';
      case 'table': return 'table';
      case 'tr': return 'row';
      case 'td': return 'cell';
      case 'th': return 'columnheader';
      case 'output': return 'status';
      case 'dt': return 'term';
      case 'dd': return 'definition';
      case 'p': return 'paragraph';
      default: return e.isContentEditable ? 'textbox' : 'generic';
    }
  };
  const roleOf = (e) => {
    if (useComputed) return e.computedRole || '';
    const r = (e.getAttribute('role') || '').trim().split(/\s+/)[0];
    return r || implicit(e);
  };
  const byIds = (e, attr) => {
    const r = e.getRootNode();
    const scope = r.getElementById ? r : document;
    return (e.getAttribute(attr) || '').split(/\s+/).filter(Boolean).map((id) => scope.getElementById(id)).filter(Boolean);
  };
  // textOf is what a person reads in e: its rendered text without what is
  // hidden from them.
  const textOf = (e) => {
    if (!e) return '';
    if (e.localName === 'input' || e.localName === 'textarea' || e.localName === 'select') return e.value || '';
    return norm(inner(e));
  };
  // contentName is a name from content, as the ARIA rules take it: the
  // rendered text, without what is hidden from assistive technology.
  const contentName = (e) => {
    const parts = [];
    const walk = (n) => {
      for (const c of kids(n)) {
        if (c.nodeType === Node.TEXT_NODE) { parts.push(c.data); continue; }
        if (c.nodeType !== Node.ELEMENT_NODE) continue;
        if (c.getAttribute('aria-hidden') === 'true' || c.hidden || c.localName === 'script' || c.localName === 'style') continue;
        if (c.checkVisibility && !c.checkVisibility({ visibilityProperty: true }) && getComputedStyle(c).display === 'none') continue;
        const al = c.getAttribute('aria-label');
        if (al && al.trim()) { parts.push(' ' + al + ' '); continue; }
        if (c.localName === 'img') { parts.push(' ' + (c.getAttribute('alt') || '') + ' '); continue; }
        if (c.localName === 'input' && ['button', 'submit', 'reset'].includes(c.type)) { parts.push(' ' + c.value + ' '); continue; }
        const block = getComputedStyle(c).display;
        const sep = block === 'inline' || block === 'inline-block' || block === 'contents' ? '' : ' ';
        parts.push(sep);
        walk(c);
        parts.push(sep);
      }
    };
    walk(e);
    return norm(parts.join(''));
  };
  const approxName = (e) => {
    const by = byIds(e, 'aria-labelledby');
    if (by.length) return norm(by.map((x) => inner(x) || x.textContent).join(' '));
    const al = e.getAttribute('aria-label');
    if (al && al.trim()) return norm(al);
    const role = roleOf(e);
    const tag = e.localName;
    if (tag === 'input' || tag === 'textarea' || tag === 'select') {
      const type = (e.getAttribute('type') || '').toLowerCase();
      if (['button', 'submit', 'reset'].includes(type)) return norm(e.value || (type === 'submit' ? 'Submit' : ''));
      if (type === 'image') return norm(e.getAttribute('alt') || '');
      if (e.labels && e.labels.length) return norm([...e.labels].map(contentName).join(' '));
      return norm(e.getAttribute('placeholder') || e.getAttribute('title') || '');
    }
    if (tag !== 'input' && e.labels && e.labels.length) {
      const l = norm([...e.labels].map(contentName).join(' '));
      if (l) return l;
    }
    if (tag === 'img') return norm(e.getAttribute('alt') || '');
    if (tag === 'fieldset') { const lg = qsa(e, 'legend')[0]; return lg ? textOf(lg) : ''; }
    const fromContent = ['button', 'link', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'tab', 'option', 'treeitem',
      'heading', 'checkbox', 'radio', 'switch', 'cell', 'columnheader', 'rowheader', 'term', 'tooltip', 'row'];
    if (fromContent.includes(role)) return contentName(e) || norm(e.getAttribute('title') || '');
    if (e.labels && e.labels.length) return norm([...e.labels].map(contentName).join(' '));
    return norm(e.getAttribute('title') || '');
  };
  const nameOf = (e) => (useComputed ? norm(e.computedName) : approxName(e));

  // ---- what a person can see and use ----
  const shown = (e) => {
    if (!e || !e.isConnected) return false;
    if (dclosest(e, '[aria-hidden="true"]')) return false;
    const r = e.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    if (e.checkVisibility && !e.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    return true;
  };
  // visible: shown, or a styled checkbox or radio whose label shows.
  const visible = (e) => {
    if (shown(e)) return true;
    if (e.labels && e.labels.length && !dclosest(e, '[aria-hidden="true"]')) return [...e.labels].some(shown);
    return false;
  };
  const disabled = (e) => {
    try { if (e.matches(':disabled')) return true; } catch (err) { /* not a form element */ }
    return !!dclosest(e, '[aria-disabled="true"]');
  };
  const state = (e, attr) => e.getAttribute(attr) === 'true';
  const checked = (e) => {
    if (e.localName === 'input' && (e.type === 'checkbox' || e.type === 'radio')) return e.checked;
    return state(e, 'aria-checked') || state(e, 'aria-selected') || state(e, 'aria-pressed');
  };

  const clickHooks = globalThis[Symbol.for('zoomsetup.clicks')];
  const clickRoles = ['button', 'link', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'tab', 'option', 'treeitem', 'checkbox', 'radio', 'switch'];
  // reacts: e answers a click (a control, a handler, a pointer cursor).
  const reacts = (e) => {
    if (e === document.body || e === document.documentElement) return false;
    if (clickRoles.includes(roleOf(e))) return true;
    if (e.localName === 'label' && e.control) return true;
    if (e.hasAttribute('onclick') || typeof e.onclick === 'function') return true;
    if (clickHooks && clickHooks.has(e)) return true;
    if (e.hasAttribute('tabindex') && Number(e.getAttribute('tabindex')) >= 0) return true;
    // a pointer cursor counts where it starts, not on the children that inherit it
    if (getComputedStyle(e).cursor !== 'pointer') return false;
    const p = up(e);
    return !p || getComputedStyle(p).cursor !== 'pointer';
  };

  // ---- candidates by role ----
  const TAGS = {
    button: 'button,input[type=button],input[type=submit],input[type=reset],input[type=image],summary',
    link: 'a[href],area[href]',
    textbox: 'input,textarea,[contenteditable]',
    searchbox: 'input',
    combobox: 'select,input',
    spinbutton: 'input',
    checkbox: 'input[type=checkbox]',
    radio: 'input[type=radio]',
    option: 'option',
    heading: 'h1,h2,h3,h4,h5,h6',
    dialog: 'dialog',
    region: 'section',
    group: 'fieldset,details',
    article: 'article',
    form: 'form',
    listitem: 'li',
    table: 'table',
    row: 'tr',
    cell: 'td',
    status: 'output',
    navigation: 'nav',
  };
  const selectorFor = (roles) => {
    const parts = ['[role]'];
    for (const r of roles) if (TAGS[r]) parts.push(TAGS[r]);
    return parts.join(',');
  };
  // KINDS are what a person looks for; the roles listed are the same thing
  // in another dress, tried after the locator's own roles.
  const KINDS = {
    control: ['button', 'link', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'tab', 'option', 'treeitem'],
    field: ['textbox', 'searchbox', 'combobox', 'spinbutton'],
    toggle: ['checkbox', 'switch', 'menuitemcheckbox'],
    choice: ['radio', 'option', 'menuitemradio', 'tab'],
    dialog: ['dialog', 'alertdialog'],
    region: ['region', 'group', 'article', 'form'],
    heading: ['heading'],
    message: ['alert', 'status'],
    value: ['textbox', 'searchbox', 'combobox', 'spinbutton'],
    any: [],
  };

  const hit = (e, role, name, m, via) => ({ e, role, name, i: m.i, tier: m.tier, matched: m.name, via: via || '' });

  // titleOf is what titles a control whose name is all its content (a card
  // reading "Server-to-Server OAuth. An internal app that..."): its heading,
  // else its first line.
  const titleOf = (e) => {
    const h = qsa(e, 'h1,h2,h3,h4,h5,h6,[role=heading]')[0];
    if (h) return textOf(h);
    const lines = (inner(e) || '').split('\n').map(norm).filter(Boolean);
    return lines.length > 1 ? lines[0] : '';
  };
  const titled = ['radio', 'option', 'button', 'link', 'tab', 'menuitem', 'menuitemradio', 'checkbox', 'switch', 'treeitem', 'listitem', 'row'];

  const byRole = (root, roles, q, via) => {
    const out = [];
    let nodes;
    try { nodes = qsa(root, selectorFor(roles)); } catch (err) { return out; }
    for (const e of nodes) {
      const role = roleOf(e);
      if (!roles.includes(role)) continue;
      if (!visible(e)) continue;
      const name = q.byText ? textOf(e) : nameOf(e);
      let m = match(name, q);
      if (!m && q.names && q.names.length && !q.byText && titled.includes(role)) {
        const title = titleOf(e);
        const tm = title && title !== name ? match(title, q) : null;
        if (tm && tm.tier < 3) m = Object.assign(tm, { tier: tm.tier + 4 });
      }
      if (m) out.push(hit(e, role, name, m, via ? via(role) : ''));
    }
    return out;
  };

  // ownText: the element's text when no child element carries all of it, so
  // the deepest element that reads the words is the one found.
  const deepestWith = (root, q, accept) => {
    const out = [];
    const keys = (q.names || []).map((n) => plain(n).replace(/[^\p{L}\p{N}]+/gu, '')).filter(Boolean);
    if (!keys.length) return out;
    const seen = new Set();
    const nodes = [];
    for (const r of deep ? allRoots : [root]) {
      const walker = document.createTreeWalker(r, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (deep && root !== document && !(t.parentElement && dcontains(root, t.parentElement))) continue;
        nodes.push(t);
      }
    }
    for (const t of nodes) {
      const k = t.data.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
      if (!k) continue;
      let e = t.parentElement || (t.parentNode && t.parentNode.host);
      // climb while the element's text is still only a part of a name
      for (let n = 0; e && n < 4; n++) {
        if (seen.has(e)) break;
        const tk = plain((deep ? inner(e) : e.textContent) || '').replace(/[^\p{L}\p{N}]+/gu, '').replace(/^\d+(?=\p{L})/u, '');
        // a part of a longer text counts only in an element not much longer
        // than the words: a row, not the list that holds it
        if (keys.some((key) => tk === key || ((q.partial || q.word) && tk.includes(key) && tk.length <= key.length * 4 + 40))) {
          seen.add(e);
          if (visible(e)) {
            const text = textOf(e);
            const m = match(text, q);
            if (m) {
              const a = accept(e);
              if (a) out.push(hit(a.e, a.role || roleOf(a.e), text, m, a.via));
            }
          }
          break;
        }
        if (!keys.some((key) => key.includes(tk))) break;
        e = up(e);
      }
    }
    return out;
  };

  const describe = (e) => {
    const role = (e.getAttribute('role') || '').trim();
    return e.localName + (role ? '[role=' + role + ']' : '') + (role ? '' : ' (no role)');
  };

  // reaches says whether a press that lands on n reaches e: n is e, inside
  // it or one of its labels, or a component's host that holds e (a press on
  // text slotted straight into it, or seen from outside a closed root).
  const reaches = (e, n) => !!n && (dcontains(e, n) || (!!e.labels && [...e.labels].some((l) => dcontains(l, n))) ||
    (!!shadowOf(n) && dcontains(n, e)));

  // arm watches the next press: when it lands where mine says no (the page
  // moved between looking and pressing), it and the click it would make are
  // stopped before the page sees them, and landed reports the miss. The
  // watch ends with the click, a new arm, or a second.
  const press = { missed: [], at: '', off: () => {} };
  const PRESS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'];
  const arm = (mine, id) => {
    press.off();
    let seen = false;
    let missed = false;
    const on = (ev) => {
      if (!seen && (ev.type === 'pointerdown' || ev.type === 'mousedown')) {
        seen = true;
        const n = ev.composedPath()[0];
        if (!mine(n)) {
          missed = true;
          press.missed.push(id);
          press.at = n instanceof Element ? describe(n) + ' "' + norm(n.textContent).slice(0, 40) + '"' : 'nothing';
        }
      }
      if (missed) {
        ev.preventDefault();
        ev.stopImmediatePropagation();
      }
      if (ev.type === 'click') press.off();
    };
    for (const k of PRESS) addEventListener(k, on, true);
    const later = globalThis[Symbol.for('zoomsetup.setTimeout')] || setTimeout;
    let live = true;
    press.off = () => {
      if (!live) return;
      live = false;
      for (const k of PRESS) removeEventListener(k, on, true);
    };
    later(press.off, 1000);
  };

  // clickableText finds the words on, or in, an element with no control
  // role that reacts to a click (a div with a handler, a card, a row): the
  // hit is the words themselves, which a person clicks, and the click
  // reaches the element that handles it. Only an element about the size of
  // a card counts, not a page that handles every click.
  const clickableText = (root, q) => deepestWith(root, q, (e) => {
    const most = textOf(e).length * 10 + 300;
    for (let a = e, n = 0; a && n < 8 && a !== root.parentNode; a = up(a), n++) {
      if (textOf(a).length > most) break;
      if (reacts(a)) return { e, role: roleOf(a), via: 'found ' + q.desc + ' by its words on a clickable ' + describe(a) };
    }
    return null;
  });

  const fieldSel = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]),textarea,select,[contenteditable=""],[contenteditable=true],[role=textbox],[role=combobox],[role=searchbox]';
  const controlSel = 'button,a[href],input,select,textarea,[role=button],[role=link]';
  // textBefore is the text a person reads just before a field (above it, or
  // to its left) when nothing ties a label to it: one line per entry.
  const textBefore = (f) => {
    let n = f;
    for (let depth = 0; depth < 4 && n && n !== document.body; depth++) {
      for (let s = n.previousSibling; s; s = s.previousSibling) {
        if (s.nodeType === Node.TEXT_NODE) {
          const t = norm(s.data);
          if (t) return [t];
          continue;
        }
        if (s.nodeType !== Node.ELEMENT_NODE || !shown(s)) continue;
        if (s.matches(fieldSel) || qsa(s, fieldSel).length) return [];
        if (s.matches(controlSel)) continue;
        const lines = (inner(s) || '').split('\n').map(norm).filter(Boolean);
        if (lines.length) return lines;
      }
      n = up(n);
    }
    return [];
  };
  // textAround is the text of the smallest box around a field that holds no
  // other field: a floating label drawn over the field, or written after it.
  const textAround = (f) => {
    let box = up(f);
    for (let n = 0; box && n < 3 && box !== document.body; n++, box = up(box)) {
      if (qsa(box, fieldSel).some((x) => x !== f && shown(x))) return [];
      const lines = (inner(box) || '').split('\n').map(norm).filter(Boolean);
      if (lines.length) return lines;
    }
    return [];
  };
  const nearText = (root, q) => {
    const out = [];
    for (const f of qsa(root, fieldSel)) {
      if (!visible(f)) continue;
      for (const line of [...textBefore(f), ...textAround(f)]) {
        const m = match(line, q);
        if (m) { out.push(hit(f, roleOf(f) || 'textbox', line, m, 'found ' + q.desc + ' by the text before it, not by a label')); break; }
      }
    }
    return out;
  };

  // styledText finds words shown as a heading without the role: large or bold text.
  const styledText = (root, q) => deepestWith(root, q, (e) => {
    if (reacts(e) || qsa(e, controlSel).length) return null;
    const s = getComputedStyle(e);
    if (parseFloat(s.fontSize) >= 17 || Number(s.fontWeight) >= 600 || e.localName === 'legend') {
      return { e, role: 'heading', via: 'found ' + q.desc + ' as styled text, not a heading' };
    }
    return null;
  });

  const overlay = (e) => {
    for (let a = up(e); a && a !== document.body; a = up(a)) {
      if (a.localName === 'dialog' || ['dialog', 'alertdialog'].includes(a.getAttribute('role')) || a.getAttribute('aria-modal') === 'true') return a;
      const p = getComputedStyle(a).position;
      if (p === 'fixed') return a;
    }
    return null;
  };
  // titled finds a container by the heading it shows: a dialog without a
  // name (a native dialog, an overlay with only a heading), a card or a tile.
  const headed = (root, q) => {
    const hq = Object.assign({}, q, { roles: ['heading'], kind: 'heading' });
    let anchors = byRole(root, ['heading'], hq);
    if (!anchors.length) anchors = styledText(root, hq);
    if (!anchors.length && q.kind === 'region') anchors = deepestWith(root, q, (e) => ({ e, role: roleOf(e) }));
    const out = [];
    for (const a of anchors) {
      if (q.kind === 'dialog') {
        const box = overlay(a.e);
        if (!box) continue;
        out.push(Object.assign(hit(box, roleOf(box) || 'dialog', a.name, a, 'found ' + q.desc + ' as an overlay (' + describe(box) + ') with that heading'), { container: true }));
      } else {
        out.push(Object.assign(hit(a.e, q.roles[0], a.name, a, ''), { anchor: true }));
      }
    }
    return out;
  };

  // labelled reads what a label names: the field it labels, else the text
  // shown beside it (a description list, a table row, the next element).
  const valueSel = 'label,dt,th,td,span,div,p,strong,b,em,h1,h2,h3,h4,h5,h6,legend,li';
  const holderFor = (l) => {
    if (l.localName === 'label' && l.control) return l.control;
    if (l.id) {
      const r = l.getRootNode();
      const by = (r.querySelector ? r : document).querySelector('[aria-labelledby~="' + CSS.escape(l.id) + '"]');
      if (by && by !== l) return by;
    }
    if (l.localName === 'dt') {
      for (let s = l.nextElementSibling; s; s = s.nextElementSibling) if (s.localName === 'dd') return s;
    }
    if (l.localName === 'th' || l.localName === 'td') {
      const row = l.parentElement;
      const cells = [...row.children];
      const i = cells.indexOf(l);
      if (i + 1 < cells.length) return cells[i + 1];
      const table = l.closest('table');
      const body = table && table.querySelector('tbody tr:not(:first-child), tbody tr');
      if (body && body !== row && body.children[i]) return body.children[i];
    }
    for (let n = l, k = 0; n && k < 3 && n !== document.body; n = up(n), k++) {
      for (let s = n.nextElementSibling; s; s = s.nextElementSibling) {
        if (!shown(s)) continue;
        const f = s.matches(fieldSel) ? s : qsa(s, fieldSel)[0];
        if (f && shown(f)) return f;
        if (readValue(s)) return s;
      }
    }
    return null;
  };
  // readValue is the text a holder shows, without its buttons' words.
  const readValue = (h) => {
    if (!h) return '';
    if (h.matches('input,textarea,select')) return h.value || '';
    if (h.isContentEditable) return norm(inner(h));
    const copy = h.cloneNode(true);
    copy.querySelectorAll('button,[role=button],a,input,select,textarea,[aria-hidden="true"],script,style').forEach((x) => x.remove());
    // innerText of a detached copy loses layout; read the live text and
    // take away the controls' words.
    let text = norm(inner(h));
    for (const c of qsa(h, 'button,[role=button],a,[aria-hidden="true"]')) {
      const w = norm(inner(c));
      if (w) text = norm(text.replace(w, ''));
    }
    return text || norm(copy.textContent);
  };
  const labelled = (root, q) => {
    const out = [];
    const seen = new Set();
    for (const e of qsa(root, valueSel)) {
      const own = [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.data).join(' ');
      const text = norm(own) ? own : (e.children.length === 0 && !shadowOf(e) ? e.textContent : '');
      if (!norm(text)) continue;
      const m = match(text, q);
      if (!m || m.tier === 3 || !shown(e)) continue;
      const h = holderFor(e);
      if (!h || seen.has(h) || dcontains(h, e)) continue;
      seen.add(h);
      out.push(Object.assign(hit(h, roleOf(h), norm(text), m, ''), { value: readValue(h) }));
    }
    return out;
  };

  // before says whether a comes before b on the page; elements in
  // different shadow trees are compared by the hosts that hold them.
  const before = (a, b) => {
    const lifts = (e) => { const out = [e]; for (let h = e.getRootNode().host; h; h = h.getRootNode().host) out.push(h); return out; };
    const la = lifts(a), lb = lifts(b);
    for (const x of la) {
      for (const y of lb) {
        if (x.getRootNode() !== y.getRootNode()) continue;
        if (x === y) return la.indexOf(x) > lb.indexOf(y);
        return !!(x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING);
      }
    }
    return false;
  };
  const order = (a, b) => (a.i - b.i) || (a.tier - b.tier) || (a.e === b.e ? 0 : (before(a.e, b.e) ? -1 : 1));

  // look finds q's matches under root, in stages: its roles, the same kind
  // of control in another role, then what the kind falls back to.
  const look = (q, root) => {
    const own = byRole(root, q.roles, q);
    if (own.length) return own.sort(order);
    const kind = KINDS[q.kind] || [];
    const others = kind.filter((r) => !q.roles.includes(r));
    if (others.length) {
      const alt = byRole(root, others, q, (role) => 'found ' + q.desc + ' as a ' + role + ', not a ' + q.roles[0]);
      if (alt.length) return alt.sort(order);
    }
    let fb = [];
    switch (q.kind) {
      case 'control': case 'choice': fb = clickableText(root, q); break;
      case 'field': fb = nearText(root, q); break;
      case 'value': fb = nearText(root, q); if (!fb.length) fb = labelled(root, q); break;
      case 'heading': fb = styledText(root, q); break;
      case 'dialog': case 'region': fb = headed(root, q); break;
    }
    return fb.sort(order);
  };

  // repeated: e is one of a list's rows or cards (a list item, a table row,
  // or one of several siblings of its kind and class): what belongs to its
  // heading is inside it, not in the next row.
  const repeated = (e) => {
    if (['li', 'tr', 'article'].includes(e.localName)) return true;
    if (['row', 'listitem', 'option', 'article'].includes(e.getAttribute('role') || '')) return true;
    if (!e.className || typeof e.className !== 'string' || !['div', 'section'].includes(e.localName) || !e.parentElement) return false;
    let like = 0;
    for (const c of e.parentElement.children) if (c !== e && c.localName === e.localName && c.className === e.className) like++;
    return like >= 2;
  };
  const isBox = (h) => h.container || KINDS.dialog.includes(h.role) || KINDS.region.includes(h.role);
  const find = (q, root) => {
    root = root || document;
    const hits = findOne(q, root);
    return hits.length || !q.or ? hits : find(q.or, root);
  };
  const findOne = (q, root) => {
    if (!q.scope) return look(q, root);
    // A person reads the dialog in front first.
    const scopes = find(q.scope, root);
    const m = frontModal();
    if (m) scopes.sort((a, b) => Number(dcontains(m, b.e)) - Number(dcontains(m, a.e)));
    const inner = Object.assign({}, q, { scope: null });
    let all = null;
    const scoped = (hits, s) => hits.map((h) => Object.assign({}, h, { scopeVia: s.via || s.scopeVia || '' }));
    for (const s of scopes) {
      if (!s.anchor && isBox(s)) {
        const hits = look(inner, s.e);
        if (hits.length) return scoped(hits, s);
        continue;
      }
      // an anchor (a heading, a label): the nearest ancestor holding a match
      all = all || look(inner, root);
      for (let b = s.e; b && b !== document.documentElement; b = up(b)) {
        const hits = all.filter((h) => dcontains(b, h.e));
        if (hits.length) return scoped(hits, s);
        if (overlay(s.e) === b || repeated(b)) break;
      }
    }
    return [];
  };

  // out is a hit as Go reads it; what q.read asks for (the value, the row's
  // text, whether it takes typing) comes in the same answer, so a read never
  // races a page that changes between two calls.
  const out = (h, q) => {
    const o = {
      id: idOf(h.e), role: h.role, name: h.name, matched: h.matched || '', tier: h.tier, via: h.via, scopeVia: h.scopeVia || '',
      disabled: disabled(h.e), checked: checked(h.e), pressed: state(h.e, 'aria-pressed'),
      expanded: h.e.getAttribute('aria-expanded') || '', value: h.value === undefined ? null : h.value,
    };
    if (q.read) {
      if (o.value === null) o.value = readValue(h.e);
      o.row = rowOf(h.e);
      o.editable = editable(h.e);
    }
    return o;
  };

  const editable = (e) => (e.matches('input,textarea,select') ? !e.readOnly && !e.disabled : e.isContentEditable);
  // rowOf is the text of the line, card or list item that holds e.
  const rowOf = (e) => {
    const row = dclosest(e, 'tr,li,[role=row],[role=listitem],article');
    if (row) return norm(inner(row));
    const len = textOf(e).length;
    for (let a = up(e), n = 0; a && n < 4 && a !== document.body; a = up(a), n++) {
      if (textOf(a).length > len + 2) return textOf(a);
    }
    return textOf(e);
  };

  // ---- quiet: the page has stopped changing ----
  let lastChange = performance.now();
  const ALL = { subtree: true, childList: true, attributes: true, characterData: true };
  try {
    const mo = new MutationObserver(() => { lastChange = performance.now(); });
    mo.observe(document, ALL);
    observed.add(document);
    watchers.add((r) => mo.observe(r, ALL));
  } catch (err) { /* no document yet */ }
  const busy = () => {
    for (const b of qsa(document, '[aria-busy="true"],[role=progressbar]')) if (shown(b)) return true;
    return false;
  };

  const Z = {
    find: (q) => find(q).map((h) => out(h, q)),
    findMany: (qs) => qs.map((q) => find(q).map((h) => out(h, q))),
    // text is what the page reads, shadow roots included.
    text: () => norm(document.body ? inner(document.body) : ''),
    useComputed: (on) => { useComputed = on && computed; return useComputed; },
    // audit lists the shown controls, headings and dialogs whose role or
    // name the engine computes otherwise than Chrome (names compared as a
    // reader reads them).
    audit: async () => {
      if (!computed) return null;
      const roles = new Set([].concat(...Object.values(KINDS)));
      const all = qsa(document, '*');
      // Chrome builds its accessibility tree lazily: ask once, let it
      // settle for a few frames, then compare.
      for (const e of all) void e.computedRole;
      for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
      const out = [];
      // What a modal dialog or inert makes unreachable has no name for Chrome.
      let modal = null;
      try { modal = document.querySelector('dialog:modal'); } catch (err) { /* an older browser */ }
      for (const e of all) {
        if (!e.isConnected || dclosest(e, '[inert]') || (modal && !dcontains(modal, e))) continue;
        const cr = e.computedRole || '';
        if (!roles.has(cr) || !visible(e)) continue;
        const was = useComputed;
        useComputed = false;
        const ar = roleOf(e);
        const an = nameOf(e);
        useComputed = was;
        const cn = norm(e.computedName);
        if (ar !== cr || plain(an) !== plain(cn)) {
          out.push({ element: describe(e) + ' ' + norm(e.outerHTML).slice(0, 120), chrome: cr + ' "' + cn + '"', engine: ar + ' "' + an + '"' });
        }
      }
      return out;
    },
    plain,
    match: (text, q) => match(text, q),
    // point scrolls the element into view and says where a person would
    // click it, or what covers it. A styled control hidden behind its own
    // label counts as uncovered when the label is its own.
    // Unless only hovering, the point is armed: the press that follows is
    // let through only if it lands on the element (see arm).
    point: (id, hovering) => {
      const e = el(id);
      const target = shown(e) ? e : ((e.labels && [...e.labels].find(shown)) || e);
      target.scrollIntoView({ block: 'center', inline: 'center' });
      const r = target.getBoundingClientRect();
      const s = getComputedStyle(target);
      if (r.width === 0 || r.height === 0 || s.visibility === 'hidden') return { state: 'hidden', origin: location.origin };
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const top = deepAt(x, y);
      const mine = (n) => reaches(e, n);
      if (!hovering) arm(mine, id);
      if (mine(top)) return { state: 'ok', x, y, origin: location.origin };
      if (e.labels) {
        for (const l of e.labels) {
          const lr = l.getBoundingClientRect();
          const lx = lr.left + Math.min(lr.width / 2, 12);
          const ly = lr.top + lr.height / 2;
          if (lr.width > 0 && mine(deepAt(lx, ly))) return { state: 'ok', x: lx, y: ly, origin: location.origin };
        }
      }
      const d = top ? (dclosest(top, '[role=dialog],[role=alertdialog],dialog,[aria-label]') || top) : null;
      const by = d ? (d.getAttribute('aria-label') || d.localName + ' ' + norm(inner(d)).slice(0, 60)) : 'nothing';
      return { state: 'covered', by, origin: location.origin };
    },
    // landed lists, by element, the armed presses since the last call that
    // did not reach their element: a layout that moved between looking and
    // pressing (a stylesheet that arrived late) sent them elsewhere, where
    // they were stopped.
    landed: () => { const out = { missed: press.missed, at: press.at }; press.missed = []; return out; },
    rect: (id) => { const r = el(id).getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; },
    shownRect: (id) => {
      const e = el(id);
      const r = e.getBoundingClientRect();
      const top = deepAt(r.left + r.width / 2, r.top + r.height / 2);
      return reaches(e, top) ? { x: r.left, y: r.top, w: r.width, h: r.height } : { x: 0, y: 0, w: 0, h: 0 };
    },
    scroll: (id, block) => { el(id).scrollIntoView({ block }); return true; },
    value: (id) => readValue(el(id)),
    editable: (id) => editable(el(id)),
    isField: (id) => el(id).matches('input,textarea,select,[contenteditable=""],[contenteditable=true]'),
    // focus puts the caret in the field, its text selected so typing
    // replaces it, and says where the focus is.
    focus: (id) => {
      const e = el(id);
      e.focus();
      if (e.select) e.select();
      return { focused: deepActive() === e && document.hasFocus(), origin: location.origin };
    },
    // typed says whether the field holds what was typed, and leaves it so its change commits.
    typed: (id, want) => { const e = el(id); const ok = readValue(e) === want || e.value === want; e.blur(); return { ok, origin: location.origin }; },
    origin: () => location.origin,
    row: (id) => rowOf(el(id)),
    // settled says the page has shown nothing new and asked nothing of its
    // server for quietMs, and nothing on it says it is loading.
    // A page that has scheduled work for the next moments (a skeleton
    // waiting on a timer) is not settled either, unless it has shown
    // nothing new for a long while (a timer that keeps rescheduling itself).
    settled: (quietMs) => {
      const net = globalThis[Symbol.for('zoomsetup.net')];
      const now = performance.now();
      if (net && (net.pending > 0 || now - net.last < quietMs)) return false;
      if (document.readyState !== 'complete' || busy() || now - lastChange < quietMs) return false;
      return !net || net.timers.size === 0 || now - lastChange >= 2000;
    },
    // steady resolves once the page has loaded, its fonts are in and two
    // frames were drawn (at most ms): what a picture is taken of stays where
    // the masks drawn over it were measured.
    steady: (ms) => new Promise((resolve) => {
      const later = globalThis[Symbol.for('zoomsetup.setTimeout')] || setTimeout;
      let done = false;
      const end = () => { if (!done) { done = true; resolve(true); } };
      later(end, ms);
      const loaded = document.readyState === 'complete' ? Promise.resolve() : new Promise((r) => addEventListener('load', r, { once: true }));
      const fonts = document.fonts ? document.fonts.ready : Promise.resolve();
      Promise.all([loaded, fonts]).then(() => requestAnimationFrame(() => requestAnimationFrame(end)));
    }),
    // changed resolves when the page changes, or after ms: a wait looks
    // again as soon as there is something new to see, and costs nothing
    // while the page stands still. (The page's own timer, not the one the
    // page hook counts as the page's work.)
    changed: (ms) => new Promise((resolve) => {
      const later = globalThis[Symbol.for('zoomsetup.setTimeout')] || setTimeout;
      const mo = new MutationObserver(() => { mo.disconnect(); resolve(true); });
      for (const r of allRoots) mo.observe(r, ALL);
      later(() => { mo.disconnect(); resolve(false); }, ms);
    }),
    // status is the HTTP status of the page's own load, when the browser tells it.
    status: () => {
      const n = performance.getEntriesByType('navigation')[0];
      return n && n.responseStatus ? n.responseStatus : 0;
    },
    // frames lists the frames of another site that show on the page, large
    // enough to hold a form.
    frames: () => [...document.querySelectorAll('iframe,frame')].filter((f) => {
      const r = f.getBoundingClientRect();
      if (r.width < 200 || r.height < 120 || !shown(f)) return false;
      try { return new URL(f.src || 'about:blank', location.href).origin !== location.origin && !!f.src; } catch (e) { return false; }
    }).map((f) => new URL(f.src, location.href).origin),
  };
  // Every call sees the page as it is now: its shadow roots, fresh texts.
  for (const [k, f] of Object.entries(Z)) {
    if (typeof f === 'function' && !['plain', 'match', 'useComputed'].includes(k)) Z[k] = (...args) => { refresh(); return f(...args); };
  }
  Object.defineProperty(globalThis, KEY, { value: Z });
  return Z;
})()
