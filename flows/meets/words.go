package meets

import a "zoomsetup/automation"

// The words the MEETS admin panel shows, in one place. MEETS' exact wording
// is not public, so success is confirmed by what the page then holds (the
// stored API Key, read-only), not by a message alone.
var (
	userField     = a.Field("Username or Email", "Username or email", "Username", "User name", "Email", "Email address")
	passwordField = a.Field("Password")
	logInButton   = a.Button("Log In", "Login", "Log in", "Sign In", "Sign in")
	loginRefused  = a.Alert("Invalid username or password", "Invalid login", "incorrect")

	conferencingTab = a.Link("Conferencing Account", "Conferencing Accounts")
	apiKeyField     = a.Field("API Key")
	apiSecretField  = a.Field("API Secret")
	// apiKey and apiSecret read what MEETS holds, in a field or shown as text.
	apiKey           = a.Label("API Key")
	apiSecret        = a.Label("API Secret")
	credentialFields = a.Label("API Key", "API Secret")
	editButton       = a.Button("Edit")
	showSecret       = a.Button("Show", "Show API Secret", "Show secret", "Reveal").In(a.Region("API Secret"))
	submitButton     = a.Button("Submit")
	refused          = a.Role("alert")
	// unavailable is MEETS answering 503 (or a gateway's 502/504), whatever its page says.
	unavailable = a.Any(a.Status(502, 503, 504), a.Heading("Service temporarily unavailable", "Service Unavailable", "503 Service Temporarily Unavailable"))
)

// Hidden is where MEETS shows a secret: masked in every picture, read or not.
func Hidden() []a.Locator { return []a.Locator{apiSecret} }
