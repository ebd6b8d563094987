// market.js: the Zoom App Marketplace single-page app (fourth rendering).
// Every view renders from JSON fetched after load; a skeleton stands in
// while it comes, and a failed request offers "Try again".
(function () {
  "use strict";

  const S = { session: null, catalogue: null, seq: 0 };
  const SECTIONS = [
    ["credentials", "App Credentials"],
    ["information", "Information"],
    ["feature", "Feature"],
    ["scopes", "Scopes"],
    ["activation", "Activation"],
  ];
  const TYPES = {
    general: { title: "General App", radio: "General App", dialog: "Create a General App",
      text: "Build an app for the Zoom App Marketplace or for your own account, with user-managed or admin-managed OAuth." },
    s2s_oauth: { title: "Server-to-Server OAuth", radio: "Server to Server OAuth App", dialog: "Create a Server-to-Server OAuth app",
      text: "Call Zoom APIs for your own account from a server, without asking a user to authorize the app." },
    webhook: { title: "Webhook Only", radio: "Webhook Only App", dialog: "Create a Webhook Only app",
      text: "Receive event notifications from Zoom, without calling any API." },
  };

  // ---- helpers -------------------------------------------------------------

  const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g, (c) =>
    ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const SKELETON = `<div class="skel" aria-label="Loading"><i class="h"></i><i></i><i></i><i class="b"></i></div>`;

  class ApiError extends Error {
    constructor(status, data) {
      super((data && data.error) || (status ? "HTTP " + status : "Network error"));
      this.status = status;
      this.data = data || {};
    }
    get retryable() { return !this.status || this.status >= 500; }
  }

  async function api(method, path, body) {
    let res;
    try {
      res = await fetch(path, {
        method,
        credentials: "same-origin",
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, { error: "The request could not reach Zoom." });
    }
    let data = {};
    try { data = await res.json(); } catch (e) { /* not JSON */ }
    if (res.status === 401) {
      location.href = (S.session && S.session.signInUrl) || data.signInUrl || "/";
      throw new ApiError(401, data);
    }
    if (!res.ok) throw new ApiError(res.status, data);
    return data;
  }

  // oops draws "something went wrong" with a Try again button into box.
  function oops(box, err, again, mode) {
    const div = document.createElement("div");
    div.className = "oops";
    div.setAttribute("role", "alert");
    div.innerHTML = `<p><strong>Something went wrong.</strong> ${esc(err && err.status ? "The server answered " + err.status + "." : "We couldn't reach the server.")} Please try again.</p>
      <zm-button variant="secondary">Try again</zm-button>`;
    $("zm-button", div).addEventListener("click", () => { div.remove(); again(); });
    if (mode === "replace") { box.innerHTML = ""; box.appendChild(div); }
    else { $$(".oops", box).forEach((o) => o.remove()); box.prepend(div); }
  }

  async function late() {
    const ms = (S.session && S.session.lateContentMs) || 0;
    if (ms > 0) await sleep(ms);
  }

  // load shows a skeleton in main, runs loader, waits for late content and
  // renders; a failure offers Try again, which loads again.
  async function load(main, loader, render, onForbidden) {
    const seq = S.seq;
    main.innerHTML = SKELETON;
    main.setAttribute("aria-busy", "true");
    try {
      const data = await loader();
      await late();
      if (seq !== S.seq) return;
      main.removeAttribute("aria-busy");
      main.innerHTML = "";
      render(data);
    } catch (e) {
      if (seq !== S.seq || e.status === 401) return;
      main.removeAttribute("aria-busy");
      if (e.status === 403 && onForbidden) { onForbidden(e); return; }
      if (e.status === 404) { main.innerHTML = `<h1>Page not found</h1><p class="sub-head">${esc(e.message)}</p>`; return; }
      oops(main, e, () => load(main, loader, render, onForbidden), "replace");
    }
  }

  function noPermission(main, msg) {
    main.innerHTML = `<h1>App development is not available</h1>
      <div class="notice" role="alert"><p><strong>${esc(msg || "You do not have permission to build apps.")}</strong></p>
      <p>Your role does not allow building apps. Ask your account admin to turn on the <strong>Server-to-Server OAuth app</strong> permission (Role Settings &gt; Advanced features, View and Edit; newer accounts: <strong>Zoom for developers</strong>).</p></div>`;
  }

  // ---- navigation ------------------------------------------------------------

  function go(path) {
    if (location.pathname !== path) history.pushState({}, "", path);
    route();
  }

  function signOutUrl() {
    try { return new URL("/signout", S.session.signInUrl).href; } catch (e) { return "/"; }
  }

  function shell() {
    const s = S.session;
    const app = $("#app");
    const user = `<span class="user"><span>${esc(s.name)}</span><a href="${esc(signOutUrl())}">Sign Out</a></span>`;
    if (s.layout === "left") {
      app.innerHTML = `<header class="mk-top"><span class="brand" data-go="/"><b>zoom</b> App Marketplace</span><span class="spacer"></span>${user}</header>
        <div class="mk-body">
          <nav class="mk-side" aria-label="Main">
            <div class="entry" tabindex="0" data-go="/">Home</div>
            <div class="entry" tabindex="0" data-go="/discover">Discover</div>
            ${s.developer ? `<div class="entry" tabindex="0" id="dev-toggle" aria-expanded="false">Developer <span aria-hidden="true">&#8250;</span></div>
            <div class="sub" id="dev-sub" hidden><span tabindex="0" data-go="/user/build">Created apps</span></div>` : ""}
          </nav>
          <main class="mk-main" id="view"></main>
        </div>`;
      const t = $("#dev-toggle");
      if (t) {
        const flip = () => {
          const sub = $("#dev-sub");
          sub.hidden = !sub.hidden;
          t.setAttribute("aria-expanded", String(!sub.hidden));
        };
        t.addEventListener("click", flip);
        t.addEventListener("keydown", (e) => { if (e.key === "Enter") flip(); });
      }
    } else {
      app.innerHTML = `<header class="mk-top"><span class="brand" data-go="/"><b>zoom</b> App Marketplace</span>
          <nav aria-label="Main" style="display:flex;gap:4px">
            <zm-menu label="Discover"><div role="menuitem" tabindex="-1" data-go="/">Featured</div><div role="menuitem" tabindex="-1" data-go="/discover">Browse all apps</div></zm-menu>
            ${s.developer ? `<zm-menu label="Develop"><div role="menuitem" tabindex="-1" data-go="/develop/create">Build App</div><div role="menuitem" tabindex="-1" data-go="/docs">Documentation</div></zm-menu>
            <zm-menu label="Manage"><div role="menuitem" tabindex="-1" data-go="/user/build">Created Apps</div><div role="menuitem" tabindex="-1" data-go="/user/installed">Added Apps</div></zm-menu>` : ""}
          </nav><span class="spacer"></span>${user}</header>
        <main class="mk-main" id="view"></main>`;
    }
    app.addEventListener("click", (e) => {
      const el = e.target.closest && e.target.closest("[data-go]");
      if (el) { e.preventDefault(); go(el.getAttribute("data-go")); }
    });
    app.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      const el = e.target.closest && e.target.closest(".mk-side [data-go]");
      if (el) go(el.getAttribute("data-go"));
    });
  }

  function markSide(path) {
    $$(".mk-side [data-go]").forEach((el) => el.classList.toggle("on", el.getAttribute("data-go") === path));
    if (path.startsWith("/user/build") || path.startsWith("/develop/")) {
      const sub = $("#dev-sub");
      if (sub) { sub.hidden = false; $("#dev-toggle").setAttribute("aria-expanded", "true"); }
    }
  }

  function route() {
    S.seq++;
    $$("zm-dialog, .drawer, .drawer-scrim").forEach((d) => d.remove());
    const main = $("#view");
    const path = location.pathname.replace(/\/+$/, "") || "/";
    markSide(path);
    let m;
    if (path === "/") return home(main);
    if (path === "/develop/create") return chooseType(main);
    if (path === "/user/build") return createdApps(main);
    if ((m = path.match(/^\/develop\/apps\/([^/]+)(?:\/([a-z]+))?$/))) return builder(main, decodeURIComponent(m[1]), m[2] || "credentials");
    document.title = "Zoom App Marketplace";
    main.innerHTML = `<h1>Nothing here yet</h1><p class="sub-head">This page is not part of the Marketplace preview. <a href="/" data-go="/">Go home</a></p>`;
  }

  // ---- views -----------------------------------------------------------------

  function home(main) {
    document.title = "Zoom App Marketplace";
    load(main, () => api("GET", "/api/featured"), (d) => {
      main.innerHTML = `<h1>Zoom App Marketplace</h1><p class="sub-head">Find apps that work with Zoom, or build your own.</p>
        <h2>Featured apps</h2><div class="featured">${d.apps.map((a) => `<article><div class="cat">${esc(a.category)}</div><h3>${esc(a.name)}</h3><p>${esc(a.description)}</p></article>`).join("")}</div>`;
    });
  }

  function termsNotice(box, after) {
    const div = document.createElement("div");
    div.className = "notice";
    div.innerHTML = `<p><strong>Before you build your first app</strong>, accept the Zoom Marketplace terms and the Zoom API License and Terms of Use.</p>
      <zm-button variant="primary">Accept</zm-button>`;
    const b = $("zm-button", div);
    const accept = async () => {
      b.busy = true;
      try {
        await api("POST", "/api/terms", {});
        S.session.termsAccepted = true;
        div.remove();
        if (after) after();
      } catch (e) {
        if (e.status === 403) { noPermission($("#view"), e.message); return; }
        oops(div, e, accept);
      } finally { b.busy = false; }
    };
    b.addEventListener("click", accept);
    box.prepend(div);
    return div;
  }

  function chooseType(main) {
    document.title = "Choose your app type | Zoom App Marketplace";
    if (!S.session.developer) { noPermission(main); return; }
    load(main, async () => null, () => {
      main.innerHTML = `<h1>Choose your app type</h1><p class="sub-head">Pick what your app does. You can't change the type later.</p>
        <div class="type-grid">${Object.entries(TYPES).map(([k, t]) => `
          <div class="type-card" tabindex="0" data-type="${k}">
            <h3>${esc(t.title)}</h3><p>${esc(t.text)}</p><span class="pill">Create</span>
          </div>`).join("")}</div>`;
      if (!S.session.termsAccepted) termsNotice(main);
      $$(".type-card", main).forEach((c) => {
        const open = () => nameDialog(c.getAttribute("data-type"));
        c.addEventListener("click", open);
        c.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
      });
    });
  }

  function kindDialog() {
    const d = document.createElement("zm-dialog");
    d.setAttribute("heading", "What kind of app are you creating?");
    d.innerHTML = `<div class="radio-list" role="radiogroup" aria-label="App type">${Object.entries(TYPES).map(([k, t]) => `
        <label><input type="radio" name="kind" value="${k}"><span><strong>${esc(t.radio)}</strong><small>${esc(t.text)}</small></span></label>`).join("")}</div>
      <div slot="footer"><zm-button variant="secondary" data-act="cancel">Cancel</zm-button> <zm-button variant="primary" data-act="create" disabled>Create</zm-button></div>`;
    document.body.appendChild(d);
    const create = $("[data-act=create]", d);
    d.addEventListener("change", () => { create.disabled = !$("input[name=kind]:checked", d); });
    $("[data-act=cancel]", d).addEventListener("click", () => d.close());
    create.addEventListener("click", () => {
      const k = $("input[name=kind]:checked", d);
      if (!k) return;
      d.close();
      nameDialog(k.value);
    });
  }

  function nameDialog(type) {
    const t = TYPES[type];
    const d = document.createElement("zm-dialog");
    d.setAttribute("heading", t.dialog);
    d.innerHTML = `<form novalidate><zm-input label="App Name" maxlength="50" hint="Up to 50 characters." required></zm-input><div class="msgs"></div></form>
      <div slot="footer"><zm-button variant="secondary" data-act="cancel">Cancel</zm-button> <zm-button variant="primary" data-act="create">Create</zm-button></div>`;
    document.body.appendChild(d);
    const form = $("form", d), field = $("zm-input", d), create = $("[data-act=create]", d), msgs = $(".msgs", d);
    $("[data-act=cancel]", d).addEventListener("click", () => d.close());
    create.addEventListener("click", () => form.requestSubmit());
    const submit = async () => {
      const name = field.value.trim();
      if (!name || name.length > 50) { field.setAttribute("error", "Enter an app name of 1 to 50 characters"); return; }
      field.removeAttribute("error");
      msgs.innerHTML = "";
      create.busy = true;
      try {
        const a = await api("POST", "/api/apps", { name, type });
        d.close();
        go("/develop/apps/" + encodeURIComponent(a.id) + "/credentials");
      } catch (e) {
        if (e.status === 400) field.setAttribute("error", e.message);
        else if (e.status === 403 && S.session.developer && /terms/i.test(e.message)) {
          S.session.termsAccepted = false;
          termsNotice(msgs, submit);
        } else if (e.status === 403) { d.close(); noPermission($("#view"), e.message); }
        else if (e.status !== 401) oops(msgs, e, submit);
      } finally { create.busy = false; }
    };
    form.addEventListener("submit", (e) => { e.preventDefault(); submit(); });
  }

  function createdApps(main) {
    const left = S.session.layout === "left";
    const title = left ? "Created apps" : "Created Apps";
    document.title = title + " | Zoom App Marketplace";
    if (!S.session.developer) { noPermission(main); return; }
    load(main, () => api("GET", "/api/apps"), (d) => {
      main.innerHTML = `<div class="apps-head"><h1>${title}</h1>
          ${left ? `<zm-button variant="primary" id="build"><span aria-hidden="true">+</span> Build app</zm-button>` : `<zm-button variant="primary" id="build">Build App</zm-button>`}</div>
        <div id="apps-msgs"></div>
        ${d.apps.length ? `<table class="apps"><thead><tr><th>App name</th><th>App type</th><th>Status</th><th>Created</th></tr></thead><tbody>
          ${d.apps.map((a) => `<tr><td><a href="/develop/apps/${esc(encodeURIComponent(a.id))}/credentials" data-go="/develop/apps/${esc(encodeURIComponent(a.id))}/credentials">${esc(a.name)}</a></td>
            <td>${esc(a.typeLabel)}</td><td><span class="badge${a.activated ? " on" : ""}">${a.activated ? "Activated" : "Not activated"}</span></td><td>${esc(a.created)}</td></tr>`).join("")}
          </tbody></table>` : `<div class="empty">You haven't created any apps yet.</div>`}`;
      if (!S.session.termsAccepted) termsNotice($("#apps-msgs", main));
      $("#build", main).addEventListener("click", () => { if (left) kindDialog(); else go("/develop/create"); });
    }, (e) => noPermission(main, e.message));
  }

  // ---- the app builder ---------------------------------------------------------

  function builder(main, id, section) {
    if (!S.session.developer) { noPermission(main); return; }
    const idx = Math.max(0, SECTIONS.findIndex((s) => s[0] === section));
    load(main, () => api("GET", "/api/apps/" + encodeURIComponent(id)), (a) => {
      document.title = a.name + " | Zoom App Marketplace";
      main.innerHTML = `<div class="builder-head"><h1>${esc(a.name)}</h1><span class="badge">${esc(a.typeLabel)}</span>
          <span class="badge${a.activated ? " on" : ""}" id="state">${a.activated ? "Activated" : "Not activated"}</span></div>
        <div class="builder">
          <ol class="stepper" aria-label="App sections">${SECTIONS.map(([k, label], i) => `
            <li data-sec="${k}" class="${i === idx ? "on" : ""}${i < idx ? " done" : ""}"${i === idx ? ' aria-current="step"' : ""}><span class="n">${i < idx ? "&#10003;" : i + 1}</span>${esc(label)}</li>`).join("")}</ol>
          <div class="section" id="sec"></div>
        </div>`;
      $$(".stepper li", main).forEach((li) => li.addEventListener("click", () => go(sectionPath(a, li.getAttribute("data-sec")))));
      const sec = $("#sec", main);
      const ctx = { app: a, sec, idx, pending: [] };
      ({ credentials, information, feature, scopes, activation })[SECTIONS[idx][0]](ctx);
      wizardNav(ctx);
    }, (e) => noPermission(main, e.message));
  }

  const sectionPath = (a, k) => "/develop/apps/" + encodeURIComponent(a.id) + "/" + k;

  function wizardNav(ctx) {
    const nav = document.createElement("div");
    nav.className = "wizard-nav";
    const back = ctx.idx > 0 ? `<zm-button variant="secondary" data-act="back">Back</zm-button>` : "<span></span>";
    const next = ctx.idx < SECTIONS.length - 1 ? `<zm-button variant="primary" data-act="continue">Continue</zm-button>` : "";
    nav.innerHTML = back + next;
    ctx.sec.appendChild(nav);
    const b = $("[data-act=back]", nav), c = $("[data-act=continue]", nav);
    if (b) b.addEventListener("click", () => go(sectionPath(ctx.app, SECTIONS[ctx.idx - 1][0])));
    if (c) c.addEventListener("click", async () => {
      c.busy = true;
      const results = await Promise.allSettled(ctx.pending);
      c.busy = false;
      if (results.some((r) => r.status === "rejected") || $(".oops, zm-input[error]", ctx.sec)) return;
      go(sectionPath(ctx.app, SECTIONS[ctx.idx + 1][0]));
    });
  }

  function copy(text, btn) {
    const done = () => { const t = btn.textContent; btn.textContent = "Copied"; setTimeout(() => { btn.textContent = t; }, 1500); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, done);
    } else done();
  }

  function credentials(ctx) {
    const a = ctx.app;
    const plain = S.session.plainSecret;
    ctx.sec.innerHTML = `<h2>App Credentials</h2>
      <p class="desc">Use these credentials to request an access token for your account. Keep the Client Secret private.</p>
      <table class="creds"><tbody>
        <tr><th scope="row">Account ID</th><td><div class="val"><code>${esc(a.accountId)}</code><zm-button variant="secondary" size="small" data-copy="account">Copy</zm-button></div></td></tr>
        <tr><th scope="row">Client ID</th><td><div class="val"><code>${esc(a.clientId)}</code><zm-button variant="secondary" size="small" data-copy="client">Copy</zm-button></div></td></tr>
        <tr><th scope="row">Client Secret</th><td><div class="val"><span id="secret-box" style="flex:1;display:flex"><code aria-label="Client Secret hidden">&bull;&bull;&bull;&bull;&bull;&bull;&bull;&bull;&bull;&bull;&bull;&bull;&bull;&bull;&bull;&bull;</code></span>
          ${plain ? "" : `<zm-button variant="ghost" size="small" id="reveal">Show</zm-button>`}
          <zm-button variant="secondary" size="small" data-copy="secret">Copy</zm-button>
          <zm-button variant="danger" size="small" id="regen">Regenerate</zm-button></div></td></tr>
      </tbody></table><div id="cred-msgs"></div>`;
    const box = $("#secret-box", ctx.sec), msgs = $("#cred-msgs", ctx.sec);
    let secret = null;
    const fetchSecret = async () => {
      if (secret == null) secret = (await api("GET", "/api/apps/" + encodeURIComponent(a.id) + "/secret")).clientSecret;
      return secret;
    };
    const showSecret = async (on) => {
      if (!on) {
        box.innerHTML = `<code aria-label="Client Secret hidden">${"&bull;".repeat(16)}</code>`;
        return;
      }
      try {
        const v = await fetchSecret();
        box.innerHTML = `<code><span data-sim-secret>${esc(v)}</span></code>`;
        const r = $("#reveal", ctx.sec);
        if (r) r.textContent = "Hide";
      } catch (e) {
        if (e.status !== 401) oops(msgs, e, () => showSecret(true));
      }
    };
    if (plain) showSecret(true);
    const reveal = $("#reveal", ctx.sec);
    if (reveal) reveal.addEventListener("click", () => {
      if (reveal.textContent === "Show") showSecret(true);
      else { showSecret(false); reveal.textContent = "Show"; }
    });
    $$("[data-copy]", ctx.sec).forEach((b) => b.addEventListener("click", async () => {
      const k = b.getAttribute("data-copy");
      try {
        copy(k === "account" ? a.accountId : k === "client" ? a.clientId : await fetchSecret(), b);
      } catch (e) { if (e.status !== 401) oops(msgs, e, () => b.click()); }
    }));
    $("#regen", ctx.sec).addEventListener("click", () => {
      const d = document.createElement("zm-dialog");
      d.setAttribute("heading", "Regenerate Client Secret?");
      d.innerHTML = `<p>A new Client Secret replaces the current one at once. Every site or integration that uses the current secret stops working until it gets the new one.</p><div class="msgs"></div>
        <div slot="footer"><zm-button variant="secondary" data-act="cancel">Cancel</zm-button> <zm-button variant="danger" data-act="ok">Regenerate</zm-button></div>`;
      document.body.appendChild(d);
      $("[data-act=cancel]", d).addEventListener("click", () => d.close());
      const ok = $("[data-act=ok]", d);
      const run = async () => {
        ok.busy = true;
        try {
          await api("POST", "/api/apps/" + encodeURIComponent(a.id) + "/secret", {});
          secret = null;
          d.close();
          if (plain) showSecret(true);
          else { showSecret(false); if (reveal) reveal.textContent = "Show"; }
        } catch (e) { if (e.status !== 401) oops($(".msgs", d), e, run); }
        finally { ok.busy = false; }
      };
      ok.addEventListener("click", run);
    });
  }

  function information(ctx) {
    const a = ctx.app;
    ctx.sec.innerHTML = `<h2>Information</h2>
      <p class="desc">Tell people about your app. Changes are saved automatically. <span class="saved" role="status" id="saved"></span></p>
      <div id="info-msgs"></div>
      <zm-input multiline label="Short description" data-key="shortDescription" maxlength="150"></zm-input>
      <zm-input label="Company Name" data-key="company" required></zm-input>
      <h3>Developer Contact Information</h3>
      <zm-input label="Name" data-key="contactName" autocomplete="name" required></zm-input>
      <zm-input label="Email address" type="email" data-key="contactEmail" autocomplete="email" required></zm-input>`;
    const saved = $("#saved", ctx.sec), msgs = $("#info-msgs", ctx.sec);
    $$("zm-input[data-key]", ctx.sec).forEach((f) => {
      const key = f.getAttribute("data-key");
      f.value = a[key] || "";
      const save = () => {
        const body = {};
        body[key] = f.value;
        saved.textContent = "Saving…";
        const p = api("PUT", "/api/apps/" + encodeURIComponent(a.id), body).then((next) => {
          Object.assign(a, next);
          f.removeAttribute("error");
          saved.textContent = "Saved";
        }, (e) => {
          saved.textContent = "";
          if (e.status === 400) f.setAttribute("error", e.message);
          else if (e.status !== 401) oops(msgs, e, save);
          throw e;
        });
        p.catch(() => {});
        ctx.pending.push(p);
        return p;
      };
      f.addEventListener("change", save);
    });
  }

  function feature(ctx) {
    const a = ctx.app;
    ctx.sec.innerHTML = `<h2>Feature</h2>
      <p class="desc">Subscribe to events to get notified when something happens on your account.</p>
      <div id="feat-msgs"></div>
      <zm-switch id="events"${a.eventSubscriptions ? " checked" : ""}>Event Subscriptions</zm-switch>
      <table class="creds" style="margin-top:18px"><tbody>
        <tr><th scope="row">Secret Token</th><td><div class="val"><code>${esc(a.webhookSecretToken)}</code><zm-button variant="secondary" size="small" id="copy-token">Copy</zm-button></div></td></tr>
      </tbody></table>`;
    const sw = $("#events", ctx.sec), msgs = $("#feat-msgs", ctx.sec);
    $("#copy-token", ctx.sec).addEventListener("click", (e) => copy(a.webhookSecretToken, e.currentTarget));
    const save = () => {
      const p = api("PUT", "/api/apps/" + encodeURIComponent(a.id), { eventSubscriptions: sw.checked })
        .then((next) => Object.assign(a, next), (e) => { if (e.status !== 401) oops(msgs, e, save); throw e; });
      p.catch(() => {});
      ctx.pending.push(p);
    };
    sw.addEventListener("change", save);
  }

  function scopes(ctx) {
    const a = ctx.app;
    const n = a.scopes.length;
    ctx.sec.innerHTML = `<h2>Scopes</h2>
      <p class="desc">Scopes define the API methods this app is allowed to call.</p>
      <div id="scope-msgs"></div>
      <div style="display:flex;align-items:center;gap:16px">
        <zm-button variant="secondary" id="add-scopes"><span aria-hidden="true">+</span> Add Scopes</zm-button>
        <span class="count">${n === 1 ? "1 scope added" : n + " scopes added"}</span></div>
      ${n ? `<ul class="scope-list">${a.scopes.map((s) => `<li><span>${esc(s.label || s.id)} <code>${esc(s.id)}</code></span>
          <zm-button variant="ghost" size="small" data-remove="${esc(s.id)}">Remove</zm-button></li>`).join("")}</ul>` : ""}`;
    const msgs = $("#scope-msgs", ctx.sec);
    $("#add-scopes", ctx.sec).addEventListener("click", () => scopeDrawer(ctx));
    $$("[data-remove]", ctx.sec).forEach((b) => {
      const remove = async () => {
        const id = b.getAttribute("data-remove");
        b.busy = true;
        try {
          const next = await api("PUT", "/api/apps/" + encodeURIComponent(a.id) + "/scopes", { scopes: a.scopes.map((s) => s.id).filter((x) => x !== id) });
          Object.assign(a, next);
          rerender(ctx, scopes);
        } catch (e) { if (e.status !== 401) oops(msgs, e, remove); }
        finally { b.busy = false; }
      };
      b.addEventListener("click", remove);
    });
  }

  function rerender(ctx, fn) {
    ctx.sec.innerHTML = "";
    fn(ctx);
    wizardNav(ctx);
  }

  function scopeDrawer(ctx) {
    const a = ctx.app;
    const picked = new Set(a.scopes.map((s) => s.id));
    const scrim = document.createElement("div");
    scrim.className = "drawer-scrim";
    const dr = document.createElement("aside");
    dr.className = "drawer";
    dr.setAttribute("role", "dialog");
    dr.setAttribute("aria-modal", "true");
    dr.setAttribute("aria-labelledby", "drawer-title");
    dr.innerHTML = `<header><div class="top"><h2 id="drawer-title">Add Scopes</h2><zm-button variant="ghost" label="Close" id="dr-x">&times;</zm-button></div>
        <zm-input label="Search scopes" placeholder="Search by name or scope ID" id="dr-q" type="search"></zm-input></header>
      <div class="scroll" id="dr-list">${SKELETON}</div>
      <footer><span class="picked" id="dr-count"></span><zm-button variant="secondary" id="dr-cancel">Cancel</zm-button><zm-button variant="primary" id="dr-done">Done</zm-button></footer>`;
    document.body.append(scrim, dr);
    const close = () => { dr.remove(); scrim.remove(); };
    scrim.addEventListener("click", close);
    $("#dr-x", dr).addEventListener("click", close);
    $("#dr-cancel", dr).addEventListener("click", close);
    dr.addEventListener("keydown", (e) => { if (e.key === "Escape") close(); });
    const list = $("#dr-list", dr), count = $("#dr-count", dr), q = $("#dr-q", dr), done = $("#dr-done", dr);
    const showCount = () => { count.textContent = picked.size + " selected"; };
    showCount();
    setTimeout(() => q.focus(), 0);

    const draw = (products) => {
      list.innerHTML = products.map((p, i) => `<section class="product" data-product="${esc(p.name)}">
          <button type="button" aria-expanded="false" aria-controls="prod-${i}"><span>${esc(p.name)}</span><span class="chev" aria-hidden="true">&#9656;</span></button>
          <div id="prod-${i}" hidden>${p.groups.map((g) => `<div class="grp"><h4>${esc(g.title)}</h4>
            ${g.scopes.map((s) => `<label class="row"><input type="checkbox" value="${esc(s.id)}"${picked.has(s.id) ? " checked" : ""}><span>${esc(s.label)} (${esc(s.id)})</span></label>`).join("")}</div>`).join("")}
          </div></section>`).join("") + `<p class="nothing" hidden>No scopes match your search.</p>`;
      $$(".product > button", list).forEach((b) => b.addEventListener("click", () => {
        const open = b.getAttribute("aria-expanded") !== "true";
        b.setAttribute("aria-expanded", String(open));
        $("#" + b.getAttribute("aria-controls"), list).hidden = !open;
      }));
    };
    list.addEventListener("change", (e) => {
      const c = e.target;
      if (c.type !== "checkbox") return;
      if (c.checked) picked.add(c.value); else picked.delete(c.value);
      showCount();
    });
    const filter = () => {
      const term = q.value.trim().toLowerCase();
      let any = false;
      $$(".product", list).forEach((p) => {
        let hits = 0;
        $$(".grp", p).forEach((g) => {
          let gh = 0;
          $$(".row", g).forEach((r) => {
            const ok = !term || r.textContent.toLowerCase().includes(term) || $("h4", g).textContent.toLowerCase().includes(term);
            r.hidden = !ok;
            if (ok) gh++;
          });
          g.hidden = gh === 0;
          hits += gh;
        });
        p.hidden = hits === 0;
        const b = $("button", p);
        if (term && hits) { b.setAttribute("aria-expanded", "true"); $("#" + b.getAttribute("aria-controls"), p).hidden = false; }
        if (hits) any = true;
      });
      const none = $(".nothing", list);
      if (none) none.hidden = any;
    };
    q.addEventListener("input", filter);

    const fetchCatalogue = async () => {
      list.innerHTML = SKELETON;
      try {
        if (!S.catalogue) S.catalogue = (await api("GET", "/api/catalogue")).products;
        await late();
        draw(S.catalogue);
        filter();
      } catch (e) { if (e.status !== 401) oops(list, e, fetchCatalogue, "replace"); }
    };
    fetchCatalogue();

    const save = async () => {
      done.busy = true;
      const before = a.scopes.map((s) => s.id);
      const ids = before.filter((x) => picked.has(x)).concat(Array.from(picked).filter((x) => !before.includes(x)));
      try {
        const next = await api("PUT", "/api/apps/" + encodeURIComponent(a.id) + "/scopes", { scopes: ids });
        Object.assign(a, next);
        close();
        rerender(ctx, scopes);
      } catch (e) { if (e.status !== 401) oops(list, e, save); }
      finally { done.busy = false; }
    };
    done.addEventListener("click", save);
  }

  function activation(ctx) {
    const a = ctx.app;
    const state = $("#state");
    if (state) { state.textContent = a.activated ? "Activated" : "Not activated"; state.classList.toggle("on", a.activated); }
    ctx.sec.innerHTML = `<h2>Activation</h2><div id="act-msgs"></div>` + (a.activated
      ? `<div class="ok-box" role="status"><strong>Your app is activated on the account</strong><br>Its credentials can now request access tokens. It can take a few minutes to reach Zoom's token service.</div>
         <zm-button variant="secondary" id="deact">Deactivate</zm-button>`
      : `<p class="desc">Activate your app to start using its credentials on your account. Your app needs a Company Name, a Developer Contact name and email, and at least one scope.</p>
         <zm-button variant="primary" id="act">Activate your app</zm-button>`);
    const msgs = $("#act-msgs", ctx.sec);
    const btn = $("#act, #deact", ctx.sec);
    const run = async () => {
      btn.busy = true;
      try {
        const next = await api("POST", "/api/apps/" + encodeURIComponent(a.id) + (a.activated ? "/deactivate" : "/activate"), {});
        Object.assign(a, next);
        rerender(ctx, activation);
      } catch (e) {
        if (e.status === 422) {
          msgs.innerHTML = `<div class="blockers" role="alert"><strong>${esc(e.message)}</strong><ul>${(e.data.problems || []).map((p) => `<li>${esc(p)}</li>`).join("")}</ul></div>`;
        } else if (e.status !== 401) oops(msgs, e, run);
      } finally { btn.busy = false; }
    };
    btn.addEventListener("click", run);
  }

  // ---- start -------------------------------------------------------------------

  async function start() {
    const main = $("#app main");
    try {
      const s = await api("GET", "/api/session");
      if (!s.signedIn) { location.href = s.signInUrl; return; }
      S.session = s;
    } catch (e) {
      if (e.status === 401) return;
      oops(main, e, start, "replace");
      return;
    }
    shell();
    window.addEventListener("popstate", route);
    route();
  }
  start();
})();
