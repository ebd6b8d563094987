// zm.js: the small design system shared by the Zoom sign-in pages and the
// App Marketplace. Every control is a custom element with an open shadow
// root; text that a control shows is slotted from the light DOM.
(function () {
  "use strict";

  const base = `
    :host { font: inherit; color: inherit; }
    *, *::before, *::after { box-sizing: border-box; }
    [hidden] { display: none !important; }
  `;

  function shadow(el, html) {
    const root = el.attachShadow({ mode: "open" });
    root.innerHTML = html;
    return root;
  }

  // <zm-button variant="primary|secondary|ghost|danger" type="submit" disabled>Text</zm-button>
  class ZmButton extends HTMLElement {
    static get observedAttributes() { return ["disabled", "busy", "label"]; }
    constructor() {
      super();
      const root = shadow(this, `<style>${base}
        :host { display: inline-block; }
        button { font: inherit; font-size: 14px; font-weight: 600; border-radius: 999px; padding: 7px 18px;
          border: 1px solid transparent; cursor: pointer; background: #0e72ed; color: #fff; line-height: 20px;
          display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
        :host([variant=secondary]) button { background: #fff; color: #0e72ed; border-color: #b6c8e8; }
        :host([variant=ghost]) button { background: transparent; color: #0e72ed; padding: 4px 10px; }
        :host([variant=danger]) button { background: #fff; color: #c4282f; border-color: #efb7ba; }
        :host([size=small]) button { font-size: 13px; padding: 3px 12px; }
        button:hover { filter: brightness(0.95); }
        button:focus-visible { outline: 3px solid #9cc4ff; outline-offset: 2px; }
        button:disabled { opacity: .5; cursor: not-allowed; }
        .spin { width: 12px; height: 12px; border: 2px solid currentColor; border-right-color: transparent;
          border-radius: 50%; animation: r .7s linear infinite; }
        @keyframes r { to { transform: rotate(360deg); } }
      </style><button part="button"><span class="spin" hidden></span><slot></slot></button>`);
      this._btn = root.querySelector("button");
      this._spin = root.querySelector(".spin");
      this._btn.addEventListener("click", (e) => {
        if (this.hasAttribute("disabled") || this.hasAttribute("busy")) { e.stopPropagation(); return; }
        if (this.getAttribute("type") === "submit") {
          const form = this.closest("form");
          if (form) form.requestSubmit();
        }
      });
    }
    connectedCallback() { this._sync(); }
    attributeChangedCallback() { this._sync(); }
    _sync() {
      const off = this.hasAttribute("disabled") || this.hasAttribute("busy");
      this._btn.disabled = off;
      this._spin.hidden = !this.hasAttribute("busy");
      if (this.hasAttribute("label")) this._btn.setAttribute("aria-label", this.getAttribute("label"));
      else this._btn.removeAttribute("aria-label");
    }
    focus() { this._btn.focus(); }
    set disabled(v) { this.toggleAttribute("disabled", !!v); }
    get disabled() { return this.hasAttribute("disabled"); }
    set busy(v) { this.toggleAttribute("busy", !!v); }
  }

  let fieldSeq = 0;

  // <zm-input label="Account ID" type="text" value="" placeholder="" hint="" multiline readonly required maxlength="50">
  // The label and the input live in the shadow root; .value reads and writes the field.
  class ZmInput extends HTMLElement {
    static get observedAttributes() { return ["label", "error", "hint", "disabled"]; }
    constructor() {
      super();
      const id = "f" + (++fieldSeq);
      const field = `<input id="${id}" part="field"><textarea id="${id}t" rows="3" part="field" hidden></textarea>`;
      const root = shadow(this, `<style>${base}
        :host { display: block; margin: 0 0 16px; }
        label { display: block; font-size: 13px; font-weight: 600; color: #232333; margin-bottom: 6px; }
        .req { color: #c4282f; margin-left: 2px; }
        input, textarea { width: 100%; font: inherit; font-size: 14px; padding: 8px 10px; border: 1px solid #cfd3da;
          border-radius: 8px; background: #fff; color: #232333; }
        input:focus, textarea:focus { outline: none; border-color: #0e72ed; box-shadow: 0 0 0 3px #d7e7fd; }
        input[readonly] { background: #f4f5f7; }
        .hint { font-size: 12px; color: #6e7680; margin-top: 4px; }
        .err { font-size: 12px; color: #c4282f; margin-top: 4px; }
      </style><label for="${id}" part="label"><span class="text"></span><span class="req" aria-hidden="true" hidden>*</span></label>${field}
        <div class="hint" hidden></div><div class="err" role="alert" hidden></div>`);
      this._root = root;
      this._id = id;
      for (const f of root.querySelectorAll("input, textarea")) {
        f.addEventListener("change", () => {
          this.dispatchEvent(new Event("change", { bubbles: true }));
        });
      }
      root.querySelector("input").addEventListener("keydown", (e) => {
        if (e.key === "Enter") {
          const form = this.closest("form");
          if (form) { e.preventDefault(); form.requestSubmit(); }
        }
      });
    }
    get _field() { return this._root.getElementById(this._id); }
    connectedCallback() {
      if (this.hasAttribute("multiline") && !this._multi) {
        // The label's for names the visible field: swap the ids.
        const input = this._root.getElementById(this._id), area = this._root.getElementById(this._id + "t");
        input.id = this._id + "x"; input.hidden = true;
        area.id = this._id; area.hidden = false;
        this._multi = true;
      }
      const f = this._field;
      for (const a of ["type", "placeholder", "maxlength", "autocomplete", "inputmode", "name", "spellcheck"]) {
        if (this.hasAttribute(a)) f.setAttribute(a, this.getAttribute(a));
      }
      f.readOnly = this.hasAttribute("readonly");
      f.required = this.hasAttribute("required");
      if (this.hasAttribute("value") && !this._touched) { f.value = this.getAttribute("value"); this._touched = true; }
      this._sync();
    }
    attributeChangedCallback() { this._sync(); }
    _sync() {
      this._root.querySelector(".text").textContent = this.getAttribute("label") || "";
      this._root.querySelector(".req").hidden = !this.hasAttribute("required");
      const hint = this._root.querySelector(".hint");
      hint.textContent = this.getAttribute("hint") || "";
      hint.hidden = !this.getAttribute("hint");
      const err = this._root.querySelector(".err");
      err.textContent = this.getAttribute("error") || "";
      err.hidden = !this.getAttribute("error");
      this._field.setAttribute("aria-invalid", this.getAttribute("error") ? "true" : "false");
      this._field.disabled = this.hasAttribute("disabled");
    }
    get value() { return this._field.value; }
    set value(v) { this._field.value = v == null ? "" : String(v); this._touched = true; }
    focus() { this._field.focus(); }
    select() { this._field.select(); }
  }

  // <zm-switch checked>Event Subscriptions</zm-switch>: a role=switch button in the shadow root.
  class ZmSwitch extends HTMLElement {
    static get observedAttributes() { return ["checked", "disabled"]; }
    constructor() {
      super();
      const root = shadow(this, `<style>${base}
        :host { display: inline-flex; align-items: center; gap: 10px; }
        button { width: 40px; height: 22px; border-radius: 11px; border: 0; background: #bfc4cc; position: relative; cursor: pointer; padding: 0; }
        button::after { content: ""; position: absolute; top: 3px; left: 3px; width: 16px; height: 16px; border-radius: 50%; background: #fff; transition: left .15s; }
        button[aria-checked=true] { background: #0e72ed; }
        button[aria-checked=true]::after { left: 21px; }
        button:focus-visible { outline: 3px solid #9cc4ff; outline-offset: 2px; }
        label { font-size: 14px; font-weight: 600; cursor: pointer; }
      </style><button role="switch" aria-checked="false" id="s" aria-labelledby="l"></button><label id="l" for="s"><slot></slot></label>`);
      this._btn = root.querySelector("button");
      const flip = () => {
        if (this.hasAttribute("disabled")) return;
        this.toggleAttribute("checked");
        this.dispatchEvent(new Event("change", { bubbles: true }));
      };
      this._btn.addEventListener("click", flip);
    }
    attributeChangedCallback() {
      this._btn.setAttribute("aria-checked", this.hasAttribute("checked") ? "true" : "false");
      this._btn.disabled = this.hasAttribute("disabled");
    }
    get checked() { return this.hasAttribute("checked"); }
    set checked(v) { this.toggleAttribute("checked", !!v); }
  }

  // <zm-menu label="Develop"><div role="menuitem" tabindex="-1" data-href="...">Build App</div></zm-menu>
  // Opens on click only; arrow keys move between the slotted items.
  class ZmMenu extends HTMLElement {
    constructor() {
      super();
      const root = shadow(this, `<style>${base}
        :host { position: relative; display: inline-block; }
        .trigger { font: inherit; font-size: 15px; font-weight: 600; color: #232333; background: none; border: 0;
          padding: 10px 12px; cursor: pointer; border-radius: 6px; display: inline-flex; gap: 4px; align-items: center; }
        .trigger:hover, .trigger[aria-expanded=true] { background: #eef2f8; }
        .trigger:focus-visible { outline: 3px solid #9cc4ff; }
        .caret { font-size: 10px; color: #6e7680; }
        .panel { position: absolute; top: 100%; left: 0; min-width: 200px; background: #fff; border: 1px solid #e3e6eb;
          border-radius: 10px; box-shadow: 0 10px 30px rgba(0,0,0,.12); padding: 6px; z-index: 30; }
      </style><button class="trigger" aria-haspopup="menu" aria-expanded="false"><span class="name"></span><span class="caret" aria-hidden="true">&#9662;</span></button>
        <div class="panel" role="menu" hidden><slot></slot></div>`);
      this._trigger = root.querySelector(".trigger");
      this._panel = root.querySelector(".panel");
      this._trigger.addEventListener("click", (e) => { e.stopPropagation(); this.toggle(); });
      this._trigger.addEventListener("keydown", (e) => {
        if (e.key === "ArrowDown") { e.preventDefault(); this.open(); this._items()[0]?.focus(); }
      });
      this.addEventListener("keydown", (e) => {
        const items = this._items();
        const i = items.indexOf(document.activeElement);
        if (e.key === "Escape") { this.close(); this._trigger.focus(); }
        else if (e.key === "ArrowDown" && i >= 0) { e.preventDefault(); items[(i + 1) % items.length].focus(); }
        else if (e.key === "ArrowUp" && i >= 0) { e.preventDefault(); items[(i - 1 + items.length) % items.length].focus(); }
        else if ((e.key === "Enter" || e.key === " ") && i >= 0) { e.preventDefault(); items[i].click(); }
      });
      this.addEventListener("click", (e) => {
        const item = e.target.closest && e.target.closest("[role=menuitem]");
        if (item) this.close();
      });
      document.addEventListener("click", (e) => { if (!this.contains(e.target)) this.close(); });
    }
    connectedCallback() { this.shadowRoot.querySelector(".name").textContent = this.getAttribute("label") || ""; }
    _items() { return Array.from(this.querySelectorAll("[role=menuitem]")); }
    open() { this._panel.hidden = false; this._trigger.setAttribute("aria-expanded", "true"); }
    close() { this._panel.hidden = true; this._trigger.setAttribute("aria-expanded", "false"); }
    toggle() { if (this._panel.hidden) this.open(); else this.close(); }
  }

  // <zm-dialog heading="Create a Server-to-Server OAuth app">content<div slot="footer">buttons</div></zm-dialog>
  // The host carries role=dialog; its title and frame are drawn in the shadow root.
  class ZmDialog extends HTMLElement {
    constructor() {
      super();
      const root = shadow(this, `<style>${base}
        :host { position: fixed; inset: 0; z-index: 50; display: flex; align-items: flex-start; justify-content: center; padding-top: 12vh; }
        .scrim { position: absolute; inset: 0; background: rgba(20, 24, 36, .45); }
        .box { position: relative; background: #fff; border-radius: 14px; width: min(520px, 92vw); box-shadow: 0 20px 60px rgba(0,0,0,.25); }
        header { display: flex; justify-content: space-between; align-items: center; padding: 18px 22px 6px; }
        h2 { margin: 0; font-size: 18px; }
        .x { background: none; border: 0; font-size: 22px; cursor: pointer; color: #6e7680; }
        .body { padding: 10px 22px; }
        footer { display: flex; justify-content: flex-end; gap: 10px; padding: 10px 22px 20px; }
      </style><div class="scrim" part="scrim"></div><div class="box"><header><h2></h2><button class="x" aria-label="Close">&times;</button></header>
        <div class="body"><slot></slot></div><footer><slot name="footer"></slot></footer></div>`);
      root.querySelector(".x").addEventListener("click", () => this.close());
      this.addEventListener("keydown", (e) => { if (e.key === "Escape") this.close(); });
    }
    connectedCallback() {
      const h = this.getAttribute("heading") || "";
      this.shadowRoot.querySelector("h2").textContent = h;
      this.setAttribute("role", "dialog");
      this.setAttribute("aria-modal", "true");
      this.setAttribute("aria-label", h);
      setTimeout(() => {
        const first = this.querySelector("zm-input, input, zm-button");
        if (first) first.focus();
      }, 0);
    }
    close() {
      this.dispatchEvent(new Event("close"));
      this.remove();
    }
  }

  customElements.define("zm-button", ZmButton);
  customElements.define("zm-input", ZmInput);
  customElements.define("zm-switch", ZmSwitch);
  customElements.define("zm-menu", ZmMenu);
  customElements.define("zm-dialog", ZmDialog);
})();
