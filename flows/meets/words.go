package meets

import a "zoomsetup/automation"

// The words the MEETS admin panel shows, in one place. MEETS' exact wording
// is not public, so success is confirmed by what the page then holds (the
// stored API Key, read-only), not by a message alone.
var (
	userField     = a.Field("Username or Email", "Username or email", "Username", "Email")
	passwordField = a.Field("Password")
	logInButton   = a.Button("Log In", "Login", "Log in", "Sign In")
	loginRefused  = a.Alert("Invalid username or password", "Invalid login", "incorrect")

	conferencingTab  = a.Link("Conferencing Account", "Conferencing Accounts")
	apiKeyField      = a.Field("API Key")
	apiSecretField   = a.Field("API Secret")
	credentialFields = a.Field("API Key", "API Secret")
	editButton       = a.Button("Edit")
	clearButton      = a.Button("Clear Configuration")
	submitButton     = a.Button("Submit")
	refused          = a.Locator{Roles: []string{"alert"}}
	unavailable      = a.Heading("Service temporarily unavailable", "Service Unavailable", "503 Service Temporarily Unavailable")
)
