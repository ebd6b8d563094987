// Sign-in and two-step verification: email, then password, then (maybe) a code.
(function () {
  "use strict";
  const err = document.getElementById("err");

  function showError(msg) {
    if (!err) return;
    err.textContent = msg;
    err.hidden = !msg;
  }

  function toast(msg) {
    const t = document.createElement("div");
    t.className = "toast";
    t.setAttribute("role", "alert");
    t.textContent = msg;
    document.body.appendChild(t);
    setTimeout(() => t.remove(), 8000);
  }

  async function post(url, body) {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
    let data = {};
    try { data = await res.json(); } catch (e) { /* empty */ }
    return { status: res.status, data };
  }

  function busy(form, on) {
    const b = form.querySelector("zm-button[type=submit]");
    if (b) b.busy = on;
  }

  const emailForm = document.getElementById("step-email");
  const passForm = document.getElementById("step-password");
  let email = "";

  if (emailForm) {
    const emailField = emailForm.querySelector("zm-input");
    emailField.focus();
    emailForm.addEventListener("submit", async (e) => {
      e.preventDefault();
      email = emailField.value.trim();
      if (!email) { emailField.setAttribute("error", "Enter your email address"); return; }
      emailField.removeAttribute("error");
      showError("");
      busy(emailForm, true);
      try {
        const { data } = await post("/signin/lookup", { email });
        if (data.sso && data.next) { location.href = data.next; return; }
        document.getElementById("who").textContent = email;
        emailForm.hidden = true;
        passForm.hidden = false;
        passForm.querySelector("zm-input").focus();
      } catch (x) {
        showError("Something went wrong. Please try again.");
      } finally {
        busy(emailForm, false);
      }
    });
    document.getElementById("change").addEventListener("click", () => {
      passForm.hidden = true;
      emailForm.hidden = false;
      emailField.focus();
    });
    passForm.addEventListener("submit", async (e) => {
      e.preventDefault();
      const pw = passForm.querySelector("zm-input");
      if (!pw.value) { pw.setAttribute("error", "Enter your password"); return; }
      pw.removeAttribute("error");
      showError("");
      busy(passForm, true);
      try {
        const { status, data } = await post("/signin/api", { email, password: pw.value });
        if (status === 200 && data.next) { location.href = data.next; return; }
        if (data.next) { location.href = data.next; return; }
        if (data.errorCode === 1044) toast(data.errorMessage);
        else showError(data.errorMessage || "Something went wrong. Please try again.");
      } catch (x) {
        showError("Something went wrong. Please try again.");
      } finally {
        busy(passForm, false);
      }
    });
  }

  const codeForm = document.getElementById("step-code");
  if (codeForm) {
    codeForm.querySelector("zm-input").focus();
    codeForm.addEventListener("submit", async (e) => {
      e.preventDefault();
      const f = codeForm.querySelector("zm-input");
      const code = f.value.replace(/\s+/g, "");
      if (!/^\d{6}$/.test(code)) { f.setAttribute("error", "Enter the 6-digit code"); return; }
      f.removeAttribute("error");
      showError("");
      busy(codeForm, true);
      try {
        const { status, data } = await post("/signin/otp/api", { code });
        if (status === 200 && data.next) { location.href = data.next; return; }
        showError(data.errorMessage || "Something went wrong. Please try again.");
        if (data.next) setTimeout(() => { location.href = data.next; }, 1500);
        f.value = "";
        f.focus();
      } catch (x) {
        showError("Something went wrong. Please try again.");
      } finally {
        busy(codeForm, false);
      }
    });
  }
})();
