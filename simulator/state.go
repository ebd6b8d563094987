package simulator

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// State is a snapshot of everything the simulated sites hold, so a test proves
// what changed on the server and not only what a page showed.
type State struct {
	Apps            []App // in creation order
	Meets           MeetsState
	SignInAttempts  int           // POSTs of email and password to the Zoom sign-in
	CodeAttempts    int           // POSTs of a two-step verification code
	TokensMinted    int           // successful /oauth/token answers
	CaptchaRefusals int           // sign-ins refused by reCAPTCHA (Options.Captcha)
	IdPAttempts     int           // POSTs to the identity provider's sign-in (Options.SSO)
	IdPSignIns      int           // of those, the ones it accepted
	IdPEvents       int           // keystrokes, input events, clicks and form submissions the identity provider's pages saw
	TermsAccepted   bool          // the Marketplace terms are accepted (always, unless Options.TermsPending)
	Forbidden       int           // Marketplace API requests refused with 403 (no developer role, terms pending)
	SessionsEnded   int           // Zoom sessions ended by Options.SessionLimit
	FaultsServed    int           // responses replaced by an injected 5xx (FailRate, MeetsDownFor)
	Dropped         int           // requests left unanswered (DropRate)
	JitterAdded     time.Duration // sum of the random delays Options.Jitter added
	ScopelessTokens int           // tokens minted without scope during Options.ScopeDelay
	Writes          int           // requests that could change the Marketplace or MEETS (every method but GET and HEAD), answered or not
	Scripted        int           // requests failed by Options.Faults
	Committed       int           // of those, the ones carried out before their answer was lost
	CodePeriods     []int64       // the period (Unix time / 30 s) of each accepted two-step code, in order
}

// App is one Marketplace app with its credentials, as a test sees it.
type App struct {
	ID                  string
	Name                string
	Type                AppType
	AccountID           string
	ClientID            string
	ClientSecret        string
	Company             string
	ContactName         string
	ContactEmail        string
	ShortDescription    string
	Scopes              []string
	Activated           bool
	SecretRegenerations int
	ActivationPending   bool // activated, but the token endpoint still says not (Options.ActivationDelay); set by State
	ScopesPending       bool // tokens minted now carry no scope (Options.ScopeDelay); set by State
}

// MeetsState is what the MEETS admin panel holds and how often it was used.
type MeetsState struct {
	APIKey      string
	APISecret   string
	Submissions int  // POSTs of the credentials form
	Saves       int  // submissions that Zoom accepted and MEETS stored
	Unavailable bool // MEETS answers every request with 503 (Options.MeetsDownFor); set by State
}

// simToday is the simulator's fixed "today": dates shown on pages never
// depend on the clock, so screenshots are reproducible.
var simToday = time.Date(2026, time.January, 12, 0, 0, 0, 0, time.UTC)

// app is an App plus what only the pages need.
type app struct {
	App
	created      time.Time
	eventSubs    bool
	webhookToken string
	activatedAt  time.Time // last activation on the simulator's clock; zero for seeded apps
	scopesAt     time.Time // last change of the scopes; zero for seeded apps
}

// tokenReadyAt is when the token endpoint stops saying "not activated".
func (a *app) tokenReadyAt(o Options) time.Time { return a.activatedAt.Add(o.ActivationDelay) }

// scopesReadyAt is when minted tokens carry the app's scopes again.
func (a *app) scopesReadyAt(o Options) time.Time {
	t := a.activatedAt
	if a.scopesAt.After(t) {
		t = a.scopesAt
	}
	return t.Add(o.ScopeDelay)
}

// setActivated turns the app on or off, noting when it was turned on.
func (a *app) setActivated(on bool, now time.Time) {
	if on && !a.Activated {
		a.activatedAt = now
	}
	a.Activated = on
}

// setScopes replaces the scopes, noting when they changed.
func (a *app) setScopes(scopes []string, now time.Time) {
	if !slices.Equal(a.Scopes, scopes) {
		a.scopesAt = now
	}
	a.Scopes = scopes
}

// token is a minted access token, remembered with what it grants.
type token struct {
	scopes  []string
	expires time.Time
}

// world is the whole mutable state; every access holds Sim.mu.
type world struct {
	ids  *idGen // account, users, apps: depends only on the seed and creation order
	rand *idGen // sessions and tokens

	accountID string
	userID    string
	apps      []*app

	zoomSessions  map[string]int       // live session -> Marketplace /api/ requests it made
	pending       map[string]time.Time // password accepted, waiting for the 2FA code
	usedCodes     map[string]bool      // two-step codes already accepted: a code works once
	tickets       map[string]time.Time // identity provider sign-ins not yet redeemed at Zoom
	meetsSessions map[string]bool
	tokens        map[string]token
	faults        *faults
	secretChars   string // Options.SecretAlphabet

	meets           MeetsState
	signInAttempts  int
	codeAttempts    int
	tokensMinted    int
	captchaRefusals int
	idpAttempts     int
	idpSignIns      int
	idpEvents       int
	termsAccepted   bool
	forbidden       int
	sessionsEnded   int
	scopelessTokens int
	writes          int
	codePeriods     []int64
}

func newWorld(opts Options) (*world, error) {
	seed := opts.Seed
	if seed == 0 {
		seed = defaultSeed
	}
	w := &world{
		ids:           newIDGen(seed, 1),
		rand:          newIDGen(seed, 2),
		zoomSessions:  map[string]int{},
		pending:       map[string]time.Time{},
		tickets:       map[string]time.Time{},
		meetsSessions: map[string]bool{},
		tokens:        map[string]token{},
		faults:        newFaults(seed),
		secretChars:   opts.SecretAlphabet,
		termsAccepted: !opts.TermsPending,
	}
	w.accountID = w.ids.string(22, alphaDash)
	w.userID = w.ids.string(22, alphaDash)
	n := len(opts.ExistingApps)
	for i, seedApp := range opts.ExistingApps {
		t := seedApp.Type
		if t == "" {
			t = AppTypeS2S
		}
		a := w.newApp(strings.TrimSpace(seedApp.Name), t, simToday.AddDate(0, 0, -9*(n-i)))
		a.Company = seedApp.Company
		a.ContactName = seedApp.ContactName
		a.ContactEmail = seedApp.ContactEmail
		a.Scopes = slices.Clone(seedApp.Scopes)
		a.Activated = seedApp.Activated
	}
	if opts.Meets != nil {
		w.meets.APIKey = opts.Meets.APIKey
		w.meets.APISecret = opts.Meets.APISecret
	}
	return w, nil
}

// newApp creates an app with fresh credentials and appends it.
func (w *world) newApp(name string, t AppType, created time.Time) *app {
	a := &app{App: App{
		ID:           w.ids.string(22, alnum),
		Name:         name,
		Type:         t,
		AccountID:    w.accountID,
		ClientID:     w.ids.string(22, alnum),
		ClientSecret: w.ids.string(32, w.secretChars),
	}, created: created}
	a.webhookToken = w.ids.string(22, alphaDash)
	w.apps = append(w.apps, a)
	return a
}

func (w *world) appByID(id string) *app {
	for _, a := range w.apps {
		if a.ID == id {
			return a
		}
	}
	return nil
}

func (w *world) appByClientID(id string) *app {
	for _, a := range w.apps {
		if a.ClientID == id {
			return a
		}
	}
	return nil
}

// appByName finds the one app with that name; duplicates are an error because
// a test helper must not pick one silently.
func (w *world) appByName(name string) (*app, error) {
	var found *app
	for _, a := range w.apps {
		if a.Name == name {
			if found != nil {
				return nil, fmt.Errorf("app name %q is ambiguous", name)
			}
			found = a
		}
	}
	if found == nil {
		return nil, fmt.Errorf("no app named %q", name)
	}
	return found, nil
}

// activationProblems lists, in the words the Activation section shows, what
// keeps an app from being activated.
func activationProblems(a *app) []string {
	var p []string
	if strings.TrimSpace(a.Company) == "" {
		p = append(p, "Company Name is required")
	}
	if strings.TrimSpace(a.ContactName) == "" {
		p = append(p, "Developer contact name is required")
	}
	if strings.TrimSpace(a.ContactEmail) == "" {
		p = append(p, "Developer contact email is required")
	}
	if len(a.Scopes) == 0 {
		p = append(p, "Add at least one scope")
	}
	return p
}

func checkAppName(name string) error {
	n := utf8.RuneCountInString(strings.TrimSpace(name))
	if n < 1 || n > 50 {
		return fmt.Errorf("app name must be 1 to 50 characters")
	}
	return nil
}

func validType(t AppType) bool {
	return t == AppTypeS2S || t == AppTypeGeneral || t == AppTypeWebhook
}

// State returns a deep copy of the simulator's state, safe to keep.
func (s *Sim) State() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.w
	now := s.now()
	st := State{
		Meets:           w.meets,
		SignInAttempts:  w.signInAttempts,
		CodeAttempts:    w.codeAttempts,
		TokensMinted:    w.tokensMinted,
		CaptchaRefusals: w.captchaRefusals,
		IdPAttempts:     w.idpAttempts,
		IdPSignIns:      w.idpSignIns,
		IdPEvents:       w.idpEvents,
		TermsAccepted:   w.termsAccepted,
		Forbidden:       w.forbidden,
		SessionsEnded:   w.sessionsEnded,
		Dropped:         w.faults.dropped,
		FaultsServed:    w.faults.served,
		JitterAdded:     w.faults.jitterAdded,
		ScopelessTokens: w.scopelessTokens,
		Writes:          w.writes,
		Scripted:        w.faults.scripted,
		Committed:       w.faults.committed,
		CodePeriods:     slices.Clone(w.codePeriods),
	}
	st.Meets.Unavailable = s.meetsDownLocked()
	for _, a := range w.apps {
		c := a.App
		c.ActivationPending = a.Activated && now.Before(a.tokenReadyAt(s.opts))
		c.ScopesPending = a.Activated && now.Before(a.scopesReadyAt(s.opts))
		c.Scopes = slices.Clone(a.Scopes)
		if c.Scopes == nil {
			c.Scopes = []string{}
		}
		st.Apps = append(st.Apps, c)
	}
	if st.Apps == nil {
		st.Apps = []App{}
	}
	return st
}

// SetActivated turns an app on or off behind the pages' back, as an admin in
// another tab would, to test flows that find an app in either state.
func (s *Sim) SetActivated(appName string, on bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.w.appByName(appName)
	if err != nil {
		return err
	}
	a.setActivated(on, s.now())
	return nil
}

// SetScopes replaces an app's scopes behind the pages' back, to test flows
// that find some scopes already added (or a role that lost them).
func (s *Sim) SetScopes(appName string, scopes []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.w.appByName(appName)
	if err != nil {
		return err
	}
	a.setScopes(slices.Clone(scopes), s.now())
	return nil
}

// countWrite counts a request that could change the Marketplace or MEETS,
// so a test can prove that a run changed nothing, whatever its pages said.
func (s *Sim) countWrite(r *http.Request) {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return
	}
	s.mu.Lock()
	s.w.writes++
	s.mu.Unlock()
}
