package simulator

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

const meetsSessionCookie = "meets_session"

// meetsPage is what every MEETS template may show.
type meetsPage struct {
	Title      string
	User       string // signed-in user, empty on the login page
	Tab        string
	LoginUser  string
	Error      string
	Status     string
	Configured bool // MEETS holds credentials
	ReadOnly   bool // show the stored credentials with Edit and Clear Configuration
	APIKey     string
	APISecret  string
	Again      string  // the unavailable page's Try again address
	Variation  Choices // Options.Variation's draw (empty: the plain pages)
}

func (s *Sim) meetsHandler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /static/", s.pages.static)
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/admin", http.StatusFound)
	})
	mux.HandleFunc("GET /login", func(w http.ResponseWriter, r *http.Request) {
		if s.opts.MeetsSSO {
			http.Redirect(w, r, s.ssoStart(), http.StatusFound)
			return
		}
		if s.meetsSignedIn(r) {
			http.Redirect(w, r, "/admin", http.StatusFound)
			return
		}
		s.renderMeets(w, "login.html", meetsPage{Title: "Log In"})
	})
	mux.HandleFunc("POST /login", s.meetsLogin)
	mux.HandleFunc("GET /logout", func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie(meetsSessionCookie); err == nil {
			s.mu.Lock()
			delete(s.w.meetsSessions, c.Value)
			s.mu.Unlock()
		}
		http.SetCookie(w, &http.Cookie{Name: meetsSessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true})
		http.Redirect(w, r, "/login", http.StatusFound)
	})

	admin := http.NewServeMux()
	admin.HandleFunc("GET /admin", s.meetsTab("general.html", "General", "general"))
	admin.HandleFunc("GET /admin/users", s.meetsTab("users.html", "Users", "users"))
	admin.HandleFunc("GET /admin/integrations", s.meetsTab("integrations.html", "Integrations", "integrations"))
	admin.HandleFunc("GET /admin/conferencing", s.meetsConferencing)
	admin.HandleFunc("POST /admin/conferencing", s.meetsSubmit)
	admin.HandleFunc("POST /admin/conferencing/clear", s.meetsClear)
	admin.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		http.NotFound(w, r)
	})
	guard := func(w http.ResponseWriter, r *http.Request) {
		s.countWrite(r)
		if !s.meetsSignedIn(r) {
			http.Redirect(w, r, "/login", http.StatusFound)
			return
		}
		// Failed before anything is done, so a failed POST changed nothing.
		if s.failNow(r) {
			s.meetsUnavailable(w, r)
			return
		}
		s.serveScripted(w, r, admin, s.meetsUnavailable)
	}
	mux.HandleFunc("/admin", guard)
	mux.HandleFunc("/admin/", guard)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		http.NotFound(w, r)
	})
	// While down (Options.MeetsDownFor) every page answers 503; the style
	// sheet still loads so the error page looks like MEETS.
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/static/") && s.meetsDown() {
			s.meetsUnavailable(w, r)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

func (s *Sim) renderMeets(w http.ResponseWriter, name string, p meetsPage) {
	p.Variation = s.variation()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	s.pages.meets.ExecuteTemplate(w, name, p)
}

func (s *Sim) meetsSignedIn(r *http.Request) bool {
	c, err := r.Cookie(meetsSessionCookie)
	if err != nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.meetsSessions[c.Value]
}

func (s *Sim) meetsLogin(w http.ResponseWriter, r *http.Request) {
	user := r.PostFormValue("username")
	pass := r.PostFormValue("password")
	u := strings.TrimSpace(user)
	if (u != meetsUser && !strings.EqualFold(u, meetsEmail)) || pass != s.opts.MeetsPassword {
		s.renderMeets(w, "login.html", meetsPage{Title: "Log In", LoginUser: user, Error: "Invalid username or password."})
		return
	}
	s.mu.Lock()
	id := s.w.rand.string(40, alnum)
	s.w.meetsSessions[id] = true
	s.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: meetsSessionCookie, Value: id, Path: "/", MaxAge: sessionMaxAge, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, "/admin", http.StatusSeeOther)
}

func (s *Sim) meetsTab(file, title, tab string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.renderMeets(w, file, meetsPage{Title: title, User: meetsUser, Tab: tab})
	}
}

// conferencingPage starts the Conferencing Account tab's data from the stored
// configuration.
func (s *Sim) conferencingPage() meetsPage {
	s.mu.Lock()
	m := s.w.meets
	s.mu.Unlock()
	p := meetsPage{Title: "Conferencing Account", User: meetsUser, Tab: "conferencing"}
	if m.APIKey != "" {
		p.Configured = true
		p.ReadOnly = true
		p.APIKey = m.APIKey
		p.APISecret = m.APISecret
	}
	return p
}

// meetsConferencing is GET /admin/conferencing: the read-only configured view,
// the editable form (?edit=1 or not configured) and the outcome messages.
func (s *Sim) meetsConferencing(w http.ResponseWriter, r *http.Request) {
	p := s.conferencingPage()
	q := r.URL.Query()
	if p.Configured && q.Get("edit") == "1" {
		p.ReadOnly = false
	}
	if p.Configured && p.ReadOnly && q.Get("saved") == "1" {
		p.Status = "Zoom credentials saved and verified."
	}
	if !p.Configured && q.Get("cleared") == "1" {
		p.Status = "Configuration cleared."
	}
	s.renderMeets(w, "conferencing.html", p)
}

// meetsSubmit is POST /admin/conferencing: it tests the credentials against
// Zoom's token endpoint over HTTP and stores them only when Zoom accepts.
func (s *Sim) meetsSubmit(w http.ResponseWriter, r *http.Request) {
	key := r.PostFormValue("api_key")
	secret := r.PostFormValue("api_secret")
	s.mu.Lock()
	s.w.meets.Submissions++
	s.mu.Unlock()

	refuse := func(msg string) {
		p := s.conferencingPage()
		p.ReadOnly = false
		p.APIKey = key
		p.APISecret = ""
		p.Error = msg
		s.renderMeets(w, "conferencing.html", p)
	}
	accountID, clientID, ok := strings.Cut(key, ":")
	if !ok {
		refuse("API Key must be ACCOUNT_ID:CLIENT_ID")
		return
	}
	reason, err := s.askZoom(r.Context(), accountID, clientID, secret)
	if err != nil {
		refuse("MEETS could not reach Zoom: " + err.Error())
		return
	}
	if reason != "" {
		refuse("Zoom rejected these credentials: " + reason)
		return
	}
	s.mu.Lock()
	s.w.meets.APIKey = key
	s.w.meets.APISecret = secret
	s.w.meets.Saves++
	s.mu.Unlock()
	http.Redirect(w, r, "/admin/conferencing?saved=1", http.StatusSeeOther)
}

// askZoom mints a token as MEETS does; it returns Zoom's reason when Zoom
// refuses, and an error only when Zoom could not be asked.
func (s *Sim) askZoom(ctx context.Context, accountID, clientID, secret string) (string, error) {
	u := s.urls.Zoom + "/oauth/token?grant_type=account_credentials&account_id=" + url.QueryEscape(accountID)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return "", fmt.Errorf("build token request: %w", err)
	}
	req.SetBasicAuth(clientID, secret)
	resp, err := s.client.Do(req)
	if err != nil {
		return "", fmt.Errorf("token request: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return "", fmt.Errorf("read token answer: %w", err)
	}
	if resp.StatusCode == http.StatusOK {
		return "", nil
	}
	var e oauthError
	if json.Unmarshal(body, &e) == nil && e.Reason != "" {
		return e.Reason, nil
	}
	return resp.Status, nil
}

// meetsClear is POST /admin/conferencing/clear, behind the page's confirm().
func (s *Sim) meetsClear(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.w.meets.APIKey = ""
	s.w.meets.APISecret = ""
	s.mu.Unlock()
	http.Redirect(w, r, "/admin/conferencing?cleared=1", http.StatusSeeOther)
}
