package simulator

import (
	"net/http"
	"net/url"
	"strings"
)

// idpPage is what the identity provider's sign-in page shows.
type idpPage struct {
	Username string
	Error    string
}

// idpHandler serves the simulated identity provider of an SSO account
// (Options.SSO): a sign-in form that sends the browser back to Zoom with a
// one-time ticket.
func (s *Sim) idpHandler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /static/", idpStatic())
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/idp/login", http.StatusFound)
	})
	mux.HandleFunc("GET /idp/login", func(w http.ResponseWriter, r *http.Request) {
		renderIdP(w, http.StatusOK, idpPage{})
	})
	mux.HandleFunc("POST /idp/login", s.idpSignIn)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		http.NotFound(w, r)
	})
	return mux
}

func renderIdP(w http.ResponseWriter, status int, p idpPage) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	idpPages.ExecuteTemplate(w, "login.html", p)
}

// idpSignIn is POST /idp/login: the Zoom email, or the part before @, with
// the Zoom password, sends the browser to Zoom's SSO callback.
func (s *Sim) idpSignIn(w http.ResponseWriter, r *http.Request) {
	user := r.PostFormValue("username")
	pass := r.PostFormValue("password")
	u := strings.TrimSpace(user)
	local, _, _ := strings.Cut(zoomEmail, "@")
	ok := (strings.EqualFold(u, zoomEmail) || strings.EqualFold(u, local)) && pass == zoomPassword

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
		renderIdP(w, http.StatusOK, idpPage{Username: user, Error: "Invalid username or password"})
		return
	}
	http.Redirect(w, r, s.urls.Zoom+"/signin/sso/callback?"+url.Values{"ticket": {ticket}}.Encode(), http.StatusSeeOther)
}
