package simulator

import (
	"encoding/json"
	"net/http"
	"net/mail"
	"slices"
	"strings"
)

// typeLabels are the words the Marketplace shows for each app type.
var typeLabels = map[AppType]string{
	AppTypeS2S:     "Server-to-Server OAuth",
	AppTypeGeneral: "General App",
	AppTypeWebhook: "Webhook Only",
}

// appView is an app as the Marketplace pages receive it: everything but the
// client secret, which only GET /api/apps/{id}/secret returns.
type appView struct {
	ID                 string      `json:"id"`
	Name               string      `json:"name"`
	Type               AppType     `json:"type"`
	TypeLabel          string      `json:"typeLabel"`
	AccountID          string      `json:"accountId"`
	ClientID           string      `json:"clientId"`
	ShortDescription   string      `json:"shortDescription"`
	Company            string      `json:"company"`
	ContactName        string      `json:"contactName"`
	ContactEmail       string      `json:"contactEmail"`
	Scopes             []scopeView `json:"scopes"`
	Activated          bool        `json:"activated"`
	EventSubscriptions bool        `json:"eventSubscriptions"`
	WebhookSecretToken string      `json:"webhookSecretToken"`
	Created            string      `json:"created"`
}

// scopeView is an added scope with its label.
type scopeView struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// mpError is the body of a refused Marketplace request.
type mpError struct {
	Error    string   `json:"error"`
	Problems []string `json:"problems,omitempty"`
}

// featuredApps fill the Marketplace home page.
var featuredApps = []map[string]string{
	{"name": "Northwind Scheduler", "category": "Scheduling", "description": "Book meetings from shared calendars and send the join link."},
	{"name": "Lumen Notes", "category": "Productivity", "description": "Take meeting notes together and share them after the call."},
	{"name": "Atlas Whiteboard Sync", "category": "Collaboration", "description": "Keep whiteboards in step with your team's project boards."},
	{"name": "Cobalt Polls", "category": "Engagement", "description": "Run quick polls and quizzes during meetings and webinars."},
	{"name": "Harbor LMS Connector", "category": "Education", "description": "Schedule class meetings from your learning management system."},
	{"name": "Quill Transcripts", "category": "Accessibility", "description": "Searchable transcripts of cloud recordings for every course."},
}

func (s *Sim) marketplaceHandler() http.Handler {
	api := http.NewServeMux()
	api.HandleFunc("GET /api/featured", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"apps": featuredApps})
	})
	api.HandleFunc("GET /api/catalogue", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"products": catalogueFor(s.opts.Catalogue)})
	})
	api.HandleFunc("POST /api/terms", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.w.termsAccepted = true
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]bool{"termsAccepted": true})
	})
	api.HandleFunc("GET /api/apps", s.mpListApps)
	api.HandleFunc("POST /api/apps", s.mpCreateApp)
	api.HandleFunc("GET /api/apps/{id}", s.withApp(func(w http.ResponseWriter, r *http.Request, a *app) {
		writeJSON(w, http.StatusOK, s.view(a))
	}))
	api.HandleFunc("PUT /api/apps/{id}", s.withApp(s.mpUpdateApp))
	api.HandleFunc("GET /api/apps/{id}/secret", s.withApp(func(w http.ResponseWriter, r *http.Request, a *app) {
		writeJSON(w, http.StatusOK, map[string]string{"clientSecret": a.ClientSecret})
	}))
	api.HandleFunc("POST /api/apps/{id}/secret", s.withApp(func(w http.ResponseWriter, r *http.Request, a *app) {
		a.ClientSecret = s.w.ids.string(32, s.w.secretChars)
		a.SecretRegenerations++
		writeJSON(w, http.StatusOK, map[string]bool{"regenerated": true})
	}))
	api.HandleFunc("PUT /api/apps/{id}/scopes", s.withApp(s.mpSetScopes))
	api.HandleFunc("POST /api/apps/{id}/activate", s.withApp(func(w http.ResponseWriter, r *http.Request, a *app) {
		if p := activationProblems(a); len(p) > 0 {
			writeJSON(w, http.StatusUnprocessableEntity, mpError{Error: "Your app cannot be activated", Problems: p})
			return
		}
		a.setActivated(true, s.now())
		writeJSON(w, http.StatusOK, s.view(a))
	}))
	api.HandleFunc("POST /api/apps/{id}/deactivate", s.withApp(func(w http.ResponseWriter, r *http.Request, a *app) {
		a.setActivated(false, s.now())
		writeJSON(w, http.StatusOK, s.view(a))
	}))
	api.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, mpError{Error: "Not found"})
	})

	mux := http.NewServeMux()
	mux.Handle("GET /static/", s.pages.static)
	mux.HandleFunc("GET /api/session", s.mpSession)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.countWrite(r)
		// A signed-out request only redirects, so it is never failed.
		if !s.useSession(r) {
			writeJSON(w, http.StatusUnauthorized, mpError{Error: "Sign in to continue"})
			return
		}
		if s.failNow(r) {
			s.mpFail(w)
			return
		}
		if p := r.URL.Path; p == "/api/terms" || p == "/api/apps" || strings.HasPrefix(p, "/api/apps/") {
			if msg := s.mayBuild(r); msg != "" {
				writeJSON(w, http.StatusForbidden, mpError{Error: msg})
				return
			}
		}
		s.serveScripted(w, r, api, func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, http.StatusInternalServerError, mpError{Error: http.StatusText(http.StatusInternalServerError)})
		})
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		s.pages.market.ExecuteTemplate(w, "index.html", zoomPage{Banner: s.showBanner(r), Variation: s.variation()})
	})
	return mux
}

// Why the apps API refuses a request with 403.
const (
	noPermission = "You do not have permission to view this page. Contact your account admin."
	termsFirst   = "Accept the Zoom Marketplace terms before you build an app."
)

// mayBuild says why the account may not use the apps API now, or "": the
// role must have the developer permission, and creating an app needs the
// terms accepted. It counts the refusals.
func (s *Sim) mayBuild(r *http.Request) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	msg := ""
	switch {
	case s.opts.NoDeveloperRole:
		msg = noPermission
	case r.Method == http.MethodPost && r.URL.Path == "/api/apps" && !s.w.termsAccepted:
		msg = termsFirst
	}
	if msg != "" {
		s.w.forbidden++
	}
	return msg
}

// mpSession tells the page who is signed in and which variant to render
// (layout, catalogue, secret masking, and the drawn variation: dimension ->
// choice, {} for the plain pages), or where to sign in. It is neither counted against Options.SessionLimit nor
// failed by Options.FailRate: its failure would only send the browser away.
func (s *Sim) mpSession(w http.ResponseWriter, r *http.Request) {
	signIn := s.urls.Zoom + "/signin"
	if !s.zoomSignedIn(r) {
		writeJSON(w, http.StatusOK, map[string]any{"signedIn": false, "signInUrl": signIn})
		return
	}
	s.mu.Lock()
	terms := s.w.termsAccepted
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{
		"signedIn":      true,
		"signInUrl":     signIn,
		"name":          userFirstName + " " + userLastName,
		"email":         zoomEmail,
		"layout":        s.opts.Layout,
		"catalogue":     s.opts.Catalogue,
		"plainSecret":   s.opts.PlainSecret,
		"developer":     !s.opts.NoDeveloperRole,
		"termsAccepted": terms,
		"lateContentMs": s.opts.LateContent.Milliseconds(),
		"variation":     s.variation(),
	})
}

// withApp finds the app named by the path, holds s.mu while h runs, and
// answers 404 for an unknown id.
func (s *Sim) withApp(h func(http.ResponseWriter, *http.Request, *app)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		a := s.w.appByID(r.PathValue("id"))
		if a == nil {
			writeJSON(w, http.StatusNotFound, mpError{Error: "App not found"})
			return
		}
		h(w, r, a)
	}
}

// view turns an app into what the pages see; s.mu is held.
func (s *Sim) view(a *app) appView {
	labels := scopeLabels(s.opts.Catalogue)
	v := appView{
		ID:                 a.ID,
		Name:               a.Name,
		Type:               a.Type,
		TypeLabel:          typeLabels[a.Type],
		AccountID:          a.AccountID,
		ClientID:           a.ClientID,
		ShortDescription:   a.ShortDescription,
		Company:            a.Company,
		ContactName:        a.ContactName,
		ContactEmail:       a.ContactEmail,
		Scopes:             []scopeView{},
		Activated:          a.Activated,
		EventSubscriptions: a.eventSubs,
		WebhookSecretToken: a.webhookToken,
		Created:            a.created.Format("Jan 2, 2006"),
	}
	for _, id := range a.Scopes {
		v.Scopes = append(v.Scopes, scopeView{ID: id, Label: labels[id]})
	}
	return v
}

func (s *Sim) mpListApps(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	apps := []appView{}
	for _, a := range s.w.apps {
		apps = append(apps, s.view(a))
	}
	writeJSON(w, http.StatusOK, map[string]any{"apps": apps})
}

func (s *Sim) mpCreateApp(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Name string  `json:"name"`
		Type AppType `json:"type"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if err := checkAppName(in.Name); err != nil {
		writeJSON(w, http.StatusBadRequest, mpError{Error: "App name must be 1 to 50 characters"})
		return
	}
	if !validType(in.Type) {
		writeJSON(w, http.StatusBadRequest, mpError{Error: "Choose an app type"})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.w.newApp(strings.TrimSpace(in.Name), in.Type, simToday)
	writeJSON(w, http.StatusCreated, s.view(a))
}

// mpUpdateApp is the Information autosave and the Event Subscriptions toggle:
// only the fields present in the body change.
func (s *Sim) mpUpdateApp(w http.ResponseWriter, r *http.Request, a *app) {
	var in struct {
		ShortDescription   *string `json:"shortDescription"`
		Company            *string `json:"company"`
		ContactName        *string `json:"contactName"`
		ContactEmail       *string `json:"contactEmail"`
		EventSubscriptions *bool   `json:"eventSubscriptions"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if in.ContactEmail != nil && strings.TrimSpace(*in.ContactEmail) != "" {
		if _, err := mail.ParseAddress(strings.TrimSpace(*in.ContactEmail)); err != nil || !strings.Contains(*in.ContactEmail, "@") {
			writeJSON(w, http.StatusBadRequest, mpError{Error: "Enter a valid email address"})
			return
		}
	}
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = strings.TrimSpace(*src)
		}
	}
	set(&a.ShortDescription, in.ShortDescription)
	set(&a.Company, in.Company)
	set(&a.ContactName, in.ContactName)
	set(&a.ContactEmail, in.ContactEmail)
	if in.EventSubscriptions != nil {
		a.eventSubs = *in.EventSubscriptions
	}
	writeJSON(w, http.StatusOK, s.view(a))
}

// mpSetScopes is Done in the Add Scopes dialog (and a Remove button): the
// body is the whole new set. Scopes already on the app keep their order and
// new ones follow in the order sent.
func (s *Sim) mpSetScopes(w http.ResponseWriter, r *http.Request, a *app) {
	var in struct {
		Scopes []string `json:"scopes"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	labels := scopeLabels(s.opts.Catalogue)
	for _, id := range in.Scopes {
		if _, ok := labels[id]; !ok && !slices.Contains(a.Scopes, id) {
			writeJSON(w, http.StatusBadRequest, mpError{Error: "Unknown scope " + id})
			return
		}
	}
	var next []string
	for _, id := range a.Scopes {
		if slices.Contains(in.Scopes, id) && !slices.Contains(next, id) {
			next = append(next, id)
		}
	}
	for _, id := range in.Scopes {
		if !slices.Contains(next, id) {
			next = append(next, id)
		}
	}
	a.setScopes(next, s.now())
	writeJSON(w, http.StatusOK, s.view(a))
}

// decodeBody reads a small JSON body, answering 400 when it is not one.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(v); err != nil {
		writeJSON(w, http.StatusBadRequest, mpError{Error: "Invalid request"})
		return false
	}
	return true
}
