package zoom

import a "zoomsetup/automation"

// The words Zoom's pages show, in one place: when Zoom renames a button, the
// change is one line here. Each list is preferred-first; a match on a later
// alternative, or on another kind of control than the one named here, is
// logged as drift so it shows before it breaks.
var (
	emailField    = a.Field("Email or phone number", "Email Address", "Email address", "Email", "Work Email")
	nextButton    = a.Button("Next", "Continue")
	passwordField = a.Field("Password")
	signInButton  = a.Button("Sign In", "Sign in", "Log In")
	codeField     = a.Field("Verification code", "Enter verification code", "Code", "6-digit code", "Enter code")
	codeBoxes     = a.Field().In(a.Region("Verification code", "Enter verification code", "Code", "6-digit code"))
	verifyButton  = a.Button("Verify", "Submit", "Sign In", "Continue")

	wrongPassword = a.Text("Incorrect email or password")
	wrongCode     = a.Alert("verification code is incorrect", "incorrect code", "invalid code")
	captchaShown  = []a.Condition{a.Text("An error with reCAPTCHA occured"), a.Text("An error with reCAPTCHA occurred"), a.Text("entered the letters"), a.Text("I'm not a robot")}

	cookieDismiss = []a.Locator{
		a.Button("Decline", "Reject All", "Decline All", "Reject All Cookies"),
		a.Button("Accept Cookies", "Accept All Cookies", "Accept All", "Accept"),
	}

	developMenu     = a.Clickable("Develop")
	buildAppItem    = a.Clickable("Build App", "Build an App", "Build app")
	manageMenu      = a.Clickable("Manage")
	createdAppsItem = a.Clickable("Created Apps", "Created apps")
	createdAppsPage = a.Heading("Created Apps", "Created apps")
	developerNav    = a.Clickable("Developer", "Developers")
	noApps          = []a.Condition{a.Text("not created any apps"), a.Text("no apps"), a.Text("No apps")}

	// The terms are asked for in a dialog, a notice on the page or in the
	// Create dialog: whatever holds these words and an Accept button.
	termsPrompt       = a.Region("Marketplace terms", "Developer Terms", "Developer Agreement").Containing()
	termsCheckbox     = a.Checkbox("I agree", "Zoom Marketplace Developer Agreement", "API License").Containing()
	acceptButton      = a.Button("Accept", "I Agree", "Agree", "Accept and continue")
	chooseTypeHeading = a.Heading("Choose your app type", "Choose your app type:")
	kindDialog        = a.Dialog("What kind of app are you creating?")
	s2sNames          = []string{"Server-to-Server OAuth", "Server-to-Server OAuth App", "Server to Server OAuth App", "Server to Server OAuth"}
	s2sTile           = a.Region(s2sNames...)
	s2sChoice         = a.Radio(s2sNames...)
	createButton      = a.Button("Create")
	nameDialog        = a.Dialog("Create a Server-to-Server OAuth app", "Create a Server-to-Server OAuth App", "Create a Server to Server OAuth app")
	appNameField      = a.Field("App Name", "App name", "Name")
	retryControl      = a.Clickable("Retry", "Try again", "Try Again") // a failed request's way to send it again

	credentialsSection = a.Link("App Credentials")
	informationSection = a.Link("Information")
	featureSection     = a.Link("Feature", "Features")
	scopesSection      = a.Link("Scopes")
	activationSection  = a.Link("Activation")
	continueButton     = a.Button("Continue")

	accountID        = a.Label("Account ID")
	clientID         = a.Label("Client ID")
	clientSecret     = a.Label("Client Secret")
	credentialFields = a.Label("Account ID", "Client ID", "Client Secret")
	showSecretButton = a.Button("Show", "Show client secret", "Show Client Secret", "Show secret", "View", "Reveal").In(a.Region("Client Secret"))

	descriptionField  = a.Field("Short description", "Short Description", "Description")
	companyField      = a.Field("Company Name", "Company name", "Company")
	contactSection    = a.Region("Developer Contact Information", "Developer Contact")
	contactNameField  = a.Field("Name", "Contact Name").In(contactSection).Or(a.Field("Contact Name", "Developer Contact Name", "Developer Name", "Name"))
	contactEmailField = a.Field("Email address", "Email Address", "Email", "Contact Email").In(contactSection).Or(a.Field("Contact Email", "Developer Contact Email", "Developer Email", "Email address", "Email Address"))
	infoFields        = a.Field("Company Name", "Name", "Email address")

	addScopesButton = a.Clickable("Add Scopes", "Add scopes")
	scopesDialog    = a.Dialog("Add Scopes", "Add scopes")
	scopeSearch     = a.Field("Search scopes", "Search").In(scopesDialog)
	doneButton      = a.Button("Done").In(scopesDialog)
	scopeCount      = []a.Condition{a.Text("scopes added"), a.Text("scope added"), a.Text("No scopes")}

	activateButton   = a.Button("Activate your app", "Activate")
	activateSwitch   = a.Switch("Activate your app", "Activate", "Activation", "Active")
	activatedText    = a.Text("Your app is activated on the account")
	deactivateButton = a.Button("Deactivate")
	cannotActivate   = a.Alert("cannot be activated", "Your app cannot be activated")
)

// products names the picker's product for each scope family, as its side
// list shows them.
var products = map[string][]string{
	"meeting":         {"Meeting", "Meetings"},
	"webinar":         {"Webinar", "Webinars"},
	"cloud_recording": {"Recording", "Cloud Recording", "Recordings"},
	"recording":       {"Recording", "Cloud Recording", "Recordings"},
	"user":            {"User", "Users"},
	"report":          {"Report", "Reports"},
}

// scopeBox finds the picker's toggle for a scope id: its label carries "(id)"
// in the granular picker, or the id in the classic one.
func scopeBox(id string) a.Locator {
	return a.Checkbox(id).Words().In(scopesDialog)
}

// addScope finds the picker's Add button for a scope id, for pickers that
// add each scope with a button of its own; addButtons finds them all.
func addScope(id string) a.Locator { return addButton.In(a.Region(id).Words()) }

var (
	addButton  = a.Button("Add", "Add scope")
	addButtons = addButton.In(scopesDialog)
)

// allBoxes is every toggle of the picker.
var allBoxes = a.Checkbox().In(scopesDialog)

// appEntry finds an app by its name in the Created Apps list.
func appEntry(name string) a.Locator { return a.Clickable(name) }

// Dismissers are the controls that close Zoom's overlays, least consent first.
func Dismissers() []a.Locator { return cookieDismiss }

// Hidden is where Zoom shows a secret: masked in every picture, read or not.
func Hidden() []a.Locator { return []a.Locator{clientSecret} }
