package simulator

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// Cookies. Browsers send cookies by host whatever the port, so the Marketplace
// reads zoom_session as marketplace.zoom.us reads the .zoom.us session.
const (
	zoomSessionCookie = "zoom_session"
	zoomPendingCookie = "zoom_pending"
	consentCookie     = "zoom_consent"
	pendingLifetime   = 10 * time.Minute
	ticketLifetime    = 5 * time.Minute
)

// captchaMessage is the real toast, misspelling included.
const captchaMessage = "An error with reCAPTCHA occured. Please try again."

// zoomPage is what every Zoom web template may show.
type zoomPage struct {
	Banner      bool
	Name        string
	Email       string
	TwoFactor   bool
	SSO         bool
	Role        string
	Marketplace string
	Error       string
	Variation   Choices // Options.Variation's draw (empty: the plain pages)
}

func (s *Sim) zoomHandler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /static/", s.pages.static)
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/profile", http.StatusFound)
	})
	mux.HandleFunc("GET /signin", func(w http.ResponseWriter, r *http.Request) {
		switch {
		case s.zoomSignedIn(r):
			http.Redirect(w, r, "/profile", http.StatusFound)
		case s.opts.SSO && s.opts.SSOWay == "server":
			http.Redirect(w, r, s.ssoStart(), http.StatusFound)
		case s.opts.SSO && s.opts.SSOWay == "typed":
			bw := &bufferedWriter{header: w.Header(), code: http.StatusOK}
			s.renderZoom(bw, r, http.StatusOK, "signin.html")
			_, domain, _ := strings.Cut(zoomEmail, "@")
			page := strings.Replace(bw.body.String(), "</body>", fmt.Sprintf(ssoTypedScript, domain, s.ssoStart())+"</body>", 1)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = io.WriteString(w, page)
		default:
			s.renderZoom(w, r, http.StatusOK, "signin.html")
		}
	})
	mux.HandleFunc("GET /signin/sso/embed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		ssoFrame.Execute(w, s.urls.IdP+"/idp/login")
	})
	mux.HandleFunc("POST /signin/lookup", s.handleLookup)
	mux.HandleFunc("POST /signin/api", s.handleSignIn)
	mux.HandleFunc("GET /signin/sso/callback", s.handleSSOCallback)
	mux.HandleFunc("GET /signin/otp/verify", func(w http.ResponseWriter, r *http.Request) {
		if !s.pendingOK(r) {
			http.Redirect(w, r, "/signin", http.StatusFound)
			return
		}
		s.renderZoom(w, r, http.StatusOK, "otp.html")
	})
	mux.HandleFunc("POST /signin/otp/api", s.handleCode)
	mux.HandleFunc("GET /profile", func(w http.ResponseWriter, r *http.Request) {
		if !s.zoomSignedIn(r) {
			http.Redirect(w, r, "/signin", http.StatusFound)
			return
		}
		s.renderZoom(w, r, http.StatusOK, "profile.html")
	})
	mux.HandleFunc("GET /signout", func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie(zoomSessionCookie); err == nil {
			s.mu.Lock()
			delete(s.w.zoomSessions, c.Value)
			s.mu.Unlock()
		}
		http.SetCookie(w, &http.Cookie{Name: zoomSessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true})
		http.Redirect(w, r, "/signin", http.StatusFound)
	})
	mux.HandleFunc("/oauth/token", s.handleToken)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.renderZoom(w, r, http.StatusNotFound, "notfound.html")
	})
	return mux
}

func (s *Sim) zoomPageFor(r *http.Request) zoomPage {
	return zoomPage{
		Banner:      s.showBanner(r),
		Name:        userFirstName + " " + userLastName,
		Email:       zoomEmail,
		TwoFactor:   s.opts.TwoFactor,
		SSO:         s.opts.SSO,
		Role:        s.roleName(),
		Marketplace: s.urls.Marketplace,
		Variation:   s.variation(),
	}
}

func (s *Sim) renderZoom(w http.ResponseWriter, r *http.Request, status int, name string) {
	p := s.zoomPageFor(r)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	s.pages.zoom.ExecuteTemplate(w, name, p)
}

// showBanner reports whether the cookie banner belongs on this response.
func (s *Sim) showBanner(r *http.Request) bool {
	if !s.opts.CookieBanner {
		return false
	}
	_, err := r.Cookie(consentCookie)
	return err != nil
}

// zoomSignedIn reports whether the request carries a live Zoom session.
func (s *Sim) zoomSignedIn(r *http.Request) bool {
	c, err := r.Cookie(zoomSessionCookie)
	if err != nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.w.zoomSessions[c.Value]
	return ok
}

// useSession reports whether the request carries a live Zoom session and
// counts one Marketplace /api/ request against it: the request that reaches
// Options.SessionLimit is still served, and ends the session.
func (s *Sim) useSession(r *http.Request) bool {
	c, err := r.Cookie(zoomSessionCookie)
	if err != nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n, ok := s.w.zoomSessions[c.Value]
	if !ok {
		return false
	}
	n++
	s.w.zoomSessions[c.Value] = n
	if s.opts.SessionLimit > 0 && n >= s.opts.SessionLimit {
		delete(s.w.zoomSessions, c.Value)
		s.w.sessionsEnded++
	}
	return true
}

// pendingOK reports whether the request carries a password-accepted sign-in
// that still waits for its code.
func (s *Sim) pendingOK(r *http.Request) bool {
	c, err := r.Cookie(zoomPendingCookie)
	if err != nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	exp, ok := s.w.pending[c.Value]
	return ok && s.now().Before(exp)
}

// startSession records a new Zoom session and sets its cookie; s.mu is held.
func (s *Sim) startSession(w http.ResponseWriter) {
	id := s.w.rand.string(40, alnum)
	s.w.zoomSessions[id] = 0
	http.SetCookie(w, &http.Cookie{Name: zoomSessionCookie, Value: id, Path: "/", MaxAge: sessionMaxAge, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// handleSignIn is POST /signin/api {email,password}.
func (s *Sim) handleSignIn(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&in); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"errorMessage": "Invalid request."})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.w.signInAttempts++
	if s.ssoEmail(in.Email) {
		writeJSON(w, http.StatusForbidden, map[string]string{"errorMessage": "Your account signs in with SSO.", "next": s.ssoStart()})
		return
	}
	if s.opts.Captcha {
		// reCAPTCHA judges the browser, not the password: right or wrong, refused.
		s.w.captchaRefusals++
		writeJSON(w, http.StatusForbidden, map[string]any{"errorCode": 1044, "errorMessage": captchaMessage})
		return
	}
	if !strings.EqualFold(strings.TrimSpace(in.Email), zoomEmail) || in.Password != s.opts.ZoomPassword {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"errorMessage": "Incorrect email or password"})
		return
	}
	if s.opts.TwoFactor {
		id := s.w.rand.string(40, alnum)
		s.w.pending[id] = s.now().Add(pendingLifetime)
		http.SetCookie(w, &http.Cookie{Name: zoomPendingCookie, Value: id, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})
		writeJSON(w, http.StatusOK, map[string]string{"next": "/signin/otp/verify"})
		return
	}
	s.startSession(w)
	writeJSON(w, http.StatusOK, map[string]string{"next": "/profile"})
}

// codePeriod tells which period's code code is, among those accepted now
// (Options.TOTPClock, else the simulator's clock): the current one, and
// with one period of skew either way unless Options.StrictCodes; s.mu is
// held.
func (s *Sim) codePeriod(code string) (int64, bool) {
	now := s.now()
	if s.opts.TOTPClock != nil {
		now = s.opts.TOTPClock()
	}
	cur := now.Unix() / 30
	periods := []int64{cur, cur - 1, cur + 1}
	if s.opts.StrictCodes {
		periods = periods[:1]
	}
	for _, p := range periods {
		want, err := totp.GenerateCodeCustom(totpSecret, time.Unix(p*30, 0), totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err == nil && code == want {
			return p, true
		}
	}
	return 0, false
}

// handleCode is POST /signin/otp/api: a TOTP code (RFC 6238, 30 s, one step
// of skew unless Options.StrictCodes) finishes a pending sign-in. The page's script posts JSON; a plain
// form post (the script not loaded yet) gets the same check and a page back.
func (s *Sim) handleCode(w http.ResponseWriter, r *http.Request) {
	asJSON := strings.HasPrefix(r.Header.Get("Content-Type"), "application/json")
	var code string
	if asJSON {
		var in struct {
			Code string `json:"code"`
		}
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&in); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"errorMessage": "Invalid request."})
			return
		}
		code = in.Code
	} else {
		code = r.PostFormValue("code")
	}
	msg, next := s.checkCode(w, r, code)
	switch {
	case asJSON && next == "/profile":
		writeJSON(w, http.StatusOK, map[string]string{"next": next})
	case asJSON:
		writeJSON(w, http.StatusUnauthorized, map[string]string{"errorMessage": msg, "next": next})
	case next != "":
		http.Redirect(w, r, next, http.StatusSeeOther)
	default:
		p := s.zoomPageFor(r)
		p.Error = msg
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		s.pages.zoom.ExecuteTemplate(w, "otp.html", p)
	}
}

// checkCode counts the attempt and checks it; on success it starts the
// session and returns next "/profile", when the sign-in expired next is
// "/signin", otherwise msg says what is wrong.
func (s *Sim) checkCode(w http.ResponseWriter, r *http.Request, code string) (msg, next string) {
	c, err := r.Cookie(zoomPendingCookie)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.w.codeAttempts++
	exp, ok := time.Time{}, false
	if err == nil {
		exp, ok = s.w.pending[c.Value]
	}
	if !ok || !s.now().Before(exp) {
		return "Your sign-in has expired. Please sign in again.", "/signin"
	}
	period, ok := s.codePeriod(code)
	if !ok || s.w.usedCodes[code] {
		return "The verification code is incorrect. Please try again.", ""
	}
	if s.w.usedCodes == nil {
		s.w.usedCodes = map[string]bool{}
	}
	s.w.usedCodes[code] = true
	s.w.codePeriods = append(s.w.codePeriods, period)
	delete(s.w.pending, c.Value)
	http.SetCookie(w, &http.Cookie{Name: zoomPendingCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true})
	s.startSession(w)
	return "", "/profile"
}

// ssoEmail reports whether the email belongs to the SSO domain
// (Options.SSO), whose users sign in at the identity provider.
func (s *Sim) ssoEmail(email string) bool {
	_, domain, ok := strings.Cut(strings.TrimSpace(email), "@")
	_, zoomDomain, _ := strings.Cut(zoomEmail, "@")
	return s.opts.SSO && ok && strings.EqualFold(domain, zoomDomain)
}

// ssoStart is where the sign-in page sends an SSO user.
func (s *Sim) ssoStart() string { return s.urls.IdP + "/idp/login" }

// handleLookup is POST /signin/lookup {email}, the email step's Next: it
// says whether the account signs in through SSO and where.
func (s *Sim) handleLookup(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Email string `json:"email"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&in); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"errorMessage": "Invalid request."})
		return
	}
	if s.ssoEmail(in.Email) {
		next := s.ssoStart()
		if s.opts.SSOWay == "frame" {
			next = s.urls.Zoom + "/signin/sso/embed"
		}
		writeJSON(w, http.StatusOK, map[string]any{"sso": true, "next": next})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"sso": false})
}

// handleSSOCallback is GET /signin/sso/callback?ticket=…, where the identity
// provider sends the browser back: a fresh ticket, used once, starts the
// Zoom session.
func (s *Sim) handleSSOCallback(w http.ResponseWriter, r *http.Request) {
	t := r.URL.Query().Get("ticket")
	s.mu.Lock()
	exp, ok := s.w.tickets[t]
	delete(s.w.tickets, t)
	ok = ok && t != "" && s.now().Before(exp)
	if ok {
		s.startSession(w)
	}
	s.mu.Unlock()
	if !ok {
		http.Redirect(w, r, "/signin", http.StatusFound)
		return
	}
	http.Redirect(w, r, "/profile", http.StatusFound)
}

// sessionMaxAge keeps a signed-in session across browser restarts, as Zoom's
// and MEETS' "stay signed in" cookies do, so a kept profile stays signed in.
const sessionMaxAge = 8 * 60 * 60

// SpendCode marks a two-step code as used, as if another sign-in had just
// typed it: authenticator codes work once, so the next use is refused.
func (s *Sim) SpendCode(code string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.w.usedCodes == nil {
		s.w.usedCodes = map[string]bool{}
	}
	s.w.usedCodes[code] = true
}
