package simulator

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"
)

// tokenLifetime is what Zoom's token endpoint reports as expires_in.
const tokenLifetime = 3599 * time.Second

// oauthError is the body of a refused token request, exactly as Zoom sends it.
type oauthError struct {
	Reason string `json:"reason"`
	Error  string `json:"error"`
}

// tokenResponse is the body of a minted token, exactly as Zoom sends it.
type tokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
	Scope       string `json:"scope"`
	APIURL      string `json:"api_url"`
}

// handleToken is POST /oauth/token with grant_type=account_credentials: it
// checks the client, the account and the activation in Zoom's order and words.
func (s *Sim) handleToken(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeJSON(w, http.StatusMethodNotAllowed, oauthError{Reason: "Method Not Allowed", Error: "invalid_request"})
		return
	}
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusBadRequest, oauthError{Reason: "Invalid request", Error: "invalid_request"})
		return
	}
	if r.Form.Get("grant_type") != "account_credentials" {
		writeJSON(w, http.StatusBadRequest, oauthError{Reason: "unsupported grant type", Error: "unsupported_grant_type"})
		return
	}
	clientID, secret, _ := r.BasicAuth()
	accountID := r.Form.Get("account_id")

	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.w.appByClientID(clientID)
	if a == nil || clientID == "" || a.ClientSecret != secret {
		writeJSON(w, http.StatusBadRequest, oauthError{Reason: "Invalid client_id or client_secret", Error: "invalid_client"})
		return
	}
	if a.Type != AppTypeS2S {
		// Only Server-to-Server OAuth apps may use the account_credentials grant.
		writeJSON(w, http.StatusBadRequest, oauthError{Reason: "unsupported grant type", Error: "unsupported_grant_type"})
		return
	}
	if accountID != s.w.accountID {
		writeJSON(w, http.StatusBadRequest, oauthError{Reason: "Invalid Account Id", Error: "invalid_request"})
		return
	}
	now := s.now()
	// Activation takes a while to reach the token endpoint (ActivationDelay).
	if !a.Activated || now.Before(a.tokenReadyAt(s.opts)) {
		writeJSON(w, http.StatusBadRequest, oauthError{Reason: "The app is not activated", Error: "invalid_request"})
		return
	}
	scopes := slices.Clone(a.Scopes)
	if now.Before(a.scopesReadyAt(s.opts)) {
		// Right after activation or a scope change the token has no scope (ScopeDelay).
		scopes = nil
		s.w.scopelessTokens++
	}
	tok := "eyJ" + s.w.rand.string(117, alphaDash)
	s.w.tokens[tok] = token{scopes: scopes, expires: now.Add(tokenLifetime)}
	s.w.tokensMinted++
	writeJSON(w, http.StatusOK, tokenResponse{
		AccessToken: tok,
		TokenType:   "bearer",
		ExpiresIn:   int(tokenLifetime / time.Second),
		Scope:       strings.Join(scopes, " "),
		APIURL:      s.urls.API,
	})
}

// writeJSON answers with a JSON body; every JSON endpoint uses it.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
