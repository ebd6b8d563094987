package zoom

import (
	"context"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"

	a "zoomsetup/automation"
	"zoomsetup/secret"
)

// layout is which of the Marketplace's two navigations the account shows.
type layout int

const (
	topNav  layout = iota // Develop > Build App
	leftNav               // Developer > Created apps > + Build app
)

// openMarketplace loads the Marketplace and tells its layout. A missing
// Develop/Developer entry means the role lacks the developer permission.
func openMarketplace(ctx context.Context, s *a.Session, o Options) (layout, error) {
	if err := s.Do(ctx, a.Open(o.MarketplaceURL)); err != nil {
		return 0, err
	}
	i, err := chromedp.Run(ctx, a.WaitAny(developMenu, developerNav, emailField))
	switch {
	case err != nil:
		return 0, a.Fail(a.KindUnexpected,
			"ask the account owner for the role permission Server-to-Server OAuth app (View and Edit), under Role Settings > Advanced features",
			"the Marketplace shows no Develop or Developer entry: %v", err)
	case i == 2:
		return 0, a.Fail(a.KindUnexpected, "run again; if it repeats, sign in to the Marketplace by hand once",
			"the Marketplace sent the browser back to the Zoom sign-in")
	}
	return layout(i), nil
}

// openCreatedApps shows the list of apps this account has built.
func openCreatedApps(ctx context.Context, s *a.Session, l layout) error {
	if l == topNav {
		return s.Do(ctx, a.Click(manageMenu), a.Click(createdAppsItem))
	}
	if ok, _ := chromedp.Run(ctx, a.Holds(createdAppsItem)); !ok {
		if err := s.Do(ctx, a.Click(developerNav)); err != nil {
			return err
		}
	}
	return s.Do(ctx, a.Click(createdAppsItem))
}

// appListed waits for the Created Apps list to load and reports whether it
// holds an app with the name, refusing one of another type.
func appListed(ctx context.Context, name string) (bool, error) {
	i, err := chromedp.Run(ctx, a.WaitAny(appLink(name), a.Role("table"), a.Text("not created any apps")))
	if err != nil {
		return false, err
	}
	if i != 0 {
		if ok, _ := chromedp.Run(ctx, a.Holds(appLink(name))); !ok {
			return false, nil
		}
	}
	text, err := chromedp.Run(ctx, a.RowText(appLink(name)))
	if err != nil {
		return true, err
	}
	if low := strings.ToLower(text); !strings.Contains(low, "server-to-server") && !strings.Contains(low, "server to server") {
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
		l, err := openMarketplace(ctx, s, o)
		if err != nil {
			return "", err
		}
		if err := openCreatedApps(ctx, s, l); err != nil {
			return "", err
		}
		if r.AppExisted, err = appListed(ctx, o.AppName); err != nil || r.AppExisted {
			return a.Already, err
		}
		if l == topNav {
			if err := s.Do(ctx, a.Click(developMenu)); err != nil {
				return "", err
			}
			if err := s.Illustrate(ctx, "zoom-build-app", buildAppItem); err != nil {
				return "", err
			}
			if err := s.Do(ctx, a.Click(buildAppItem)); err != nil {
				return "", err
			}
			return a.Done, terms(ctx, s, o, chooseTypeHeading)
		}
		if err := s.Illustrate(ctx, "zoom-build-app", buildAppButton); err != nil {
			return "", err
		}
		if err := s.Do(ctx, a.Click(buildAppButton)); err != nil {
			return "", err
		}
		return a.Done, terms(ctx, s, o, kindDialog)
	}}
}

// terms waits for the builder (next); when the Marketplace first asks a new
// developer to accept its terms, it accepts them only if the user said so.
func terms(ctx context.Context, s *a.Session, o Options, next a.Condition) error {
	i, err := chromedp.Run(ctx, a.WaitAny(termsDialog, next))
	if err != nil || i == 1 {
		return err
	}
	if !o.AcceptTerms {
		return a.Fail(a.KindPerson, "read them in the Marketplace and accept them, or run again with --accept-terms",
			"the Marketplace asks this account to accept its developer terms before building an app")
	}
	s.Note("accepting the Marketplace developer terms (--accept-terms)")
	if _, err := chromedp.Run(ctx, a.SetChecked(termsCheckbox, true)); err != nil {
		return err
	}
	return s.Do(ctx, a.Click(acceptButton), a.WaitGone(termsDialog), a.WaitFor(next))
}

// ChooseType is the step "Choose Server-to-Server OAuth" and name the app;
// for an app that exists it opens that app instead.
func ChooseType(o Options, r *Result) a.Step {
	return a.Step{Name: "zoom-choose-type", Title: "Choose Server-to-Server OAuth and name the app", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if r.AppExisted {
			return a.Already, s.Do(ctx, a.Click(appLink(o.AppName)), a.WaitFor(credentialsSection))
		}
		i, err := chromedp.Run(ctx, a.WaitAny(chooseTypeHeading, kindDialog))
		if err != nil {
			return "", err
		}
		if i == 0 {
			if err := s.Illustrate(ctx, "zoom-choose-type", createButton.In(s2sTile)); err != nil {
				return "", err
			}
			err = s.Do(ctx, a.Click(createButton.In(s2sTile)))
		} else {
			if err := s.Do(ctx, a.Click(s2sRadio.In(kindDialog))); err != nil {
				return "", err
			}
			if err := s.Illustrate(ctx, "zoom-choose-type", s2sRadio.In(kindDialog)); err != nil {
				return "", err
			}
			err = s.Do(ctx, a.Click(createButton.In(kindDialog)))
		}
		if err != nil {
			return "", err
		}
		return a.Done, s.Do(ctx, a.WaitFor(nameDialog), a.Fill(appNameField.In(nameDialog), o.AppName))
	}}
}

// CreateApp is the step "Create": it presses Create in the name dialog and
// waits for the new app's first section.
func CreateApp(o Options, r *Result) a.Step {
	return a.Step{Name: "zoom-create-app", Title: "Create the app", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if r.AppExisted {
			return a.Already, nil
		}
		if err := s.Illustrate(ctx, "zoom-name-app", appNameField.In(nameDialog)); err != nil {
			return "", err
		}
		if err := s.Do(ctx, a.Click(createButton.In(nameDialog)), a.WaitFor(credentialsSection), a.WaitFor(accountIDField)); err != nil {
			return "", err
		}
		return a.Done, nil
	}}
}

// openSection shows one of the app's sections and waits for its heading.
func openSection(ctx context.Context, s *a.Session, link a.Locator, heading string) error {
	return s.Do(ctx, a.Click(link), a.WaitFor(a.Heading(heading)))
}

// masked is true when a field shows dots or stars instead of its value.
func masked(v string) bool {
	v = strings.TrimSpace(v)
	return v == "" || strings.Trim(v, "•*●·") == ""
}

// ReadCredentials is the step "Copy the App Credentials": Account ID, Client
// ID and, revealed if masked, Client Secret. They are saved before anything
// else happens.
func ReadCredentials(o Options, r *Result) a.Step {
	st := a.Step{Name: "zoom-read-credentials", Title: "Copy the App Credentials", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if err := openSection(ctx, s, credentialsSection, "App Credentials"); err != nil {
			return "", err
		}
		acct, err := chromedp.Run(ctx, a.Value(accountIDField))
		if err != nil {
			return "", err
		}
		client, err := chromedp.Run(ctx, a.Value(clientIDField))
		if err != nil {
			return "", err
		}
		sec, err := chromedp.Run(ctx, a.Value(clientSecretField))
		if err != nil {
			return "", err
		}
		if masked(sec) {
			if err := s.Do(ctx, a.Click(showSecretButton), a.WaitFor(revealed)); err != nil {
				return "", err
			}
			if sec, err = chromedp.Run(ctx, a.Value(clientSecretField)); err != nil {
				return "", err
			}
		}
		r.Credentials.AccountID, r.Credentials.ClientID = acct, client
		r.Credentials.ClientSecret = secret.New(sec)
		s.Secrets.Add(r.Credentials.ClientSecret)
		s.HideInPictures(acct, client)
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
		st.Mask = []a.Locator{clientSecretField}
	}
	return st
}
