// record.js tells the identity provider every keystroke, input event,
// click and form submission its page sees, so a test can prove a tool typed
// nothing here. It reports that something happened, never what was typed.
(function () {
  function tell() {
    try { navigator.sendBeacon('/idp/record', ''); } catch (e) { /* the page is leaving */ }
  }
  ['keydown', 'input', 'click', 'submit', 'paste'].forEach(function (type) {
    document.addEventListener(type, tell, true);
  });
})();
