/*
 * Third rendering of the simulated Zoom App Marketplace: the single-page app
 * drawn into #root from the JSON endpoints.
 * Written from shared/reference/zoom-and-meets.md and simulator/pages/README.md
 * alone, without reading the flows or the other renderings.
 *
 * Shaped like a framework's compiled output: every view is a function that
 * returns a fresh subtree; a state change re-renders a named region by
 * replacing it (runtime.rerender), a route change re-renders the whole root;
 * one delegated listener per event type on #root and on each portal
 * dispatches by data-* attributes, so no element has a handler of its own.
 * Dialogs, menus and toasts live in portals appended to <body>. Routes are
 * paths (history API): / (home), /user/build (Created apps), /develop/create
 * (the app type), /develop/app/{id}/{section}, /user/installed.
 */
(function () {
  'use strict';
  var ui = window.__ui, h = ui.h, css = ui.css, icon = ui.icon, region = ui.region, rerender = ui.rerender;
  var root = document.getElementById('root');
  ui.delegate(root);

  var BLUE = '#0b5cff', INK = '#131619', MUTED = '#6e7680', LINE = '#e4e6eb', RED = '#b42318', GREEN = '#027a48';
  var SECTIONS = [
    { key: 'credentials', title: 'App Credentials' },
    { key: 'information', title: 'Information' },
    { key: 'feature', title: 'Feature' },
    { key: 'scopes', title: 'Scopes' },
    { key: 'activation', title: 'Activation' }
  ];
  var TILES = [
    { type: 'general', title: 'General App', icon: 'grid', desc: 'Build an app for users of any Zoom account, with the OAuth authorization a user or an admin grants.' },
    { type: 's2s_oauth', title: 'Server-to-Server OAuth', icon: 'key', desc: 'Build an app that calls Zoom APIs for your own account\u2019s data, with no user authorization.' },
    { type: 'webhook', title: 'Webhook Only', icon: 'bell', desc: 'Receive event notifications from Zoom at an endpoint of yours, without API access.' }
  ];
  var KINDS = [
    { type: 'general', title: 'General App', desc: 'Users or admins authorize the app through OAuth. It can be listed on the Marketplace.' },
    { type: 's2s_oauth', title: 'Server to Server OAuth App', desc: 'An internal app that reads and writes your account\u2019s data through the API, with its own credentials.' }
  ];
  var DIALOG_TITLES = { s2s_oauth: 'Create a Server-to-Server OAuth app', general: 'Create a General App', webhook: 'Create a Webhook Only app' };
  var NO_PERMISSION = 'Your role does not include the permission to build apps. Ask your account admin to turn on Server-to-Server OAuth app (View and Edit), or Zoom for developers, in your role\u2019s Advanced features.';
  var EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  var MASK = '\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022';

  var S = {
    session: null,
    sessionError: '',
    route: parse(location.pathname),
    menu: null,          // the open top-navigation menu: 'develop' | 'manage'
    devOpen: false,      // left navigation: the Developer group expanded
    res: {},             // key -> {status: loading|ready|error|forbidden|notfound, data, error}
    retries: {},         // key -> the request a Retry / Try again sends again
    modal: null,         // {kind: terms|kind|create|scopes, ...}
    toasts: [],
    app: null,           // the open app
    info: null,          // Information drafts
    saved: null,         // Information as last saved
    fieldErr: {}, saving: {}, saveErr: {},
    secret: { value: '', shown: false, busy: false, error: '' },
    act: { busy: false, problems: null, error: '' },
    feature: { error: '' },
    scopeOp: { error: '' },
    afterTerms: null
  };

  // ---- styles -------------------------------------------------------------------
  var popIn = ui.keyframes('from{opacity:0;transform:translateY(10px) scale(.97)}to{opacity:1;transform:none}');
  var fadeIn = ui.keyframes('from{opacity:0}to{opacity:1}');
  var slideIn = ui.keyframes('from{opacity:0;transform:translateY(-8px)}to{opacity:1;transform:none}');
  var focusRing = { outline: 'none', boxShadow: '0 0 0 3px rgba(11,92,255,.25)' };
  var btnBase = {
    display: 'inline-flex', alignItems: 'center', justifyContent: 'center', gap: 6, height: 36, padding: '0 16px', borderRadius: 8,
    fontWeight: 600, fontSize: 14, cursor: 'pointer', userSelect: 'none', whiteSpace: 'nowrap', border: '1px solid transparent',
    '&:focus-visible': focusRing
  };
  var C = {
    page: css({ minHeight: '100vh', background: '#fff' }),
    topbar: css({ display: 'flex', alignItems: 'center', gap: 24, height: 64, padding: '0 28px', borderBottom: '1px solid ' + LINE, background: '#fff', position: 'sticky', top: 0, zIndex: 20 }),
    brand: css({ display: 'flex', alignItems: 'baseline', gap: 8, cursor: 'pointer', userSelect: 'none', flexShrink: 0 }),
    logo: css({ fontWeight: 800, fontSize: 25, color: BLUE, letterSpacing: '-1px' }),
    brandSub: css({ fontWeight: 600, fontSize: 15, color: INK }),
    nav: css({ display: 'flex', alignItems: 'center', gap: 4, flex: 1 }),
    navItem: css({
      display: 'inline-flex', alignItems: 'center', gap: 4, padding: '8px 12px', borderRadius: 8, color: '#39394d', fontWeight: 500,
      cursor: 'pointer', userSelect: 'none', '&:hover': { background: '#f1f4f9', color: INK }, '&:focus-visible': focusRing,
      '&[aria-expanded="true"]': { background: '#eef4ff', color: BLUE }
    }),
    search: css({ display: 'flex', alignItems: 'center', gap: 8, height: 36, padding: '0 12px', border: '1px solid ' + LINE, borderRadius: 18, color: MUTED, width: 240 }),
    searchInput: css({ border: 0, outline: 'none', flex: 1, minWidth: 0, background: 'transparent' }),
    avatar: css({ width: 34, height: 34, borderRadius: '50%', background: '#1d2b4f', color: '#fff', display: 'grid', placeItems: 'center', fontWeight: 700, fontSize: 13, flexShrink: 0 }),
    shellLeft: css({ display: 'flex', minHeight: '100vh' }),
    side: css({ width: 232, flexShrink: 0, borderRight: '1px solid ' + LINE, padding: '18px 12px', background: '#fafbfc', position: 'sticky', top: 0, height: '100vh', overflowY: 'auto' }),
    sideBrand: css({ display: 'flex', alignItems: 'baseline', gap: 6, padding: '0 10px 18px', cursor: 'pointer' }),
    sideItem: css({
      display: 'flex', alignItems: 'center', gap: 10, padding: '8px 10px', borderRadius: 8, color: '#39394d', cursor: 'pointer', userSelect: 'none',
      '&:hover': { background: '#eef1f5' }
    }),
    sideItemOn: css({ background: '#e8efff', color: BLUE, fontWeight: 600 }),
    sideSub: css({ display: 'flex', alignItems: 'center', gap: 10, padding: '7px 10px 7px 38px', borderRadius: 8, color: '#39394d', cursor: 'pointer', '&:hover': { background: '#eef1f5' } }),
    sideGrow: css({ flex: 1 }),
    leftMain: css({ flex: 1, minWidth: 0 }),
    leftTop: css({ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 16, height: 60, padding: '0 28px', borderBottom: '1px solid ' + LINE }),
    content: css({ maxWidth: 1160, margin: '0 auto', padding: '28px 32px 64px' }),
    h1: css({ fontSize: 26, fontWeight: 700, letterSpacing: '-.3px' }),
    h2: css({ fontSize: 20, fontWeight: 700, marginBottom: 6 }),
    h3: css({ fontSize: 15, fontWeight: 700, margin: '22px 0 10px' }),
    lead: css({ color: MUTED, marginTop: 6 }),
    headRow: css({ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 22 }),
    badge: css({ display: 'inline-grid', placeItems: 'center', minWidth: 22, height: 22, padding: '0 7px', borderRadius: 11, background: '#eef1f5', color: '#39394d', fontSize: 12, fontWeight: 700 }),
    spacer: css({ flex: 1 }),
    primary: css(btnBase, { background: BLUE, color: '#fff', '&:hover': { background: '#0a4fdb' }, '&:disabled': { background: '#b3cafd', cursor: 'not-allowed' }, '&[aria-disabled="true"]': { background: '#b3cafd', cursor: 'not-allowed' } }),
    secondary: css(btnBase, { background: '#fff', color: INK, borderColor: '#c5cad1', '&:hover': { background: '#f5f7fa' }, '&:disabled': { color: '#a0a6ad', cursor: 'not-allowed' } }),
    danger: css(btnBase, { background: '#fff', color: RED, borderColor: '#f0b9b4', '&:hover': { background: '#fef3f2' } }),
    textBtn: css({ display: 'inline-flex', alignItems: 'center', gap: 4, color: BLUE, fontWeight: 600, cursor: 'pointer', background: 'none', border: 0, padding: '4px 6px', borderRadius: 6, '&:hover': { background: '#eef4ff' }, '&:focus-visible': focusRing }),
    iconBtn: css({ display: 'inline-grid', placeItems: 'center', width: 30, height: 30, borderRadius: 8, color: '#4a5360', cursor: 'pointer', background: 'none', border: 0, '&:hover': { background: '#eef1f5', color: INK }, '&:focus-visible': focusRing }),
    card: css({ border: '1px solid ' + LINE, borderRadius: 12, background: '#fff' }),
    grid3: css({ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 18 }),
    feat: css({ padding: 18, display: 'flex', flexDirection: 'column', gap: 8, minHeight: 140 }),
    featIcon: css({ width: 40, height: 40, borderRadius: 10, background: '#eef4ff', color: BLUE, display: 'grid', placeItems: 'center' }),
    cat: css({ color: MUTED, fontSize: 12, fontWeight: 600, textTransform: 'uppercase', letterSpacing: '.4px' }),
    hero: css({ padding: '30px 32px', borderRadius: 16, background: 'linear-gradient(120deg,#0b5cff,#5b8cff)', color: '#fff', marginBottom: 28 }),
    heroH: css({ fontSize: 28, fontWeight: 800 }),
    skelRow: css({ display: 'flex', gap: 24, alignItems: 'center', padding: '16px 18px', borderBottom: '1px solid #f0f2f5' }),
    alert: css({ display: 'flex', gap: 12, alignItems: 'flex-start', padding: '14px 16px', borderRadius: 10, background: '#fef3f2', color: RED, border: '1px solid #fecdca', margin: '10px 0' }),
    alertTitle: css({ fontWeight: 700 }),
    notice: css({ display: 'flex', gap: 12, alignItems: 'flex-start', padding: '16px 18px', borderRadius: 12, background: '#fffaeb', border: '1px solid #fedf89', color: '#7a4d05' }),
    success: css({ display: 'flex', gap: 12, alignItems: 'center', padding: '16px 18px', borderRadius: 12, background: '#ecfdf3', border: '1px solid #abefc6', color: GREEN }),
    table: css({ border: '1px solid ' + LINE, borderRadius: 12, overflow: 'hidden' }),
    thead: css({ display: 'grid', gridTemplateColumns: '2.2fr 1.6fr 1fr 1fr', gap: 16, padding: '11px 18px', background: '#f7f8fa', color: MUTED, fontSize: 12, fontWeight: 700, textTransform: 'uppercase', letterSpacing: '.3px' }),
    trow: css({ display: 'grid', gridTemplateColumns: '2.2fr 1.6fr 1fr 1fr', gap: 16, padding: '14px 18px', borderTop: '1px solid #f0f2f5', alignItems: 'center', '&:hover': { background: '#fafbfd' } }),
    appName: css({ color: BLUE, fontWeight: 600, cursor: 'pointer', '&:hover': { textDecoration: 'underline' }, '&:focus-visible': focusRing }),
    chip: css({ display: 'inline-flex', alignItems: 'center', gap: 6, padding: '2px 10px', borderRadius: 12, fontSize: 12, fontWeight: 600, background: '#f2f4f7', color: '#39394d' }),
    chipOn: css({ background: '#ecfdf3', color: GREEN }),
    dot: css({ width: 7, height: 7, borderRadius: '50%', background: 'currentColor' }),
    empty: css({ padding: '48px 18px', textAlign: 'center', color: MUTED }),
    tiles: css({ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 20, marginTop: 24 }),
    tile: css({ padding: 22, display: 'flex', flexDirection: 'column', gap: 10, transition: 'box-shadow .15s, border-color .15s', '&:hover': { borderColor: '#a9c1ff', boxShadow: '0 6px 20px rgba(16,24,40,.08)' } }),
    tileFoot: css({ marginTop: 'auto', paddingTop: 10, display: 'flex', alignItems: 'center', justifyContent: 'space-between' }),
    crumbs: css({ display: 'flex', alignItems: 'center', gap: 6, color: MUTED, fontSize: 13, marginBottom: 10 }),
    crumbLink: css({ color: MUTED, cursor: 'pointer', '&:hover': { color: BLUE } }),
    appGrid: css({ display: 'grid', gridTemplateColumns: '236px minmax(0, 1fr)', gap: 32, alignItems: 'start', marginTop: 22 }),
    steps: css({ position: 'sticky', top: 84, display: 'flex', flexDirection: 'column', gap: 2 }),
    step: css({ display: 'flex', alignItems: 'center', gap: 12, padding: '10px 12px', borderRadius: 10, cursor: 'pointer', color: '#39394d', userSelect: 'none', '&:hover': { background: '#f5f7fa' }, '&:focus-visible': focusRing }),
    stepOn: css({ background: '#eef4ff', color: BLUE, fontWeight: 600 }),
    stepNum: css({ width: 24, height: 24, borderRadius: '50%', border: '1.5px solid currentColor', display: 'grid', placeItems: 'center', fontSize: 12, fontWeight: 700, flexShrink: 0 }),
    stepDone: css({ background: GREEN, borderColor: GREEN, color: '#fff' }),
    section: css({ padding: '26px 28px', animation: fadeIn + ' .2s ease-out' }),
    sectionFoot: css({ display: 'flex', justifyContent: 'flex-end', gap: 10, marginTop: 28, paddingTop: 18, borderTop: '1px solid #f0f2f5' }),
    credRow: css({ display: 'grid', gridTemplateColumns: '150px minmax(0, 1fr)', alignItems: 'center', gap: 16, padding: '14px 0', borderBottom: '1px solid #f0f2f5' }),
    credLabel: css({ color: MUTED, fontWeight: 600 }),
    credValue: css({ display: 'flex', alignItems: 'center', gap: 6, minWidth: 0 }),
    mono: css({ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13.5, background: '#f5f7fa', padding: '5px 10px', borderRadius: 6, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
    field: css({ position: 'relative', marginBottom: 16, maxWidth: 560 }),
    input: css({
      display: 'block', width: '100%', height: 52, padding: '22px 14px 6px', border: '1px solid #babfc6', borderRadius: 10, outline: 'none', background: '#fff',
      '&:focus': { borderColor: BLUE, boxShadow: '0 0 0 3px rgba(11,92,255,.15)' },
      '&:focus + label, &:not(:placeholder-shown) + label, &:focus + div, &:not(:placeholder-shown) + div': { transform: 'translateY(-11px) scale(.8)', color: BLUE }
    }),
    inputPlain: css({ display: 'block', width: '100%', height: 46, padding: '0 14px', border: '1px solid #babfc6', borderRadius: 10, outline: 'none', background: '#fff', '&:focus': { borderColor: BLUE, boxShadow: '0 0 0 3px rgba(11,92,255,.15)' } }),
    textarea: css({
      display: 'block', width: '100%', minHeight: 96, padding: '26px 14px 8px', border: '1px solid #babfc6', borderRadius: 10, outline: 'none', resize: 'vertical', background: '#fff',
      '&:focus': { borderColor: BLUE, boxShadow: '0 0 0 3px rgba(11,92,255,.15)' },
      '&:focus + div, &:not(:placeholder-shown) + div': { transform: 'translateY(-9px) scale(.8)', color: BLUE }
    }),
    invalid: css({ borderColor: RED + ' !important' }),
    float: css({ position: 'absolute', left: 15, top: 15, color: MUTED, pointerEvents: 'none', transformOrigin: 'left top', transition: 'transform .15s, color .15s' }),
    req: css({ color: RED, marginLeft: 2 }),
    fieldErr: css({ color: RED, fontSize: 12.5, marginTop: 5 }),
    fieldNote: css({ display: 'flex', alignItems: 'center', gap: 6, color: MUTED, fontSize: 12.5, marginTop: 5, minHeight: 18 }),
    counter: css({ position: 'absolute', right: 12, top: 16, color: MUTED, fontSize: 12, pointerEvents: 'none' }),
    saveState: css({ display: 'inline-flex', alignItems: 'center', gap: 6, color: MUTED, fontSize: 13 }),
    switchTrack: css({ position: 'relative', width: 42, height: 24, borderRadius: 12, background: '#c5cad1', cursor: 'pointer', transition: 'background .15s', flexShrink: 0, '&:focus-visible': focusRing }),
    switchOn: css({ background: BLUE }),
    switchKnob: css({ position: 'absolute', top: 3, left: 3, width: 18, height: 18, borderRadius: '50%', background: '#fff', boxShadow: '0 1px 3px rgba(0,0,0,.3)', transition: 'left .15s' }),
    knobOn: css({ left: 21 }),
    featureRow: css({ display: 'flex', alignItems: 'flex-start', gap: 16, padding: 18 }),
    scopeList: css({ marginTop: 14 }),
    scopeItem: css({ display: 'flex', alignItems: 'center', gap: 12, padding: '11px 16px', borderTop: '1px solid #f0f2f5', '&:first-child': { borderTop: 0 } }),
    scopeId: css({ color: MUTED, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12.5 }),
    // portals
    backdrop: css({ position: 'fixed', inset: 0, background: 'rgba(19,22,25,.5)', display: 'flex', alignItems: 'flex-start', justifyContent: 'center', padding: '8vh 16px', overflowY: 'auto', zIndex: 1100 }),
    backdropAnim: css({ animation: fadeIn + ' .18s ease-out' }),
    dialog: css({ width: 520, maxWidth: '100%', background: '#fff', borderRadius: 14, boxShadow: '0 24px 60px rgba(16,24,40,.28)', outline: 'none' }),
    dialogWide: css({ width: 940 }),
    dialogAnim: css({ animation: popIn + ' .22s cubic-bezier(.2,.8,.2,1)' }),
    dHead: css({ display: 'flex', alignItems: 'center', gap: 12, padding: '20px 24px 8px' }),
    dTitle: css({ fontSize: 19, fontWeight: 700, flex: 1 }),
    dBody: css({ padding: '10px 24px 6px' }),
    dFoot: css({ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 10, padding: '14px 24px 20px' }),
    kind: css({ display: 'flex', gap: 14, alignItems: 'flex-start', padding: '14px 16px', border: '1.5px solid ' + LINE, borderRadius: 12, cursor: 'pointer', marginBottom: 10, '&:hover': { borderColor: '#a9c1ff' }, '&:focus-visible': focusRing }),
    kindOn: css({ borderColor: BLUE, background: '#f5f8ff' }),
    radioDot: css({ width: 18, height: 18, borderRadius: '50%', border: '2px solid #8a9099', marginTop: 2, flexShrink: 0, display: 'grid', placeItems: 'center' }),
    radioDotOn: css({ borderColor: BLUE, '&::after': { content: '""', width: 8, height: 8, borderRadius: '50%', background: BLUE } }),
    terms: css({ maxHeight: 180, overflowY: 'auto', padding: '12px 14px', border: '1px solid ' + LINE, borderRadius: 10, background: '#fafbfc', color: '#39394d', fontSize: 13, marginBottom: 14 }),
    checkRow: css({ display: 'flex', gap: 10, alignItems: 'flex-start', cursor: 'pointer', userSelect: 'none' }),
    menu: css({ position: 'fixed', minWidth: 210, background: '#fff', borderRadius: 12, boxShadow: '0 12px 32px rgba(16,24,40,.18)', border: '1px solid ' + LINE, padding: 6, animation: slideIn + ' .14s ease-out' }),
    menuItem: css({ display: 'flex', alignItems: 'center', gap: 10, padding: '9px 12px', borderRadius: 8, cursor: 'pointer', color: INK, '&:hover': { background: '#f1f4f9' }, '&:focus-visible': focusRing }),
    menuMuted: css({ color: MUTED, fontSize: 12.5 }),
    menuScrim: css({ position: 'fixed', inset: 0 }),
    toastStack: css({ position: 'fixed', right: 24, bottom: 24, display: 'flex', flexDirection: 'column', gap: 10, alignItems: 'flex-end' }),
    toast: css({ display: 'flex', alignItems: 'center', gap: 10, padding: '11px 14px', background: '#232333', color: '#fff', borderRadius: 10, boxShadow: '0 10px 28px rgba(0,0,0,.25)', animation: slideIn + ' .18s ease-out', maxWidth: 420 }),
    toastBtn: css({ color: '#9ec0ff', fontWeight: 700, background: 'none', border: 0, cursor: 'pointer', padding: '0 4px' }),
    // Add Scopes
    picker: css({ display: 'grid', gridTemplateColumns: '200px minmax(0, 1fr)', gap: 0, border: '1px solid ' + LINE, borderRadius: 12, overflow: 'hidden', height: 440 }),
    products: css({ borderRight: '1px solid ' + LINE, overflowY: 'auto', padding: 6, background: '#fafbfc' }),
    product: css({ display: 'flex', alignItems: 'center', gap: 8, padding: '8px 10px', borderRadius: 8, cursor: 'pointer', color: '#39394d', '&:hover': { background: '#eef1f5' }, '&:focus-visible': focusRing }),
    productOn: css({ background: '#e8efff', color: BLUE, fontWeight: 600 }),
    pCount: css({ marginLeft: 'auto', minWidth: 20, height: 20, padding: '0 6px', borderRadius: 10, background: BLUE, color: '#fff', fontSize: 11, fontWeight: 700, display: 'inline-grid', placeItems: 'center' }),
    viewport: css({ position: 'relative', overflowY: 'auto', height: 440, outline: 'none' }),
    vrow: css({ position: 'absolute', left: 0, right: 0, height: 44, display: 'flex', alignItems: 'center', padding: '0 16px' }),
    vgroup: css({ fontWeight: 700, color: INK, background: '#f7f8fa', borderBottom: '1px solid #eef0f3', gap: 6, fontSize: 13 }),
    vscope: css({ gap: 10, cursor: 'pointer', borderBottom: '1px solid #f4f5f7', '&:hover': { background: '#fafbfd' } }),
    cbox: css({ width: 16, height: 16, accentColor: BLUE, cursor: 'pointer', flexShrink: 0 }),
    searchBox: css({ display: 'flex', alignItems: 'center', gap: 8, height: 40, padding: '0 12px', border: '1px solid #babfc6', borderRadius: 10, marginBottom: 12, color: MUTED, '&:focus-within': { borderColor: BLUE, boxShadow: '0 0 0 3px rgba(11,92,255,.15)' } })
  };

  // ---- routes -------------------------------------------------------------------
  function parse(path) {
    var m;
    path = path.replace(/\/+$/, '') || '/';
    if (path === '/') return { name: 'home' };
    if (path === '/user/build') return { name: 'created' };
    if (path === '/user/installed') return { name: 'added' };
    if (path === '/develop/create') return { name: 'create' };
    if ((m = path.match(/^\/develop\/app\/([^\/]+)(?:\/([a-z]+))?$/))) {
      var sec = m[2] || 'credentials';
      if (!SECTIONS.some(function (s) { return s.key === sec; })) sec = 'credentials';
      return { name: 'app', id: decodeURIComponent(m[1]), section: sec };
    }
    return { name: 'notfound' };
  }
  function navigate(path, replace) {
    if (replace) history.replaceState(null, '', path); else history.pushState(null, '', path);
    onRoute();
  }
  window.addEventListener('popstate', function () { onRoute(); });

  // ---- requests -------------------------------------------------------------------
  // api answers {status, data} for 2xx-4xx; it rejects with .network (no
  // answer) or .status (5xx); a 401 leaves for the sign-in page.
  function api(method, path, body) {
    var init = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(path, init)
      .then(function (res) { return res.text().then(function (t) { return [res, t]; }); })
      .catch(function () { var e = new Error('No answer from the server'); e.network = true; throw e; })
      .then(function (pair) {
        var res = pair[0], data = {};
        try { data = pair[1] ? JSON.parse(pair[1]) : {}; } catch (e) { data = {}; }
        if (res.status === 401) { toSignIn(); return new Promise(function () {}); }
        if (res.status >= 500) { var err = new Error(data.error || res.statusText || 'Server error'); err.status = res.status; throw err; }
        return { status: res.status, data: data || {} };
      });
  }
  function toSignIn() {
    var url = (S.session && S.session.signInUrl) || '/';
    location.assign(url);
  }
  function failText(e) {
    if (e && e.network) return 'We couldn\u2019t reach the Marketplace. Check your connection and try again.';
    return 'The Marketplace had a problem (' + ((e && e.status) || 'error') + (e && e.message ? ' ' + e.message : '') + '). Please try again.';
  }
  function late(v) {
    var ms = (S.session && +S.session.lateContentMs) || 0;
    return ms > 0 ? ui.sleep(ms).then(function () { return v; }) : v;
  }

  // load fetches a resource into S.res[key] and re-renders region 'res:'+key
  // at each change; S.retries[key] sends the same request again.
  function load(key, path, ok) {
    var r = { status: 'loading', data: null, error: '' };
    S.res[key] = r;
    function go() {
      r.status = 'loading'; r.error = '';
      rerender('res:' + key);
      api('GET', path).then(late).then(function (x) {
        if (S.res[key] !== r) return;
        if (x.status === 200) { r.status = 'ready'; r.data = x.data; if (ok) ok(x.data); }
        else if (x.status === 403) { r.status = 'forbidden'; r.error = x.data.error || NO_PERMISSION; }
        else if (x.status === 404) { r.status = 'notfound'; r.error = x.data.error || 'Not found'; }
        else { r.status = 'error'; r.error = x.data.error || 'Unexpected answer ' + x.status; }
        rerender('res:' + key);
      }, function (e) {
        if (S.res[key] !== r) return;
        r.status = 'error'; r.error = failText(e);
        rerender('res:' + key);
      });
    }
    S.retries[key] = go;
    go();
    return r;
  }

  // ---- small components ------------------------------------------------------------
  function Spinner() { return h('span', { className: 'zm-spinner', 'aria-hidden': 'true' }); }
  function Skel(w, hgt) { return h('span', { className: 'zm-skel', style: { width: w, height: (hgt || 14) + 'px' } }); }
  function Link(path, cls, children, extra) {
    var a = { href: path, className: cls, 'data-click': 'nav' };
    if (extra) Object.keys(extra).forEach(function (k) { a[k] = extra[k]; });
    return h('a', a, children);
  }
  function ErrorBox(title, msg, retryKey, label) {
    return h('div', { className: C.alert, role: 'alert' },
      icon('alert', 20),
      h('div', { style: { flex: 1 } }, h('div', { className: C.alertTitle }, title), h('div', null, msg)),
      retryKey ? h('button', { type: 'button', className: C.secondary, 'data-click': 'retry', 'data-key': retryKey }, icon('refresh', 14), h('span', null, label || 'Try again')) : null);
  }
  function LoadError(r, key) { return ErrorBox('Something went wrong', r.error, key, 'Try again'); }
  function NoPermission(msg) {
    return h('div', { className: C.notice, role: 'alert' }, icon('info', 20),
      h('div', null,
        h('div', { style: { fontWeight: 700, marginBottom: 4 } }, 'You do not have permission to build apps'),
        h('div', null, msg || NO_PERMISSION)));
  }
  function skeletonRows(n) {
    var rows = [];
    for (var i = 0; i < n; i++) {
      rows.push(h('div', { className: C.skelRow }, Skel('28%'), Skel('18%'), Skel('12%'), Skel('10%')));
    }
    return h('div', { className: C.table, 'aria-hidden': 'true' }, rows);
  }
  function typeLabelOf(a) { return a.typeLabel || a.type; }

  // ---- toasts (portal) ------------------------------------------------------------------
  var toastSeq = 0;
  function toast(text, action) {
    var t = { id: ++toastSeq, text: text, action: action || null };
    S.toasts.push(t);
    drawToasts();
    setTimeout(function () { dropToast(t.id); }, action ? 9000 : 3500);
  }
  function dropToast(id) {
    S.toasts = S.toasts.filter(function (t) { return t.id !== id; });
    drawToasts();
  }
  function drawToasts() {
    ui.mount(ui.portal('toasts'), function () {
      return h('div', { className: C.toastStack, 'aria-live': 'polite' }, S.toasts.map(function (t) {
        return h('div', { className: C.toast, role: 'status' },
          icon(t.action ? 'alert' : 'check', 16), h('span', null, t.text),
          t.action ? h('button', { type: 'button', className: C.toastBtn, 'data-click': 'toastAction', 'data-id': String(t.id) }, t.action.label) : null,
          h('span', { className: C.iconBtn, style: { color: '#fff', width: 24, height: 24 }, 'aria-label': 'Dismiss', 'data-click': 'toastClose', 'data-id': String(t.id) }, icon('close', 14)));
      }));
    });
  }

  // ---- menus (portal) ---------------------------------------------------------------------
  function openMenu(name, byKey) {
    S.menu = name;
    drawMenu();
    markTriggers();
    if (byKey) setTimeout(function () { var f = document.querySelector('[data-portal="popover"] [role="menuitem"]'); if (f) f.focus(); }, 0);
  }
  function closeMenu(refocus) {
    if (!S.menu) return;
    var name = S.menu;
    S.menu = null;
    drawMenu();
    markTriggers();
    if (refocus) { var t = document.querySelector('[data-menu="' + name + '"]'); if (t) t.focus(); }
  }
  function markTriggers() {
    document.querySelectorAll('[data-menu]').forEach(function (el) { el.setAttribute('aria-expanded', el.getAttribute('data-menu') === S.menu ? 'true' : 'false'); });
  }
  function drawMenu() {
    ui.mount(ui.portal('popover'), function () {
      if (!S.menu) return h('div', { hidden: true });
      var trigger = document.querySelector('[data-menu="' + S.menu + '"]');
      var r = trigger ? trigger.getBoundingClientRect() : { left: 100, bottom: 60 };
      var items;
      if (S.menu === 'develop') {
        items = [
          h('div', { className: C.menuItem, role: 'menuitem', tabindex: '0', 'data-click': 'buildApp' }, icon('plus', 16), h('span', null, 'Build App')),
          h('div', { className: C.menuItem, role: 'menuitem', tabindex: '0', 'data-click': 'closeMenu' }, icon('code', 16), h('span', null, 'API Reference')),
          h('div', { className: C.menuItem, role: 'menuitem', tabindex: '0', 'data-click': 'closeMenu' }, icon('info', 16), h('span', null, 'Developer Forum'))
        ];
      } else {
        items = [
          h('div', { className: C.menuItem, role: 'menuitem', tabindex: '0', 'data-click': 'go', 'data-path': '/user/installed' }, icon('grid', 16), h('span', null, 'Added Apps')),
          S.session && S.session.developer ? h('div', { className: C.menuItem, role: 'menuitem', tabindex: '0', 'data-click': 'go', 'data-path': '/user/build' }, icon('box', 16), h('span', null, 'Created Apps')) : null
        ];
      }
      return h('div', null,
        h('div', { className: C.menuScrim, 'data-click': 'closeMenu' }),
        h('div', { className: C.menu, role: 'menu', 'data-keydown': 'menuKey', 'data-click': 'noop', style: { left: r.left + 'px', top: (r.bottom + 6) + 'px' } }, items));
    });
  }

  // ---- dialogs (portal) -------------------------------------------------------------------
  var lastFocus = null;
  function openModal(m) {
    if (!S.modal) lastFocus = document.activeElement;
    S.modal = m;
    m.fresh = true;
    drawModal();
    setTimeout(focusFirst, 0);
  }
  function closeModal() {
    S.modal = null;
    drawModal();
    if (lastFocus && document.contains(lastFocus)) lastFocus.focus();
    lastFocus = null;
  }
  function focusFirst() {
    var box = document.querySelector('[data-portal="modal"] [data-dialog]');
    if (!box) return;
    var f = box.querySelector('[data-autofocus]') || focusables(box)[0] || box;
    f.focus();
  }
  function focusables(box) {
    return Array.prototype.filter.call(box.querySelectorAll('a[href],button:not([disabled]),input:not([disabled]),textarea,select,[tabindex]:not([tabindex="-1"])'), function (el) {
      return el.offsetParent !== null || el === document.activeElement;
    });
  }
  function drawModal() {
    ui.mount(ui.portal('modal'), ModalRoot);
    if (S.modal) S.modal.fresh = false;
  }
  function ModalRoot() {
    var m = S.modal;
    if (!m) return h('div', { hidden: true });
    var body = m.kind === 'terms' ? TermsDialog(m) : m.kind === 'kind' ? KindDialog(m) : m.kind === 'create' ? CreateDialog(m) : ScopesDialog(m);
    return h('div', { className: C.backdrop + (m.fresh ? ' ' + C.backdropAnim : ''), 'data-click': 'backdrop' }, body);
  }
  function dialogBox(m, attrs, children) {
    var a = { className: C.dialog + (m.fresh ? ' ' + C.dialogAnim : '') + (attrs.wide ? ' ' + C.dialogWide : ''), tabindex: '-1', 'data-dialog': '', 'data-click': 'noop', 'data-keydown': 'trap' };
    Object.keys(attrs).forEach(function (k) { if (k !== 'wide') a[k] = attrs[k]; });
    return h('div', a, children);
  }
  function closeX(label) {
    return h('span', { className: C.iconBtn, role: 'button', tabindex: '0', 'aria-label': label || 'Close', 'data-click': 'modalClose' }, icon('close', 18));
  }

  // ---- shells ----------------------------------------------------------------------------
  function layout() { return S.session && S.session.layout === 'left' ? 'left' : 'top'; }
  function initials() {
    var n = (S.session && S.session.name) || '';
    return n.split(/\s+/).map(function (p) { return p.charAt(0); }).join('').slice(0, 2).toUpperCase();
  }
  function HeaderSearch() {
    return h('div', { className: C.search }, icon('search', 16),
      h('input', { className: C.searchInput, type: 'search', placeholder: 'Search for apps', 'aria-label': 'Search for apps' }));
  }
  function TopShell(content) {
    var dev = S.session.developer;
    function trigger(name, text) {
      return h('div', {
        className: C.navItem, tabindex: '0', 'aria-haspopup': 'menu', 'aria-expanded': S.menu === name ? 'true' : 'false',
        'data-menu': name, 'data-click': 'toggleMenu', 'data-keydown': 'triggerKey'
      }, h('span', null, text), icon('chevronDown', 14));
    }
    return h('div', { className: C.page },
      h('header', { className: C.topbar },
        h('div', { className: C.brand, 'data-click': 'go', 'data-path': '/' }, h('span', { className: C.logo }, 'zoom'), h('span', { className: C.brandSub }, 'App Marketplace')),
        h('nav', { className: C.nav, 'aria-label': 'Marketplace' },
          Link('/', C.navItem, h('span', null, 'Discover')),
          dev ? trigger('develop', 'Develop') : null,
          trigger('manage', 'Manage')),
        HeaderSearch(),
        h('div', { className: C.avatar, title: S.session.name }, initials())),
      h('main', { className: C.content }, content));
  }
  function LeftShell(content) {
    var dev = S.session.developer, r = S.route.name;
    var on = ' ' + C.sideItemOn;
    var inDev = r === 'created' || r === 'create' || r === 'app';
    return h('div', { className: C.shellLeft },
      h('aside', { className: C.side },
        h('div', { className: C.sideBrand, 'data-click': 'go', 'data-path': '/' }, h('span', { className: C.logo, style: { fontSize: '22px' } }, 'zoom'), h('span', { className: C.brandSub, style: { fontSize: '13px' } }, 'App Marketplace')),
        h('div', { className: C.sideItem + (r === 'home' ? on : ''), 'data-click': 'go', 'data-path': '/' }, icon('home', 18), h('span', null, 'Home')),
        h('div', { className: C.sideItem, 'data-click': 'go', 'data-path': '/' }, icon('grid', 18), h('span', null, 'Discover')),
        dev ? h('div', { className: C.sideItem + (inDev && !S.devOpen ? on : ''), 'data-click': 'toggleDev', 'aria-expanded': S.devOpen ? 'true' : 'false' },
          icon('code', 18), h('span', { className: C.sideGrow }, 'Developer'), icon(S.devOpen ? 'chevronDown' : 'chevronRight', 14)) : null,
        dev && S.devOpen ? h('div', null,
          Link('/user/build', C.sideSub + (r === 'created' || r === 'app' || r === 'create' ? on : ''), h('span', null, 'Created apps')),
          h('div', { className: C.sideSub, 'data-click': 'noop' }, h('span', null, 'API reference'))) : null,
        h('div', { className: C.sideItem + (r === 'added' ? on : ''), 'data-click': 'go', 'data-path': '/user/installed' }, icon('box', 18), h('span', null, 'Manage'))),
      h('div', { className: C.leftMain },
        h('div', { className: C.leftTop }, HeaderSearch(), h('div', { className: C.avatar, title: S.session.name }, initials())),
        h('main', { className: C.content }, content)));
  }

  // ---- pages -----------------------------------------------------------------------------
  function Home() {
    return h('div', null,
      h('div', { className: C.hero },
        h('div', { className: C.heroH }, 'Find apps that work with Zoom'),
        h('div', { style: { opacity: 0.9, marginTop: '6px' } }, 'Browse apps for meetings, webinars, chat and more.')),
      h('h2', { className: C.h2, style: { marginBottom: '14px' } }, 'Featured apps'),
      region('res:featured', function () {
        var r = S.res.featured;
        if (!r || r.status === 'loading') {
          var sk = [];
          for (var i = 0; i < 6; i++) sk.push(h('div', { className: C.card + ' ' + C.feat }, Skel('40px', 40), Skel('60%'), Skel('90%'), Skel('70%')));
          return h('div', { className: C.grid3, 'aria-hidden': 'true' }, sk);
        }
        if (r.status !== 'ready') return LoadError(r, 'featured');
        return h('div', { className: C.grid3 }, (r.data.apps || []).map(function (a) {
          return h('div', { className: C.card + ' ' + C.feat },
            h('div', { className: C.featIcon }, icon('grid', 20)),
            h('div', { className: C.cat }, a.category),
            h('div', { style: { fontWeight: 700, fontSize: '15px' } }, a.name),
            h('div', { style: { color: MUTED, fontSize: '13px' } }, a.description));
        }));
      }));
  }

  function BuildAppButton() {
    return h('div', { className: C.primary, role: 'button', tabindex: '0', 'data-click': 'buildApp' }, icon('plus', 16), h('span', null, 'Build app'));
  }
  function CreatedHead(n) {
    var left = layout() === 'left';
    return h('div', { className: C.headRow },
      h('h1', { className: C.h1 }, left ? 'Created apps' : 'Created Apps'),
      n === null ? null : h('span', { className: C.badge, title: n + (n === 1 ? ' app' : ' apps') }, String(n)),
      h('span', { className: C.spacer }),
      left && S.session.developer ? BuildAppButton() : null);
  }
  function Created() {
    if (!S.session.developer) return h('div', null, CreatedHead(null), NoPermission());
    return region('res:apps', function () {
      var r = S.res.apps;
      if (!r || r.status === 'loading') return h('div', null, CreatedHead(null), skeletonRows(3));
      if (r.status === 'forbidden') return h('div', null, CreatedHead(null), NoPermission(r.error));
      if (r.status !== 'ready') return h('div', null, CreatedHead(null), LoadError(r, 'apps'));
      var apps = r.data.apps || [];
      return h('div', null, CreatedHead(apps.length),
        apps.length === 0
          ? h('div', { className: C.card + ' ' + C.empty }, h('div', { style: { fontWeight: 600, color: INK, marginBottom: '4px' } }, 'You haven\u2019t created any apps yet'), h('div', null, 'Your apps will be listed here.'))
          : h('div', { className: C.table },
            h('div', { className: C.thead }, h('span', null, 'App name'), h('span', null, 'App type'), h('span', null, 'Created on'), h('span', null, 'Status')),
            apps.map(function (a) {
              return h('div', { className: C.trow },
                h('div', null, h('span', { className: C.appName, tabindex: '0', 'data-click': 'openApp', 'data-id': a.id }, a.name)),
                h('div', null, typeLabelOf(a)),
                h('div', { style: { color: MUTED } }, a.created),
                h('div', null, h('span', { className: C.chip + (a.activated ? ' ' + C.chipOn : '') }, h('span', { className: C.dot }), a.activated ? 'Activated' : 'Not activated')));
            })));
    });
  }
  function Added() {
    return h('div', null,
      h('div', { className: C.headRow }, h('h1', { className: C.h1 }, layout() === 'left' ? 'Added apps' : 'Added Apps')),
      h('div', { className: C.card + ' ' + C.empty }, h('div', { style: { fontWeight: 600, color: INK, marginBottom: '4px' } }, 'No apps added yet'), h('div', null, 'Apps you add from the Marketplace appear here.')));
  }
  function ChooseType() {
    if (!S.session.developer) return h('div', null, h('h1', { className: C.h1, style: { marginBottom: '18px' } }, 'Build App'), NoPermission());
    return h('div', null,
      h('h1', { className: C.h1 }, 'Choose your app type'),
      h('p', { className: C.lead }, 'Pick the kind of app that fits what you want to build. The type can\u2019t be changed later.'),
      h('div', { className: C.tiles }, TILES.map(function (t) {
        return h('div', { className: C.card + ' ' + C.tile },
          h('div', { className: C.featIcon }, icon(t.icon, 20)),
          h('h3', { style: { fontSize: '17px', fontWeight: 700 } }, t.title),
          h('p', { style: { color: MUTED } }, t.desc),
          h('div', { className: C.tileFoot },
            h('span', { className: C.textBtn, 'data-click': 'noop' }, 'Learn more'),
            h('button', { type: 'button', className: C.primary, 'data-click': 'createType', 'data-type': t.type }, 'Create')));
      })));
  }
  function NotFoundPage() {
    return h('div', { className: C.empty },
      h('div', { style: { fontSize: '48px', fontWeight: 800, color: BLUE } }, '404'),
      h('div', { style: { fontWeight: 700, fontSize: '18px', color: INK, margin: '6px 0' } }, 'This page isn\u2019t available'),
      Link('/', C.textBtn, h('span', null, 'Go to the Marketplace home')));
  }

  // ---- dialogs: terms, app kind (left layout), create ------------------------------------------
  function requireTerms(then) {
    if (S.session.termsAccepted) { then(); return; }
    S.afterTerms = then;
    openModal({ kind: 'terms', agreed: false, busy: false, error: '' });
  }
  function TermsDialog(m) {
    var paras = [
      '1. License. Subject to these terms, Zoom grants you a limited, non-exclusive, non-transferable license to use the Zoom APIs and SDKs to build apps for your account or for the Zoom App Marketplace.',
      '2. Credentials. You are responsible for keeping your app\u2019s credentials confidential. Do not share client secrets or embed them in code that others can read.',
      '3. Data. You may use data obtained through the APIs only to provide the features of your app, and only as your users and your account admins permit.',
      '4. Limits. Zoom may limit the rate or volume of API calls, and may suspend an app that threatens the security or stability of the service.',
      '5. Changes. Zoom may change the APIs and these terms. Continued use after a change means you accept it.'
    ];
    return dialogBox(m, { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'zm-terms-title' }, [
      h('div', { className: C.dHead }, h('h2', { className: C.dTitle, id: 'zm-terms-title' }, 'Zoom Marketplace Developer Terms'), closeX()),
      h('div', { className: C.dBody },
        h('p', { style: { marginBottom: '10px' } }, 'Before you build your first app, read and accept the Zoom API License and Terms of Use.'),
        h('div', { className: C.terms, tabindex: '0' }, paras.map(function (p) { return h('p', { style: { marginBottom: '8px' } }, p); })),
        h('label', { className: C.checkRow },
          h('input', { type: 'checkbox', className: C.cbox, checked: m.agreed, 'data-change': 'termsAgree', 'data-fk': 'terms-agree' }),
          h('span', null, 'I have read and agree to the Zoom API License and Terms of Use')),
        region('termsErr', function () {
          return m.error ? ErrorBox('We couldn\u2019t record your acceptance', m.error, m.retryable ? 'terms' : null, 'Retry') : h('div', { hidden: true });
        })),
      h('div', { className: C.dFoot },
        h('button', { type: 'button', className: C.secondary, 'data-click': 'modalClose' }, 'Cancel'),
        region('termsBtn', function () {
          return h('button', { type: 'button', className: C.primary, disabled: !m.agreed || m.busy, 'data-click': 'acceptTerms', 'data-fk': 'terms-accept' }, m.busy ? Spinner() : null, h('span', null, 'Accept'));
        }))
    ]);
  }
  function acceptTerms() {
    var m = S.modal;
    if (!m || m.kind !== 'terms' || m.busy) return;
    m.busy = true; m.error = '';
    rerender('termsBtn'); rerender('termsErr');
    S.retries.terms = acceptTerms;
    api('POST', '/api/terms', {}).then(function (x) {
      m.busy = false;
      if (x.status === 200) {
        S.session.termsAccepted = true;
        closeModal();
        toast('Terms accepted. You can build apps now.');
        var then = S.afterTerms; S.afterTerms = null;
        if (then) then();
        return;
      }
      m.error = x.data.error || 'Unexpected answer ' + x.status; m.retryable = false;
      rerender('termsBtn'); rerender('termsErr');
    }, function (e) {
      m.busy = false; m.error = failText(e); m.retryable = true;
      rerender('termsBtn'); rerender('termsErr');
    });
  }

  function KindDialog(m) {
    return dialogBox(m, {}, [
      h('div', { className: C.dHead }, h('h2', { className: C.dTitle }, 'What kind of app are you creating?'), closeX()),
      h('div', { className: C.dBody }, KINDS.map(function (k) {
        var on = m.type === k.type;
        return h('div', { className: C.kind + (on ? ' ' + C.kindOn : ''), tabindex: '0', 'data-click': 'pickKind', 'data-type': k.type, 'data-fk': 'kind-' + k.type },
          h('span', { className: C.radioDot + (on ? ' ' + C.radioDotOn : '') }),
          h('div', null, h('div', { style: { fontWeight: 700 } }, k.title), h('div', { style: { color: MUTED, fontSize: '13px' } }, k.desc)));
      })),
      h('div', { className: C.dFoot },
        h('button', { type: 'button', className: C.secondary, 'data-click': 'modalClose' }, 'Cancel'),
        h('button', { type: 'button', className: C.primary, disabled: !m.type, 'data-click': 'kindCreate' }, 'Create'))
    ]);
  }

  function nameLength(s) { return Array.from(s.trim()).length; }
  function CreateDialog(m) {
    return dialogBox(m, { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'zm-create-title' }, [
      h('div', { className: C.dHead }, h('h2', { className: C.dTitle, id: 'zm-create-title' }, DIALOG_TITLES[m.type] || 'Create an app'), closeX()),
      h('form', { 'data-submit': 'createSubmit', novalidate: true, autocomplete: 'off' },
        h('div', { className: C.dBody },
          h('div', { className: C.field, style: { maxWidth: 'none', marginBottom: '4px' } },
            h('input', { className: C.input, type: 'text', placeholder: ' ', value: m.name, autocomplete: 'off', spellcheck: 'false', 'data-input': 'appName', 'data-fk': 'app-name', 'data-autofocus': '' }),
            h('label', { className: C.float }, 'App Name'),
            region('nameCount', function () {
              var n = Array.from(m.name).length;
              return h('span', { className: C.counter, style: n > 50 ? { color: RED } : null }, n + '/50');
            })),
          region('nameErr', function () {
            if (m.nameErr) return h('div', { className: C.fieldErr, role: 'alert' }, m.nameErr);
            if (nameLength(m.name) > 50) return h('div', { className: C.fieldErr }, 'App name must be 50 characters or fewer.');
            return h('div', { className: C.fieldNote }, 'You can change the name later.');
          }),
          region('createErr', function () {
            return m.error ? ErrorBox('Your app wasn\u2019t created', m.error, m.retryable ? 'create' : null, 'Retry') : h('div', { hidden: true });
          })),
        h('div', { className: C.dFoot },
          h('button', { type: 'button', className: C.secondary, 'data-click': 'modalClose' }, 'Cancel'),
          region('createBtn', function () {
            var n = nameLength(m.name);
            return h('button', { type: 'submit', className: C.primary, disabled: n < 1 || n > 50 || m.busy, 'aria-busy': m.busy ? 'true' : null, 'data-fk': 'create-submit' },
              m.busy ? Spinner() : null, h('span', null, 'Create'));
          })))
    ]);
  }
  function openCreate(type, name) {
    openModal({ kind: 'create', type: type, name: name || '', busy: false, error: '', nameErr: '' });
  }
  function createSubmit() {
    var m = S.modal;
    if (!m || m.kind !== 'create' || m.busy) return;
    var n = nameLength(m.name);
    if (n < 1 || n > 50) return;
    m.busy = true; m.error = ''; m.nameErr = '';
    ['createBtn', 'createErr', 'nameErr'].forEach(rerender);
    S.retries.create = createSubmit;
    api('POST', '/api/apps', { name: m.name.trim(), type: m.type }).then(function (x) {
      m.busy = false;
      if (x.status === 201 || x.status === 200) {
        closeModal();
        toast('\u201c' + x.data.name + '\u201d was created.');
        S.res.apps = null;
        openedApp(x.data);
        navigate('/develop/app/' + encodeURIComponent(x.data.id) + '/credentials');
        return;
      }
      if (x.status === 400) m.nameErr = x.data.error || 'Enter an app name.';
      else if (x.status === 403 && /terms/i.test(x.data.error || '')) {
        S.session.termsAccepted = false;
        var keep = m;
        requireTerms(function () { openModal(keep); keep.fresh = false; createSubmit(); });
        return;
      } else { m.error = x.data.error || 'Unexpected answer ' + x.status; m.retryable = false; }
      ['createBtn', 'createErr', 'nameErr'].forEach(rerender);
    }, function (e) {
      m.busy = false; m.error = failText(e); m.retryable = true;
      ['createBtn', 'createErr', 'nameErr'].forEach(rerender);
    });
  }

  // ---- the app ----------------------------------------------------------------------------------
  var INFO_FIELDS = ['shortDescription', 'company', 'contactName', 'contactEmail'];
  function openedApp(a) {
    var same = S.app && S.app.id === a.id && S.info;
    if (!same) {
      S.info = {}; S.saved = {};
      INFO_FIELDS.forEach(function (f) { S.info[f] = a[f] || ''; S.saved[f] = a[f] || ''; });
      S.fieldErr = {}; S.saving = {}; S.saveErr = {}; S.lastSaved = false;
      S.secret = { value: '', shown: false, busy: false, error: '' };
      S.act = { busy: false, problems: null, error: '' };
      S.feature = { error: '' };
      S.scopeOp = { error: '' };
    } else {
      INFO_FIELDS.forEach(function (f) {
        if (!dirty(f) && !S.saving[f]) S.info[f] = a[f] || '';
        S.saved[f] = a[f] || '';
      });
    }
    S.app = a;
    if (S.session.plainSecret && !S.secret.value && !S.secret.busy) fetchSecret(false);
  }
  function mergeApp(d) {
    if (!S.app || S.app.id !== d.id) return;
    S.app = d;
    if (S.res.app && S.res.app.data && S.res.app.data.id === d.id) S.res.app.data = d;
  }
  function appPath(section) { return '/develop/app/' + encodeURIComponent(S.app.id) + '/' + section; }
  function goSection(key) {
    if (!S.app) return;
    flushInfo();
    S.route = { name: 'app', id: S.app.id, section: key };
    history.pushState(null, '', appPath(key));
    rerender('steps');
    rerender('section');
    window.scrollTo(0, 0);
    var hd = document.querySelector('[data-r="section"] h2');
    if (hd) { hd.setAttribute('tabindex', '-1'); hd.focus({ preventScroll: true }); }
  }
  function sectionDone(key) {
    var a = S.app;
    switch (key) {
      case 'credentials': return true;
      case 'information': return !!(a.company && a.contactName && a.contactEmail);
      case 'scopes': return (a.scopes || []).length > 0;
      case 'activation': return !!a.activated;
    }
    return false;
  }
  function refresh(section) {
    if (S.route.name === 'app' && (!section || S.route.section === section)) rerender('section');
    rerender('steps');
    rerender('appHead');
  }

  function AppPage() {
    if (!S.session.developer) return NoPermission();
    return region('res:app', function () {
      var r = S.res.app;
      if (!r || r.status === 'loading') {
        return h('div', { 'aria-hidden': 'true' },
          h('div', { style: { marginBottom: '14px' } }, Skel('160px')), Skel('320px', 28),
          h('div', { className: C.appGrid },
            h('div', { className: C.steps }, [1, 2, 3, 4, 5].map(function () { return h('div', { className: C.step }, Skel('150px')); })),
            h('div', { className: C.card + ' ' + C.section }, Skel('40%', 20), h('div', { style: { height: '14px' } }), Skel('90%'), h('div', { style: { height: '10px' } }), Skel('80%'), h('div', { style: { height: '10px' } }), Skel('85%'))));
      }
      if (r.status === 'forbidden') return NoPermission(r.error);
      if (r.status === 'notfound') {
        return h('div', null, h('h1', { className: C.h1 }, 'App not found'),
          h('p', { className: C.lead }, 'This app doesn\u2019t exist, or it was deleted.'),
          h('div', { style: { marginTop: '14px' } }, Link('/user/build', C.textBtn, h('span', null, 'Back to your apps'))));
      }
      if (r.status !== 'ready' || !S.app) return LoadError(r, 'app');
      return AppLayout();
    });
  }
  function AppLayout() {
    return h('div', null,
      h('div', { className: C.crumbs },
        Link('/user/build', C.crumbLink, h('span', null, layout() === 'left' ? 'Created apps' : 'Created Apps')),
        icon('chevronRight', 12), h('span', null, S.app.name)),
      region('appHead', function () {
        var a = S.app;
        return h('div', { className: C.headRow, style: { marginBottom: 0 } },
          h('h1', { className: C.h1 }, a.name),
          h('span', { className: C.chip }, typeLabelOf(a)),
          h('span', { className: C.chip + (a.activated ? ' ' + C.chipOn : '') }, h('span', { className: C.dot }), a.activated ? 'Activated' : 'Not activated'));
      }),
      h('div', { className: C.appGrid },
        region('steps', Steps),
        h('div', { className: C.card }, region('section', Section))));
  }
  function Steps() {
    var cur = S.route.section;
    return h('div', { className: C.steps }, SECTIONS.map(function (s, i) {
      var on = s.key === cur, done = sectionDone(s.key);
      return h('div', { className: C.step + (on ? ' ' + C.stepOn : ''), tabindex: '0', 'data-click': 'section', 'data-s': s.key, 'aria-current': on ? 'step' : null, 'data-fk': 'step-' + s.key },
        h('span', { className: C.stepNum + (done ? ' ' + C.stepDone : ''), 'data-done': done ? '1' : '0' }, done ? icon('check', 12) : String(i + 1)),
        h('span', null, s.title));
    }));
  }
  function Section() {
    switch (S.route.section) {
      case 'information': return Information();
      case 'feature': return Feature();
      case 'scopes': return Scopes();
      case 'activation': return Activation();
    }
    return Credentials();
  }
  function nextButton(next) {
    return h('div', { className: C.sectionFoot },
      h('button', { type: 'button', className: C.primary, 'data-click': 'next', 'data-next': next, 'data-fk': 'continue-' + next }, h('span', null, 'Continue'), icon('chevronRight', 16)));
  }

  // App Credentials: values as text, icon-only copy buttons, the secret masked
  // until the eye is pressed (unless the account shows it plainly).
  function credRow(label) {
    var rest = Array.prototype.slice.call(arguments, 1);
    return h('div', { className: C.credRow }, h('div', { className: C.credLabel }, label), h('div', { className: C.credValue }, rest));
  }
  function copyButton(what, label) {
    return h('button', { type: 'button', className: C.iconBtn, 'aria-label': label || 'Copy', title: 'Copy', 'data-click': 'copy', 'data-what': what }, icon('copy', 16));
  }
  function Credentials() {
    var a = S.app, sec = S.secret, plain = !!S.session.plainSecret;
    var visible = (plain || sec.shown) && sec.value;
    return h('section', { className: C.section },
      h('h2', { className: C.h2 }, 'App Credentials'),
      h('p', { className: C.lead, style: { marginBottom: '10px' } }, 'Use these credentials to request an access token for your account. Keep the Client Secret private.'),
      credRow('Account ID', h('span', { className: C.mono }, a.accountId), copyButton('accountId')),
      credRow('Client ID', h('span', { className: C.mono }, a.clientId), copyButton('clientId')),
      credRow('Client Secret',
        visible ? h('span', { className: C.mono, 'data-sim-secret': '' }, sec.value)
          : h('span', { className: C.mono, style: { letterSpacing: '1px' } }, sec.busy ? Spinner() : MASK),
        plain ? null : h('span', {
          className: C.iconBtn, role: 'button', tabindex: '0', title: sec.shown ? 'Hide' : 'Show',
          'aria-pressed': sec.shown ? 'true' : 'false', 'data-click': 'toggleSecret', 'data-fk': 'reveal'
        }, icon(sec.shown ? 'eyeOff' : 'eye', 18)),
        copyButton('clientSecret'),
        h('span', { style: { flex: 1 } }),
        h('span', { className: C.textBtn, role: 'button', tabindex: '0', 'data-click': 'regenerate' }, icon('refresh', 14), h('span', null, 'Regenerate'))),
      sec.error ? ErrorBox('We couldn\u2019t get the Client Secret', sec.error, 'secret', 'Retry') : null,
      nextButton('information'));
  }
  function fetchSecret(reveal) {
    var sec = S.secret, id = S.app.id;
    sec.busy = true; sec.error = '';
    S.retries.secret = function () { fetchSecret(reveal); };
    refresh('credentials');
    return api('GET', '/api/apps/' + encodeURIComponent(id) + '/secret').then(function (x) {
      if (!S.app || S.app.id !== id) return '';
      sec.busy = false;
      if (x.status === 200) { sec.value = x.data.clientSecret || ''; if (reveal) sec.shown = true; }
      else sec.error = x.data.error || 'Unexpected answer ' + x.status;
      refresh('credentials');
      return sec.value;
    }, function (e) {
      sec.busy = false; sec.error = failText(e);
      refresh('credentials');
      return '';
    });
  }
  function copyText(text) {
    function fallback() {
      var keep = document.activeElement;
      var ta = document.createElement('textarea');
      ta.value = text; ta.setAttribute('readonly', ''); ta.style.position = 'fixed'; ta.style.opacity = '0'; ta.style.top = '0';
      document.body.appendChild(ta); ta.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      ta.remove();
      if (keep && keep.focus) keep.focus();
      return ok;
    }
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return fallback(); });
    }
    return Promise.resolve(fallback());
  }
  function regenerate() {
    if (!S.app) return;
    if (!window.confirm('Regenerate the Client Secret?\n\nThe current secret stops working at once: every app and site that uses it must be given the new one.')) return;
    var id = S.app.id;
    api('POST', '/api/apps/' + encodeURIComponent(id) + '/secret', {}).then(function (x) {
      if (x.status !== 200) { toast(x.data.error || 'The secret was not regenerated.'); return; }
      S.secret.value = '';
      toast('A new Client Secret was generated.');
      if (S.session.plainSecret || S.secret.shown) fetchSecret(S.secret.shown); else refresh('credentials');
    }, function (e) {
      toast('The secret was not regenerated. ' + failText(e), { label: 'Retry', fn: regenerateAgain });
    });
    function regenerateAgain() {
      api('POST', '/api/apps/' + encodeURIComponent(id) + '/secret', {}).then(function () {
        S.secret.value = '';
        toast('A new Client Secret was generated.');
        if (S.session.plainSecret || S.secret.shown) fetchSecret(S.secret.shown); else refresh('credentials');
      }, function (e) { toast('The secret was not regenerated. ' + failText(e), { label: 'Retry', fn: regenerateAgain }); });
    }
  }

  // Information: floating labels (a sibling <label> or a <div>, tied to
  // nothing), one placeholder-only field; saved as the fields change.
  function dirty(f) { return S.info && S.saved && String(S.info[f] || '').trim() !== String(S.saved[f] || '').trim(); }
  var timers = {}, inflight = {};
  function schedule(f) {
    clearTimeout(timers[f]);
    timers[f] = setTimeout(function () { delete timers[f]; saveField(f, false); }, 800);
  }
  function flushInfo() {
    if (!S.app || !S.info) return;
    INFO_FIELDS.forEach(function (f) { if (timers[f] || dirty(f)) saveField(f, false); });
  }
  // saveField sends one field; it resolves true when the field is saved (or
  // had nothing to save) and false when it is not.
  function saveField(f, strict) {
    clearTimeout(timers[f]); delete timers[f];
    if (!S.app) return Promise.resolve(true);
    if (inflight[f]) return inflight[f].then(function () { return saveField(f, strict); });
    if (!dirty(f)) return Promise.resolve(!S.fieldErr[f] && !S.saveErr[f]);
    var v = S.info[f];
    if (f === 'contactEmail' && v.trim() && !EMAIL.test(v.trim())) {
      if (strict) { S.fieldErr[f] = 'Enter a valid email address'; infoChanged(f); }
      return Promise.resolve(false);
    }
    var id = S.app.id, body = {};
    body[f] = v;
    S.saving[f] = true; delete S.saveErr[f];
    rerender('saveState'); rerender('saveErr');
    var p = api('PUT', '/api/apps/' + encodeURIComponent(id), body).then(function (x) {
      delete inflight[f]; S.saving[f] = false;
      if (!S.app || S.app.id !== id) return false;
      var ok = false;
      if (x.status === 200) {
        S.saved[f] = x.data[f] || '';
        mergeApp(x.data);
        S.fieldErr[f] = ''; S.lastSaved = true; ok = true;
        if (dirty(f)) schedule(f);
      } else if (x.status === 400) {
        S.fieldErr[f] = x.data.error || 'Check this field';
      } else {
        S.saveErr[f] = x.data.error || 'Unexpected answer ' + x.status;
      }
      infoChanged(f);
      return ok;
    }, function (e) {
      delete inflight[f]; S.saving[f] = false;
      S.saveErr[f] = failText(e);
      infoChanged(f);
      return false;
    });
    inflight[f] = p;
    return p;
  }
  S.retries.info = function () { Object.keys(S.saveErr).forEach(function (f) { delete S.saveErr[f]; saveField(f, true); }); };
  // settleInfo waits until no save is in flight (a save may chain another).
  function settleInfo() {
    var pend = Object.keys(inflight).map(function (f) { return inflight[f]; });
    return pend.length ? Promise.all(pend).then(settleInfo) : Promise.resolve();
  }
  function infoClean() {
    return INFO_FIELDS.every(function (f) { return !dirty(f) && !S.saving[f] && !S.saveErr[f] && !S.fieldErr[f]; });
  }
  function continueInfo(next) {
    var btn = document.querySelector('[data-click="next"]');
    if (btn) btn.setAttribute('aria-busy', 'true');
    Promise.all(INFO_FIELDS.map(function (f) { return saveField(f, true); })).then(settleInfo).then(function () {
      if (S.route.name !== 'app' || S.route.section !== 'information') return;
      if (infoClean()) goSection(next); else refresh('information');
    });
  }
  // After a save only what it changed is drawn again: the field when its
  // error changed (the input replaced, its focus kept), the save state, the
  // error banner, and the step's mark in place. The Continue button and the
  // steps stay, so a click that started the save by leaving a field lands.
  var shownErr = {};
  function infoChanged(f) {
    if (S.route.name !== 'app' || S.route.section !== 'information') { markSteps(); return; }
    if ((shownErr[f] || '') !== (S.fieldErr[f] || '')) rerender('field:' + f);
    rerender('saveState'); rerender('saveErr');
    markSteps();
  }
  function markSteps() {
    if (!S.app) return;
    document.querySelectorAll('[data-r="steps"] [data-s]').forEach(function (el, i) {
      var key = el.getAttribute('data-s'), done = sectionDone(key);
      var num = el.firstChild;
      if (!num || (num.getAttribute('data-done') === '1') === done) return;
      num.setAttribute('data-done', done ? '1' : '0');
      num.className = C.stepNum + (done ? ' ' + C.stepDone : '');
      num.replaceChildren(done ? icon('check', 12) : String(i + 1));
    });
  }
  function SaveState() {
    var saving = INFO_FIELDS.some(function (f) { return S.saving[f]; });
    var failed = Object.keys(S.saveErr).length > 0;
    if (saving) return h('span', { className: C.saveState, role: 'status' }, Spinner(), h('span', null, 'Saving\u2026'));
    if (failed) return h('span', { className: C.saveState, style: { color: RED } }, icon('alert', 14), h('span', null, 'Not saved'));
    if (S.lastSaved) return h('span', { className: C.saveState, role: 'status' }, icon('check', 14), h('span', null, 'All changes saved'));
    return h('span', { className: C.saveState });
  }
  function SaveErr() {
    var fs = Object.keys(S.saveErr);
    if (!fs.length) return h('div', { hidden: true });
    return ErrorBox('Your changes weren\u2019t saved', S.saveErr[fs[0]], 'info', 'Retry');
  }
  function infoInput(f, extra) {
    var a = { className: C.input + (S.fieldErr[f] ? ' ' + C.invalid : ''), type: 'text', placeholder: ' ', value: S.info[f], autocomplete: 'off', 'data-input': 'info', 'data-blur': 'infoBlur', 'data-f': f, 'data-fk': 'info-' + f };
    if (extra) Object.keys(extra).forEach(function (k) { a[k] = extra[k]; });
    return h('input', a);
  }
  function errUnder(f) { shownErr[f] = S.fieldErr[f] || ''; return S.fieldErr[f] ? h('div', { className: C.fieldErr, role: 'alert' }, S.fieldErr[f]) : null; }
  function Information() {
    return h('section', { className: C.section },
      h('div', { className: C.headRow, style: { marginBottom: '4px' } },
        h('h2', { className: C.h2, style: { margin: 0 } }, 'Information'), h('span', { className: C.spacer }), region('saveState', SaveState)),
      h('p', { className: C.lead }, 'Tell people about your app and how to reach you. Changes are saved automatically.'),
      h('h3', { className: C.h3 }, 'Basic Information'),
      region('field:shortDescription', function () {
        return h('div', { className: C.field },
          h('textarea', { className: C.textarea + (S.fieldErr.shortDescription ? ' ' + C.invalid : ''), placeholder: ' ', rows: '3', 'data-input': 'info', 'data-blur': 'infoBlur', 'data-f': 'shortDescription', 'data-fk': 'info-shortDescription', value: S.info.shortDescription }),
          h('div', { className: C.float }, 'Short description'),
          errUnder('shortDescription'));
      }),
      region('field:company', function () {
        return h('div', { className: C.field },
          infoInput('company'),
          h('label', { className: C.float }, 'Company Name', h('span', { className: C.req, 'aria-hidden': 'true' }, '*')),
          errUnder('company'));
      }),
      h('h3', { className: C.h3 }, 'Developer Contact Information'),
      region('field:contactName', function () {
        return h('div', { className: C.field },
          h('input', { className: C.inputPlain + (S.fieldErr.contactName ? ' ' + C.invalid : ''), type: 'text', placeholder: 'Name', value: S.info.contactName, autocomplete: 'off', 'data-input': 'info', 'data-blur': 'infoBlur', 'data-f': 'contactName', 'data-fk': 'info-contactName' }),
          errUnder('contactName'));
      }),
      region('field:contactEmail', function () {
        return h('div', { className: C.field },
          infoInput('contactEmail', { type: 'email', inputmode: 'email' }),
          h('label', { className: C.float }, 'Email address', h('span', { className: C.req, 'aria-hidden': 'true' }, '*')),
          errUnder('contactEmail'));
      }),
      nextButton('feature'),
      region('saveErr', SaveErr));
  }

  // Feature: the Event Subscriptions switch, optimistic.
  function Feature() {
    var a = S.app, on = !!a.eventSubscriptions;
    return h('section', { className: C.section },
      h('h2', { className: C.h2 }, 'Feature'),
      h('p', { className: C.lead }, 'Add features to your app. None of them is required.'),
      h('div', { className: C.card, style: { marginTop: '18px' } },
        h('div', { className: C.featureRow },
          h('div', { style: { flex: 1 } },
            h('div', { style: { fontWeight: 700 } }, 'Event Subscriptions'),
            h('div', { style: { color: MUTED, fontSize: '13px' } }, 'Get notified at an endpoint of yours when events happen in your account.')),
          h('div', { className: C.switchTrack + (on ? ' ' + C.switchOn : ''), role: 'switch', 'aria-checked': on ? 'true' : 'false', 'aria-label': 'Event Subscriptions', tabindex: '0', 'data-click': 'toggleEvents', 'data-fk': 'events' },
            h('span', { className: C.switchKnob + (on ? ' ' + C.knobOn : '') }))),
        on ? h('div', { style: { padding: '0 18px 8px' } }, credRow('Secret Token', h('span', { className: C.mono }, a.webhookSecretToken), copyButton('webhook'))) : null),
      S.feature.error ? ErrorBox('Event Subscriptions weren\u2019t changed', S.feature.error, 'feature', 'Retry') : null,
      nextButton('scopes'));
  }
  function sendEvents(want) {
    var id = S.app.id;
    S.app.eventSubscriptions = want; S.feature.error = '';
    S.retries.feature = function () { sendEvents(want); };
    refresh('feature');
    api('PUT', '/api/apps/' + encodeURIComponent(id), { eventSubscriptions: want }).then(function (x) {
      if (!S.app || S.app.id !== id) return;
      if (x.status === 200) mergeApp(x.data);
      else { S.app.eventSubscriptions = !want; S.feature.error = x.data.error || 'Unexpected answer ' + x.status; }
      refresh('feature');
    }, function (e) {
      if (!S.app || S.app.id !== id) return;
      S.app.eventSubscriptions = !want; S.feature.error = failText(e);
      refresh('feature');
    });
  }

  // Scopes: the added scopes with a count, + Add Scopes, remove buttons.
  function Scopes() {
    var list = S.app.scopes || [], n = list.length;
    return h('section', { className: C.section },
      h('div', { className: C.headRow, style: { marginBottom: '4px' } },
        h('h2', { className: C.h2, style: { margin: 0 } }, 'Scopes'), h('span', { className: C.spacer }),
        h('button', { type: 'button', className: C.secondary, 'data-click': 'addScopes', 'data-fk': 'add-scopes' }, icon('plus', 16), h('span', null, 'Add Scopes'))),
      h('p', { className: C.lead }, 'Scopes define the API methods this app may call, and so the information and capabilities it can reach.'),
      h('div', { style: { margin: '18px 0 0', fontWeight: 600 } }, n + (n === 1 ? ' scope added' : ' scopes added')),
      n ? h('div', { className: C.card + ' ' + C.scopeList }, list.map(function (s) {
        return h('div', { className: C.scopeItem },
          h('div', { style: { flex: 1, minWidth: 0 } }, h('div', null, s.label || s.id), h('div', { className: C.scopeId }, s.id)),
          h('button', { type: 'button', className: C.iconBtn, 'aria-label': 'Remove ' + s.id, title: 'Remove', 'data-click': 'removeScope', 'data-id': s.id }, icon('close', 16)));
      })) : h('div', { className: C.card + ' ' + C.empty, style: { marginTop: '14px' } }, 'Nothing here yet. An app needs at least one scope to be activated.'),
      S.scopeOp.error ? ErrorBox('The scopes weren\u2019t changed', S.scopeOp.error, 'scopeOp', 'Retry') : null,
      nextButton('activation'));
  }
  function putScopes(ids, before) {
    var id = S.app.id;
    S.scopeOp.error = '';
    S.retries.scopeOp = function () { putScopes(ids, before); };
    return api('PUT', '/api/apps/' + encodeURIComponent(id) + '/scopes', { scopes: ids }).then(function (x) {
      if (x.status === 200) { mergeApp(x.data); refresh(); return true; }
      if (before && S.app && S.app.id === id) S.app.scopes = before;
      S.scopeOp.error = x.data.error || 'Unexpected answer ' + x.status;
      refresh();
      return false;
    }, function (e) {
      if (before && S.app && S.app.id === id) S.app.scopes = before;
      S.scopeOp.error = failText(e);
      refresh();
      return false;
    });
  }
  function removeScope(sid) {
    var before = S.app.scopes.slice();
    S.app.scopes = before.filter(function (s) { return s.id !== sid; });
    refresh();
    putScopes(S.app.scopes.map(function (s) { return s.id; }), before);
  }

  // Activation.
  function Activation() {
    var a = S.app, st = S.act;
    if (a.activated) {
      return h('section', { className: C.section },
        h('h2', { className: C.h2 }, 'Activation'),
        h('div', { className: C.success, style: { marginTop: '16px' }, role: 'status' }, icon('check', 20),
          h('div', { style: { flex: 1 } },
            h('div', { style: { fontWeight: 700 } }, 'Your app is activated on the account'),
            h('div', { style: { fontSize: '13px' } }, 'It can request access tokens with the scopes you added. A change can take a few minutes to reach the token service.'))),
        h('div', { style: { marginTop: '18px' } },
          h('button', { type: 'button', className: C.danger, disabled: st.busy, 'data-click': 'deactivate', 'data-fk': 'deactivate' }, st.busy ? Spinner() : null, h('span', null, 'Deactivate'))),
        st.error ? ErrorBox('Something went wrong', st.error, 'act', 'Retry') : null);
    }
    return h('section', { className: C.section },
      h('h2', { className: C.h2 }, 'Activation'),
      h('p', { className: C.lead }, 'Your app is not activated yet. Once activated, it can request access tokens for your account.'),
      st.problems && st.problems.length ? h('div', { className: C.notice, role: 'alert', style: { marginTop: '16px' } }, icon('alert', 20),
        h('div', null,
          h('div', { style: { fontWeight: 700, marginBottom: '4px' } }, st.title || 'Your app cannot be activated'),
          h('div', null, 'Complete the following, then activate again:'),
          h('ul', { style: { margin: '6px 0 0 18px', padding: 0 } }, st.problems.map(function (p) { return h('li', null, p); })))) : null,
      h('div', { style: { marginTop: '20px' } },
        h('button', { type: 'button', className: C.primary, disabled: st.busy, 'aria-busy': st.busy ? 'true' : null, 'data-click': 'activate', 'data-fk': 'activate' }, st.busy ? Spinner() : icon('bolt', 16), h('span', null, 'Activate your app'))),
      st.error ? ErrorBox('Something went wrong', st.error, 'act', 'Retry') : null);
  }
  function setActive(on) {
    var st = S.act, id = S.app.id;
    if (st.busy) return;
    flushInfo();
    st.busy = true; st.error = '';
    S.retries.act = function () { setActive(on); };
    refresh('activation');
    // Pending Information saves go first, so activation sees them.
    var pending = Object.keys(inflight).map(function (f) { return inflight[f]; });
    Promise.all(pending).then(function () {
      return api('POST', '/api/apps/' + encodeURIComponent(id) + (on ? '/activate' : '/deactivate'), {});
    }).then(function (x) {
      st.busy = false;
      if (!S.app || S.app.id !== id) return;
      if (x.status === 200) {
        st.problems = null; mergeApp(x.data);
        toast(on ? 'Your app is activated.' : 'Your app is deactivated.');
      } else if (x.status === 422) {
        st.problems = x.data.problems || [x.data.error]; st.title = x.data.error;
      } else {
        st.error = x.data.error || 'Unexpected answer ' + x.status;
      }
      refresh();
    }, function (e) {
      st.busy = false; st.error = failText(e);
      refresh();
    });
  }

  // ---- Add Scopes (portal dialog, virtualized list) -----------------------------------------------
  var ROW = 44, VIEW = 440, OVER = 4;
  function openScopes() {
    if (!S.res.catalogue || S.res.catalogue.status !== 'ready') load('catalogue', '/api/catalogue');
    ui.scrolls.scopes = 0;
    openModal({ kind: 'scopes', selected: (S.app.scopes || []).map(function (s) { return s.id; }), product: 0, query: '', busy: false, error: '' });
  }
  function ScopesDialog(m) {
    return dialogBox(m, { role: 'dialog', 'aria-label': 'Add Scopes', wide: true }, [
      h('div', { className: C.dHead }, h('h2', { className: C.dTitle }, 'Add Scopes'), closeX()),
      h('div', { className: C.dBody },
        h('p', { style: { color: MUTED, marginBottom: '12px' } }, 'Choose what your app may do. Server-to-Server OAuth apps take admin-level scopes.'),
        region('res:catalogue', PickerBody),
        region('scopeErr', function () {
          return m.error ? ErrorBox('The scopes weren\u2019t saved', m.error, m.retryable ? 'scopesDone' : null, 'Retry') : h('div', { hidden: true });
        })),
      h('div', { className: C.dFoot },
        region('pickCount', function () {
          var n = m.selected.length;
          return h('span', { style: { marginRight: 'auto', color: MUTED } }, n + (n === 1 ? ' scope selected' : ' scopes selected'));
        }),
        h('button', { type: 'button', className: C.secondary, 'data-click': 'modalClose' }, 'Cancel'),
        region('doneBtn', function () {
          var ready = S.res.catalogue && S.res.catalogue.status === 'ready';
          return h('button', { type: 'button', className: C.primary, disabled: m.busy || !ready, 'aria-busy': m.busy ? 'true' : null, 'data-click': 'scopesDone', 'data-fk': 'scopes-done' }, m.busy ? Spinner() : null, h('span', null, 'Done'));
        }))
    ]);
  }
  function PickerBody() {
    var r = S.res.catalogue, m = S.modal;
    if (!m || m.kind !== 'scopes') return h('div', { hidden: true });
    rerenderSoon('doneBtn');
    if (!r || r.status === 'loading') {
      var sk = [];
      for (var i = 0; i < 9; i++) sk.push(h('div', { className: C.skelRow }, Skel('16px', 16), Skel((40 + (i * 17) % 45) + '%')));
      return h('div', { 'aria-hidden': 'true' }, h('div', { className: C.searchBox }, Skel('60%')),
        h('div', { className: C.picker }, h('div', { className: C.products }, [1, 2, 3, 4, 5, 6].map(function () { return h('div', { className: C.product }, Skel('70%')); })), h('div', null, sk)));
    }
    if (r.status !== 'ready') return LoadError(r, 'catalogue');
    if (!m.searchFocused) {
      // The catalogue came after the dialog opened: the search box takes the
      // focus unless the person has moved it somewhere else meanwhile.
      m.searchFocused = true;
      setTimeout(function () {
        var a = document.activeElement, box = document.querySelector('[data-portal="modal"] [data-dialog]');
        var idle = !a || a === document.body || a === box || (a.getAttribute && a.getAttribute('data-click') === 'modalClose');
        var f = document.querySelector('[data-fk="scope-search"]');
        if (idle && f) f.focus();
      }, 0);
    }
    return h('div', null,
      h('div', { className: C.searchBox }, icon('search', 16),
        h('input', { className: C.searchInput, type: 'text', placeholder: 'Search by scope name or ID', value: m.query, 'data-input': 'scopeSearch', 'data-fk': 'scope-search', 'data-autofocus': '', autocomplete: 'off', spellcheck: 'false' })),
      h('div', { className: C.picker },
        region('products', Products),
        h('div', { className: C.viewport, tabindex: '-1', 'data-scroll-key': 'scopes', 'data-scroll': 'scopeScroll' }, region('rows', Rows))));
  }
  var soon = {};
  function rerenderSoon(name) {
    if (soon[name]) return;
    soon[name] = setTimeout(function () { delete soon[name]; rerender(name); }, 0);
  }
  function products() { return (S.res.catalogue && S.res.catalogue.data && S.res.catalogue.data.products) || []; }
  function Products() {
    var m = S.modal;
    return h('div', { className: C.products }, products().map(function (p, i) {
      var c = 0;
      p.groups.forEach(function (g) { g.scopes.forEach(function (s) { if (m.selected.indexOf(s.id) >= 0) c++; }); });
      return h('div', { className: C.product + (!m.query && i === m.product ? ' ' + C.productOn : ''), tabindex: '0', 'data-click': 'product', 'data-i': String(i), 'data-fk': 'product-' + i },
        h('span', null, p.name), c ? h('span', { className: C.pCount }, String(c)) : null);
    }));
  }
  function rowsFor(m) {
    var rows = [], q = m.query.trim().toLowerCase(), ps = products();
    if (!q) {
      var p = ps[m.product];
      if (p) p.groups.forEach(function (g) {
        rows.push({ t: 'g', title: g.title });
        g.scopes.forEach(function (s) { rows.push({ t: 's', s: s }); });
      });
      return rows;
    }
    ps.forEach(function (p) {
      p.groups.forEach(function (g) {
        var hit = g.title.toLowerCase().indexOf(q) >= 0;
        var ms = g.scopes.filter(function (s) { return hit || (s.label + ' (' + s.id + ')').toLowerCase().indexOf(q) >= 0; });
        if (!ms.length) return;
        rows.push({ t: 'g', title: g.title, product: p.name });
        ms.forEach(function (s) { rows.push({ t: 's', s: s }); });
      });
    });
    return rows;
  }
  // The rows in the window (plus the focused one), each keyed by its place,
  // so scrolling adds and drops rows and leaves the others where they are.
  function windowRows(m, rows, top) {
    var first = Math.max(0, Math.floor(top / ROW) - OVER);
    var last = Math.min(rows.length, Math.ceil((top + VIEW) / ROW) + OVER);
    m.win = first + ':' + last;
    var idx = [];
    for (var i = first; i < last; i++) idx.push(i);
    var a = document.activeElement, fr = a && a.getAttribute ? a.getAttribute('data-row') : null;
    if (fr !== null && fr !== '' && +fr < rows.length && (+fr < first || +fr >= last)) { idx.push(+fr); idx.sort(function (x, y) { return x - y; }); }
    return idx.map(function (i) {
      var row = rows[i];
      return { key: i + (row.t === 'g' ? ':g:' + row.title : ':s:' + row.s.id), make: function () { return rowEl(m, row, i); } };
    });
  }
  function rowEl(m, row, i) {
    var style = { top: (i * ROW) + 'px' }, key = i + (row.t === 'g' ? ':g:' + row.title : ':s:' + row.s.id);
    if (row.t === 'g') {
      return h('div', { className: C.vrow + ' ' + C.vgroup, style: style, 'data-k': key },
        row.product ? [h('span', { style: { color: MUTED } }, row.product), icon('chevronRight', 12)] : null,
        h('span', null, row.title));
    }
    var on = m.selected.indexOf(row.s.id) >= 0;
    return h('label', { className: C.vrow + ' ' + C.vscope, style: style, 'data-k': key },
      h('input', { type: 'checkbox', className: C.cbox, checked: on, 'data-change': 'toggleScope', 'data-id': row.s.id, 'data-row': String(i), 'data-fk': 'scope:' + row.s.id }),
      h('span', null, h('span', null, row.s.label), ' ', h('span', { className: C.scopeId }, '(' + row.s.id + ')')));
  }
  function Rows() {
    var m = S.modal, rows = rowsFor(m);
    if (!rows.length) return h('div', { className: C.empty }, 'No scopes match \u201c' + m.query.trim() + '\u201d.');
    return h('div', { style: { position: 'relative', height: (rows.length * ROW) + 'px' }, 'data-rows': '' },
      windowRows(m, rows, ui.scrolls.scopes || 0).map(function (w) { return w.make(); }));
  }
  function patchRows(vp) {
    var m = S.modal, box = vp.querySelector('[data-rows]');
    if (!box) return;
    var want = windowRows(m, rowsFor(m), vp.scrollTop), have = {}, keep = {};
    Array.prototype.forEach.call(box.children, function (c) { have[c.getAttribute('data-k')] = c; });
    want.forEach(function (w) { keep[w.key] = true; });
    Object.keys(have).forEach(function (k) { if (!keep[k]) have[k].remove(); });
    var prev = null;
    want.forEach(function (w) {
      var el = have[w.key];
      if (!el) { el = w.make(); box.insertBefore(el, prev ? prev.nextSibling : box.firstChild); }
      prev = el;
    });
  }
  function resetScroll() {
    ui.scrolls.scopes = 0;
    var vp = document.querySelector('[data-scroll-key="scopes"]');
    if (vp) vp.scrollTop = 0;
  }
  function scopesDone() {
    var m = S.modal;
    if (!m || m.kind !== 'scopes' || m.busy || !S.app) return;
    m.busy = true; m.error = '';
    rerender('doneBtn'); rerender('scopeErr');
    S.retries.scopesDone = scopesDone;
    var id = S.app.id;
    api('PUT', '/api/apps/' + encodeURIComponent(id) + '/scopes', { scopes: m.selected.slice() }).then(function (x) {
      m.busy = false;
      if (x.status === 200) {
        mergeApp(x.data);
        if (S.modal === m) closeModal();
        var n = (x.data.scopes || []).length;
        toast(n + (n === 1 ? ' scope added' : ' scopes added'));
        refresh();
        return;
      }
      m.error = x.data.error || 'Unexpected answer ' + x.status; m.retryable = false;
      rerender('doneBtn'); rerender('scopeErr');
    }, function (e) {
      m.busy = false; m.error = failText(e); m.retryable = true;
      rerender('doneBtn'); rerender('scopeErr');
    });
  }

  // ---- events ------------------------------------------------------------------------------------------
  ui.on({
    noop: function () {},
    nav: function (el, e) {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button) return 'pass';
      e.preventDefault();
      closeMenu();
      navigate(el.getAttribute('href'));
    },
    go: function (el) { closeMenu(); navigate(el.getAttribute('data-path')); },
    toggleMenu: function (el, e) {
      var n = el.getAttribute('data-menu');
      // a click made by Enter or Space (detail 0) moves the focus into the menu
      if (S.menu === n) closeMenu(); else openMenu(n, e.detail === 0);
    },
    triggerKey: function (el, e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); openMenu(el.getAttribute('data-menu'), true); return; }
      if (e.key === 'Escape') { closeMenu(true); return; }
      return 'pass';
    },
    closeMenu: function () { closeMenu(); },
    menuKey: function (el, e) {
      var items = Array.prototype.slice.call(el.querySelectorAll('[role="menuitem"]'));
      var i = items.indexOf(document.activeElement);
      if (e.key === 'Escape' || e.key === 'Tab') { e.preventDefault(); closeMenu(true); return; }
      if (e.key === 'ArrowDown') { e.preventDefault(); items[(i + 1) % items.length].focus(); return; }
      if (e.key === 'ArrowUp') { e.preventDefault(); items[(i - 1 + items.length) % items.length].focus(); return; }
      return 'pass';
    },
    buildApp: function () {
      closeMenu();
      if (layout() === 'left') requireTerms(function () { openModal({ kind: 'kind', type: '' }); });
      else navigate('/develop/create');
    },
    createType: function (el) {
      var t = el.getAttribute('data-type');
      requireTerms(function () { openCreate(t); });
    },
    pickKind: function (el) { S.modal.type = el.getAttribute('data-type'); drawModal(); },
    kindCreate: function () { var t = S.modal && S.modal.type; if (t) openCreate(t); },
    appName: function (el) {
      var m = S.modal;
      m.name = el.value; m.nameErr = '';
      ['nameCount', 'nameErr', 'createBtn'].forEach(rerender);
    },
    createSubmit: function (el, e) { e.preventDefault(); createSubmit(); },
    modalClose: function () {
      if (S.modal && S.modal.busy) return;
      if (S.modal && S.modal.kind === 'terms') S.afterTerms = null;
      closeModal();
    },
    backdrop: function (el, e) {
      if (e.target !== el || (S.modal && S.modal.busy)) return;
      if (S.modal && S.modal.kind === 'terms') S.afterTerms = null;
      closeModal();
    },
    trap: function (el, e) {
      if (e.key === 'Escape') {
        e.preventDefault();
        if (S.modal && !S.modal.busy) { if (S.modal.kind === 'terms') S.afterTerms = null; closeModal(); }
        return;
      }
      if (e.key !== 'Tab') return 'pass';
      var f = focusables(el);
      if (!f.length) { e.preventDefault(); return; }
      var first = f[0], last = f[f.length - 1], act = document.activeElement;
      if (e.shiftKey && (act === first || act === el)) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && act === last) { e.preventDefault(); first.focus(); }
      return 'pass';
    },
    termsAgree: function (el) { S.modal.agreed = el.checked; rerender('termsBtn'); },
    acceptTerms: function () { acceptTerms(); },
    retry: function (el) { var f = S.retries[el.getAttribute('data-key')]; if (f) f(); },
    toggleDev: function () { S.devOpen = !S.devOpen; draw(); },
    openApp: function (el) { navigate('/develop/app/' + encodeURIComponent(el.getAttribute('data-id')) + '/credentials'); },
    section: function (el) { goSection(el.getAttribute('data-s')); },
    next: function (el) {
      var next = el.getAttribute('data-next');
      if (S.route.section === 'information') continueInfo(next); else goSection(next);
    },
    toggleSecret: function () {
      var sec = S.secret;
      if (sec.busy) return;
      if (sec.shown) { sec.shown = false; refresh('credentials'); return; }
      if (sec.value) { sec.shown = true; refresh('credentials'); return; }
      fetchSecret(true);
    },
    copy: function (el) {
      var what = el.getAttribute('data-what'), a = S.app;
      var names = { accountId: 'Account ID', clientId: 'Client ID', clientSecret: 'Client Secret', webhook: 'Secret Token' };
      var get = what === 'clientSecret'
        ? (S.secret.value ? Promise.resolve(S.secret.value) : api('GET', '/api/apps/' + encodeURIComponent(a.id) + '/secret').then(function (x) { return x.data.clientSecret || ''; }))
        : Promise.resolve(what === 'webhook' ? a.webhookSecretToken : a[what]);
      get.then(function (v) { return v ? copyText(v) : false; }).then(function (ok) {
        toast(ok ? names[what] + ' copied to clipboard' : 'Couldn\u2019t copy. Select the text and copy it yourself.');
      }, function (e) { toast('Couldn\u2019t copy. ' + failText(e)); });
    },
    regenerate: function () { regenerate(); },
    info: function (el) {
      var f = el.getAttribute('data-f');
      S.info[f] = el.value;
      var had = S.fieldErr[f];
      if (had) S.fieldErr[f] = '';
      schedule(f);
      if (had) infoChanged(f); else rerender('saveState');
    },
    infoBlur: function (el) {
      // A field drawn again keeps its focus: only a real leave saves at once.
      var fk = el.getAttribute('data-fk'), f = el.getAttribute('data-f');
      setTimeout(function () {
        var a = document.activeElement;
        if (a && a.getAttribute && a.getAttribute('data-fk') === fk) return;
        saveField(f, true);
      }, 0);
    },
    toggleEvents: function () { sendEvents(!S.app.eventSubscriptions); },
    addScopes: function () { openScopes(); },
    removeScope: function (el) { removeScope(el.getAttribute('data-id')); },
    activate: function () { setActive(true); },
    deactivate: function () { setActive(false); },
    scopeSearch: function (el) {
      S.modal.query = el.value;
      resetScroll();
      rerender('rows'); rerender('products');
    },
    product: function (el) {
      var m = S.modal;
      m.product = +el.getAttribute('data-i');
      m.query = '';
      resetScroll();
      rerender('res:catalogue');
    },
    toggleScope: function (el) {
      var m = S.modal, id = el.getAttribute('data-id');
      var i = m.selected.indexOf(id);
      if (el.checked && i < 0) m.selected.push(id);
      if (!el.checked && i >= 0) m.selected.splice(i, 1);
      rerender('products'); rerender('pickCount');
    },
    scopesDone: function () { scopesDone(); },
    scopeScroll: function (el) {
      var m = S.modal;
      if (!m || m.kind !== 'scopes') return;
      var first = Math.max(0, Math.floor(el.scrollTop / ROW) - OVER);
      var last = Math.min(rowsFor(m).length, Math.ceil((el.scrollTop + VIEW) / ROW) + OVER);
      if (first + ':' + last !== m.win) patchRows(el);
    },
    toastAction: function (el) {
      var id = +el.getAttribute('data-id');
      var t = S.toasts.filter(function (x) { return x.id === id; })[0];
      dropToast(id);
      if (t && t.action) t.action.fn();
    },
    toastClose: function (el) { dropToast(+el.getAttribute('data-id')); }
  });

  // ---- routing and start ----------------------------------------------------------------------------------
  function onRoute() {
    var prev = S.route;
    S.route = parse(location.pathname);
    var r = S.route;
    closeMenu();
    if (S.modal && S.modal.kind !== 'terms') closeModal();
    if (prev && prev.name === 'app') flushInfo();
    if (r.name === 'created' || r.name === 'create' || r.name === 'app') S.devOpen = true;
    var dev = S.session.developer;
    if (r.name === 'home') load('featured', '/api/featured');
    if (dev && (r.name === 'created' || (r.name === 'create' && layout() === 'left'))) load('apps', '/api/apps');
    if (dev && r.name === 'app') {
      var keep = prev && prev.name === 'app' && prev.id === r.id && S.res.app && S.res.app.status === 'ready' && S.app && S.app.id === r.id;
      if (!keep) {
        if (S.app && S.app.id !== r.id) S.app = null;
        load('app', '/api/apps/' + encodeURIComponent(r.id), openedApp);
      }
    }
    draw();
    window.scrollTo(0, 0);
    if (r.name === 'create' && dev) {
      if (layout() === 'left') requireTerms(function () { openModal({ kind: 'kind', type: '' }); });
      else if (!S.session.termsAccepted) requireTerms(function () {});
    }
  }
  function Page() {
    switch (S.route.name) {
      case 'home': return Home();
      case 'created': return Created();
      case 'added': return Added();
      case 'create': return layout() === 'left' ? Created() : ChooseType();
      case 'app': return AppPage();
    }
    return NotFoundPage();
  }
  function Boot() {
    return h('div', { style: { display: 'grid', placeItems: 'center', minHeight: '100vh' } },
      S.sessionError
        ? h('div', { style: { width: '480px', maxWidth: '92vw' } }, ErrorBox('Something went wrong', S.sessionError, 'session', 'Try again'))
        : h('div', { style: { textAlign: 'center', color: MUTED } }, h('div', { className: C.logo, style: { marginBottom: '12px' } }, 'zoom'), Spinner()));
  }
  function draw() {
    if (!S.session) { ui.mount(root, Boot); return; }
    ui.mount(root, function () { return layout() === 'left' ? LeftShell(Page()) : TopShell(Page()); });
    var titles = { home: 'App Marketplace', created: 'Created Apps', added: 'Added Apps', create: 'Build App', app: 'App', notfound: 'Page not found' };
    document.title = titles[S.route.name] + (S.route.name === 'home' ? '' : ' - Zoom App Marketplace');
  }
  function boot() {
    S.sessionError = '';
    draw();
    fetch('/api/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) { if (!res.ok) throw new Error('HTTP ' + res.status); return res.json(); })
      .then(function (s) {
        if (!s.signedIn) { location.assign(s.signInUrl); return; }
        S.session = s;
        onRoute();
      }, function (e) {
        S.sessionError = 'We couldn\u2019t reach the Marketplace (' + (e && e.message ? e.message : 'no answer') + ').';
        draw();
      });
  }
  S.retries.session = boot;
  boot();
})();
