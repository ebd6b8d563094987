package zoom

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	a "zoomsetup/automation"
	"zoomsetup/secret"
)

// noDeveloperRole is the advice when the Marketplace offers no way to build.
const noDeveloperRole = "ask the account owner for the role permission Server-to-Server OAuth app (View and Edit; newer accounts: Zoom for developers), under Role Settings > Advanced features"

// openMarketplace loads the Marketplace and waits until it shows a way to
// the builder. A signed-in Marketplace that has rendered without a Develop,
// Developer, Created apps or Build app entry means the role lacks the
// developer permission: that is said as soon as the page has settled.
func openMarketplace(ctx context.Context, s *a.Session, o Options) error {
	if err := s.Do(ctx, a.Open(o.MarketplaceURL)); err != nil {
		return err
	}
	ways := []a.Condition{developMenu, developerNav, createdAppsItem, buildAppItem, createdAppsPage}
	i, err := chromedp.Run(ctx, a.WaitAny(append(ways, emailField, manageMenu, a.Settled())...))
	switch {
	case err != nil:
		return a.Fail(a.KindUnexpected, noDeveloperRole, "the Marketplace shows no Develop or Developer entry: %v", err)
	case i < len(ways):
		return nil
	case i == len(ways):
		return a.Fail(a.KindUnexpected, "run again; if it repeats, sign in to the Marketplace by hand once",
			"the Marketplace sent the browser back to the Zoom sign-in")
	}
	// The page shows itself (its Manage entry) or has stopped changing: once
	// it has settled, a way to build would be there.
	if _, err := chromedp.Run(ctx, a.WaitFor(a.Settled())); err != nil {
		return err
	}
	if j, err := chromedp.Run(ctx, a.Glance(0, ways...)); err != nil || j >= 0 {
		return err
	}
	return a.Fail(a.KindUnexpected, noDeveloperRole,
		"the signed-in Marketplace shows no Develop, Developer or Created apps entry, so the role lacks the developer permission")
}

// appListed reports whether the Created Apps list holds an app with the
// name, refusing one of another type. It concludes "not there" only once
// the list has finished loading.
func appListed(ctx context.Context, name string) (bool, error) {
	entry := appEntry(name)
	i, err := chromedp.Run(ctx, a.WaitAny(append([]a.Condition{entry, a.Settled()}, noApps...)...))
	if err != nil {
		return false, err
	}
	if i != 0 {
		if _, err := chromedp.Run(ctx, a.WaitFor(a.Settled())); err != nil {
			return false, err
		}
		if ok, err := chromedp.Run(ctx, a.Holds(entry)); err != nil || !ok {
			return false, err
		}
	}
	text, err := chromedp.Run(ctx, a.RowText(entry))
	if err != nil {
		return true, err
	}
	low := strings.ToLower(text)
	s2s := strings.Contains(low, "server-to-server") || strings.Contains(low, "server to server")
	other := strings.Contains(low, "general") || strings.Contains(low, "webhook") || strings.Contains(low, "jwt") || strings.Contains(low, "sdk")
	if !s2s && other {
		return true, a.Fail(a.KindUnexpected, "leave it alone and choose another name with --app-name",
			"an app named %q exists but is not a Server-to-Server OAuth app (%q)", name, a.Normalize(text))
	}
	return true, nil
}

// OpenBuilder is the step "Develop > Build App". It first looks for the app
// under Created Apps: if it exists, nothing is built.
func OpenBuilder(o Options, r *Result) a.Step {
	return a.Step{Name: "zoom-open-builder", Title: "Open Develop > Build App", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		r.AppName = o.AppName
		if err := openMarketplace(ctx, s, o); err != nil {
			return "", err
		}
		if err := s.Do(ctx, a.Reach(createdAppsItem, createdAppsPage, developerNav, manageMenu, developMenu)); err != nil {
			return "", err
		}
		var err error
		if r.AppExisted, err = appListed(ctx, o.AppName); err != nil || r.AppExisted {
			return a.Already, err
		}
		builder := []a.Condition{chooseTypeHeading, kindDialog, s2sChoice, createButton.In(s2sTile)}
		// Build app shows on the list itself (the left navigation), or in
		// the Develop menu.
		if err := s.Do(ctx, a.Reach(buildAppItem, buildAppItem, developMenu, developerNav)); err != nil {
			return "", err
		}
		if err := s.Illustrate(ctx, "zoom-build-app", buildAppItem); err != nil {
			return "", err
		}
		if err := s.Do(ctx, a.Click(buildAppItem)); err != nil {
			return "", err
		}
		i, err := chromedp.Run(ctx, a.WaitAny(termsAsked, a.Any(builder...)))
		if err != nil || i == 1 {
			return a.Done, err
		}
		if err := acceptTerms(ctx, s, o); err != nil {
			return "", err
		}
		return a.Done, s.Do(ctx, a.WaitFor(a.Any(builder...)))
	}}
}

// termsAsked holds when the Marketplace asks a new developer, in front of
// everything else, to accept its terms: a dialog, a notice on the page, or
// a message in the Create dialog.
var termsAsked = a.InFront(acceptButton.In(termsPrompt))

// acceptTerms accepts the Marketplace's developer terms, only if the user
// said so; a box to tick beside them is ticked first.
func acceptTerms(ctx context.Context, s *a.Session, o Options) error {
	if !o.AcceptTerms {
		return a.Fail(a.KindPerson, "read them in the Marketplace and accept them, or run again with --accept-terms",
			"the Marketplace asks this account to accept its developer terms before building an app")
	}
	s.Note("accepting the Marketplace developer terms (--accept-terms)")
	if i, err := chromedp.Run(ctx, a.Glance(0, termsCheckbox.In(termsPrompt))); err != nil {
		return err
	} else if i == 0 {
		if _, err := chromedp.Run(ctx, a.SetChecked(termsCheckbox.In(termsPrompt), true)); err != nil {
			return err
		}
	}
	return s.Do(ctx, a.Click(acceptButton.In(termsPrompt)), a.WaitGone(termsAsked))
}

// ChooseType is the step "Choose Server-to-Server OAuth" and name the app;
// for an app that exists it opens that app instead. The type may be offered
// as tiles each with its own Create, as radio options, or as cards to
// select before a Create of their own.
func ChooseType(o Options, r *Result) a.Step {
	return a.Step{Name: "zoom-choose-type", Title: "Choose Server-to-Server OAuth and name the app", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if r.AppExisted {
			return a.Already, s.Do(ctx, a.Click(appEntry(o.AppName)), a.WaitFor(credentialsSection))
		}
		tileCreate := createButton.In(s2sTile)
		i, err := chromedp.Run(ctx, a.WaitAny(s2sChoice, tileCreate, nameDialog))
		if err != nil {
			return "", err
		}
		if i == 0 {
			// A choice to select first (a radio, a card), then Create.
			if err := s.Do(ctx, a.Click(s2sChoice)); err != nil {
				return "", err
			}
			if err := s.Illustrate(ctx, "zoom-choose-type", s2sChoice); err != nil {
				return "", err
			}
			// Its Create: in the dialog that asked, in the chosen card, or the page's.
			create := createButton.In(kindDialog).Or(tileCreate).Or(createButton)
			if j, err := chromedp.Run(ctx, a.WaitAny(nameDialog, create)); err != nil {
				return "", err
			} else if j == 1 {
				if err := s.Do(ctx, a.Click(create)); err != nil {
					return "", err
				}
			}
		} else if i == 1 {
			if err := s.Illustrate(ctx, "zoom-choose-type", tileCreate); err != nil {
				return "", err
			}
			if err := s.Do(ctx, a.Click(tileCreate)); err != nil {
				return "", err
			}
		}
		return a.Done, s.Do(ctx, a.WaitFor(nameDialog), a.Fill(appNameField.In(nameDialog), o.AppName))
	}}
}

// CreateApp is the step "Create": it presses Create in the name dialog and
// waits for the new app's page. A Create that fails may still have made the
// app (its answer lost), so it is never sent again blindly: the step looks
// under Created Apps first, opens the app if it is there, and otherwise
// builds it again from Build App.
func CreateApp(o Options, r *Result) a.Step {
	return a.Step{Name: "zoom-create-app", Title: "Create the app", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if r.AppExisted {
			return a.Already, nil
		}
		if err := s.Illustrate(ctx, "zoom-name-app", appNameField.In(nameDialog)); err != nil {
			return "", err
		}
		// A step run again finds no dialog: it looks before it creates.
		open, err := chromedp.Run(ctx, a.Holds(nameDialog))
		if err != nil {
			return "", err
		}
		look, pause := !open, time.Second
		for try := 1; ; try++ {
			if look {
				if _, err := OpenBuilder(o, r).Run(ctx, s); err != nil {
					return "", err
				}
				if _, err := ChooseType(o, r).Run(ctx, s); err != nil || r.AppExisted {
					return a.Done, err // created by the Create that seemed to fail
				}
			}
			// No recovery while the answer is awaited: the page's Retry
			// would send the Create again.
			wait := a.WithoutRecovery(ctx)
			i, err := chromedp.Run(wait, chromedp.Action[int](func(ctx context.Context, t *chromedp.Target) (int, error) {
				if _, err := a.Click(createButton.In(nameDialog))(ctx, t); err != nil {
					return -1, err
				}
				return a.WaitAny(credentialsSection, retryControl, a.URLPrefix(o.ZoomURL), termsAsked)(ctx, t)
			}))
			if err != nil {
				return "", err
			}
			if i == 0 {
				return a.Done, nil
			}
			if i == 3 {
				// Refused until the terms are accepted: nothing was made,
				// but Create is pressed again only after a look.
				if err := acceptTerms(ctx, s, o); err != nil {
					return "", err
				}
				if try < maxCreates {
					look = true
					continue
				}
			}
			if try == maxCreates {
				return "", a.Fail(a.KindUnexpected, "look under Created Apps: finish the app there, or run again later",
					"the Marketplace failed to create the app %d times", try)
			}
			s.Note("creating the app failed; looking under Created Apps before pressing Create again (in %s)", pause)
			if err := a.Pause(ctx, pause); err != nil {
				return "", err
			}
			look, pause = true, 2*pause
		}
	}}
}

// maxCreates bounds the presses of Create in one run of the step; each
// after the first follows a look under Created Apps.
const maxCreates = 4

// openSection shows one of the app's sections and waits for its heading.
func openSection(ctx context.Context, s *a.Session, entry a.Locator, heading string) error {
	return s.Do(ctx, a.Click(entry), a.WaitFor(a.Heading(heading)))
}

// masked is true when the secret does not show itself: nothing yet, or dots.
func masked(v string) bool { return strings.TrimSpace(v) == "" || a.Masked(v) }

// ReadCredentials is the step "Copy the App Credentials": Account ID, Client
// ID and, revealed if masked, Client Secret, whether the page shows them in
// fields or as text beside their labels. They are saved before anything else
// happens. Regenerate is never pressed.
func ReadCredentials(o Options, r *Result) a.Step {
	st := a.Step{Name: "zoom-read-credentials", Title: "Copy the App Credentials", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if err := openSection(ctx, s, credentialsSection, "App Credentials"); err != nil {
			return "", err
		}
		acct, err := chromedp.Run(ctx, a.Value(accountID))
		if err != nil {
			return "", err
		}
		client, err := chromedp.Run(ctx, a.Value(clientID))
		if err != nil {
			return "", err
		}
		sec, err := chromedp.Run(ctx, a.Value(clientSecret))
		if err != nil {
			return "", err
		}
		if masked(sec) {
			if err := s.Do(ctx, a.Click(showSecretButton), a.WaitFor(revealed)); err != nil {
				return "", err
			}
			if sec, err = chromedp.Run(ctx, a.Value(clientSecret)); err != nil {
				return "", err
			}
		}
		r.Credentials.AccountID, r.Credentials.ClientID = strings.TrimSpace(acct), strings.TrimSpace(client)
		r.Credentials.ClientSecret = secret.New(strings.TrimSpace(sec))
		s.Secrets.Add(r.Credentials.ClientSecret)
		if o.ShowSecret {
			s.ShowInPictures(r.Credentials.ClientSecret)
		}
		s.HideInPictures(r.Credentials.AccountID, r.Credentials.ClientID)
		if err := r.Credentials.Check(); err != nil {
			return "", a.Fail(a.KindUnexpected, "open the app's App Credentials page and check what it shows", "the credentials read from Zoom look wrong: %v", err)
		}
		if err := r.save(); err != nil {
			return "", fmt.Errorf("save the credentials: %w", err)
		}
		if err := s.Illustrate(ctx, "zoom-app-credentials", credentialFields); err != nil {
			return "", err
		}
		if r.AppExisted {
			return a.Already, nil
		}
		return a.Done, nil
	}}
	if !o.ShowSecret {
		st.Mask = []a.Locator{clientSecret}
	}
	return st
}

// revealed holds once the Client Secret shows a value instead of dots.
var revealed = a.When("the Client Secret to be shown", func(ctx context.Context, t *chromedp.Target) (bool, error) {
	v, err := a.ReadNow(clientSecret)(ctx, t)
	return err == nil && !masked(v), err
})
