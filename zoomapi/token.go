package zoomapi

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"zoomsetup/secret"
)

// Credentials are what a Server-to-Server OAuth app's App Credentials page shows.
type Credentials struct {
	AccountID    string
	ClientID     string
	ClientSecret secret.Secret
}

// Check refuses credentials a person obviously pasted wrong, before Zoom is asked.
func (c Credentials) Check() error {
	for _, f := range []struct{ name, v string }{{"account id", c.AccountID}, {"client id", c.ClientID}, {"client secret", c.ClientSecret.Reveal()}} {
		switch {
		case f.v == "":
			return fmt.Errorf("the %s is empty", f.name)
		case strings.TrimSpace(f.v) != f.v || strings.ContainsAny(f.v, " \t\r\n"):
			return fmt.Errorf("the %s contains spaces or line breaks: copy it again without them", f.name)
		case strings.Contains(f.v, "@"):
			return fmt.Errorf("the %s looks like an email address: copy it from the app's App Credentials", f.name)
		}
	}
	return nil
}

// Client reaches Zoom's token endpoint and REST API.
type Client struct {
	ZoomURL string // e.g. https://zoom.us
	APIURL  string // e.g. https://api.zoom.us; a token's api_url wins
	HTTP    *http.Client
}

// Token is a minted access token; the token itself is a Secret.
type Token struct {
	Access    secret.Secret
	Scopes    []string
	APIURL    string
	ExpiresIn int
}

// ZoomError is an error answer from Zoom, with its own words kept.
type ZoomError struct {
	Status  int    // HTTP status
	Err     string // OAuth "error", e.g. invalid_client
	Reason  string // OAuth "reason", e.g. "Invalid client_id or client_secret"
	Code    int    // API "code", e.g. 4711
	Message string // API "message"
}

func (e *ZoomError) Error() string {
	if e.Reason != "" {
		return fmt.Sprintf("zoom answered %d %s: %q", e.Status, e.Err, e.Reason)
	}
	return fmt.Sprintf("zoom answered %d, code %d: %q", e.Status, e.Code, e.Message)
}

// Advice says what a person should do about e.
func (e *ZoomError) Advice() string {
	r := strings.ToLower(e.Reason + " " + e.Message)
	switch {
	case strings.Contains(r, "not activated"):
		return "activate the app (Activation > Activate your app) and run again; a fresh activation can take a few minutes to reach Zoom's token service"
	case strings.Contains(r, "account id"):
		return "the Account ID is wrong: use the Account ID shown on the app's App Credentials page, not the account number or an email"
	case e.Err == "invalid_client":
		return "the Client ID or Client Secret is wrong: copy both again from the app's App Credentials page, without spaces"
	case e.Code == 4711:
		return "the app lacks scopes: add them under Scopes (+ Add Scopes) and run again"
	case e.Code == 124:
		return "the token was refused: mint a new one by running again"
	case e.Status == http.StatusTooManyRequests:
		return "Zoom's rate limit was hit: wait a minute and run again"
	}
	return "check the app in the Zoom App Marketplace"
}

// decodeError reads Zoom's error body into a *ZoomError.
func decodeError(resp *http.Response) error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	e := &ZoomError{Status: resp.StatusCode}
	var b struct {
		Reason  string `json:"reason"`
		Error   string `json:"error"`
		Code    int    `json:"code"`
		Message string `json:"message"`
	}
	if json.Unmarshal(body, &b) == nil {
		e.Reason, e.Err, e.Code, e.Message = b.Reason, b.Error, b.Code, b.Message
	}
	if e.Reason == "" && e.Message == "" {
		e.Message = strings.TrimSpace(string(body))
		if len(e.Message) > 200 {
			e.Message = e.Message[:200]
		}
	}
	return e
}

func (c *Client) http() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return &http.Client{Timeout: 30 * time.Second}
}

// Token mints an account_credentials token, as MEETS will.
func (c *Client) Token(ctx context.Context, cr Credentials) (*Token, error) {
	q := url.Values{"grant_type": {"account_credentials"}, "account_id": {cr.AccountID}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(c.ZoomURL, "/")+"/oauth/token?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(cr.ClientID, cr.ClientSecret.Reveal())
	resp, err := c.http().Do(req)
	if err != nil {
		return nil, fmt.Errorf("reach zoom's token endpoint: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, decodeError(resp)
	}
	var b struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int    `json:"expires_in"`
		Scope       string `json:"scope"`
		APIURL      string `json:"api_url"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&b); err != nil {
		return nil, fmt.Errorf("read zoom's token answer: %w", err)
	}
	api := b.APIURL
	if api == "" {
		api = c.APIURL
	}
	return &Token{Access: secret.New(b.AccessToken), Scopes: strings.Fields(b.Scope), APIURL: api, ExpiresIn: b.ExpiresIn}, nil
}

// Get calls the API at path (e.g. "/v2/users?page_size=1") with tok and returns the body.
func (c *Client) Get(ctx context.Context, tok *Token, path string) ([]byte, error) {
	base := tok.APIURL
	if base == "" {
		base = c.APIURL
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(base, "/")+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+tok.Access.Reveal())
	resp, err := c.http().Do(req)
	if err != nil {
		return nil, fmt.Errorf("reach zoom's API: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return nil, decodeError(resp)
	}
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}
