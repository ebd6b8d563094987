package zoom

import a "zoomsetup/automation"

// The words Zoom's pages show, in one place: when Zoom renames a button, the
// change is one line here. Each list is preferred-first; a match on a later
// alternative is logged so drift shows before it breaks.
var (
	emailField    = a.Field("Email or phone number", "Email Address", "Email", "Work Email")
	nextButton    = a.Button("Next", "Continue")
	passwordField = a.Field("Password")
	signInButton  = a.Button("Sign In", "Sign in")
	codeField     = a.Field("Verification code", "Enter verification code", "Code", "6-digit code")
	verifyButton  = a.Button("Verify", "Submit", "Sign In")

	wrongPassword = a.Text("Incorrect email or password")
	wrongCode     = a.Alert("verification code is incorrect", "incorrect code", "invalid code")
	captchaShown  = []a.Condition{a.Text("An error with reCAPTCHA occured"), a.Text("An error with reCAPTCHA occurred"), a.Text("entered the letters"), a.Text("I'm not a robot")}

	cookieDismiss = []a.Locator{
		a.Button("Decline", "Reject All", "Decline All", "Reject All Cookies"),
		a.Button("Accept Cookies", "Accept All Cookies", "Accept All", "Accept"),
	}

	developMenu     = a.Clickable("Develop")
	buildAppItem    = a.Link("Build App", "Build an App", "Build app")
	manageMenu      = a.Clickable("Manage")
	createdAppsItem = a.Link("Created Apps", "Created apps")
	developerNav    = a.Clickable("Developer", "Developers")
	buildAppButton  = a.Button("Build app", "Build App", "Build an App", "+")

	termsDialog       = a.Dialog("Accept the Zoom Marketplace terms", "Zoom Marketplace Developer Agreement")
	termsCheckbox     = a.Checkbox("I agree").Containing().In(termsDialog)
	acceptButton      = a.Button("Accept", "I Agree", "Agree").In(termsDialog)
	chooseTypeHeading = a.Heading("Choose your app type", "Choose your app type:")
	s2sTile           = a.Region("Server-to-Server OAuth", "Server-to-Server OAuth App", "Server to Server OAuth App")
	kindDialog        = a.Dialog("What kind of app are you creating?")
	s2sRadio          = a.Radio("Server to Server OAuth App", "Server-to-Server OAuth App", "Server-to-Server OAuth")
	createButton      = a.Button("Create")
	nameDialog        = a.Dialog("Create a Server-to-Server OAuth app", "Create a Server-to-Server OAuth App")
	appNameField      = a.Field("App Name", "App name")

	credentialsSection = a.Link("App Credentials")
	informationSection = a.Link("Information")
	featureSection     = a.Link("Feature", "Features")
	scopesSection      = a.Link("Scopes")
	activationSection  = a.Link("Activation")
	continueButton     = a.Button("Continue")

	accountIDField    = a.Field("Account ID")
	clientIDField     = a.Field("Client ID")
	clientSecretField = a.Field("Client Secret")
	credentialFields  = a.Field("Account ID", "Client ID", "Client Secret")
	showSecretButton  = a.Button("Show", "Show client secret", "View", "Reveal")

	descriptionField  = a.Field("Short description", "Short Description")
	companyField      = a.Field("Company Name", "Company name")
	contactNameField  = a.Field("Name", "Developer Contact Name", "Contact Name")
	contactEmailField = a.Field("Email address", "Email Address", "Developer Contact Email")
	infoFields        = a.Field("Company Name", "Name", "Email address")

	addScopesButton = a.Button("Add Scopes", "+ Add Scopes", "Add scopes")
	scopesDialog    = a.Dialog("Add Scopes", "Add scopes")
	scopeSearch     = a.Field("Search scopes", "Search").In(scopesDialog)
	doneButton      = a.Button("Done").In(scopesDialog)

	activateButton   = a.Button("Activate your app", "Activate")
	activatedText    = a.Text("Your app is activated on the account")
	deactivateButton = a.Button("Deactivate")
	cannotActivate   = a.Alert("cannot be activated", "Your app cannot be activated")
)

// scopeBox finds the picker's checkbox for a scope id: its label ends "(id)".
func scopeBox(id string) a.Locator {
	return a.Checkbox("(" + id + ")").Containing().In(scopesDialog)
}

// allBoxes is every checkbox of the picker.
var allBoxes = a.Checkbox().In(scopesDialog)

// appLink finds an app by its name in the Created Apps list.
func appLink(name string) a.Locator { return a.Link(name) }

// Dismissers are the controls that close Zoom's overlays, least consent first.
func Dismissers() []a.Locator { return cookieDismiss }
