package zoomapi

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"zoomsetup/clock"
)

// DefaultCheck is the API call that proves a token works. An account-level
// token may not use "me", so the check lists one user.
const DefaultCheck = "/v2/users?page_size=1"

// Report is what a verification found; it holds no secret.
type Report struct {
	TokenMinted bool     `json:"token_minted"`
	Scopes      []string `json:"scopes"`
	Missing     []string `json:"missing_scopes,omitempty"`
	Check       string   `json:"api_check"`
	CheckPassed bool     `json:"api_check_passed"`
	Attempts    int      `json:"attempts"`
}

// VerifyOptions bound a verification.
type VerifyOptions struct {
	Want     []string      // scope ids the token must carry
	Check    string        // API path to call; DefaultCheck when empty
	Patience time.Duration // how long to keep trying while Zoom catches up with a fresh activation
	Notef    func(format string, args ...any)
	Clock    clock.Clock // what the pauses between tries run on; nil is the real clock
}

// Verify mints a token, compares its scopes with opts.Want and makes one API
// call. Right after activation Zoom may refuse the app or hand out tokens
// without scopes for a while, so those answers are retried with backoff for
// opts.Patience; anything else fails at once.
func (c *Client) Verify(ctx context.Context, cr Credentials, opts VerifyOptions) (*Report, error) {
	if opts.Check == "" {
		opts.Check = DefaultCheck
	}
	rep := &Report{Check: opts.Check}
	clk := clock.Or(opts.Clock)
	deadline := clk.Now().Add(opts.Patience)
	wait := 500 * time.Millisecond
	for {
		rep.Attempts++
		err := c.verifyOnce(ctx, cr, opts, rep)
		if err == nil || !retryable(err) || clk.Now().Add(wait).After(deadline) {
			return rep, err
		}
		if opts.Notef != nil {
			opts.Notef("zoom is not ready yet (%v); trying again in %s", err, wait)
		}
		if serr := clk.Sleep(ctx, wait); serr != nil {
			return rep, errors.Join(err, serr)
		}
		wait = min(wait*2, 15*time.Second)
	}
}

func (c *Client) verifyOnce(ctx context.Context, cr Credentials, opts VerifyOptions, rep *Report) error {
	rep.TokenMinted, rep.CheckPassed, rep.Missing = false, false, nil
	tok, err := c.Token(ctx, cr)
	if err != nil {
		return err
	}
	rep.TokenMinted, rep.Scopes = true, tok.Scopes
	if rep.Missing = Missing(tok.Scopes, opts.Want); len(rep.Missing) > 0 {
		return &MissingScopesError{Missing: rep.Missing}
	}
	if _, err := c.Get(ctx, tok, opts.Check); err != nil {
		return err
	}
	rep.CheckPassed = true
	return nil
}

// MissingScopesError says which scopes a token lacks.
type MissingScopesError struct{ Missing []string }

func (e *MissingScopesError) Error() string {
	return fmt.Sprintf("the token lacks %d scope(s): %s", len(e.Missing), strings.Join(e.Missing, ", "))
}

// Advice says what to do about the missing scopes.
func (e *MissingScopesError) Advice() string {
	return "add them to the app under Scopes (+ Add Scopes), or run zoomsetup zoom again to add them"
}

// retryable is true for the answers Zoom gives while an activation or a
// scope change is still reaching its token service.
func retryable(err error) bool {
	var ms *MissingScopesError
	if errors.As(err, &ms) {
		return true
	}
	var ze *ZoomError
	if errors.As(err, &ze) {
		return strings.Contains(strings.ToLower(ze.Reason), "not activated") || ze.Code == 4711 || ze.Status == 429 || ze.Status >= 500
	}
	return false
}

// Advice returns what to do about a verification error, or "".
func Advice(err error) string {
	var ze *ZoomError
	if errors.As(err, &ze) {
		return ze.Advice()
	}
	var ms *MissingScopesError
	if errors.As(err, &ms) {
		return ms.Advice()
	}
	return ""
}
