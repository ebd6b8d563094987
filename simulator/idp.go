package simulator

import (
	"html/template"
	"net/http"
	"net/url"
	"strings"
)

// idpPage is what the identity provider's sign-in pages show.
type idpPage struct {
	Username string
	Error    string
	Late     bool // render the form a moment after the page loads
	Back     string
}

// idpHandler serves the simulated identity provider of an SSO account
// (Options.SSO): a sign-in form that sends the browser back to Zoom with a
// one-time ticket. Its pages report every keystroke, input event, click and
// form submission they see (POST /idp/record), so a test can prove that
// nothing was typed there.
func (s *Sim) idpHandler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /static/", idpStatic())
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/idp/login", http.StatusFound)
	})
	mux.HandleFunc("GET /idp/login", func(w http.ResponseWriter, r *http.Request) {
		s.renderIdP(w, http.StatusOK, idpPage{Late: s.opts.SSOWay == "late"})
	})
	mux.HandleFunc("POST /idp/login", s.idpSignIn)
	mux.HandleFunc("POST /idp/record", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.w.idpEvents++
		s.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		http.NotFound(w, r)
	})
	return mux
}

// lookalike reports whether the provider's page reads like Zoom's sign-in:
// every way of reaching it but the plain one, to tempt a tool that finds
// fields by their words.
func (s *Sim) lookalike() bool { return s.opts.SSOWay != "" || s.opts.MeetsSSO }

func (s *Sim) renderIdP(w http.ResponseWriter, status int, p idpPage) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	name := "login.html"
	if s.lookalike() {
		name = "lookalike.html"
	}
	idpPages.ExecuteTemplate(w, name, p)
}

// idpSignIn is POST /idp/login: the Zoom email, or the part before @, with
// the Zoom password, sends the browser to Zoom's SSO callback.
func (s *Sim) idpSignIn(w http.ResponseWriter, r *http.Request) {
	user := r.PostFormValue("username")
	pass := r.PostFormValue("password")
	u := strings.TrimSpace(user)
	local, _, _ := strings.Cut(zoomEmail, "@")
	ok := (strings.EqualFold(u, zoomEmail) || strings.EqualFold(u, local)) && pass == s.opts.ZoomPassword

	s.mu.Lock()
	s.w.idpAttempts++
	var ticket string
	if ok {
		s.w.idpSignIns++
		ticket = s.w.rand.string(32, alnum)
		s.w.tickets[ticket] = s.now().Add(ticketLifetime)
	}
	s.mu.Unlock()

	if !ok {
		s.renderIdP(w, http.StatusOK, idpPage{Username: user, Error: "Invalid username or password"})
		return
	}
	http.Redirect(w, r, s.urls.Zoom+"/signin/sso/callback?"+url.Values{"ticket": {ticket}}.Encode(), http.StatusSeeOther)
}

// ssoFrame is the Zoom page of the "frame" way: the identity provider's
// form inside a frame of its own origin, where Zoom's password step was.
var ssoFrame = template.Must(template.New("frame").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign In | Zoom</title>
<style>body{font-family:system-ui,sans-serif;margin:0;background:#fff}header{padding:16px 24px;border-bottom:1px solid #ddd;font-weight:700;color:#0b5cff}main{width:520px;margin:40px auto}iframe{width:500px;height:460px;border:1px solid #ddd;border-radius:8px}</style>
</head><body><header>zoom</header><main><h1>Sign In</h1><p>Continue with your organization's sign-in.</p>
<iframe src="{{.}}" title="Sign in"></iframe></main></body></html>`))

// ssoTypedScript is added to the sign-in page of the "typed" way: the page
// leaves for the identity provider as soon as the email typed has the SSO
// domain, before Next is pressed.
const ssoTypedScript = `<script>
(function () {
  var domain = %q, next = %q;
  document.addEventListener('input', function (e) {
    var v = (e.target && e.target.value || '').trim().toLowerCase();
    if (v.endsWith('@' + domain)) location.assign(next);
  }, true);
})();
</script>`
