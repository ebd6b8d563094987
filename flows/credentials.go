package flows

import (
	"encoding/json"
	"fmt"
	"os"

	a "zoomsetup/automation"
	"zoomsetup/flows/zoom"
	"zoomsetup/secret"
	"zoomsetup/zoomapi"
)

// CredentialsFile is credentials.json: everything needed to finish the MEETS
// half later (zoomsetup meets --credentials). It is written mode 0600.
type CredentialsFile struct {
	AppName      string            `json:"app_name"`
	AccountID    string            `json:"account_id"`
	ClientID     string            `json:"client_id"`
	ClientSecret string            `json:"client_secret"`
	Catalogue    zoomapi.Catalogue `json:"catalogue,omitempty"`
	Scopes       []string          `json:"scopes,omitempty"`
	Activated    bool              `json:"activated"`
}

// SaveCredentials writes what the Zoom half read to path, mode 0600.
func SaveCredentials(path string, r *zoom.Result) error {
	f := CredentialsFile{
		AppName: r.AppName, AccountID: r.Credentials.AccountID, ClientID: r.Credentials.ClientID,
		ClientSecret: r.Credentials.ClientSecret.Reveal(), Catalogue: r.Catalogue, Scopes: r.Scopes, Activated: r.Activated,
	}
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return a.WriteFileAtomic(path, append(b, '\n'), 0o600)
}

// LoadCredentials reads a credentials.json, refusing one that others can read
// or that lacks a field.
func LoadCredentials(path string) (CredentialsFile, zoomapi.Credentials, error) {
	var f CredentialsFile
	st, err := os.Stat(path)
	if err != nil {
		return f, zoomapi.Credentials{}, fmt.Errorf("credentials file: %w", err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return f, zoomapi.Credentials{}, fmt.Errorf("credentials file %q can be read by others (mode %o): run chmod 600 %q", path, st.Mode().Perm(), path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return f, zoomapi.Credentials{}, fmt.Errorf("credentials file: %w", err)
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return f, zoomapi.Credentials{}, fmt.Errorf("credentials file %q is not valid JSON: %w", path, err)
	}
	c := zoomapi.Credentials{AccountID: f.AccountID, ClientID: f.ClientID, ClientSecret: secret.New(f.ClientSecret)}
	if err := c.Check(); err != nil {
		return f, c, fmt.Errorf("credentials file %q: %w", path, err)
	}
	return f, c, nil
}
